// `npm test`'s mocha: every test file, 2 workers. Files go to the workers in list order, so the longest ones (measured
// by a serial run; each takes 4–15 s, most files under 1 s) are listed first: started last, one of them would leave a
// worker running alone at the end of the run.
const fs = require('node:fs');
const path = require('node:path');

const LONGEST_FIRST = [
  'test/integration/fuzz.web.test.ts',
  'test/e2e/phone.layout.test.ts',
  'test/attack/login.flood.test.ts',
  'test/attack/git.attack.test.ts',
  'test/integration/reach.webhooks.test.ts',
  'test/integration/sync.codeforces.test.ts',
  'test/integration/startup.test.ts',
  'test/attack/coalescing.test.ts',
  'test/integration/sync.git.test.ts',
  'test/integration/backup.test.ts',
  'test/e2e/checklist.sharedForm.test.ts',
  'test/unit/net.outbound.test.ts',
];
const FOLDERS = ['test/unit', 'test/integration', 'test/e2e', 'test/attack'];

function testFiles(folder) {
  return fs
    .readdirSync(folder, { recursive: true })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => path.join(folder, name).split(path.sep).join('/'))
    .sort();
}

const rest = FOLDERS.flatMap(testFiles).filter((file) => !LONGEST_FIRST.includes(file));

module.exports = {
  'node-option': ['import=tsx', 'no-experimental-require-module'],
  extension: ['ts'],
  require: ['test/support/fastScrypt.ts', 'test/support/buildOnce.ts'],
  spec: [...LONGEST_FIRST.filter((file) => fs.existsSync(file)), ...rest],
  timeout: 20000,
  parallel: true,
  jobs: 2,
};

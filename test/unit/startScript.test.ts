import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { parseStartScript, startCommand } from '../../bench/pages/startScript.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('npm start, as the benchmarks read it (bench/pages/startScript.ts)', () => {
  it('splits the environment, node flags and the script', () => {
    expect(parseStartScript('A=1 B_2=x=y node --max-semi-space-size=4 --heap-growing-percent=80 dist/main.js')).to.eql({
      env: { A: '1', B_2: 'x=y' },
      nodeArgs: ['--max-semi-space-size=4', '--heap-growing-percent=80'],
      script: 'dist/main.js',
    });
    expect(parseStartScript('node dist/main.js')).to.eql({ env: {}, nodeArgs: [], script: 'dist/main.js' });
  });

  it('refuses a start script it would only half understand', () => {
    expect(() => parseStartScript('tsx src/main.ts')).to.throw(/expected "\[NAME=value …\] node/);
    expect(() => parseStartScript('node --inspect')).to.throw(/one script after node's flags/);
    expect(() => parseStartScript('node dist/main.js && echo done')).to.throw(/one script after node's flags/);
  });

  it("package.json's start script runs dist/main.js, and this node accepts every flag it passes", () => {
    const start = startCommand(ROOT);
    expect(start.script).to.equal('dist/main.js');
    // A flag a newer node no longer knows would stop `npm start` with "bad option" before cote runs.
    const probe = spawnSync(process.execPath, [...start.nodeArgs, '-e', 'process.exit(0)'], {
      env: { ...process.env, ...start.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
    });
    expect(probe.stderr, probe.stderr).to.equal('');
    expect(probe.status).to.equal(0);
  });
});

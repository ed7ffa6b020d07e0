import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * `npm test` only (.mocharc.cjs): before any test file, make sure dist/ is the current source compiled (`npm run
 * build`, as `npm install` does, unless dist/main.js is newer than every file it is built from), so the tests that
 * start cote as a process start the compiled server: under tsx every start compiled ~150 modules again (1.5 s of CPU
 * instead of 0.6 s, about twenty starts a run). Mocha runs this in its main process before the workers exist; they
 * inherit COTE_TEST_BUILD. `npm run test:file` skips it: processes run the source through tsx there.
 */
export function mochaGlobalSetup(): void {
  if (!builtFromCurrentSource(ROOT)) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
  process.env.COTE_TEST_BUILD = '1';
}

/** Whether `root`/dist/main.js is newer than every file (and folder) under src/ and both config files. */
export function builtFromCurrentSource(root: string): boolean {
  const built = mtime(path.join(root, 'dist/main.js'));
  if (built === 0) return false;
  const inputs = [path.join(root, 'package.json'), path.join(root, 'tsconfig.json')];
  for (const name of fs.readdirSync(path.join(root, 'src'), { recursive: true }))
    inputs.push(path.join(root, 'src', String(name)));
  return inputs.every((file) => mtime(file) < built);
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

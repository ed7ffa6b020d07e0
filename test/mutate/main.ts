/**
 * `npm run mutate [-- name …]`: applies each mutation of mutations.ts, one at a time, to a copy of the repository in a
 * temporary folder (the work tree is never touched), runs that mutation's test files there and says whether a test
 * failed (killed) or none did (survived). Prints one line per mutation and the score, killed / applied; exits 1 when a
 * mutation survived, its text was not found exactly once (the list is stale), or the tests fail without mutations.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MUTATIONS, type Mutation } from './mutations.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const COPIED = ['src', 'test', 'views', 'public', 'package.json', 'tsconfig.json', '.mocharc.cjs'];

/** The repository's files in <tmp>/repo, node_modules linked, and <tmp>/shared beside it as ../shared is. */
function copyRepository(): { dir: string; remove: () => void } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-mutate-'));
  const dir = path.join(base, 'repo');
  fs.mkdirSync(dir);
  for (const name of COPIED) fs.cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const shared = path.resolve(ROOT, '../shared');
  if (fs.existsSync(shared)) fs.symlinkSync(shared, path.join(base, 'shared'), 'dir');
  return { dir, remove: () => fs.rmSync(base, { recursive: true, force: true }) };
}

function runTests(dir: string, files: string[]): { passed: boolean; ms: number; tail: string } {
  const started = Date.now();
  const args = ['--no-config', '--node-option', 'import=tsx', '--node-option', 'no-experimental-require-module'];
  args.push('--extension', 'ts', '--require', 'test/support/fastScrypt.ts', '--timeout', '20000', '--bail');
  const run = spawnSync(path.join(dir, 'node_modules/.bin/mocha'), [...args, ...files], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  const tail = `${run.stdout}${run.stderr}`.trim().split('\n').slice(-12).join('\n');
  return { passed: run.status === 0, ms: Date.now() - started, tail };
}

/** Applies one mutation to the copy; returns how to undo it, or the reason it could not be applied. */
function apply(dir: string, m: Mutation): { undo: () => void } | { error: string } {
  const file = path.join(dir, m.file);
  if (!fs.existsSync(file)) return { error: `${m.file} does not exist` };
  const original = fs.readFileSync(file, 'utf8');
  const count = original.split(m.from).length - 1;
  if (count !== 1) return { error: `"${m.from}" occurs ${count} times in ${m.file} (expected once)` };
  fs.writeFileSync(file, original.replace(m.from, m.to));
  return { undo: () => fs.writeFileSync(file, original) };
}

function main(): number {
  const only = process.argv.slice(2);
  const chosen = only.length ? MUTATIONS.filter((m) => only.includes(m.name)) : MUTATIONS;
  const copy = copyRepository();
  try {
    const allTests = [...new Set(chosen.flatMap((m) => m.tests))];
    const baseline = runTests(copy.dir, allTests);
    if (!baseline.passed) {
      process.stderr.write(`mutate: the tests fail without any mutation:\n${baseline.tail}\n`);
      return 1;
    }
    process.stdout.write(`baseline: ${allTests.length} test files pass (${(baseline.ms / 1000).toFixed(1)} s)\n`);
    let killed = 0;
    let survived = 0;
    let stale = 0;
    for (const m of chosen) {
      const applied = apply(copy.dir, m);
      if ('error' in applied) {
        stale++;
        process.stdout.write(`NOT APPLIED  ${m.name}: ${applied.error}\n`);
        continue;
      }
      try {
        const result = runTests(copy.dir, m.tests);
        if (result.passed) survived++;
        else killed++;
        const verdict = result.passed ? 'SURVIVED   ' : 'killed     ';
        process.stdout.write(`${verdict}  ${m.name} (${(result.ms / 1000).toFixed(1)} s): ${m.what}\n`);
      } finally {
        applied.undo();
      }
    }
    const applied = killed + survived;
    const score = applied ? ((100 * killed) / applied).toFixed(0) : '0';
    process.stdout.write(
      `score: ${killed}/${applied} killed (${score} %), ${survived} survived, ${stale} not applied\n`,
    );
    return survived === 0 && stale === 0 ? 0 : 1;
  } finally {
    copy.remove();
  }
}

process.exitCode = main();

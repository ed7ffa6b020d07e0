import path from 'node:path';
import type { Db } from '../../src/db/connection.ts';
import { importList } from '../../src/catalog/importList.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';
import type { Outcome } from '../../src/planner/types.ts';
import { runCli } from '../../src/cli.ts';
import { testCliContext, testDeps } from '../support/app.ts';
import { seedLearner } from '../support/progress.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';

/** The small fixture list: math (1978, 2609), graph traversal (1260, 2178, 7576, 1012), simulation (14891, 2178, 14499, 1003). */
export const GROUP_LIST = path.resolve(import.meta.dirname, '../fixtures/catalog/v1');
/** testDeps' clock: 12:00 in Seoul on 2026-11-28. */
export const TODAY = '2026-11-28';

export function solve(
  db: Db,
  learner: Learner,
  problem: string,
  day: string | null,
  outcome: Outcome = 'solved',
): void {
  recordAttempt(db, {
    learnerId: learner.id,
    problemId: problem,
    day,
    outcome,
    note: `private note of ${learner.login}`,
    createdAt: '2026-11-28T00:00:00Z',
  });
}

/** An admin, three members of group "Alpha" (ana, bo, cy) and an outsider (dan) in group "Beta", over the fixture list. */
export async function groupWorld(env: NodeJS.ProcessEnv = {}) {
  const t = testDeps(env);
  const db = t.deps.db;
  await importList(db, GROUP_LIST);
  const admin = seedLearner(db, 'admin', { language: 'en' });
  const exam = { examDate: '2027-01-31', language: 'en' };
  const ana = seedLearner(db, 'ana', exam);
  const bo = seedLearner(db, 'bo', exam);
  const cy = seedLearner(db, 'cy', exam);
  const dan = seedLearner(db, 'dan', exam);
  const cli = async (...args: string[]) => {
    const c = testCliContext(t);
    const code = await runCli(['node', 'cote', ...args], c.cli);
    return { code, out: c.out.join('\n'), err: c.err };
  };
  return { t, db, admin, ana, bo, cy, dan, cli };
}

/** Group Alpha with ana, bo, cy (in that order) and Beta with dan, made through the CLI. */
export async function withGroups(w: Awaited<ReturnType<typeof groupWorld>>) {
  for (const args of [
    ['create', 'Alpha'],
    ['add', 'Alpha', '--learner', 'ana'],
    ['add', 'Alpha', '--learner', 'bo'],
    ['add', 'Alpha', '--learner', 'cy'],
    ['create', 'Beta'],
    ['add', 'Beta', '--learner', 'dan'],
  ]) {
    const r = await w.cli('group', ...args);
    if (r.code !== 0) throw new Error(`cote group ${args.join(' ')}: ${r.err.join(' ')}`);
  }
}

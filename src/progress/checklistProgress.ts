import type { Db } from '../db/connection.ts';
import { checklistView } from './checklist.ts';
import type { TypeStats } from './stats.ts';

/** The figures of the types `problemId` sits in, after a change to it (the checklist updates them in place). */
export function typeStatsOfProblem(db: Db, learnerId: number, problemId: string): Map<string, TypeStats> {
  const { categories } = checklistView(db, {}, learnerId);
  return new Map(categories.filter((c) => c.rows.some((r) => r.problemId === problemId)).map((c) => [c.key, c.stats]));
}

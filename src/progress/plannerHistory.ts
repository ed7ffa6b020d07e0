import type { Db } from '../db/connection.ts';
import type { HistoryAttempt, Outcome } from '../planner/types.ts';

/** The learner's attempts in the planner's shape, oldest first (undated ones first). */
export function plannerHistory(db: Db, learnerId: number): HistoryAttempt[] {
  return db
    .prepare(
      'SELECT problem_id AS problem, day, outcome, minutes, origin FROM attempts WHERE learner_id = ? ORDER BY day IS NOT NULL, day, id',
    )
    .all(learnerId) as {
    problem: string;
    day: string | null;
    outcome: Outcome;
    minutes: number | null;
    origin: string;
  }[];
}

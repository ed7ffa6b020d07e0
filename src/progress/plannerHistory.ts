import type { Db } from '../db/connection.ts';
import type { HistoryAttempt, Outcome } from '../planner/types.ts';

/**
 * The learner's attempts in the planner's shape, oldest first (undated ones first), each with its problem's level:
 * a problem on none of the lists (an imported or synced off-list solve) is still evidence of skill at that level.
 */
export function plannerHistory(db: Db, learnerId: number): HistoryAttempt[] {
  return db
    .prepare(
      `SELECT a.problem_id AS problem, a.day, a.outcome, a.minutes, a.origin, p.level
         FROM attempts a JOIN problems p ON p.id = a.problem_id
        WHERE a.learner_id = ? ORDER BY a.day IS NOT NULL, a.day, a.id`,
    )
    .all(learnerId) as {
    problem: string;
    day: string | null;
    outcome: Outcome;
    minutes: number | null;
    origin: string;
    level: number;
  }[];
}

import type { Db } from '../db/connection.ts';
import type { HistoryAttempt } from '../planner/types.ts';
import { attemptLog, type LoggedAttempt } from './attemptLog.ts';

/**
 * The learner's attempts in the planner's shape, oldest first (undated ones first), each with its problem's level:
 * a problem on none of the lists (an imported or synced off-list solve) is still evidence of skill at that level.
 * Shared between callers and frozen (progress/attemptLog.ts keeps them between writes): typed as the planner's input
 * takes it, but a caller that sorted or changed it in place would throw.
 */
export function plannerHistory(db: Db, learnerId: number): HistoryAttempt[] {
  return attemptLog(db, learnerId) as LoggedAttempt[];
}

import type { Db } from '../db/connection.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { Plan } from '../planner/types.ts';
import { viewedPlan } from '../plans/storedPlan.ts';

/**
 * A member's plan as the group sees it (readiness per type, verdict, the planner's next picks): their plan as their
 * own pages show it (viewedPlan). It writes nothing: someone else looking at the board must not fix what the member's
 * Today page will show, and a page view is never a write.
 */
export function memberPlan(db: Db, learner: Learner, day: string, now: Date): Plan {
  return viewedPlan(db, learner, day, now).plan;
}

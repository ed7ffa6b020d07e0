import type { Db } from '../db/connection.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { Plan } from '../planner/types.ts';
import { storedPlan } from '../plans/storedPlan.ts';

/**
 * A member's plan as the group sees it (readiness per type, verdict, the planner's next picks): their stored plan,
 * computed again only when its inputs changed. It never stores the member's today list: someone else looking at the
 * board must not fix what the member's Today page will show.
 */
export function memberPlan(db: Db, learner: Learner, day: string, now: Date): Plan {
  return storedPlan(db, learner, day, now, { storeList: false }).plan;
}

import type { Db } from '../db/connection.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { Plan } from '../planner/types.ts';
import { planFor } from '../plans/planService.ts';

/**
 * A member's plan as the group sees it (readiness per type, verdict, the planner's next picks). The one place the
 * groups feature asks for a plan: when stored plans per learner land in src/plans, switch this call to them.
 * It only reads: another member's today list is never stored by someone else looking at the board.
 */
export function memberPlan(db: Db, learner: Learner, day: string): Plan {
  return planFor(db, learner, day, { store: false });
}

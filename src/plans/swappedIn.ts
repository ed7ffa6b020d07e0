import type { PlanItem } from '../planner/types.ts';

/** A stored item of today's list the learner swapped in: acted on, so it stays when today's list is rebuilt. */
export interface SwappedIn {
  swapped?: boolean;
}

export function wasSwappedIn(item: PlanItem): boolean {
  return (item as PlanItem & SwappedIn).swapped === true;
}

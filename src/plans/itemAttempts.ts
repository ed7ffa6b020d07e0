import type { PlanItem } from '../planner/types.ts';

/**
 * Whether an attempt on any day settles a list item: true for a new problem (never tried when it was listed), false
 * for a re-solve and a mock set drawn from solved problems, which only an attempt on the list's day settles.
 */
export function settledByAnyAttempt(item: PlanItem): boolean {
  if (item.kind === 'review') return false;
  return !(item.kind === 'mock' && typeof item.reason === 'object' && item.reason?.code === 'mock_resolve');
}

import { plannerRuns } from '../../src/plans/planService.ts';

/** How many times the planner ran while `fn` ran (counted on the planner's diagnostics channel). */
export async function plannerRunsDuring(fn: () => Promise<unknown> | unknown): Promise<number> {
  let runs = 0;
  const count = () => runs++;
  plannerRuns.subscribe(count);
  try {
    await fn();
  } finally {
    plannerRuns.unsubscribe(count);
  }
  return runs;
}

import type { PlanContext } from './context.ts';
import type { Plan, PlanInput, Reason } from './types.ts';

const MORE_MINUTES = [1.5, 2, 3];
const LIGHT = 0.03;

/**
 * What would fix a 'behind' plan: the smallest daily budget (of 1.5×, 2×, 3×) that puts it on track, and the light
 * types the plan still spends time on (giving them weight 0 frees that time for the heavy ones). `verdictWith` plans
 * again without advice (passed in, so this file does not import the planner that imports it).
 */
export function adviceFor(
  input: PlanInput,
  ctx: PlanContext,
  plan: Plan,
  verdictWith: (input: PlanInput) => Plan['verdict'],
): Reason[] {
  const advice: Reason[] = [];
  const current = input.settings.dailyMinutes;
  const enough = MORE_MINUTES.map((m) => Math.ceil((current * m) / 10) * 10).find(
    (minutes) => verdictWith({ ...input, settings: { ...input.settings, dailyMinutes: minutes } }) === 'on_track',
  );
  advice.push(
    enough
      ? { code: 'more_minutes', params: { minutes: enough, current } }
      : { code: 'not_enough', params: { minutes: current * 3 } },
  );
  const lightMinutes = new Map<string, number>();
  for (const day of plan.days) {
    for (const item of day.items) {
      const c = ctx.index.catIndex.get(item.category);
      // Only types that still weigh something: advising weight 0 for a type already at 0 says nothing.
      if (c !== undefined && ctx.pi[c] > 0 && ctx.pi[c] < LIGHT)
        lightMinutes.set(item.category, (lightMinutes.get(item.category) ?? 0) + item.minutes);
    }
  }
  if (lightMinutes.size > 0) {
    const keys = [...lightMinutes.keys()].slice(0, 3);
    const minutes = [...lightMinutes.values()].reduce((a, b) => a + b, 0);
    advice.push({ code: 'drop_light', params: { categories: keys.join(','), minutes } });
  }
  return advice;
}

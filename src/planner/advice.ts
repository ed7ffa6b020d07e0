import type { PlanContext } from './context.ts';
import type { Plan, PlanInput } from './types.ts';

const MORE_MINUTES = [1.5, 2, 3];
const LIGHT = 0.03;

/**
 * What would fix a 'behind' plan: the smallest daily budget (of 1.5×, 2×, 3×) that puts it on track, and the light
 * types the plan still spends time on (giving them weight 0 frees that time for the heavy ones). `verdictWith` plans
 * again without advice (passed in, so this file does not import the planner that imports it).
 */
export function adviceFor(input: PlanInput, ctx: PlanContext, plan: Plan, verdictWith: (input: PlanInput) => Plan['verdict']): string[] {
  const advice: string[] = [];
  const current = input.settings.dailyMinutes;
  const enough = MORE_MINUTES.map((m) => Math.ceil((current * m) / 10) * 10).find(
    (minutes) => verdictWith({ ...input, settings: { ...input.settings, dailyMinutes: minutes } }) === 'on_track',
  );
  advice.push(enough ? ctx.t('planner.advice.more_minutes', { minutes: enough, current }) : ctx.t('planner.advice.not_enough', { minutes: current * 3 }));
  const lightMinutes = new Map<string, number>();
  for (const day of plan.days) {
    for (const item of day.items) {
      const c = ctx.index.catIndex.get(item.category);
      if (c !== undefined && ctx.pi[c] < LIGHT) lightMinutes.set(item.category, (lightMinutes.get(item.category) ?? 0) + item.minutes);
    }
  }
  if (lightMinutes.size > 0) {
    const names = [...lightMinutes.keys()].slice(0, 3).map((key) => ctx.catNames[ctx.index.catIndex.get(key) ?? 0]);
    const minutes = [...lightMinutes.values()].reduce((a, b) => a + b, 0);
    advice.push(ctx.t('planner.advice.drop_light', { categories: names.join(', '), minutes }));
  }
  return advice;
}

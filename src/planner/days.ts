/** One study day: due reviews, a mock set on mock days, then new problems to fill the budget (days → new items, re-solves, mocks). */
import { addDays } from '../day.ts';
import type { Calendar } from './calendar.ts';
import type { PlanContext } from './context.ts';
import { item, primaryCategory, SLACK } from './items.ts';
import { mockSet } from './mocks.ts';
import { dayRules, newItems, noNewInReach, shortestWork } from './newItems.ts';
import { dueReviews, refreshItems } from './resolves.ts';
import type { PlanItem } from './types.ts';
import { phaseOf } from './timeline.ts';
import { TUNING } from './tuning.ts';

export { isStudyDay, lastStudyDay, restDay, reviewDaysLeft, type Calendar } from './calendar.ts';

/** One study day's items: due reviews, a mock set on mock days, then new problems to fill the budget. */
export function planDay(
  ctx: PlanContext,
  cal: Calendar,
  i: number,
  mockDay: boolean,
  excluded: Set<number> | null,
): PlanItem[] {
  const day = addDays(ctx.today, i);
  const left = cal.total - i;
  const lastDay = i === cal.lastStudy;
  const phase = phaseOf(cal.timeline, i);
  const full =
    i === 0 && cal.minutesToday !== undefined ? Math.min(cal.minutesToday, cal.dailyMinutes) : cal.dailyMinutes;
  const budget = lastDay ? full * 0.5 : full;
  const limit = budget * SLACK;
  const items: PlanItem[] = [];
  let spent = dueReviews(ctx, day, budget, limit, phase, left <= 3, cal.reviewDaysLeft[i], items, excluded);
  if (mockDay && !lastDay) {
    const mock = mockSet(ctx, limit - spent, excluded, cal.total > 3);
    items.push(...mock);
    spent += mock.reduce((s, x) => s + x.minutes, 0);
  }
  if (ctx.carry) {
    // The second half of a problem split over two days (a budget smaller than any problem).
    const { problem, minutes, parts } = ctx.carry;
    ctx.carry = undefined;
    items.push(
      item(ctx, problem, 'new', minutes, {
        code: 'split_continue',
        params: { category: ctx.index.catKeys[primaryCategory(ctx, problem)], level: ctx.index.level[problem], parts },
      }),
    );
    return items;
  }
  const rules = dayRules(ctx, phase, cal.total, lastDay, excluded, budget);
  for (const x of items) {
    const c = ctx.index.catIndex.get(x.category);
    if (c !== undefined && x.kind !== 'review') rules.newToday[c]++;
  }
  const before = items.length;
  // Weighted types first; when none of them has a problem within reach, re-solves of solved ones come before
  // new problems of types the exam does not weigh.
  rules.weightedOnly = true;
  spent += newItems(ctx, items, rules, limit - spent, lastDay);
  rules.weightedOnly = lastDay;
  // The warm-up day of a learner with nothing easy enough left: the easiest weighted problems still in reach.
  if (lastDay && items.length === 0) spent += newItems(ctx, items, { ...rules, maxP: 0.995 }, limit - spent, true, 2);
  if (lastDay && items.length === 0)
    spent += newItems(ctx, items, { ...rules, minP: TUNING.warmupFallbackP, maxP: 0.995 }, limit - spent, true, 2);
  if (items.length === before && noNewInReach(ctx, rules)) {
    if (ctx.studyIndex < 7) ctx.exhausted = true;
    spent += refreshItems(ctx, items, limit - spent, excluded);
  }
  if (!lastDay) spent += newItems(ctx, items, rules, limit - spent, lastDay);
  // (The warm-up day's half budget is no reason for an empty day: the shortest work may take the whole budget.)
  if (items.length === 0) shortestWork(ctx, day, items, rules, lastDay ? full : budget, excluded, lastDay);
  return items;
}

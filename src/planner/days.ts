/** One study day: a mock on mock days, due reviews, then new problems to fill the budget (days → new items, re-solves, mocks). */
import { addDays } from '../day.ts';
import type { Calendar } from './calendar.ts';
import { guessing, type PlanContext } from './context.ts';
import { weeklyCoverage } from './coverage.ts';
import { eveTypes, eveWarmups } from './eve.ts';
import { item, primaryCategory, SLACK } from './items.ts';
import { mockSet } from './mocks.ts';
import { dayRules, longProblemDay, newItems, noNewInReach, shortestWork } from './newItems.ts';
import { dueReviews, refreshItems } from './resolves.ts';
import type { PlanItem } from './types.ts';
import { practisedWhy } from './reasons.ts';
import { phaseOf } from './timeline.ts';
import { TUNING } from './tuning.ts';

export { isStudyDay, lastStudyDay, restDay, reviewDaysLeft, type Calendar } from './calendar.ts';

/**
 * Items a day may hold while the learner's skill is still the default guess (no imported history): a short
 * diagnostic across the heavy types, rising by one for every two graded attempts, whatever the budget.
 */
function diagnosticCap(ctx: PlanContext): number {
  if (!ctx.learner.prior) return Infinity;
  return TUNING.diagnosticItems + Math.floor((ctx.learner.nG + ctx.planned) / 2);
}

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
  const plannedBefore = ctx.plannedIn.slice();
  // A mock is the exam's box: it comes first on its day (re-solves after it, when the day is longer).
  let spent = 0;
  if (mockDay && !lastDay) {
    const mock = mockSet(ctx, limit, excluded, cal.total > 3, budget);
    items.push(...mock);
    spent += mock.reduce((s, x) => s + x.minutes, 0);
  }
  spent += dueReviews(ctx, day, budget, limit - spent, phase, left <= 3, cal.reviewDaysLeft[i], items, excluded);
  if (ctx.carry) {
    // The next part of a problem split over study days (a budget shorter than a problem at the learner's level).
    const { problem, minutes, parts, left } = ctx.carry;
    ctx.carry = left > 1 ? { ...ctx.carry, left: left - 1 } : undefined;
    items.push(
      item(ctx, problem, 'new', minutes, {
        code: 'split_continue',
        params: { category: ctx.index.catKeys[primaryCategory(ctx, problem)], level: ctx.index.level[problem], parts },
      }),
    );
    return items;
  }
  if (lastDay) {
    // The exam's eve: warm-ups from the heaviest types (re-solves of their solved problems when nothing is easy).
    spent += eveWarmups(ctx, items, limit - spent, excluded);
    if (items.length === 0) {
      // A day shorter than every warm-up: a problem of the heaviest type that has one is started (done as far as the
      // day allows), not the best per minute of any weighted type (-1, the open search, only when none has one):
      // tomorrow's exam is mostly its heavy types.
      const rules = dayRules(ctx, phase, cal.total, true, excluded, budget);
      for (const c of [...eveTypes(ctx), -1])
        if (shortestWork(ctx, day, items, { ...rules, onlyCategory: c }, full, excluded, true)) break;
    }
    return items;
  }
  const rules = dayRules(ctx, phase, cal.total, lastDay, excluded, budget);
  // A budget shorter than a problem at the learner's level: the day starts one, spread over the next study days.
  if (longProblemDay(ctx, items, rules, budget, cal.reviewDaysLeft[i])) return items;
  for (const x of items) {
    const c = ctx.index.catIndex.get(x.category);
    if (c !== undefined && x.kind !== 'review') rules.newToday[c]++;
  }
  const cap = diagnosticCap(ctx);
  // A weighted type whose week closes today comes first (unless the day is a diagnostic of a new learner).
  spent += weeklyCoverage(ctx, items, rules, limit - spent, cap - items.length);
  const before = items.length;
  // Weighted types first; when none of them has a problem within reach, re-solves of solved ones come before
  // new problems of types the exam does not weigh.
  rules.weightedOnly = true;
  spent += newItems(ctx, items, rules, limit - spent, false, cap - items.length);
  rules.weightedOnly = false;
  if (items.length === before && noNewInReach(ctx, rules)) {
    if (ctx.studyIndex < 7) ctx.exhausted = true;
    spent += refreshItems(ctx, items, limit - spent, excluded);
  }
  // Types the exam does not weigh only when no weighted type has work in reach (choose.ts bestCandidate).
  spent += newItems(ctx, items, rules, limit - spent, false, cap - items.length);
  if (items.length < cap && limit - spent >= 1) {
    // Leftover minutes: weighted re-solves, then a weighted problem past today's per-type cap.
    spent += refreshItems(ctx, items, limit - spent, excluded, 'resolve_leftover', false, cap - items.length);
    const open = { ...rules, ignoreCap: true, weightedOnly: true };
    spent += newItems(ctx, items, open, limit - spent, false, cap - items.length);
  }
  if (items.length === 0) shortestWork(ctx, day, items, rules, budget, excluded, false);
  // Never an empty study day without a reason: any solved problem of any type, at any level.
  if (items.length === 0) refreshItems(ctx, items, limit, excluded, 'resolve_solved', true);
  if (items.length === 0 && !ctx.tooShort) ctx.emptyDays++;
  return guessing(ctx) ? items : longestFirst(ctx, items, plannedBefore);
}

/**
 * The mock first (it is the exam's box), then the longest work first: the day's big problem while the learner is
 * fresh. Minutes vary far more than any estimate (a heavy tail: one attempt in ten takes several times as long), and
 * a day that runs long stops where the time runs out; what is left undone is then short work, and short work still
 * fits the rest of the time. Stable: items of equal minutes keep the order they were chosen in. (A new learner's
 * diagnostic keeps the order it was chosen in, easiest first.) A "little practice yet" reason that now follows the
 * type's second problem (solved, or planned earlier in the plan or on this list) says why the type is deepened instead.
 */
export function longestFirst(ctx: PlanContext, items: PlanItem[], plannedBefore: Int32Array): PlanItem[] {
  const mocks = items.filter((x) => x.kind === 'mock');
  const ordered = [...mocks, ...items.filter((x) => x.kind !== 'mock').sort((a, b) => b.minutes - a.minutes)];
  const onList = new Int32Array(ctx.pi.length);
  for (const it of ordered) {
    const c = ctx.index.catIndex.get(it.category);
    if (it.reason.code === 'cover' && c !== undefined && ctx.learner.solvedIn[c] + plannedBefore[c] + onList[c] >= 2)
      it.reason = { ...it.reason, code: practisedWhy(ctx, c) };
    const p = ctx.index.byId.get(it.problem);
    for (const k of p === undefined ? [] : ctx.index.problemCats[p]) onList[k]++;
  }
  return ordered;
}

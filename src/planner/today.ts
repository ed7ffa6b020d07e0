import { countNew, practise, type PlanContext } from './context.ts';
import type { Calendar } from './calendar.ts';
import { dayRules, newItems } from './newItems.ts';
import { phaseOf } from './timeline.ts';
import type { PlanInput, PlanItem } from './types.ts';

const SLACK = 1.1;

/**
 * Today's stored list, kept stable: minus what was logged today, skipped or swapped, cut to "less time today";
 * a swapped item is replaced in place by the next-best new problem. Kept items count as practised for the forecast.
 */
export function keptToday(ctx: PlanContext, input: PlanInput, cal: Calendar, excluded: Set<number>): PlanItem[] {
  // A re-solve is done when logged today; a new problem is done once logged at all (even late the night before).
  const doneToday = new Set(input.history.filter((a) => a.day === input.today).map((a) => a.problem));
  const doneEver = new Set(input.history.map((a) => a.problem));
  const done = (it: PlanItem) => (it.kind === 'review' ? doneToday : doneEver).has(it.problem);
  const stored = input.todayItems ?? [];
  const limit = (input.minutesToday ?? Infinity) * SLACK;
  const kept: PlanItem[] = [];
  let spent = 0;
  let swapAt = -1;
  for (const it of stored) {
    const p = ctx.index.byId.get(it.problem);
    if (it.problem === input.swap) swapAt = kept.length;
    if (p === undefined || done(it) || excluded.has(p)) continue;
    if (spent + it.minutes > limit) continue;
    spent += it.minutes;
    kept.push(it);
  }
  const keptIds = new Set(kept.map((it) => it.problem));
  ctx.reviews = ctx.reviews.filter((card) => !keptIds.has(ctx.index.problems[card.problem].id));
  for (const it of kept) {
    const p = ctx.index.byId.get(it.problem);
    if (p === undefined) continue;
    practise(ctx, p, it.kind === 'review' ? 0.5 : 1);
    if (it.kind !== 'review') countNew(ctx, p);
  }
  if (swapAt >= 0) {
    const replacement = swapFor(ctx, input, cal, kept, excluded, spent);
    if (replacement) kept.splice(swapAt, 0, replacement);
  }
  return kept;
}

/** The best new problem for today that is not on the list, within what is left of today's budget. */
function swapFor(
  ctx: PlanContext,
  input: PlanInput,
  cal: Calendar,
  kept: PlanItem[],
  excluded: Set<number>,
  spent: number,
): PlanItem | undefined {
  const swapped = input.todayItems?.find((it) => it.problem === input.swap);
  const budget = Math.min(input.minutesToday ?? Infinity, cal.dailyMinutes) * SLACK;
  const room = Math.max(budget - spent, swapped?.minutes ?? 0);
  const rules = dayRules(ctx, phaseOf(cal.timeline, 0), cal.total, cal.lastStudy === 0, excluded, budget);
  for (const it of kept) {
    const c = ctx.index.catIndex.get(it.category);
    if (c !== undefined && it.kind !== 'review') rules.newToday[c]++;
  }
  const added = [...kept];
  newItems(ctx, added, rules, room, cal.lastStudy === 0, 1);
  return added.length > kept.length ? added[added.length - 1] : undefined;
}

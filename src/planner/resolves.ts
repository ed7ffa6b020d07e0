/** Re-solves: due review cards (failures and hints), and re-solves of solved problems when nothing new is in reach. */
import { addDays } from '../day.ts';
import { practise, skill, type PlanContext } from './context.ts';
import { levelsNearest, MAX_LEVEL } from './catalogIndex.ts';
import { item, primaryCategory, RESOLVE_FACTOR } from './items.ts';
import { minutesFor } from './model.ts';
import { reviewReason } from './reasons.ts';
import type { PlanItem } from './types.ts';
import type { Phase } from './timeline.ts';
import { TUNING } from './tuning.ts';

/** A solved problem may be re-solved again RESOLVE_AGAIN study days after this plan last re-solved it. */
const RESOLVE_AGAIN = 14;

function resolvable(ctx: PlanContext, p: number): boolean {
  return !ctx.resolved[p] || ctx.studyIndex - (ctx.resolved[p] - 1) >= RESOLVE_AGAIN;
}

/** A problem this plan offered as new may come back as a re-solve this many study days later, not sooner. */
const PLANNED_AGAIN = 7;

/** A solved problem of category c near `level` in [lo, hi] not yet re-solved in this plan (an exhausted list). */
export function solvedNear(
  ctx: PlanContext,
  c: number,
  level: number,
  lo: number,
  hi: number,
  excluded: Set<number> | null,
): number | undefined {
  for (const l of levelsNearest(level, lo, hi)) {
    for (const e of ctx.index.buckets[c][l]) {
      const p = e.problem;
      // Solved before, or planned at least a week earlier in this forecast (and so expected solved by then).
      const planned = ctx.plannedOn[p] > 0 && ctx.studyIndex - (ctx.plannedOn[p] - 1) >= PLANNED_AGAIN;
      const solved = ctx.learner.solved[p] || (planned && !ctx.learner.attempted[p]);
      if (solved && resolvable(ctx, p) && !excluded?.has(p) && !ctx.reviewing.has(p) && !ctx.recent.has(p)) return p;
    }
  }
  return undefined;
}

/**
 * Re-solves of solved problems (or of problems this plan put on an earlier day), weighted types first by how far
 * they are behind their share, near the learner's level, to fill `room`. `code` says why: 'resolve_solved' (nothing
 * new in reach) or 'resolve_leftover' (minutes left after the day's new problems). `wide` (a day that would stay
 * empty otherwise) also takes types the exam does not weigh and any level.
 */
export function refreshItems(
  ctx: PlanContext,
  items: PlanItem[],
  room: number,
  excluded: Set<number> | null,
  code: 'resolve_solved' | 'resolve_leftover' = 'resolve_solved',
  wide = false,
  max = Infinity,
): number {
  let added = 0;
  const order = [...ctx.pi.keys()]
    .filter((c) => wide || ctx.pi[c] > 0)
    .sort((a, b) => ctx.pi[b] * shareOf(ctx, b) - ctx.pi[a] * shareOf(ctx, a) || a - b);
  let spent = 0;
  for (let round = 0; round < (wide ? 5 : 4); round++) {
    for (const c of order) {
      if (added >= max) return spent;
      // A re-solve teaches most when it is neither sure nor hopeless (about 35–93 % predicted); the last rounds
      // take easier and harder ones rather than leave the day empty (a wide round: any level).
      const th = skill(ctx, c);
      const [below, above] = round < 2 ? [3, 0.7] : round < 4 ? [5, 2] : [MAX_LEVEL, MAX_LEVEL];
      const p = solvedNear(
        ctx,
        c,
        Math.round(th) - 1,
        Math.max(0, Math.ceil(th - below)),
        Math.min(MAX_LEVEL, Math.floor(th + above)),
        excluded,
      );
      if (p === undefined) continue;
      const minutes = Math.max(1, Math.round(RESOLVE_FACTOR * minutesFor(ctx.index.level[p], ctx.learner.pace)));
      if (spent + minutes > room) continue;
      ctx.resolved[p] = ctx.studyIndex + 1;
      // A problem only planned earlier in this forecast is not "solved": say it was planned.
      const why = ctx.learner.solved[p] ? code : 'resolve_planned';
      items.push(
        item(ctx, p, 'review', minutes, {
          code: why,
          params: { category: ctx.index.catKeys[c], level: ctx.index.level[p] },
        }),
      );
      practise(ctx, p, 0.5);
      spent += minutes;
      added++;
    }
  }
  return spent;
}

function shareOf(ctx: PlanContext, c: number): number {
  return 1 / (1 + ctx.newIn[c]);
}

/** Due reviews, oldest first, within the review share of the budget (at least one when it fits; all in the last days). */
export function dueReviews(
  ctx: PlanContext,
  day: string,
  budget: number,
  limit: number,
  phase: Phase,
  force: boolean,
  reviewDaysLeft: number,
  items: PlanItem[],
  excluded: Set<number> | null,
): number {
  // The share of the budget, or more when the open re-solves would not all fit before the exam at that share.
  let backlog = 0;
  for (const card of ctx.reviews)
    backlog += RESOLVE_FACTOR * minutesFor(ctx.index.level[card.problem], ctx.learner.pace);
  const cap = Math.max(
    (phase === 'C' ? TUNING.reviewShareFinal : TUNING.reviewShare) * budget,
    backlog / reviewDaysLeft,
  );
  // A short day (TUNING.shortBudget) cannot hold a re-solve within its share: the first one goes past the share only
  // once its card is overdue by TUNING.overdueDays (or the backlog needs it now); until then the day gets a new problem.
  const waitUntil = budget <= TUNING.shortBudget ? addDays(day, -TUNING.overdueDays) : '9999-12-31';
  let spent = 0;
  let reviewed = 0;
  const remaining = [];
  for (const card of ctx.reviews) {
    // Whole minutes, as the item shows them: the day's sum is what is checked against the budget.
    const minutes = Math.max(
      1,
      Math.round(RESOLVE_FACTOR * minutesFor(ctx.index.level[card.problem], ctx.learner.pace)),
    );
    const allowed =
      card.due <= day &&
      !excluded?.has(card.problem) &&
      spent + minutes <= limit &&
      (force || (reviewed === 0 && card.firstDue <= waitUntil) || spent + minutes <= cap);
    if (!allowed) {
      remaining.push(card);
      continue;
    }
    const c = primaryCategory(ctx, card.problem);
    items.push(item(ctx, card.problem, 'review', minutes, reviewReason(ctx, card, c)));
    practise(ctx, card.problem, 0.5);
    spent += minutes;
    reviewed++;
  }
  ctx.reviews = remaining;
  return spent;
}

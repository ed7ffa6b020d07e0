import { currentReadiness, type PlanContext } from './context.ts';
import type { ReviewCard } from './reviews.ts';
import type { Reason } from './types.ts';

/** Why a new problem was chosen, in order of what the learner most needs to hear. */
export type NewWhy = 'weakest' | 'cover' | 'deepen' | 'maintain' | 'warmup' | 'stretch';

const HEAVY = 0.1;
/** "Nearly ready, keeping it fresh" only when the type's readiness and the problem's predicted success are both high. */
const MAINTAIN_READINESS = 0.8;
const MAINTAIN_SUCCESS = 0.6;
/** A problem below this predicted success is called a stretch, whatever else is said of its type. */
const STRETCH_SUCCESS = 0.35;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The category is heavy (π ≥ 0.1) and has the lowest readiness of the heavy ones (strictly: a tie is no "weakest"). Reasons speak of readiness NOW
 * (the forecast is shown apart, as a forecast): a learner at 0.26 is never told "nearly ready".
 */
function isWeakestHeavy(ctx: PlanContext, c: number): boolean {
  if (ctx.pi[c] < HEAVY) return false;
  const mine = currentReadiness(ctx, c);
  for (let o = 0; o < ctx.pi.length; o++)
    if (o !== c && ctx.pi[o] >= HEAVY && currentReadiness(ctx, o) <= mine) return false;
  return true;
}

export function newWhy(ctx: PlanContext, c: number, lastDay: boolean, success = 1): NewWhy {
  if (lastDay) return 'warmup';
  if (success < STRETCH_SUCCESS) return 'stretch';
  if (currentReadiness(ctx, c) >= MAINTAIN_READINESS && success >= MAINTAIN_SUCCESS) return 'maintain';
  if (ctx.learner.solvedIn[c] + ctx.plannedIn[c] < 2) return 'cover';
  return practisedWhy(ctx, c);
}

/** Why a new problem of a type with practice behind it was chosen: its weakest heavy type, else deepening it. */
export function practisedWhy(ctx: PlanContext, c: number): NewWhy {
  return isWeakestHeavy(ctx, c) ? 'weakest' : 'deepen';
}

/** e.g. { code: 'weakest', params: { category: 'simulation', profile: 'samsung', readiness: 0.31, level: 14, success: 72 } }. */
export function newReason(ctx: PlanContext, why: NewWhy, c: number, level: number, success: number): Reason {
  return {
    code: why,
    params: {
      category: ctx.index.catKeys[c],
      profile: ctx.profile,
      readiness: round2(currentReadiness(ctx, c)),
      weight: round2(ctx.pi[c]),
      level,
      success: Math.round(success * 100),
    },
  };
}

export function reviewReason(ctx: PlanContext, card: ReviewCard, c: number): Reason {
  const params: Reason['params'] = { outcome: card.lastOutcome, category: ctx.index.catKeys[c] };
  if (card.lastDay) params.day = card.lastDay;
  return { code: card.lastDay ? 'review' : 'review_undated', params };
}

/** A mock item: `count` and `minutes` are those of the set as planned (its items), never of the exam format. */
export function mockReason(ctx: PlanContext, count: number, minutes: number, c: number, level: number): Reason {
  return {
    code: 'mock',
    params: { profile: ctx.profile, count, minutes: Math.round(minutes), category: ctx.index.catKeys[c], level },
  };
}

import { tierLabel } from '../catalog/tier.ts';
import { readiness, type PlanContext } from './context.ts';
import type { ReviewCard } from './reviews.ts';

/** Why a new problem was chosen, in order of what the learner most needs to hear. */
export type NewWhy = 'weakest' | 'cover' | 'deepen' | 'maintain' | 'warmup';

const HEAVY = 0.1;

function fixed(x: number): string {
  return x.toFixed(2);
}

function profileName(ctx: PlanContext): string {
  return ctx.t(`planner.profile.${ctx.profile}`);
}

/** The category is heavy (π ≥ 0.1) and has the lowest readiness of the heavy ones. */
function isWeakestHeavy(ctx: PlanContext, c: number): boolean {
  if (ctx.pi[c] < HEAVY) return false;
  const mine = readiness(ctx, c);
  for (let o = 0; o < ctx.pi.length; o++) if (o !== c && ctx.pi[o] >= HEAVY && readiness(ctx, o) < mine) return false;
  return true;
}

export function newWhy(ctx: PlanContext, c: number, lastDay: boolean): NewWhy {
  if (lastDay) return 'warmup';
  if (readiness(ctx, c) >= 0.8) return 'maintain';
  if (ctx.learner.solvedIn[c] + ctx.plannedIn[c] < 2) return 'cover';
  return isWeakestHeavy(ctx, c) ? 'weakest' : 'deepen';
}

/** "Simulation is your weakest heavy type for Samsung: readiness 0.31; Gold IV, predicted success 72 %". */
export function newReason(ctx: PlanContext, why: NewWhy, c: number, level: number, success: number): string {
  return ctx.t(`planner.reason.${why}`, {
    category: ctx.catNames[c],
    profile: profileName(ctx),
    readiness: fixed(readiness(ctx, c)),
    weight: fixed(ctx.pi[c]),
    tier: tierLabel(level, ctx.t),
    success: Math.round(success * 100),
  });
}

export function reviewReason(ctx: PlanContext, card: ReviewCard, c: number): string {
  return ctx.t(card.lastDay ? 'planner.reason.review' : 'planner.reason.review_undated', {
    outcome: ctx.t(`planner.outcome.${card.lastOutcome}`),
    day: card.lastDay ?? '',
    category: ctx.catNames[c],
  });
}

export function mockReason(ctx: PlanContext, count: number, minutes: number, c: number, level: number): string {
  return ctx.t('planner.reason.mock', {
    profile: profileName(ctx),
    count,
    minutes: Math.round(minutes),
    category: ctx.catNames[c],
    tier: tierLabel(level, ctx.t),
  });
}

import { projectedReadiness, readiness, type PlanContext } from './context.ts';
import type { CategoryReadiness, PassProjection } from './types.ts';

/** A plan is on track when the projected chance to pass the exam's format reaches this. */
export const ON_TRACK_PASS = 0.7;

/** P(Binomial(q, p) ≥ k), exactly. */
export function passProbability(p: number, q: number, k: number): number {
  let sum = 0;
  let choose = 1;
  for (let i = 0; i <= q; i++) {
    if (i > 0) choose = (choose * (q - i + 1)) / i;
    if (i >= k) sum += choose * p ** i * (1 - p) ** (q - i);
  }
  return sum;
}

/** Readiness per category: the current estimate, or (`projected`) the projection of the practice planned so far. */
export function readinessSnapshot(ctx: PlanContext, projected: boolean): number[] {
  return ctx.index.catKeys.map((_, c) => (projected ? projectedReadiness(ctx, c) : readiness(ctx, c)));
}

/** Expected share of exam problems solved: Σ π_c·readiness_c. */
export function expectedScore(ctx: PlanContext, perCategory: number[]): number {
  let sum = 0;
  perCategory.forEach((m, c) => (sum += ctx.pi[c] * m));
  return sum;
}

export function verdictOf(ctx: PlanContext, atExam: number[]): { verdict: 'on_track' | 'behind'; pass: number; projection: PassProjection } {
  const pass = passProbability(expectedScore(ctx, atExam), ctx.format.problems, ctx.format.passCount);
  const projection = { p: round2(pass), low: round2(pass), high: round2(pass), need: ctx.format.passCount, of: ctx.format.problems };
  return { verdict: pass >= ON_TRACK_PASS ? 'on_track' : 'behind', pass, projection };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function readinessRows(ctx: PlanContext, now: number[], atExam: number[]): CategoryReadiness[] {
  return ctx.index.catKeys.map((category, c) => ({
    category,
    weight: Math.round(ctx.pi[c] * 1000) / 1000,
    now: round2(now[c]),
    atExam: round2(Math.max(now[c], atExam[c])),
  }));
}

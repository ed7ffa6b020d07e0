/**
 * What a problem is worth for the exam itself (not for the weeks after it): what it teaches in each of its types
 * (and, by RELATED_SHARE, their related types) times how much a level more there moves the exam's mean success.
 * Used where nothing learnt now comes back later: the exam's eve and the days before an exam at most 3 days away.
 */
import { learningShape, skill, type PlanContext } from './context.ts';
import { K, predicted, successOf } from './model.ts';
import { RELATED_SHARE } from './related.ts';

/** How much a level more in type c moves the exam's mean success: π_c · the slope of its readiness curve. */
export function examSlope(ctx: PlanContext, c: number): number {
  const th = skill(ctx, c);
  let sum = 0;
  for (const l of ctx.examLevels) {
    const p = predicted(th, l);
    sum += K * p * (1 - p);
  }
  return (ctx.pi[c] * sum) / ctx.examLevels.length;
}

/**
 * A new problem's worth for the exam: for each of its types, what it teaches (the gain's shape at the type's skill,
 * times the expected share of a solve's learning: a failed attempt still teaches about half) × the exam slope of the
 * type and, at RELATED_SHARE, of its related types.
 */
export function examWorth(ctx: PlanContext, problem: number): number {
  const level = ctx.index.level[problem];
  let worth = 0;
  for (const c of ctx.index.problemCats[problem]) {
    const th = skill(ctx, c);
    // The practice attempt's success is the learner's (calibration.ts); the exam's slope above reads the curve.
    const p = successOf(ctx.learner.cal, th, level);
    const teaches = learningShape(level, th) * (p + 0.5 * (1 - p));
    let slope = examSlope(ctx, c);
    for (const r of ctx.related[c]) slope += RELATED_SHARE * examSlope(ctx, r);
    worth += teaches * slope;
  }
  return worth;
}

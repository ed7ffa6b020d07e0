/** A plan item as the learner sees it: the problem, its type (the heaviest of its types), minutes and predicted success. */
import { successOf } from './model.ts';
import { skill, type PlanContext } from './context.ts';
import type { PlanItem, Reason } from './types.ts';

/** Days' budgets may be overfilled by this factor (a plan never leaves most of an hour unused for want of 5 minutes). */
export const SLACK = 1.1;
/** A re-solve takes this share of a first solve's minutes. */
export const RESOLVE_FACTOR = 0.6;

export function primaryCategory(ctx: PlanContext, problem: number): number {
  const cats = ctx.index.problemCats[problem];
  let best = cats[0] ?? 0;
  for (const c of cats) if (ctx.pi[c] > ctx.pi[best]) best = c;
  return best;
}

export function item(
  ctx: PlanContext,
  problem: number,
  kind: PlanItem['kind'],
  minutes: number,
  reason: Reason,
  /** The type the item is shown under and predicted in (default: the problem's heaviest type). */
  c = primaryCategory(ctx, problem),
): PlanItem {
  const level = ctx.index.problems[problem].level;
  return {
    problem: ctx.index.problems[problem].id,
    kind,
    category: ctx.index.catKeys[c],
    level,
    minutes: Math.max(1, Math.round(minutes)),
    predicted: Math.round(successOf(ctx.learner.cal, skill(ctx, c), ctx.index.level[problem]) * 100) / 100,
    reason,
  };
}

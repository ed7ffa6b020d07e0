/** Mock days: a timed set in the exam's format. */
import { problemNear } from './choose.ts';
import { countNew, practise, skill, type PlanContext } from './context.ts';
import { item, primaryCategory } from './items.ts';
import { minutesFor, predicted } from './model.ts';
import { mockReason } from './reasons.ts';
import { solvedNear } from './resolves.ts';
import type { PlanItem } from './types.ts';
import { TUNING } from './tuning.ts';

/** A timed set in the exam's format: Q problems in its level range, heaviest categories first, within the budget. */
export function mockSet(
  ctx: PlanContext,
  limit: number,
  excluded: Set<number> | null,
  allowNewCategory: boolean,
): PlanItem[] {
  const { problems: q, maxLevel, minutes: examMinutes } = ctx.format;
  // On the exam's judge (kakao → Programmers) every problem of it may serve, rated or not (unrated plan as Bronze I).
  const off = ctx.offExamJudge;
  const minLevel = off ? 1 : ctx.format.minLevel;
  if (off) excluded = excluded ? new Set([...excluded, ...off]) : off;
  const known = (c: number) => allowNewCategory || ctx.learner.solvedIn[c] + ctx.plannedIn[c] > 0;
  const order = [...ctx.pi.keys()]
    .filter((c) => ctx.pi[c] > 0 && known(c))
    .sort((a, b) => ctx.pi[b] - ctx.pi[a] || a - b);
  const chosen: number[] = [];
  for (let k = 0; chosen.length < q && k < q * 2 && order.length; k++) {
    const c = order[k % order.length];
    const target = Math.min(maxLevel, Math.max(minLevel, Math.round(skill(ctx, c))));
    const p = problemNear(ctx, c, target, minLevel, maxLevel, excluded);
    if (p === undefined || predicted(skill(ctx, c), ctx.index.level[p]) < TUNING.mockMinP) continue;
    ctx.used[p] = 1;
    chosen.push(p);
  }
  // An exhausted list: the set is drawn from solved problems.
  const fromSolved = chosen.length === 0;
  for (let k = 0; fromSolved && chosen.length < q && k < q * 2 && order.length; k++) {
    const c = order[k % order.length];
    const p = solvedNear(ctx, c, Math.round(skill(ctx, c)), minLevel, maxLevel, excluded);
    if (p === undefined) continue;
    ctx.resolved[p] = ctx.studyIndex + 1;
    chosen.push(p);
  }
  void examMinutes;
  const fresh = new Set(chosen.filter((p) => ctx.resolved[p] !== ctx.studyIndex + 1));
  const kept: { p: number; minutes: number }[] = [];
  let spent = 0;
  for (const p of chosen) {
    const minutes = minutesFor(ctx.index.level[p], ctx.learner.pace);
    if (spent + minutes > limit) {
      ctx.used[p] = ctx.learner.attempted[p];
      continue;
    }
    spent += minutes;
    kept.push({ p, minutes });
  }
  // A "set" of one problem is no mock: leave the day to new problems.
  if (kept.length < Math.min(2, q)) {
    for (const { p } of kept) ctx.used[p] = ctx.learner.attempted[p];
    return [];
  }
  // What the reason says is what the set holds: its problems and their minutes.
  const setMinutes = Math.round(spent);
  const items = kept.map(({ p, minutes }) => {
    const c = primaryCategory(ctx, p);
    const reason = mockReason(ctx, kept.length, setMinutes, c, ctx.index.level[p]);
    if (!fresh.has(p)) reason.code = 'mock_resolve';
    return { ...item(ctx, p, 'mock', minutes, reason), mockMinutes: setMinutes };
  });
  for (const { p } of kept) {
    practise(ctx, p, 0.5);
    if (fresh.has(p)) countNew(ctx, p);
  }
  return items;
}

/** Mock days: a timed set in the exam's format (profiles.ts, one table), or a notice saying why there is none. */
import { problemNear } from './choose.ts';
import { countNew, practise, skill, type PlanContext } from './context.ts';
import { item, primaryCategory } from './items.ts';
import { minutesFor } from './model.ts';
import { mockReason } from './reasons.ts';
import { solvedNear } from './resolves.ts';
import type { PlanItem } from './types.ts';

/** A mock's box may be this share shorter or longer than the exam's minutes (samsung 180 → 150–210). */
export const MOCK_TOLERANCE = 1 / 6;

/** The shortest box a mock may have: the exam's minutes less MOCK_TOLERANCE. */
export function mockMinimum(minutes: number): number {
  return Math.round(minutes * (1 - MOCK_TOLERANCE));
}

/**
 * A timed set in the exam's format: exactly Q problems of the exam's levels (on its judge when the catalog has
 * problems there), heaviest types first, worked in one box of the exam's minutes (less when the day is shorter, never
 * under the tolerance). The items' minutes are the box split in proportion to each problem's estimate, so they sum
 * to the box. When the day is too short for the box, or the lists lack Q such problems, there is no mock and
 * ctx.mockNote says why (the plan's notice).
 */
export function mockSet(
  ctx: PlanContext,
  room: number,
  excluded: Set<number> | null,
  allowNewCategory: boolean,
  dayBudget: number = room,
): PlanItem[] {
  const { problems: q, minutes: examMinutes, maxLevel } = ctx.format;
  if (room < mockMinimum(examMinutes)) {
    // The notice names the learner's budget for the day, not the slack the day may run over it.
    ctx.mockNote ??= { code: 'mock_too_long', params: { minutes: examMinutes, budget: Math.floor(dayBudget) } };
    return [];
  }
  const off = ctx.offExamJudge;
  // On the exam's judge (kakao → Programmers) its problems of any level up to the exam's may serve.
  const minLevel = off ? 1 : ctx.format.minLevel;
  const skip = off ? new Set([...(excluded ?? []), ...off]) : excluded;
  const known = (c: number) => allowNewCategory || ctx.learner.solvedIn[c] + ctx.plannedIn[c] > 0;
  const order = [...ctx.pi.keys()]
    .filter((c) => ctx.pi[c] > 0 && known(c))
    .sort((a, b) => ctx.pi[b] - ctx.pi[a] || a - b);
  const fresh: number[] = [];
  for (let k = 0; fresh.length < q && k < q * 4 && order.length; k++) {
    const c = order[k % order.length];
    const target = Math.min(maxLevel, Math.max(minLevel, Math.round(skill(ctx, c))));
    const p = problemNear(ctx, c, target, minLevel, maxLevel, skip);
    if (p === undefined) continue;
    ctx.used[p] = 1;
    fresh.push(p);
  }
  // The rest from solved problems of those types (a list nearly exhausted): a mock re-solve.
  const again: number[] = [];
  for (let k = 0; fresh.length + again.length < q && k < q * 4 && order.length; k++) {
    const c = order[k % order.length];
    const p = solvedNear(ctx, c, Math.round(skill(ctx, c)), minLevel, maxLevel, skip);
    if (p === undefined || again.includes(p)) continue;
    again.push(p);
  }
  const chosen = [...fresh, ...again];
  if (chosen.length < q) {
    for (const p of fresh) ctx.used[p] = ctx.learner.attempted[p];
    ctx.mockNote ??= { code: 'mock_missing', params: { have: chosen.length, need: q } };
    return [];
  }
  const box = Math.min(examMinutes, Math.floor(room));
  const estimates = chosen.map((p) => minutesFor(ctx.index.level[p], ctx.learner.pace));
  const shares = splitBox(box, estimates);
  const items = chosen.map((p, i) => {
    const reason = mockReason(ctx, q, box, primaryCategory(ctx, p), ctx.index.level[p]);
    if (i >= fresh.length) reason.code = 'mock_resolve';
    return { ...item(ctx, p, 'mock', shares[i], reason), mockMinutes: box };
  });
  // The exam's format, but not on its judge (no list has its problems): a mock all the same, and the plan says so.
  if (ctx.format.judge && !off) ctx.mockNote ??= { code: 'mock_off_judge', params: { judge: ctx.format.judge } };
  for (const p of again) ctx.resolved[p] = ctx.studyIndex + 1;
  for (const p of chosen) practise(ctx, p, 0.5);
  for (const p of fresh) countNew(ctx, p);
  return items;
}

/** `box` whole minutes split in proportion to `weights`, each at least 1, summing exactly to `box`. */
export function splitBox(box: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(1, Math.floor((box * w) / sum)));
  let rest = box - out.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % out.length, rest--) out[i]++;
  return out;
}

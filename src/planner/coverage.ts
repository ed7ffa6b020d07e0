/**
 * The weekly promise: every type weighing ≥ TUNING.coverWeight gets some work — a new problem (or a mock problem),
 * else a stretch, else a re-solve when none is left — at least once in every TUNING.coverDays study days.
 */
import { bestCandidate, STRETCH_FLOOR, type DayRules } from './choose.ts';
import { countNew, practise, type PlanContext } from './context.ts';
import { item, RESOLVE_FACTOR } from './items.ts';
import { MAX_LEVEL } from './catalogIndex.ts';
import { minutesFor } from './model.ts';
import { newReason, newWhy } from './reasons.ts';
import { solvedNear } from './resolves.ts';
import type { PlanItem } from './types.ts';
import { TUNING } from './tuning.ts';

/** Types whose window closes within two days (a margin: several may close together), the longest-waiting first. */
function closing(ctx: PlanContext, items: PlanItem[]): number[] {
  const today = new Set(items.map((i) => ctx.index.catIndex.get(i.category)));
  const due: number[] = [];
  for (let c = 0; c < ctx.pi.length; c++) {
    if (ctx.pi[c] < TUNING.coverWeight - 1e-9 || today.has(c)) continue;
    if (ctx.studyIndex - ctx.lastWork[c] >= TUNING.coverDays - 2) due.push(c);
  }
  return due.sort((a, b) => ctx.lastWork[a] - ctx.lastWork[b] || ctx.pi[b] - ctx.pi[a] || a - b);
}

/** Work for each type whose weekly window closes today, within `room`; returns the minutes planned. */
export function weeklyCoverage(
  ctx: PlanContext,
  items: PlanItem[],
  rules: DayRules,
  room: number,
  max = Infinity,
): number {
  let spent = 0;
  for (const c of closing(ctx, items).slice(0, Math.max(0, max))) {
    const only = { ...rules, onlyCategory: c, excludeCategory: -1, ignoreCap: true, weightedOnly: true };
    const cand =
      bestCandidate(ctx, only, room - spent) ?? bestCandidate(ctx, { ...only, minP: STRETCH_FLOOR }, room - spent);
    if (cand) {
      countNew(ctx, cand.problem);
      rules.newToday[c]++;
      const why = newWhy(ctx, c, false, cand.predicted);
      const reason = newReason(ctx, why, c, cand.level, cand.predicted);
      items.push(item(ctx, cand.problem, 'new', cand.minutes, reason, c));
      practise(ctx, cand.problem);
      spent += Math.max(1, Math.round(cand.minutes));
      continue;
    }
    // A re-solve stands in only when the type has no new problem left in reach at all (not merely too long for
    // today: then it stays due, first in line tomorrow).
    if (bestCandidate(ctx, { ...only, minP: STRETCH_FLOOR }, Infinity)) continue;
    const p = solvedNear(ctx, c, 0, 0, MAX_LEVEL, rules.excluded);
    if (p === undefined) continue;
    const minutes = Math.max(1, Math.round(RESOLVE_FACTOR * minutesFor(ctx.index.level[p], ctx.learner.pace)));
    if (spent + minutes > room) continue;
    ctx.resolved[p] = ctx.studyIndex + 1;
    ctx.lastWork[c] = ctx.studyIndex;
    const code = ctx.learner.solved[p] ? 'resolve_leftover' : 'resolve_planned';
    const params = { category: ctx.index.catKeys[c], level: ctx.index.level[p] };
    items.push(item(ctx, p, 'review', minutes, { code, params }, c));
    practise(ctx, p, 0.5);
    spent += minutes;
  }
  return spent;
}

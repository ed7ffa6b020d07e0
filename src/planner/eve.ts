/** The exam's eve (the last study day): warm-ups from the heaviest types, nothing hard, nothing of a light type. */
import { MAX_LEVEL } from './catalogIndex.ts';
import { problemNear } from './choose.ts';
import { countNew, learningShape, practise, skill, type PlanContext } from './context.ts';
import { item, RESOLVE_FACTOR } from './items.ts';
import { K, minutesFor, successOf } from './model.ts';
import { solvedNear } from './resolves.ts';
import type { PlanItem } from './types.ts';
import { examSlope } from './worth.ts';

/** A warm-up is a problem the learner should solve: this predicted success or more (a re-solve of a solved one always is). */
const WARMUP_P = 0.6;
/** …and is aimed at this predicted success (not the easiest problem there is: a Bronze V warms nobody up). */
const WARMUP_AIM = 0.85;
const WARMUP_MAX = 0.95;
/** Types weighing at least this are "heavy" for the eve; at least the heaviest two are taken whatever their weight. */
const EVE_WEIGHT = 0.1;
/** At most this many warm-ups of one type. */
const WARMUPS_PER_TYPE = 2;

/** A warm-up's worth per minute: what it would teach (practise's gain shape; a re-solve half of it). */
function teaches(ctx: PlanContext, c: number, level: number, again: boolean, minutes: number): number {
  return ((again ? 0.5 : 1) * learningShape(level, skill(ctx, c))) / minutes;
}

interface Warmup {
  c: number;
  p: number;
  fresh: boolean;
  minutes: number;
  value: number;
}

/** Type c's warm-up: a new problem in the warm-up band, else a re-solve near the aim, else a new one merely easy. */
function warmupOf(ctx: PlanContext, c: number, excluded: Set<number> | null): Warmup | undefined {
  const th = skill(ctx, c);
  const aim = Math.max(0, Math.round(th - Math.log(WARMUP_AIM / (1 - WARMUP_AIM)) / K));
  const fresh = problemNear(ctx, c, aim, 0, MAX_LEVEL, excluded);
  const freshP = fresh === undefined ? 0 : successOf(ctx.learner.cal, th, ctx.index.level[fresh]);
  const inBand = freshP >= WARMUP_P && freshP <= WARMUP_MAX;
  const again = inBand ? undefined : solvedNear(ctx, c, aim, 0, Math.round(th), excluded);
  const easyEnough = inBand || (again === undefined && freshP >= WARMUP_P);
  const p = easyEnough ? fresh : again;
  if (p === undefined) return undefined;
  const factor = easyEnough ? 1 : RESOLVE_FACTOR;
  const minutes = Math.max(1, Math.round(factor * minutesFor(ctx.index.level[p], ctx.learner.pace)));
  const value = examSlope(ctx, c) * teaches(ctx, c, ctx.index.level[p], !easyEnough, minutes);
  return { c, p, fresh: easyEnough, minutes, value };
}

/** The eve's heavy types, heaviest first: every type weighing EVE_WEIGHT or more, and at least the heaviest two. */
export function eveTypes(ctx: PlanContext): number[] {
  const order = [...ctx.pi.keys()].filter((c) => ctx.pi[c] > 0).sort((a, b) => ctx.pi[b] - ctx.pi[a] || a - b);
  return order.filter((c, k) => k < 2 || ctx.pi[c] >= EVE_WEIGHT - 1e-9);
}

/**
 * Warm-ups from the heavy types, at most WARMUPS_PER_TYPE each, in rounds (each heavy type's first warm-up before any
 * type's second: tomorrow's exam asks for all of them). Every step takes, of the warm-ups that still fit among the
 * types with the fewest so far, the one worth most for the exam: what it teaches per minute times how much a level
 * more in its type moves the exam's mean success (its weight × the slope of its readiness). A new problem of at least
 * WARMUP_P predicted success, else a re-solve of an easy solved problem of the type. Returns the minutes planned.
 */
export function eveWarmups(ctx: PlanContext, items: PlanItem[], room: number, excluded: Set<number> | null): number {
  const heavy = eveTypes(ctx);
  const taken = new Map<number, number>();
  const had = (c: number) => taken.get(c) ?? 0;
  let spent = 0;
  for (;;) {
    let best: Warmup | undefined;
    for (const c of heavy) {
      if (had(c) >= WARMUPS_PER_TYPE) continue;
      const w = warmupOf(ctx, c, excluded);
      if (!w || spent + w.minutes > room) continue;
      // Rounds: a type's second warm-up only once every heavy type with one that fits has had its first.
      if (!best || had(c) < had(best.c) || (had(c) === had(best.c) && w.value > best.value)) best = w;
    }
    if (!best) return spent;
    const { c, p, fresh, minutes } = best;
    taken.set(c, had(c) + 1);
    const level = ctx.index.level[p];
    const success = Math.round(successOf(ctx.learner.cal, skill(ctx, c), level) * 100);
    items.push(
      item(
        ctx,
        p,
        fresh ? 'new' : 'review',
        minutes,
        { code: fresh ? 'warmup' : 'warmup_resolve', params: { category: ctx.index.catKeys[c], level, success } },
        c,
      ),
    );
    if (fresh) countNew(ctx, p);
    else ctx.resolved[p] = ctx.studyIndex + 1;
    practise(ctx, p, fresh ? 1 : 0.5);
    spent += minutes;
  }
}

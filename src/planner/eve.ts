/** The exam's eve (the last study day): warm-ups from the heaviest types, nothing hard, nothing of a light type. */
import { MAX_LEVEL } from './catalogIndex.ts';
import { problemNear } from './choose.ts';
import { countNew, practise, skill, type PlanContext } from './context.ts';
import { item, RESOLVE_FACTOR } from './items.ts';
import { K, minutesFor, predicted } from './model.ts';
import { solvedNear } from './resolves.ts';
import type { PlanItem } from './types.ts';

/** A warm-up is a problem the learner should solve: this predicted success or more (a re-solve of a solved one always is). */
const WARMUP_P = 0.6;
/** …and is aimed at this predicted success (not the easiest problem there is: a Bronze V warms nobody up). */
const WARMUP_AIM = 0.85;
const WARMUP_MAX = 0.95;
/** Types weighing at least this are "heavy" for the eve; at least the heaviest two are taken whatever their weight. */
const EVE_WEIGHT = 0.1;

/**
 * One warm-up per heavy type, heaviest first (a second round when time is left): a new problem of at least WARMUP_P
 * predicted success, else a re-solve of an easy solved problem of the type. Returns the minutes planned.
 */
export function eveWarmups(ctx: PlanContext, items: PlanItem[], room: number, excluded: Set<number> | null): number {
  const order = [...ctx.pi.keys()].filter((c) => ctx.pi[c] > 0).sort((a, b) => ctx.pi[b] - ctx.pi[a] || a - b);
  const heavy = order.filter((c, k) => k < 2 || ctx.pi[c] >= EVE_WEIGHT - 1e-9);
  let spent = 0;
  for (let round = 0; round < 2; round++) {
    for (const c of heavy) {
      const th = skill(ctx, c);
      const aim = Math.max(0, Math.round(th - Math.log(WARMUP_AIM / (1 - WARMUP_AIM)) / K));
      const fresh = problemNear(ctx, c, aim, 0, MAX_LEVEL, excluded);
      const freshP = fresh === undefined ? 0 : predicted(th, ctx.index.level[fresh]);
      // A new problem in the warm-up band; else a re-solve near the aim; else a new one that is merely easy.
      const inBand = freshP >= WARMUP_P && freshP <= WARMUP_MAX;
      const again = inBand ? undefined : solvedNear(ctx, c, aim, 0, Math.round(th), excluded);
      const easyEnough = inBand || (again === undefined && freshP >= WARMUP_P);
      const p = easyEnough ? fresh : again;
      if (p === undefined) continue;
      const factor = easyEnough ? 1 : RESOLVE_FACTOR;
      const minutes = Math.max(1, Math.round(factor * minutesFor(ctx.index.level[p], ctx.learner.pace)));
      if (spent + minutes > room) continue;
      const level = ctx.index.level[p];
      const success = Math.round(predicted(th, level) * 100);
      const it = item(
        ctx,
        p,
        easyEnough ? 'new' : 'review',
        minutes,
        { code: easyEnough ? 'warmup' : 'warmup_resolve', params: { category: ctx.index.catKeys[c], level, success } },
        c,
      );
      items.push(it);
      if (easyEnough) countNew(ctx, p);
      else ctx.resolved[p] = ctx.studyIndex + 1;
      practise(ctx, p, easyEnough ? 1 : 0.5);
      spent += minutes;
    }
  }
  return spent;
}

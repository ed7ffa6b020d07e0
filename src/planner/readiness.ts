import { daysBetween } from '../day.ts';
import { projectedSkill, readiness, readinessAt, type PlanContext } from './context.ts';
import { SHRINK } from './model.ts';
import { TUNING } from './tuning.ts';
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

/**
 * Readiness per category: the current estimate, or (`projected`) at the exam — the projection of the practice planned
 * so far, less the part of its learning that fades before the exam (retention), as the pass projection counts it.
 */
export function readinessSnapshot(ctx: PlanContext, projected: boolean): number[] {
  if (!projected) return ctx.index.catKeys.map((_, c) => readiness(ctx, c));
  const kept = retention(ctx);
  return ctx.index.catKeys.map((_, c) => readinessAt(ctx, projectedSkill(ctx, c) - ctx.gain[c] * (1 - kept[c])));
}

/** Expected share of exam problems solved: Σ π_c·readiness_c. */
export function expectedScore(ctx: PlanContext, perCategory: number[]): number {
  let sum = 0;
  for (const [c, m] of perCategory.entries()) sum += ctx.pi[c] * m;
  return sum;
}

/** 7-point Gauss–Hermite nodes and weights for E[f(z)], z ~ N(0, 1). */
const GH_NODES = [-3.7504397, -2.3667594, -1.1544054, 0, 1.1544054, 2.3667594, 3.7504397];
const GH_WEIGHTS = [0.000548269, 0.030757124, 0.240123179, 0.457142857, 0.240123179, 0.030757124, 0.000548269];
/** z of the 10th and 90th percentiles: the 80 % interval. */
const Z80 = 1.2815516;

/**
 * The projected chance to pass, with its uncertainty. Each type's skill at the exam is its projection (the start, plus
 * the learning the plan should bring at passGainHalf, × projectionGain) with a standard error
 * σ_c = skillSd·√(3/(n_c + 3)) (the weight the estimate still gives its prior; n_c = graded and seeded evidence).
 * The start is the estimate moved, by the share of θ_g's evidence that is imports, onto `importAnchor` (a learner with
 * at least IMPORT_TOP imported solves; each type keeps its offset from θ_g); with fewer imports, the estimate stretched
 * away from the list's middle (seedStretch, at most seedStretchCap levels) + projectionShift.
 * The errors are taken as one shared shift z·σ_c (a learner mis-seeded in one type usually is in all), so
 * P(pass) = E_z[P(Binomial(Q, p̄(z)) ≥ k)] (7-point Gauss–Hermite) and the 80 % interval is P(pass) at z = ±1.28.
 */
export function passProjection(ctx: PlanContext): PassProjection {
  const cats = ctx.index.catKeys.length;
  const theta = new Float64Array(cats);
  const sd = new Float64Array(cats);
  const share = seedShare(ctx);
  const stretch = 1 + share * (TUNING.seedStretch - 1);
  const pivot = listMidLevel(ctx);
  const anchor = importAnchor(ctx, pivot);
  const kept = retention(ctx);
  for (let c = 0; c < cats; c++) {
    const cap = TUNING.seedStretchCap;
    const start =
      anchor === undefined
        ? ctx.base[c] + Math.max(-cap, Math.min(cap, (stretch - 1) * (ctx.base[c] - pivot))) + TUNING.projectionShift
        : ctx.base[c] + share * (anchor - ctx.learner.thetaG);
    const gain = ctx.passGain[c] * kept[c] + ctx.shrink[c] * ctx.passGainG;
    theta[c] = start + guessLift(ctx, c) + TUNING.projectionGain * gain;
    sd[c] = TUNING.skillSd * Math.sqrt(SHRINK / (ctx.learner.n[c] + SHRINK));
  }
  const at = (z: number) => {
    let pbar = 0;
    for (let c = 0; c < cats; c++) if (ctx.pi[c] > 0) pbar += ctx.pi[c] * readinessAt(ctx, theta[c] + z * sd[c]);
    return passProbability(Math.min(1, pbar), ctx.format.problems, ctx.format.passCount);
  };
  let p = 0;
  for (const [i, z] of GH_NODES.entries()) p += GH_WEIGHTS[i] * at(z);
  return {
    p: round2(p),
    low: round2(at(-Z80)),
    high: round2(at(Z80)),
    need: ctx.format.passCount,
    of: ctx.format.problems,
  };
}

/**
 * A learner with nothing imported starts from a guess (model.ts DEFAULT_THETA) that the planner reads a margin low on
 * purpose (an untried type must be able to move up); the projection counts the guess itself: TUNING.guessLift levels
 * back, times the weight the type's estimate still gives its prior (3/(n_c + 3)). Seeded learners: 0.
 */
function guessLift(ctx: PlanContext, c: number): number {
  return ctx.learner.prior ? TUNING.guessLift * ctx.shrink[c] : 0;
}

/**
 * The global skill a seeded learner's imports say, for the projection: the mean level of the IMPORT_TOP hardest
 * imported solves, stretched away from the list's middle (importStretch) after `importDepth` (where the hardest
 * imports of a learner at the list's middle sit). θ_g (seeded from the third-hardest solve) is noisier: on the bench's
 * tuning seed it explained the learners' hidden skill with a residual sd of 2.1 levels, this anchor with 1.5, and the
 * projection's per-cell misses followed that noise through the exam's steep pass rule (session 5). At most
 * seedStretchCap levels above θ_g: the 15 hardest of hundreds of imports (a real history, not the bench's ~40) sit higher
 * than the 15 hardest of 40 for the same skill, and the stretch would extrapolate that. Undefined: fewer imported solves
 * (the stretch applies instead).
 */
function importAnchor(ctx: PlanContext, pivot: number): number | undefined {
  const top = ctx.learner.importTop;
  if (top === undefined) return undefined;
  const anchor = pivot + TUNING.importStretch * (top - pivot - TUNING.importDepth);
  return Math.min(anchor, ctx.learner.thetaG + TUNING.seedStretchCap);
}

/**
 * Per category, how much of the learning the plan brings it is still there on the exam day: a power-law forgetting
 * curve, 1 / (1 + t / (retentionDays·(1 + n_c))), over the t days from the plan's last practice of it to the exam, with
 * a memory that lasts longer the more of its problems the plan practises (n_c). A type practised a few times early in
 * a long plan keeps about half; one practised to the end keeps nearly all; one not practised, or no exam, keeps all.
 */
function retention(ctx: PlanContext): Float64Array {
  const examDay = ctx.exam ? daysBetween(ctx.today, ctx.exam) : Number.NaN;
  return ctx.lastPractice.map((last, c) =>
    Number.isFinite(last) && Number.isFinite(examDay)
      ? 1 / (1 + Math.max(0, examDay - last) / (TUNING.retentionDays * (1 + ctx.plannedIn[c])))
      : 1,
  );
}

/** The share of θ_g's evidence that is imported solves (not graded attempts): 1 on a seeded day 0, 0 for a new learner. */
function seedShare(ctx: PlanContext): number {
  const { seedEvidence, nG } = ctx.learner;
  return nG > 0 ? seedEvidence / nG : 0;
}

/** The mean listed level of the catalog's problems: where estimates seeded from imports crowd toward. */
function listMidLevel(ctx: PlanContext): number {
  let sum = 0;
  let n = 0;
  for (const l of ctx.index.level) {
    if (l <= 0) continue;
    sum += l;
    n++;
  }
  return n ? sum / n : 10;
}

export function verdictOf(ctx: PlanContext): {
  verdict: 'on_track' | 'behind';
  pass: number;
  projection: PassProjection;
} {
  const projection = passProjection(ctx);
  return { verdict: projection.p >= ON_TRACK_PASS ? 'on_track' : 'behind', pass: projection.p, projection };
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
    noEvidence: ctx.learner.n[c] === 0 && ctx.learner.solvedIn[c] === 0,
  }));
}

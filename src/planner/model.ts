import type { CatalogIndex } from './catalogIndex.ts';
import type { HistoryAttempt, Outcome } from './types.ts';
import {
  type Calibration,
  type CalibrationPoint,
  fitCalibration,
  IDENTITY,
  logit,
  calibrated,
  sigmoid,
} from './calibration.ts';
import { TUNING } from './tuning.ts';

/** Slope of the success curve per level: P = σ(K·(θ − ℓ)). */
export const K = 0.8;
/**
 * A type with no evidence starts this many levels under the global skill: nothing says the learner can do it, and
 * a solve there must be able to move it up (evidence only moves an estimate the way it points).
 */
export const UNTRIED_MARGIN = 1;

/**
 * Global skill assumed for a learner with fewer than 3 imported solves: every type then reads 9 (a Silver II
 * problem is a coin flip). The curated
 * list's heavy types start at Silver IV–III, and someone preparing for a coding test is assumed ready for the list's
 * start; at 6 the easiest graph traversal problem was predicted at 17 %, so a new learner's plan avoided the heaviest
 * type. The first graded attempts correct a wrong guess quickly (Elo's step is largest without evidence).
 */
const DEFAULT_THETA = 9 + UNTRIED_MARGIN;
/** Weight of the global skill in the shrunk per-category estimate. */
export const SHRINK = 3;
/** Timed attempts the pace estimate counts as already matching the model (shrinkage of a noisy median). */
const PACE_PRIOR = 3;
/** Solves needed to seed a skill from their levels. */
const MIN_SEED_SOLVES = 3;
/** Evidence credited to a category seeded from imported solves. */
const SEED_EVIDENCE = 2;
/**
 * Evidence credited to θ_g seeded from imported solves (at most this many): a skill seeded from 40 solves takes
 * Elo's smaller steps, not the full step of a learner with no evidence at all.
 */
const GLOBAL_SEED_EVIDENCE = 20;

export const OUTCOME_SCORE: Record<Outcome, number> = { solved: 1, solved_slow: 0.8, hint: 0.4, failed: 0 };

/** The logistic, defined with the calibration (which must not import this file); the curve's users take it from here. */
export { sigmoid };

export function predicted(theta: number, level: number): number {
  return sigmoid(K * (theta - level));
}

/** Estimated minutes for a first solve at `level` for a learner of pace φ (12·e^{0.1ℓ}·φ). */
export function minutesFor(level: number, pace: number): number {
  return 12 * Math.exp(0.1 * level) * pace;
}

/**
 * What the planner believes about the learner: a global skill θ_g, per category an offset δ_c from it (the type's
 * own skill is θ_g + δ_c) with its evidence n_c, the pace φ, and which problems were already attempted (never
 * offered again as new). Offsets, not absolute per-type skills: every attempt moves θ_g, so a type practised months
 * ago follows the learner's growth instead of staying where its last attempt left it (bench/replay on three real
 * Codeforces histories: log loss on the later halves 0.344 → 0.243; one global Elo 0.280).
 */
export interface LearnerState {
  offset: Float64Array;
  n: Float64Array;
  thetaG: number;
  nG: number;
  pace: number;
  attempted: Uint8Array;
  /** Problems solved at least once (any outcome but failed). */
  solved: Uint8Array;
  /** Problems solved (any outcome but failed) per category, imports included. */
  solvedIn: Int32Array;
  /** θ_g started from DEFAULT_THETA: fewer than 3 imported solves to seed it from (a new learner). */
  prior: boolean;
  /** The evidence θ_g was seeded with (imported solves, at most GLOBAL_SEED_EVIDENCE); nG − this = graded attempts. */
  seedEvidence: number;
  /** The learner's calibration of the curve, fitted on the graded attempts (identity without any). */
  cal: Calibration;
  /**
   * Mean level of the IMPORT_TOP hardest imported solves (old ones a level lower), or undefined with fewer: what the
   * pass projection anchors a seeded start on (readiness.ts). An order statistic from the top, so one more imported
   * solve never lowers it.
   */
  importTop: number | undefined;
}

/** Imported solves the projection's anchor averages (bench/results/planner-v3-model.md, session 5). */
export const IMPORT_TOP = 15;

/** The type's own skill θ_c = θ_g + δ_c, before shrinking toward the prior. */
export function ownSkill(s: Pick<LearnerState, 'offset' | 'thetaG'>, c: number): number {
  return s.thetaG + s.offset[c];
}

/** θ̂_c = (n_c·θ_c + 3·(θ_g − UNTRIED_MARGIN))/(n_c + 3): with no evidence of its own a type reads θ_g − margin. */
export function thetaHat(s: Pick<LearnerState, 'offset' | 'n' | 'thetaG'>, c: number): number {
  return (s.n[c] * ownSkill(s, c) + SHRINK * (s.thetaG - UNTRIED_MARGIN)) / (s.n[c] + SHRINK);
}

/**
 * Elo's smallest step (per unit of surprise, in logits): a skill keeps following the learner after hundreds of
 * attempts. bench/replay on the tuning learners (21 real histories): 0.15 left the estimate behind the learner's
 * growth (log loss of P(solve) 0.242); 0.4 → 0.213. Larger floors fit the replay a little better (0.7: 0.202) but make
 * the planner's estimate jumpier day to day; the simulator's plans were unchanged at 0.4 (tuning seed, 78 of 81 cells).
 */
export const ELO_FLOOR = 0.4;

function eloRate(n: number): number {
  return Math.max(ELO_FLOOR, 1.5 / (1 + 0.1 * n));
}

/** Imports and syncs carry only "solved, maybe a day": they seed θ instead of feeding Elo. */
export function isGraded(a: HistoryAttempt): boolean {
  return !(a.origin.startsWith('import') || a.origin.startsWith('sync'));
}

/**
 * The level solves say the learner has: the third-hardest solve, or the hardest minus HARDEST_GAP when that is
 * higher, corrected by TUNING.seedOffset (the hardest solves include lucky ones). Both are order statistics from the
 * top, so one more solve can only raise the seed, never lower it: six easy solves cannot drag a type down.
 */
function seedOf(levels: number[]): number | undefined {
  if (levels.length === 0) return undefined;
  const hardest = [...levels].sort((a, b) => b - a);
  return Math.max(hardest[2] ?? -Infinity, hardest[0] - HARDEST_GAP) + TUNING.seedOffset;
}

/** The seed is at most this many levels under the hardest solve of the type. */
const HARDEST_GAP = 2;
/** A dated solve older than this many days counts one level lower (skill fades; a solve from years ago says less). */
const OLD_SOLVE_DAYS = 365;

/** The level a solve says the learner had: its level, one less when it is old (dated more than a year before the last dated attempt). */
function seedLevel(level: number, day: string | null, latest: string | null): number {
  if (!day || !latest) return level;
  return Date.parse(latest) - Date.parse(day) > OLD_SOLVE_DAYS * 86_400_000 ? level - 1 : level;
}

/** Mean of the `k` largest values; undefined with fewer than `k`. */
function meanOfHardest(values: number[], k: number): number | undefined {
  if (values.length < k) return undefined;
  const top = [...values].sort((a, b) => b - a).slice(0, k);
  return top.reduce((a, b) => a + b, 0) / k;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** History in day order (undated imports first); stable for equal days. */
export function chronological(history: HistoryAttempt[]): HistoryAttempt[] {
  return history
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.day ?? '').localeCompare(y.a.day ?? '') || x.i - y.i)
    .map((x) => x.a);
}

/** The level of an attempt: its catalog problem's, else the level the history carried for a problem on no list. */
function levelOf(index: CatalogIndex, a: HistoryAttempt, p: number | undefined): number | undefined {
  if (p !== undefined) return index.level[p];
  return typeof a.level === 'number' && a.level > 0 ? Math.min(30, Math.round(a.level)) : undefined;
}

/** The category indices of an attempt: its catalog problem's, else those the history named (types on no list drop). */
function catsOf(index: CatalogIndex, a: HistoryAttempt, p: number | undefined): number[] {
  if (p !== undefined) return index.problemCats[p];
  const out: number[] = [];
  for (const key of a.categories ?? []) {
    const c = index.catIndex.get(key);
    if (c !== undefined && !out.includes(c)) out.push(c);
  }
  return out;
}

export function learnerModel(index: CatalogIndex, ordered: HistoryAttempt[]): LearnerState {
  const cats = index.catKeys.length;
  const attempted = new Uint8Array(index.problems.length);
  const solvedIn = new Int32Array(cats);
  const solvedLevels: number[][] = Array.from({ length: cats }, () => []);
  const allSolved: number[] = [];
  const importedLevels: number[] = [];
  let importedSolves = 0;
  const solved = new Uint8Array(index.problems.length);
  // Problems on no list (an imported history's off-list solves) count as evidence too, by their own level.
  const offList = new Set<string>();
  let latest: string | null = null;
  for (const a of ordered) if (a.day && (!latest || a.day > latest)) latest = a.day;
  for (const a of ordered) {
    const p = index.byId.get(a.problem);
    const base = levelOf(index, a, p);
    if (base === undefined) continue;
    if (p !== undefined) attempted[p] = 1;
    if (a.outcome === 'failed' || (p !== undefined ? solved[p] : offList.has(a.problem))) continue;
    if (p !== undefined) solved[p] = 1;
    else offList.add(a.problem);
    if (!isGraded(a)) importedSolves++;
    const level = seedLevel(base, a.day, latest);
    allSolved.push(level);
    if (!isGraded(a)) importedLevels.push(level);
    for (const c of catsOf(index, a, p)) {
      if (p !== undefined) solvedIn[c]++;
      solvedLevels[c].push(level);
    }
  }
  // Seeds stand in for a past that Elo never saw (imports, syncs). A new learner's own graded solves go through Elo
  // only: seeding from them too made the third logged solve drop the estimate (DEFAULT_THETA + gains → median − 1).
  const seeded = importedSolves >= MIN_SEED_SOLVES ? seedOf(allSolved) : undefined;
  const thetaG = seeded ?? DEFAULT_THETA;
  const seedEvidence = seeded === undefined ? 0 : Math.min(importedSolves, GLOBAL_SEED_EVIDENCE);
  const offset = new Float64Array(cats);
  const n = new Float64Array(cats);
  for (let c = 0; c < cats; c++) {
    const seed = seeded === undefined ? undefined : seedOf(solvedLevels[c]);
    // A type's solves only lift it: its seed is never under the estimate it would have without them (θ_g − margin).
    // Without a seed the type's own skill starts at θ_g − margin: only its outcomes move it away from there.
    offset[c] = (seed === undefined ? thetaG - UNTRIED_MARGIN : Math.max(seed, thetaG - UNTRIED_MARGIN)) - thetaG;
    n[c] = seed === undefined ? 0 : Math.min(SEED_EVIDENCE, (SEED_EVIDENCE * solvedLevels[c].length) / MIN_SEED_SOLVES);
  }
  const state: LearnerState = {
    offset,
    n,
    thetaG,
    nG: seedEvidence,
    pace: 1,
    attempted,
    solved,
    solvedIn,
    prior: seeded === undefined,
    seedEvidence,
    cal: IDENTITY,
    importTop: meanOfHardest(importedLevels, IMPORT_TOP),
  };
  state.cal = fitCalibration(runElo(index, state, ordered.filter(isGraded)));
  state.pace = paceOf(index, ordered);
  return state;
}

/** Runs Elo over the graded attempts; returns each one's calibration evidence (the curve's prediction before it). */
function runElo(index: CatalogIndex, s: LearnerState, graded: HistoryAttempt[]): CalibrationPoint[] {
  const points: CalibrationPoint[] = [];
  for (const a of graded) {
    const p = index.byId.get(a.problem);
    const level = levelOf(index, a, p);
    if (level === undefined) continue;
    const cats = catsOf(index, a, p);
    points.push({ z: logit(curveOf(s, level, cats)), o: OUTCOME_SCORE[a.outcome] });
    eloUpdate(s, level, cats, a.outcome);
  }
  return points;
}

/** The curve's success for a problem of these types (their mean; θ_g − margin for a problem of no known type). */
export function curveOf(
  s: Pick<LearnerState, 'offset' | 'n' | 'thetaG'>,
  level: number,
  cats: readonly number[],
): number {
  if (cats.length === 0) return predicted(s.thetaG - UNTRIED_MARGIN, level);
  let sum = 0;
  for (const c of cats) sum += predicted(thetaHat(s, c), level);
  return sum / cats.length;
}

/**
 * One logged attempt's Elo update: δ_c += (U(n_c)/K)·(o − P) for each type of the problem, and θ_g the same way.
 * The forecast applies exactly this with the predicted outcome, so tomorrow's estimate is what a logged day gives.
 */
export function eloStep(
  index: CatalogIndex,
  s: Pick<LearnerState, 'offset' | 'n' | 'thetaG' | 'nG'>,
  p: number,
  outcome: Outcome,
): void {
  eloUpdate(s, index.level[p], index.problemCats[p], outcome);
}

/** The score an outcome counts for against a predicted success: a solve (slow too) never counts under its prediction. */
function scoreOf(outcome: Outcome, prob: number): number {
  const o = OUTCOME_SCORE[outcome];
  return outcome === 'solved' || outcome === 'solved_slow' ? Math.max(o, prob) : o;
}

/** eloStep for a problem given by its level and category indices (a problem on no list has no catalog index). */
export function eloUpdate(
  s: Pick<LearnerState, 'offset' | 'n' | 'thetaG' | 'nG'>,
  level: number,
  cats: readonly number[],
  outcome: Outcome,
): void {
  const before = cats.map((c) => thetaHat(s, c));
  const pg = predicted(s.thetaG, level);
  const globalStep = (eloRate(s.nG) / K) * (scoreOf(outcome, pg) - pg);
  for (const c of cats) {
    const prob = predicted(thetaHat(s, c), level);
    // The type's own skill θ_g + δ_c moves by its own Elo step, not by that step plus θ_g's (one attempt, counted once).
    s.offset[c] += (eloRate(s.n[c]) / K) * (scoreOf(outcome, prob) - prob) - globalStep;
    s.n[c]++;
  }
  s.thetaG += globalStep;
  s.nG++;
  if (outcome !== 'solved' && outcome !== 'solved_slow') return;
  // One more piece of evidence weighs a type's own θ_c more against the global prior; when θ_c sits under it, an easy
  // solve would pull the shrunk estimate down. A solve never lowers it: δ_c is raised to keep the estimate.
  for (const [i, c] of cats.entries()) {
    if (thetaHat(s, c) >= before[i]) continue;
    s.offset[c] = (before[i] * (s.n[c] + SHRINK) - SHRINK * (s.thetaG - UNTRIED_MARGIN)) / s.n[c] - s.thetaG;
  }
}

/** P(solve) for a learner of calibration `cal` at skill θ on a problem of `level`. */
export function successOf(cal: Calibration, theta: number, level: number): number {
  return calibrated(cal, predicted(theta, level));
}

/** The outcome the forecast assumes for a planned item: solved when its predicted success is ≥ 50 %, else a hint. */
export function predictedOutcome(success: number): Outcome {
  return success >= 0.5 ? 'solved' : 'hint';
}

/** φ: median ratio of logged minutes to the model's estimate over the last 20 timed attempts, in [0.5, 2]. */
function paceOf(index: CatalogIndex, ordered: HistoryAttempt[]): number {
  const ratios: number[] = [];
  const seen = new Set<string>();
  for (const a of ordered) {
    const p = index.byId.get(a.problem);
    const level = levelOf(index, a, p);
    const resolve = seen.has(a.problem);
    seen.add(a.problem);
    if (level === undefined || a.minutes === null || !(a.minutes > 0)) continue;
    ratios.push(a.minutes / (minutesFor(level, 1) * (resolve ? 0.6 : 1)));
  }
  if (ratios.length === 0) return 1;
  // Few timed attempts say little: shrink towards the model's own pace (1) as if PACE_PRIOR attempts had matched it.
  const weight = ratios.length / (ratios.length + PACE_PRIOR);
  return Math.min(2, Math.max(0.5, Math.exp(weight * Math.log(median(ratios.slice(-20))))));
}

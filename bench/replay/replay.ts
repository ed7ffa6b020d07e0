/**
 * Replay on real histories (PLANNER.md, "Round 3"): walk a learner's public submissions in time order; before each
 * first attempt at a problem ask a model for P(solve) from what came before; score the later half. Models: cote's own
 * learner model (src/planner/model.ts: a global Elo skill, per-type offsets shrunk toward it, as the planner runs it), one
 * global Elo, and a per-type solve rate. Pure: histories in, figures out.
 */
import { codeforcesLevel } from '../../src/judges/difficulty.ts';
import { Rng } from '../planner/rng.ts';
import { bootstrapMeanCI, mean } from '../planner/stats.ts';
import { catalogIndex } from '../../src/planner/catalogIndex.ts';
import { type CalibrationPoint, calibrated, fitCalibration, logit, sigmoid } from '../../src/planner/calibration.ts';
import {
  curveOf,
  ELO_FLOOR,
  eloUpdate,
  K,
  learnerModel,
  OUTCOME_SCORE,
  predicted,
  thetaHat,
} from '../../src/planner/model.ts';
import type { Outcome, PlannerCatalog } from '../../src/planner/types.ts';

/** One submission of Codeforces' user.status answer (the fields the replay reads). */
export interface CfSubmission {
  creationTimeSeconds: number;
  verdict?: string;
  problem: { contestId?: number; index: string; rating?: number; tags?: string[] };
}

/** A first attempt at a problem: solved when an accepted submission follows within a day of the first one. */
export interface ReplayAttempt {
  problem: string;
  time: number;
  level: number;
  tags: string[];
  solved: boolean;
}

/** Verdicts that say nothing about the learner's skill (not judged, or judged on nothing). */
const IGNORED = new Set(['COMPILATION_ERROR', 'SKIPPED', 'TESTING', 'SUBMITTED', 'REJECTED']);
const DAY = 86_400;

/** One judged submission in a judge-neutral shape: what every reader turns its source's rows into. */
export interface Judged {
  problem: string;
  time: number;
  accepted: boolean;
  level: number;
  tags: string[];
}

/**
 * First attempts, oldest first: a problem's first judged submission, solved when an accepted one follows within a day
 * of it. Problems without a level are left out (no level, no prediction).
 */
export function firstAttempts(rows: Judged[]): ReplayAttempt[] {
  const byProblem = new Map<string, ReplayAttempt>();
  for (const s of [...rows].sort((a, b) => a.time - b.time)) {
    let at = byProblem.get(s.problem);
    if (!at) {
      at = {
        problem: s.problem,
        time: s.time,
        level: s.level,
        tags: s.tags.length ? [...s.tags] : ['untagged'],
        solved: false,
      };
      byProblem.set(s.problem, at);
    }
    if (s.accepted && s.time - at.time <= DAY) at.solved = true;
  }
  return [...byProblem.values()].filter((a) => a.level > 0).sort((a, b) => a.time - b.time);
}

/** The user.status answer as attempts, oldest first; problems without a rating (no level) are left out. */
export function attemptsOf(submissions: CfSubmission[]): ReplayAttempt[] {
  return firstAttempts(
    submissions
      .filter((s) => s.verdict && !IGNORED.has(s.verdict) && typeof s.problem.rating === 'number')
      .map((s) => ({
        problem: `codeforces:${s.problem.contestId ?? 0}${s.problem.index}`,
        time: s.creationTimeSeconds,
        accepted: s.verdict === 'OK',
        level: codeforcesLevel(s.problem.rating as number),
        tags: s.problem.tags ?? [],
      })),
  );
}

export type ModelName = 'cote' | 'elo' | 'eloFloor' | 'typeRate';
export const MODELS: ModelName[] = ['cote', 'elo', 'eloFloor', 'typeRate'];

/** A model: predict, then learn the outcome. */
interface Model {
  predict(a: ReplayAttempt): number;
  learn(a: ReplayAttempt): void;
}

/** cote's learner model over the history's own tags as categories (graded attempts, no imports). */
function coteModel(attempts: ReplayAttempt[]): Model & { violations: number } {
  const tags = [...new Set(attempts.flatMap((a) => a.tags))];
  const catalog: PlannerCatalog = {
    problems: attempts.map((a) => ({ id: a.problem, title: a.problem, level: a.level, tags: a.tags })),
    categories: tags.map((key, position) => ({ key, nameEn: key, nameKo: key, position })),
    entries: attempts.flatMap((a) =>
      a.tags.map((category, i) => ({ category, problem: a.problem, position: i, recommended: false })),
    ),
  };
  const index = catalogIndex(catalog);
  const state = learnerModel(index, []);
  const cats = (a: ReplayAttempt) => a.tags.map((t) => index.catIndex.get(t) as number);
  // The learner's calibration, refitted from every graded attempt so far (as learnerModel fits it from the history).
  const points: CalibrationPoint[] = [];
  const model = {
    violations: 0,
    predict(a: ReplayAttempt) {
      return calibrated(fitCalibration(points), curveOf(state, a.level, cats(a)));
    },
    learn(a: ReplayAttempt) {
      const cs = cats(a);
      const before = cs.map((c) => thetaHat(state, c));
      const outcome: Outcome = a.solved ? 'solved' : 'failed';
      points.push({ z: logit(curveOf(state, a.level, cs)), o: OUTCOME_SCORE[outcome] });
      eloUpdate(state, a.level, cs, outcome);
      // The readiness a learner would see: a solve never lowers the estimate of the solved problem's types.
      if (a.solved) for (const [i, c] of cs.entries()) if (thetaHat(state, c) < before[i] - 1e-9) model.violations++;
    },
  };
  return model;
}

/**
 * One global skill, cote's curve, no types; Elo's step 1.5/(1 + 0.1·n) down to `floor`: 0.15 (the schedule cote had
 * before the replay chose ELO_FLOOR on real histories), or cote's own ELO_FLOOR (what is left of cote's lead is then
 * its per-type part).
 */
function eloModel(floor: number): Model {
  let theta = 9;
  let n = 0;
  return {
    predict: (a) => predicted(theta, a.level),
    learn(a) {
      const p = predicted(theta, a.level);
      theta += (Math.max(floor, 1.5 / (1 + 0.1 * n)) / K) * ((a.solved ? 1 : 0) - p);
      n++;
    },
  };
}

/** The learner's solve rate per type so far (Laplace: (s + 1)/(n + 2)), averaged over the problem's types. */
function typeRateModel(): Model {
  const seen = new Map<string, [number, number]>();
  return {
    predict: (a) =>
      a.tags.reduce((s, t) => {
        const [k, n] = seen.get(t) ?? [0, 0];
        return s + (k + 1) / (n + 2);
      }, 0) / a.tags.length,
    learn(a) {
      for (const t of a.tags) {
        const [k, n] = seen.get(t) ?? [0, 0];
        seen.set(t, [k + Number(a.solved), n + 1]);
      }
    },
  };
}

export interface Scored {
  predicted: number;
  solved: boolean;
}

export interface HistoryReplay {
  name: string;
  attempts: number;
  scored: Record<ModelName, Scored[]>;
  /** Solves after which cote's estimate of one of the problem's types went down (should be 0). */
  violations: number;
}

/** Replays one history: every attempt is predicted by each model; the later half (by time) is kept for scoring. */
export function replayHistory(name: string, attempts: ReplayAttempt[]): HistoryReplay {
  const cote = coteModel(attempts);
  const models: Record<ModelName, Model> = {
    cote,
    elo: eloModel(0.15),
    eloFloor: eloModel(ELO_FLOOR),
    typeRate: typeRateModel(),
  };
  const scored: Record<ModelName, Scored[]> = { cote: [], elo: [], eloFloor: [], typeRate: [] };
  const half = Math.floor(attempts.length / 2);
  for (const [i, a] of attempts.entries()) {
    for (const key of Object.keys(models) as ModelName[]) {
      const p = models[key].predict(a);
      if (i >= half) scored[key].push({ predicted: p, solved: a.solved });
      models[key].learn(a);
    }
  }
  return { name, attempts: attempts.length, scored, violations: cote.violations };
}

/** One prediction's log loss (natural log), the prediction clipped to [0.01, 0.99]. */
export function pointLoss({ predicted: p, solved }: Scored): number {
  const q = Math.min(0.99, Math.max(0.01, p));
  return solved ? -Math.log(q) : -Math.log(1 - q);
}

/** Mean log loss (natural log), predictions clipped to [0.01, 0.99]. */
export function logLoss(scored: Scored[]): number {
  if (scored.length === 0) return Number.NaN;
  return scored.reduce((sum, x) => sum + pointLoss(x), 0) / scored.length;
}

/**
 * Mean paired difference of log loss a − b over the same attempts, with a seeded percentile bootstrap 95 % interval
 * over attempts (attempts of one learner are not independent: with few learners the interval is too narrow).
 */
export function pairedLossDifference(a: Scored[], b: Scored[], seed = 20): { mean: number; ci: [number, number] } {
  const diffs = a.map((x, i) => pointLoss(x) - pointLoss(b[i]));
  return { mean: mean(diffs), ci: bootstrapMeanCI(diffs, new Rng(seed)) };
}

export function brier(scored: Scored[]): number {
  return scored.reduce((s, x) => s + (x.predicted - Number(x.solved)) ** 2, 0) / Math.max(1, scored.length);
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observed: number;
}

/** Reliability table: predictions in bins of `width`, with the mean prediction and the observed solve rate. */
export function reliability(scored: Scored[], width = 0.2): ReliabilityBin[] {
  const bins: ReliabilityBin[] = [];
  for (let from = 0; from < 1 - 1e-9; from += width) {
    const to = Math.min(1, from + width);
    const inBin = scored.filter((x) => x.predicted >= from && (x.predicted < to || (to === 1 && x.predicted <= 1)));
    bins.push({
      from: Math.round(from * 100) / 100,
      to: Math.round(to * 100) / 100,
      count: inBin.length,
      meanPredicted: inBin.length ? inBin.reduce((s, x) => s + x.predicted, 0) / inBin.length : Number.NaN,
      observed: inBin.length ? inBin.filter((x) => x.solved).length / inBin.length : Number.NaN,
    });
  }
  return bins;
}

/** For tests: a logistic at skill θ (the curve both Elo models share). */
export const curve = (theta: number, level: number) => sigmoid(K * (theta - level));

/**
 * The pooled mean difference of log loss a − b (every scored attempt weighs the same) with a seeded percentile
 * bootstrap 95 % interval that resamples learners, not attempts: one learner's attempts are not independent.
 */
export function learnerBootstrapDifference(
  perLearner: { a: Scored[]; b: Scored[] }[],
  seed = 20,
  resamples = 2000,
): { mean: number; ci: [number, number] } {
  const sums = perLearner.map(({ a, b }) => a.reduce((s, x, i) => s + pointLoss(x) - pointLoss(b[i]), 0));
  const counts = perLearner.map(({ a }) => a.length);
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return { mean: 0, ci: [0, 0] };
  const rng = new Rng(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    let n = 0;
    for (let i = 0; i < sums.length; i++) {
      const j = rng.int(sums.length);
      s += sums[j];
      n += counts[j];
    }
    if (n > 0) means.push(s / n);
  }
  means.sort((x, y) => x - y);
  const at = (q: number) => means[Math.min(means.length - 1, Math.max(0, Math.round(q * (means.length - 1))))];
  return { mean: sums.reduce((s, x) => s + x, 0) / total, ci: [at(0.025), at(0.975)] };
}

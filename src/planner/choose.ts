import { levelsNearest, MAX_LEVEL } from './catalogIndex.ts';
import { guessing, readinessAt, skill, type PlanContext } from './context.ts';
import { K, minutesFor, predicted, successOf } from './model.ts';
import { TUNING } from './tuning.ts';
import { examWorth } from './worth.ts';

/** What one day allows when choosing new problems. */
export interface DayRules {
  /** Target predicted success P*. */
  pStar: number;
  /** Candidates must have minP ≤ P ≤ maxP. */
  minP: number;
  maxP: number;
  /** New problems chosen today per category (at most 2). */
  newToday: Int32Array;
  /** Categories never practised may not start (the last days before the exam). */
  allowNewCategory: boolean;
  /** Phase A: categories that matter but have fewer than 2 problems get a push. */
  coverageBoost: boolean;
  /** A category excluded for variety (−1: none). */
  excludeCategory: number;
  /** Only this category may be chosen (−1: any): a heavy type due for its weekly new problem. */
  onlyCategory: number;
  /** The last day before the exam: only types the exam weighs. */
  weightedOnly: boolean;
  /** The day's budget in minutes (the per-type cap grows with it). */
  dayMinutes: number;
  /** Leftover minutes: a weighted type may pass today's per-type cap (rather than leave the time to light types). */
  ignoreCap?: boolean;
  /**
   * Score a problem by what it teaches, not per minute: the day holds this one problem whatever its length
   * (a budget shorter than a problem at the learner's level, newItems.ts longProblemDay).
   */
  perProblem?: boolean;
  /**
   * Score a problem by its worth for the exam itself (worth.ts examWorth), not by the type's priority: the exam is
   * at most TUNING.shortHorizon days away, so coverage, exploration and shares for later weeks no longer pay.
   */
  examValue?: boolean;
  /** Problems not to offer today (skipped, swapped). */
  excluded: Set<number> | null;
  /** Phases B and C: categories whose confusable partner is already on the day get a small push (interleaving). */
  mixConfusable: boolean;
  partnersOnDay: Set<number>;
}

export interface Candidate {
  problem: number;
  category: number;
  level: number;
  predicted: number;
  minutes: number;
  score: number;
}

export const MAX_NEW_PER_CATEGORY = 2;
/** A stretch as hard as this (predicted success) is still work, when nothing of the type (or of the exam's types) is easier. */
export const STRETCH_FLOOR = 0.02;

/**
 * New problems one type may have on a day: 2, more for a type that is most of the exam (all weight on one type
 * would otherwise hand the rest of the day to types the exam does not test).
 */
export function newCap(ctx: PlanContext, c: number, dayMinutes = 0): number {
  const perDay = Math.max(TUNING.capPerWeight, (1.5 * dayMinutes) / TUNING.minutesPerProblem);
  return Math.max(MAX_NEW_PER_CATEGORY, Math.round(ctx.pi[c] * perDay));
}

/**
 * How far a type is behind its share of the new problems: (π_c·(T+1) + ½)/(n_c + ½), in [1/5, 5], where T is the
 * preparation's new problems so far and n_c the type's. Proportional to the weight, not its square.
 */
export function shareFactor(ctx: PlanContext, c: number): number {
  const f = (ctx.pi[c] * (ctx.newTotal + 1) + 0.5) / (ctx.newIn[c] + 0.5);
  return Math.min(5, Math.max(0.2, f)) ** TUNING.sharePower;
}
/** Types learners mix up; practising them on the same day teaches telling them apart (PLANNER.md, interleaving). */
export const CONFUSABLE: [string, string][] = [
  ['graph_traversal', 'shortest_path'],
  ['greedy', 'dynamic_programming_1'],
  ['brute_force', 'backtracking'],
];
const MIX_BONUS = 1.15;
const MASTERED = 0.8;

/** pr_c = w_c·max(K·m(1−m), 0.05) + 0.3·√(ln N/(1+n_c)); mastered categories get maintenance only. */
export function priority(ctx: PlanContext, c: number, rules: DayRules): number {
  const m = readinessAt(ctx, skill(ctx, c));
  const n = ctx.learner.n[c] + ctx.plannedIn[c];
  // Maintenance only for a type mastered NOW: a forecast that reaches mastery is a forecast, not a reason to stop.
  const mastered = readinessAt(ctx, ctx.base[c]) >= MASTERED;
  const w = TUNING.weightPower === 1 ? ctx.w[c] : ctx.w[c] ** TUNING.weightPower;
  let pr = w * (Math.max(K * m * (1 - m), 0.05) + TUNING.explore * Math.sqrt(Math.log(ctx.evidence + 1) / (1 + n)));
  if (ctx.pi[c] > 0) pr *= shareFactor(ctx, c);
  if (mastered) pr *= 0.1;
  if (rules.coverageBoost && ctx.pi[c] >= 0.05 && ctx.learner.solvedIn[c] + ctx.plannedIn[c] < 2)
    pr *= TUNING.coverBoost;
  if (rules.mixConfusable && rules.partnersOnDay.has(c)) pr *= MIX_BONUS;
  return pr;
}

type BucketHead = { problem: number; recommended: boolean };

/** The head of a (category, level) bucket: the best unused problem of that level in that category. */
function bucketHead(ctx: PlanContext, c: number, level: number, excluded: Set<number> | null): BucketHead | undefined {
  const bucket = ctx.index.buckets[c][level];
  const slot = c * (MAX_LEVEL + 1) + level;
  let i = ctx.heads[slot];
  while (i < bucket.length && ctx.used[bucket[i].problem]) i++;
  ctx.heads[slot] = i;
  if (!excluded) return bucket[i];
  for (let j = i; j < bucket.length; j++) {
    if (!ctx.used[bucket[j].problem] && !excluded.has(bucket[j].problem)) return bucket[j];
  }
  return undefined;
}

function tagBonus(ctx: PlanContext, problem: number, c: number): number {
  for (const other of ctx.index.problemCats[problem]) if (other !== c && ctx.pi[other] >= 0.1) return 0.1;
  return 0;
}

/** The best new problem that fits in `room` minutes, or undefined. Ties keep category and list order. */
export function bestCandidate(ctx: PlanContext, rules: DayRules, room: number): Candidate | undefined {
  // Types the exam does not weigh only when no weighted type has a candidate, even without the variety rule.
  const weighted =
    bestOf(ctx, rules, room, true) ??
    (rules.excludeCategory >= 0 ? bestOf(ctx, { ...rules, excludeCategory: -1 }, room, true) : undefined);
  if (weighted || rules.weightedOnly) return weighted;
  // No minutes to a type the exam does not weigh while a weighted type has work in reach at all (however long, and
  // past today's per-type cap): the day's leftover goes to weighted re-solves or a longer weighted problem instead.
  if (weightedInReach(ctx, rules)) return undefined;
  // Nothing weighted in the band (a learner far below the list's start in the exam's types): a weighted problem
  // above the band, the nearest the exam's types come to reach, before any type the exam does not weigh. Those
  // were no easier for such a learner (the simulator's weakest, 600 minutes a day: 0 of 33 greedy problems solved).
  // Not on a warm-up day (its band starts high on purpose: nothing hard the day before the exam).
  if (rules.minP <= TUNING.minP) {
    const stretch = { ...rules, minP: STRETCH_FLOOR };
    if (weightedInReach(ctx, stretch, 'stretch')) return bestOf(ctx, stretch, room, true);
  }
  return bestOf(ctx, rules, room, false);
}

/**
 * Some weighted type has an unused problem in the success band, whatever the room and today's caps. Asked once per
 * planned day (kept in ctx.reach): within a day the answer only changes when the last such problem is used.
 */
export function weightedInReach(ctx: PlanContext, rules: DayRules, band: 'band' | 'stretch' = 'band'): boolean {
  const kept = band === 'band' ? ctx.reach : ctx.stretchReach;
  if (kept?.day === ctx.studyIndex) return kept.value;
  const open = { ...rules, excludeCategory: -1, onlyCategory: -1, newToday: new Int32Array(ctx.pi.length) };
  const value = bestOf(ctx, open, Infinity, true) !== undefined;
  if (band === 'band') ctx.reach = { day: ctx.studyIndex, value };
  else ctx.stretchReach = { day: ctx.studyIndex, value };
  return value;
}

function bestOf(ctx: PlanContext, rules: DayRules, room: number, weighted: boolean): Candidate | undefined {
  let best: Candidate | undefined;
  const cats = ctx.index.catKeys.length;
  const pace = ctx.learner.pace;
  for (let c = 0; c < cats; c++) {
    if (ctx.pi[c] > 0 !== weighted) continue;
    if (rules.onlyCategory >= 0 && c !== rules.onlyCategory) continue;
    if (c === rules.excludeCategory || (!rules.ignoreCap && rules.newToday[c] >= newCap(ctx, c, rules.dayMinutes)))
      continue;
    if (!rules.allowNewCategory && ctx.learner.solvedIn[c] + ctx.plannedIn[c] === 0) continue;
    const th = skill(ctx, c);
    const pr = priority(ctx, c, rules);
    const options: { head: BucketHead; level: number; p: number; minutes: number; fit: number }[] = [];
    let bestFit = 0;
    for (let level = 0; level <= MAX_LEVEL; level++) {
      const p = predicted(th, level);
      if (p < rules.minP || p > rules.maxP) continue;
      const minutes = minutesFor(level, pace);
      if (Math.max(1, Math.round(minutes)) > room) continue;
      const head = bucketHead(ctx, c, level, rules.excluded);
      if (!head) continue;
      const fit =
        Math.exp(-((p - rules.pStar) ** 2) / (2 * TUNING.fitWidth * TUNING.fitWidth)) *
        (p >= TUNING.bandLow && p <= TUNING.bandHigh ? 1 : TUNING.outsideBand);
      options.push({ head, level, p, minutes, fit });
      bestFit = Math.max(bestFit, fit);
    }
    // A new learner's skill is a guess: a type whose problems all look too hard competes with its best-fitting
    // (easiest) one as if it fitted, so the profile's weights decide the mix, not the guess.
    const scale = guessing(ctx) && bestFit > 0 ? 1 / bestFit : 1;
    // The fit aims at a difficulty on the curve (θ − ℓ: what the learning gain is a shape of); the success an item
    // shows is the learner's calibrated P(solve) (calibration.ts).
    for (const { head, level, p, minutes, fit } of options) {
      const value = rules.examValue
        ? examWorth(ctx, head.problem) * (p >= TUNING.bandLow && p <= TUNING.bandHigh ? 1 : TUNING.outsideBand)
        : pr * fit * scale * (1 + 0.2 * Number(head.recommended) + tagBonus(ctx, head.problem, c));
      const score = value / (rules.perProblem ? 1 : minutes);
      if (!best || score > best.score)
        best = {
          problem: head.problem,
          category: c,
          level,
          predicted: successOf(ctx.learner.cal, th, level),
          minutes,
          score,
        };
    }
  }
  return best;
}

/** The unused problem of category c closest to `level` within [lo, hi], for a mock set. */
export function problemNear(
  ctx: PlanContext,
  c: number,
  level: number,
  lo: number,
  hi: number,
  excluded: Set<number> | null,
): number | undefined {
  for (const l of levelsNearest(level, lo, hi)) {
    const head = bucketHead(ctx, c, l, excluded);
    if (head) return head.problem;
  }
  return undefined;
}

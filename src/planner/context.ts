import { catalogIndex, MAX_LEVEL, type CatalogIndex } from './catalogIndex.ts';
import {
  chronological,
  eloStep,
  learnerModel,
  predicted,
  predictedOutcome,
  SHRINK,
  thetaHat,
  type LearnerState,
} from './model.ts';
import { newProblemCounts, offJudge, recentProblems } from './historyCounts.ts';
import { relatedIndex, RELATED_SHARE } from './related.ts';
import { profileOf, profileWeights, type ExamFormat } from './profiles.ts';
import { reviewCards, type ReviewCard } from './reviews.ts';
import type { PlanInput, PlanItem } from './types.ts';
import { TUNING } from './tuning.ts';

/**
 * Everything one plan() call works on: the indexed catalog, the learner model, the weights, and the
 * projection that moves forward as days are planned (planned problems count as practised, with an expected gain).
 */
export interface PlanContext {
  index: CatalogIndex;
  learner: LearnerState;
  /** The profile's weights π_c (sum 1) and the planning weights w_c = 0.9·π_c + 0.1/|C|. */
  pi: Float64Array;
  w: Float64Array;
  format: ExamFormat;
  /** Problems a mock set may not use: those off the exam's judge, when the catalog has problems on it (else null). */
  offExamJudge: Set<number> | null;
  examLevels: number[];
  profile: string;
  /**
   * The estimate the planner will hold on the day being planned: the learner's Elo state, moved at the end of each
   * planned day by exactly the update a logged day gives (eloStep with the predicted outcome of each item). Choosing
   * uses it, so a learner who does the day as predicted meets tomorrow the list the forecast showed.
   */
  est: Pick<LearnerState, 'offset' | 'n' | 'thetaG' | 'nG'>;
  /**
   * Beyond the first MIRROR_DAYS days the estimate no longer moves by the predicted outcomes (always "solved" at
   * P ≥ 0.5, they would climb without end over months); the projected learning gain planned since then is added.
   */
  late: boolean;
  lateGain: Float64Array;
  lateGainG: number;
  /**
   * The projection towards the exam (what the learner will be able to do, not what the log will say):
   * θ̂_c at the start, and the projected gain added by the plan so far: per category, and global (as Elo's θ_g
   * rises with every attempt, it lifts the categories with little evidence of their own through the shrinkage).
   */
  base: Float64Array;
  gain: Float64Array;
  gainG: number;
  /** The same gains levelling off per type at TUNING.passGainHalf: what the pass projection counts (readiness.ts). */
  passGain: Float64Array;
  passGainG: number;
  /** Per category, the day (from today) of the last problem this plan practises in it; −∞ none (readiness.ts retention). */
  lastPractice: Float64Array;
  /** The day (from today) being planned. */
  dayOffset: number;
  /** Related categories per category (a projected gain lifts them by RELATED_SHARE). */
  related: number[][];
  /** The shrinkage weight 3/(n_c + 3) of the global skill in each category's estimate. */
  shrink: Float64Array;
  /** Problems attempted before or planned already. */
  used: Uint8Array;
  /** Per problem: 1 + the study-day index on which this plan first offered it (new, mock or split); 0: never. */
  plannedOn: Int32Array;
  /** Next unused position per (category, level) bucket. */
  heads: Int32Array;
  /** Problems planned per category (projection), and the total evidence N for the exploration bonus. */
  plannedIn: Int32Array;
  evidence: number;
  /** Problems planned so far (new, review or mock), for the new learner's warm-up. */
  planned: number;
  /**
   * New problems per category over the preparation: graded first attempts logged since its start plus new problems
   * planned so far (the share each type gets is held to its weight), and their total.
   */
  newIn: Float64Array;
  newTotal: number;
  /** Study-day index (0 = today, negative = past) of the last new problem per category; −∞ never. */
  lastNew: Float64Array;
  /** Study-day index of the last new or mock problem per category, or of a re-solve standing in for one (coverage.ts). */
  lastWork: Float64Array;
  /** The study-day index of the day being planned. */
  studyIndex: number;
  reviews: ReviewCard[];
  /** Problems with an open review card (not offered as re-solves of solved problems). */
  reviewing: Set<number>;
  /** Problems the learner attempted in the last RECENT_DAYS days (too fresh to re-solve). */
  recent: Set<number>;
  /** Per problem: 1 + the study-day index on which this plan last re-solved it or put it in a mock set (0: never). */
  resolved: Int32Array;
  /** A problem split over study days (a budget too small for it): its part per day, and the study days still to come. */
  carry?: { problem: number; minutes: number; parts: number; left: number };
  /** Set when a day of the coming week had to be filled with re-solves of solved problems (nothing new in reach). */
  exhausted?: boolean;
  /** Set when the first study day stays empty: nothing fits even split over two days of the budget. */
  tooShort?: boolean;
  /** Why a mock day has no mock (the day is shorter than the exam's box, or the lists lack its problems). */
  mockNote?: { code: 'mock_too_long' | 'mock_missing' | 'mock_off_judge'; params: Record<string, string | number> };
  /** Whether a weighted type has a new problem in reach, as found on study day `day` (choose.ts weightedInReach). */
  reach?: { day: number; value: boolean };
  /** …and one above the band, down to STRETCH_FLOOR (choose.ts weightedInReach 'stretch'). */
  stretchReach?: { day: number; value: boolean };
  /** Study days left without any item although the budget allowed work (nothing left to offer). */
  emptyDays: number;
  today: string;
  exam: string | null;
}

export { studyDaysBetween } from './historyCounts.ts';

export function createContext(input: PlanInput, exam: string | null): PlanContext {
  const index = catalogIndex(input.catalog);
  const ordered = chronological(input.history);
  const learner = learnerModel(index, ordered);
  const weights = profileWeights(input.settings.profile, input.catalog, input.settings.customWeights);
  const cats = index.catKeys.length;
  const pi = new Float64Array(cats);
  const w = new Float64Array(cats);
  index.catKeys.forEach((key, c) => {
    pi[c] = weights[key] ?? 0;
    w[c] = pi[c] > 0 ? pi[c] : 0.1 / cats;
  });
  const format = profileOf(input.settings.profile).format;
  const examLevels: number[] = [];
  for (let l = format.minLevel; l <= format.maxLevel; l++) examLevels.push(l);
  const reviews = reviewCards(index, ordered, input.today, exam);
  const base = new Float64Array(cats);
  for (let c = 0; c < cats; c++) base[c] = thetaHat(learner, c);
  let evidence = 1;
  for (let c = 0; c < cats; c++) evidence += learner.n[c];
  return {
    index,
    learner,
    pi,
    w,
    format,
    offExamJudge: offJudge(index.problems, format.judge),
    examLevels,
    profile: input.settings.profile,
    est: { offset: learner.offset.slice(), n: learner.n.slice(), thetaG: learner.thetaG, nG: learner.nG },
    late: false,
    lateGain: new Float64Array(cats),
    lateGainG: 0,
    base,
    gain: new Float64Array(cats),
    gainG: 0,
    passGain: new Float64Array(cats),
    passGainG: 0,
    lastPractice: new Float64Array(cats).fill(-Infinity),
    dayOffset: 0,
    related: relatedIndex(index.catKeys),
    shrink: learner.n.map((n) => SHRINK / (n + SHRINK)),
    used: learner.attempted.slice(),
    plannedOn: new Int32Array(index.problems.length),
    heads: new Int32Array(cats * (MAX_LEVEL + 1)),
    plannedIn: new Int32Array(cats),
    evidence,
    planned: 0,
    ...newProblemCounts(index, ordered, input),
    studyIndex: 0,
    reviews,
    reviewing: new Set(reviews.map((r) => r.problem)),
    recent: recentProblems(index, ordered, input.today),
    resolved: new Int32Array(index.problems.length),
    emptyDays: 0,
    lastWork: new Float64Array(cats).fill(-Infinity),
    today: input.today,
    exam,
  };
}

/** The estimate of θ_c the planner will hold on the day being planned (choosing, predicted success, reasons). */
export function skill(ctx: PlanContext, c: number): number {
  return thetaHat(ctx.est, c) + ctx.lateGain[c] + ctx.shrink[c] * ctx.lateGainG;
}

/** Days (from today) whose end moves the estimate as a logged day would: the week the stability promise covers. */
export const MIRROR_DAYS = 7;

/** θ_c projected from practice: the start estimate plus the expected learning of what is planned (readiness at the exam). */
export function projectedSkill(ctx: PlanContext, c: number): number {
  return ctx.base[c] + ctx.gain[c] + ctx.shrink[c] * ctx.gainG;
}

/**
 * The end of a planned day: the estimate moves as the day's log would move it (each item in order, with its
 * predicted outcome). A new problem predicted to need a hint would also open a review card once logged; the forecast
 * does not add one (its re-solve would be planned twice and could fall after exam − 2), which costs a little stability.
 */
export function commitDay(ctx: PlanContext, items: PlanItem[], dayIndex: number): void {
  if (dayIndex >= MIRROR_DAYS) return;
  for (const it of items) {
    const p = ctx.index.byId.get(it.problem);
    if (p !== undefined) eloStep(ctx.index, ctx.est, p, predictedOutcome(it.predicted));
  }
}

/** Readiness: mean predicted success over the exam's levels, 0–1. */
export function readinessAt(ctx: PlanContext, theta: number): number {
  let sum = 0;
  for (const l of ctx.examLevels) sum += predicted(theta, l);
  return sum / ctx.examLevels.length;
}

/** Readiness today, from the learner's estimate before anything planned (what mastery words may rest on). */
export function currentReadiness(ctx: PlanContext, c: number): number {
  return readinessAt(ctx, ctx.base[c]);
}

export function readiness(ctx: PlanContext, c: number): number {
  return readinessAt(ctx, skill(ctx, c));
}

/** The shape of what practising a problem of `level` teaches a learner of `theta`: 1 one level above the skill. */
export function learningShape(level: number, theta: number): number {
  const d = level - theta - 1;
  return Math.exp(-(d * d) / 8);
}

/** Expected skill gain from practising a problem of `level`: largest just above the current skill. */
export function practise(ctx: PlanContext, problem: number, weight = 1): void {
  ctx.used[problem] = 1;
  const level = ctx.index.level[problem];
  const cats = ctx.index.problemCats[problem];
  for (const c of cats) {
    // Diminishing returns: each problem planned in a type teaches a little less than the one before.
    const raw = weight * TUNING.gain * learningShape(level, projectedSkill(ctx, c));
    const delta = raw / (1 + ctx.plannedIn[c] / TUNING.gainHalf);
    ctx.gain[c] += delta;
    for (const r of ctx.related[c]) ctx.gain[r] += RELATED_SHARE * delta;
    ctx.gainG += (TUNING.globalShare * delta) / cats.length;
    const pass = raw / (1 + ctx.plannedIn[c] / TUNING.passGainHalf);
    ctx.passGain[c] += pass;
    for (const r of ctx.related[c]) ctx.passGain[r] += RELATED_SHARE * pass;
    ctx.passGainG += (TUNING.globalShare * pass) / cats.length;
    ctx.lastPractice[c] = ctx.dayOffset;
    if (ctx.late) {
      ctx.lateGain[c] += delta;
      for (const r of ctx.related[c]) ctx.lateGain[r] += RELATED_SHARE * delta;
      ctx.lateGainG += (TUNING.globalShare * delta) / cats.length;
    }
    ctx.plannedIn[c]++;
  }
  ctx.evidence += cats.length;
  ctx.planned++;
}

/** Counts a new (or mock) problem planned on the current study day towards its types' shares. */
export function countNew(ctx: PlanContext, problem: number): void {
  ctx.plannedOn[problem] ||= ctx.studyIndex + 1;
  const cats = ctx.index.problemCats[problem];
  for (const c of cats) {
    ctx.newIn[c] += 1 / cats.length;
    ctx.lastNew[c] = ctx.studyIndex;
  }
  ctx.newTotal++;
}

/** A new learner's first problems (graded or planned): their skill is still the default guess, so start easy. */
export function warmingUp(ctx: PlanContext): boolean {
  return ctx.learner.prior && ctx.est.nG < TUNING.warmupAttempts;
}

/** A new learner with few graded attempts: the skill behind every predicted success is still mostly a guess. */
export function guessing(ctx: PlanContext): boolean {
  return ctx.learner.prior && ctx.est.nG < TUNING.guessAttempts;
}

/**
 * One synthetic learner practising under one planner for D days, then sitting the exam.
 * Each morning the planner sees the logged history and today's date; the learner works the items in order
 * and stops at the first one that would push the day past 1.2 × the budget (the first item is always done).
 */
import { addDays, isoWeekday } from '../../src/day.ts';
import type { HistoryAttempt } from '../../src/planner/types.ts';
import { EXAM_FORMATS, examWeights, passProbability, type SimProfile } from './exam.ts';
import type { PlannerFactory, RunSetup } from './planners.ts';
import { hashKey } from './rng.ts';
import { LearnerState, makeLearner, priorHistory, type CatalogIndex, type SimParams } from './world.ts';

export const START_DAY = '2027-03-01';
export const OVERRUN = 1.2;
export const FOCUS_WEIGHT = 0.05;

export interface Cell {
  days: number;
  budget: number;
  profile: SimProfile;
  muPop: number;
  /** ISO weekdays studied (default all 7): only these days are worked; the planners are asked only on them. */
  studyDays?: number[];
  /** A learner with no earlier solves (nothing imported). */
  fresh?: boolean;
}

export const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

export const cellId = (c: Cell): string =>
  `${c.profile}/mu${c.muPop}/D${c.days}/b${c.budget}` +
  (c.studyDays && c.studyDays.length < 7 ? `/sd${c.studyDays.join('')}` : '') +
  (c.fresh ? '/fresh' : '');

export interface RunResult {
  pass: number;
  score: number;
  pbar: number;
  attempts: number;
  solves: number;
  hints: number;
  minutes: number;
  planned: number;
  skipped: number;
  invalid: number;
  /** Σ (d − s) over attempts (mean gap = gapSum / attempts; the base simulator teaches most at +1). */
  gapSum: number;
  /** Minutes on types the exam weighs at ≥ 0.05. */
  focusMinutes: number;
  reviews: number;
  /** The planner's own day-0 projection of P(pass) (cote only; null for planners without one). */
  projected: number | null;
}

export function runSetup(index: CatalogIndex, cell: Cell, seed: number): RunSetup {
  return {
    index,
    profile: cell.profile,
    weights: examWeights(cell.profile, index.catalog),
    budget: cell.budget,
    days: cell.days,
    startDay: START_DAY,
    examDay: addDays(START_DAY, cell.days),
    studyDays: cell.studyDays ?? ALL_DAYS,
    seed,
  };
}

/** The learner key pairs planners (same key → same learner and same coins) and is shared across variants. */
export function learnerKey(master: number, cell: Cell, learner: number): number {
  return hashKey(master, 'cell', cellId(cell), learner);
}

export function simulateRun(
  index: CatalogIndex,
  params: SimParams,
  cell: Cell,
  master: number,
  learnerIndex: number,
  factory: PlannerFactory,
): RunResult {
  const key = learnerKey(master, cell, learnerIndex);
  const learner = makeLearner(index, params, master, key, cell.muPop, cell.fresh);
  const setup = runSetup(index, cell, key);
  const planner = factory(setup);
  const state = new LearnerState(learner, index, params);
  const history: HistoryAttempt[] = priorHistory(learner);
  const r: RunResult = {
    pass: 0,
    score: 0,
    pbar: 0,
    attempts: 0,
    solves: 0,
    hints: 0,
    minutes: 0,
    planned: 0,
    skipped: 0,
    invalid: 0,
    gapSum: 0,
    focusMinutes: 0,
    reviews: 0,
    projected: null,
  };
  for (let t = 0; t < cell.days; t++) {
    const today = addDays(START_DAY, t);
    if (!setup.studyDays.includes(isoWeekday(today))) continue;
    const items = planner.today({ dayIndex: t, today, history: history.slice() });
    r.planned += items.length;
    const doneToday = new Set<string>();
    let used = 0;
    for (let i = 0; i < items.length; i++) {
      const problem = items[i];
      if (!index.level.has(problem) || doneToday.has(problem)) {
        r.invalid++;
        continue;
      }
      const minutes = state.nextMinutes(problem);
      if (doneToday.size > 0 && used + minutes > OVERRUN * cell.budget) {
        r.skipped += items.length - i;
        break;
      }
      const a = state.attempt(problem, t);
      doneToday.add(problem);
      used += a.minutes;
      r.attempts++;
      r.gapSum += a.gap;
      if (a.resolve) r.reviews++;
      if ((index.categoriesOf.get(problem) ?? []).some((c) => (setup.weights.get(c) ?? 0) >= FOCUS_WEIGHT))
        r.focusMinutes += a.minutes;
      if (a.solved) r.solves++;
      else if (a.outcome === 'hint') r.hints++;
      history.push({
        problem,
        day: today,
        outcome: a.outcome,
        minutes: Math.max(1, Math.round(a.minutes)),
        origin: 'sim',
      });
    }
    r.minutes += used;
  }
  r.projected = planner.projection?.() ?? null;
  const format = EXAM_FORMATS[cell.profile];
  r.pbar = state.examSuccess(shiftedWeights(setup.weights, params.examShift), format.levels, cell.days);
  r.pass = passProbability(format.questions, r.pbar, format.toPass);
  r.score = format.questions * r.pbar;
  return r;
}

/** The real exam's weights when it strays from the published profile: (1 − shift)·π + shift/|C|. */
export function shiftedWeights(weights: Map<string, number>, shift: number): Map<string, number> {
  if (shift === 0) return weights;
  return new Map([...weights].map(([c, w]) => [c, (1 - shift) * w + shift / weights.size]));
}

/**
 * Stability (PLANNER.md "Round 2"): a learner who does each day exactly as planned, with the predicted outcome
 * (solved when the plan predicts ≥ 50 %, else solved with a hint) in the planned minutes. Each morning the planner
 * makes a fresh plan; we count how much of yesterday's forecast it keeps.
 * - next day: of the items forecast on morning t for day t+1, the share on day t+1's list (same day);
 * - week: of the items forecast on morning t for days t+2..t+7, the share shown on the lists of days t+2..t+7
 *   (any of them: a problem moved by a day is a promise kept late, not broken); `weekExact` counts the same day only.
 */
import { addDays } from '../../src/day.ts';
import type { HistoryAttempt, PlanInput } from '../../src/planner/types.ts';
import type { PlanFunction } from './planners.ts';
import { learnerKey, runSetup, START_DAY, type Cell } from './simulate.ts';
import { BASE_PARAMS, makeLearner, priorHistory, type CatalogIndex } from './world.ts';

export interface StabilityCounts {
  nextKept: number;
  nextTotal: number;
  weekKept: number;
  weekExactKept: number;
  weekTotal: number;
}

export const WEEK = 7;

export function emptyCounts(): StabilityCounts {
  return { nextKept: 0, nextTotal: 0, weekKept: 0, weekExactKept: 0, weekTotal: 0 };
}

export function addCounts(a: StabilityCounts, b: StabilityCounts): StabilityCounts {
  return {
    nextKept: a.nextKept + b.nextKept,
    nextTotal: a.nextTotal + b.nextTotal,
    weekKept: a.weekKept + b.weekKept,
    weekExactKept: a.weekExactKept + b.weekExactKept,
    weekTotal: a.weekTotal + b.weekTotal,
  };
}

/**
 * plans[t][k]: the problems the plan made on morning t puts on day t+k (k = 0 is what that morning's list shows).
 * Only forecasts whose days were all lived through (t+k < plans.length) are counted.
 */
export function stabilityCounts(plans: string[][][]): StabilityCounts {
  const counts = emptyCounts();
  const shown = (t: number) => new Set(plans[t]?.[0] ?? []);
  for (let t = 0; t < plans.length; t++) {
    if (t + 1 < plans.length) {
      const tomorrow = shown(t + 1);
      for (const p of plans[t][1] ?? []) {
        counts.nextTotal++;
        if (tomorrow.has(p)) counts.nextKept++;
      }
    }
    if (t + WEEK >= plans.length) continue;
    const window = new Set<string>();
    for (let k = 2; k <= WEEK; k++) for (const p of shown(t + k)) window.add(p);
    for (let k = 2; k <= WEEK; k++) {
      const sameDay = shown(t + k);
      for (const p of plans[t][k] ?? []) {
        counts.weekTotal++;
        if (window.has(p)) counts.weekKept++;
        if (sameDay.has(p)) counts.weekExactKept++;
      }
    }
  }
  return counts;
}

/** One learner of `cell` living `mornings` days as planned; the counts of what each morning's plan kept. */
export function stabilityRun(
  index: CatalogIndex,
  cell: Cell,
  master: number,
  learnerIndex: number,
  planFn: PlanFunction,
  mornings: number,
): StabilityCounts {
  const key = learnerKey(master, cell, learnerIndex);
  const learner = makeLearner(index, BASE_PARAMS, master, key, cell.muPop, cell.fresh);
  const setup = runSetup(index, cell, key);
  const history: HistoryAttempt[] = priorHistory(learner);
  const plans: string[][][] = [];
  const days = Math.min(mornings, cell.days);
  for (let t = 0; t < days; t++) {
    const today = addDays(START_DAY, t);
    const input: PlanInput = {
      catalog: index.catalog,
      history: history.slice(),
      settings: {
        examDate: setup.examDay,
        dailyMinutes: cell.budget,
        studyDays: setup.studyDays,
        profile: cell.profile,
        customWeights: null,
        lang: 'en',
      },
      today,
      seed: key,
      horizonDays: WEEK + 1,
    };
    const plan = planFn(input);
    plans.push(plan.days.map((d) => d.items.map((i) => i.problem)));
    for (const it of plan.days[0]?.items ?? []) {
      history.push({
        problem: it.problem,
        day: today,
        outcome: it.predicted >= 0.5 ? 'solved' : 'hint',
        minutes: it.minutes,
        origin: 'sim',
      });
    }
  }
  return stabilityCounts(plans);
}

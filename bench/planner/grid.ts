/**
 * The experiment: the 81-cell grid, the robustness variants of the simulator, and one unit of work
 * (a variant × cell × a range of learners, every planner on every learner).
 */
import { BASELINES } from './baselines.ts';
import { coach } from './coach.ts';
import { coteFactory, type AdapterStats } from './cote.ts';
import { SIM_PROFILES } from './exam.ts';
import type { PlanFunction, PlannerFactory } from './planners.ts';
import { simulateRun, type Cell, type RunResult } from './simulate.ts';
import { BASE_PARAMS, type CatalogIndex, type SimParams } from './world.ts';

export const DAYS = [14, 30, 60];
export const BUDGETS = [60, 120, 180];
export const MU_POPS = [7, 10, 13];

export function fullGrid(): Cell[] {
  const cells: Cell[] = [];
  for (const profile of SIM_PROFILES)
    for (const muPop of MU_POPS)
      for (const days of DAYS) for (const budget of BUDGETS) cells.push({ profile, muPop, days, budget });
  return cells;
}

/** The robustness subset: every profile and ability, the middle horizon and budget plus the two corners. */
export function robustnessCells(): Cell[] {
  return fullGrid().filter(
    (c) =>
      (c.days === 30 && c.budget === 120) || (c.days === 14 && c.budget === 60) || (c.days === 60 && c.budget === 180),
  );
}

/** A small grid for tuning: each profile at the middle ability, D 30 × 120 min and D 14 × 60 min. */
export function quickGrid(): Cell[] {
  return fullGrid().filter(
    (c) => c.muPop === 10 && ((c.days === 30 && c.budget === 120) || (c.days === 14 && c.budget === 60)),
  );
}

/**
 * Inputs round 1 never had (PLANNER.md "Round 2"), per profile at μ_pop 10: study days Mon–Fri, Sat–Sun and
 * Mon/Wed/Fri; budgets 15, 30 and 600 minutes; fresh learners (no earlier solves); exams 1, 2 and 3 days away.
 */
export function inputCells(): Cell[] {
  const cells: Cell[] = [];
  for (const profile of SIM_PROFILES) {
    const base = { profile, muPop: 10, days: 30, budget: 120 };
    cells.push(
      { ...base, studyDays: [1, 2, 3, 4, 5] },
      { ...base, studyDays: [6, 7] },
      { ...base, studyDays: [1, 3, 5] },
      { ...base, budget: 15 },
      { ...base, budget: 30 },
      { ...base, budget: 600 },
      { ...base, fresh: true },
      { ...base, days: 14, budget: 60, fresh: true },
      { ...base, days: 1 },
      { ...base, days: 2 },
      { ...base, days: 3 },
      { ...base, days: 3, fresh: true },
    );
  }
  return cells;
}

export interface Variant {
  name: string;
  params: SimParams;
}

export const BASE_VARIANT: Variant = { name: 'base', params: BASE_PARAMS };

export const ROBUSTNESS_VARIANTS: Variant[] = [
  { name: 'slope0.5', params: { ...BASE_PARAMS, slope: 0.5 } },
  { name: 'slope1.2', params: { ...BASE_PARAMS, slope: 1.2 } },
  { name: 'rate0.25', params: { ...BASE_PARAMS, learningRate: 0.25 } },
  { name: 'rate0.7', params: { ...BASE_PARAMS, learningRate: 0.7 } },
  { name: 'gap0', params: { ...BASE_PARAMS, bestGap: 0 } },
  { name: 'gap2', params: { ...BASE_PARAMS, bestGap: 2 } },
  { name: 'noforget', params: { ...BASE_PARAMS, forgetting: false } },
  { name: 'noise0.5', params: { ...BASE_PARAMS, difficultyNoise: 0.5 } },
  { name: 'noise1.5', params: { ...BASE_PARAMS, difficultyNoise: 1.5 } },
  { name: 'lognoise0.1', params: { ...BASE_PARAMS, logNoise: 0.1 } },
];

/** Beyond PLANNER.md's matrix: the real exam strays from the profile every planner is told (30 % spread over all types). */
export const EXTRA_VARIANTS: Variant[] = [{ name: 'examshift0.3', params: { ...BASE_PARAMS, examShift: 0.3 } }];

/** Worlds whose minutes, success curve, learning or transfer differ in SHAPE from the planner's model (world.ts). */
export const SHAPE_VARIANTS: Variant[] = [
  { name: 'shape-minutes', params: { ...BASE_PARAMS, minutes: 'heavytail' } },
  { name: 'shape-success', params: { ...BASE_PARAMS, success: 'ramp' } },
  { name: 'shape-steps', params: { ...BASE_PARAMS, learning: 'steps' } },
  { name: 'shape-transfer', params: { ...BASE_PARAMS, transfer: 'hidden' } },
  {
    name: 'shape-all',
    params: { ...BASE_PARAMS, minutes: 'heavytail', success: 'ramp', learning: 'steps', transfer: 'hidden' },
  },
];

export const ALL_VARIANTS = [BASE_VARIANT, ...ROBUSTNESS_VARIANTS, ...EXTRA_VARIANTS, ...SHAPE_VARIANTS];

/** The base simulator on the input cells (reported on their own). */
export const INPUT_VARIANT: Variant = { name: 'inputs', params: BASE_PARAMS };

export interface Task {
  variant: string;
  cell: Cell;
  from: number;
  to: number;
}

export interface TaskResult {
  task: Task;
  /** runs[planner][learner - from] */
  runs: Record<string, RunResult[]>;
  /** Milliseconds spent inside each planner. */
  plannerMs: Record<string, number>;
  stats: AdapterStats;
}

export function plannerFactories(
  cote: PlanFunction,
  coteName: string,
  stats: AdapterStats,
): Record<string, PlannerFactory> {
  return { [coteName]: coteFactory(cote, stats), ...BASELINES, COACH: coach };
}

export function runTask(
  index: CatalogIndex,
  task: Task,
  master: number,
  cote: PlanFunction,
  coteName: string,
): TaskResult {
  const params = [...ALL_VARIANTS, INPUT_VARIANT].find((v) => v.name === task.variant)?.params;
  if (!params) throw new Error(`unknown variant ${task.variant}`);
  const stats: AdapterStats = { errors: 0, notices: {} };
  const runs: Record<string, RunResult[]> = {};
  const plannerMs: Record<string, number> = {};
  for (const [name, factory] of Object.entries(plannerFactories(cote, coteName, stats))) {
    const timed = timedFactory(factory, plannerMs, name);
    runs[name] = [];
    for (let i = task.from; i < task.to; i++) runs[name].push(simulateRun(index, params, task.cell, master, i, timed));
  }
  return { task, runs, plannerMs, stats };
}

function timedFactory(factory: PlannerFactory, ms: Record<string, number>, name: string): PlannerFactory {
  return (setup) => {
    const planner = factory(setup);
    return {
      projection: planner.projection?.bind(planner),
      today(request) {
        const t0 = performance.now();
        try {
          return planner.today(request);
        } finally {
          ms[name] = (ms[name] ?? 0) + performance.now() - t0;
        }
      },
    };
  };
}

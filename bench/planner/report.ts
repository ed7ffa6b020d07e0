/**
 * Turns the runs into the benchmark's verdict: per planner and cell the mean P(pass), expected score,
 * observed success rate and budget use; per cell the paired difference cote − best baseline with a
 * seeded bootstrap 95 % interval; per variant how many cells cote wins.
 */
import { cellId, type Cell, type RunResult } from './simulate.ts';
import { Rng } from './rng.ts';
import { bootstrapMeanCI, mean } from './stats.ts';

export interface CellRuns {
  variant: string;
  cell: Cell;
  /** runs[planner][learner], learners in the same order for every planner (paired). */
  runs: Record<string, RunResult[]>;
}

export interface PlannerCellSummary {
  pass: number;
  score: number;
  /** Solved (on time or slowly) / attempts: the target band is 0.6–0.8. */
  successRate: number;
  hintRate: number;
  /** Minutes worked / (days × budget). */
  budgetUse: number;
  attemptsPerDay: number;
  skippedPerDay: number;
  invalid: number;
  /** Mean d − s of the attempts. */
  meanGap: number;
  /** Share of minutes on types the exam weighs at ≥ 0.05. */
  focusShare: number;
  /** Share of attempts that were re-solves. */
  resolveShare: number;
}

export interface Comparison {
  best: string;
  bestMean: number;
  diff: number;
  ci: [number, number];
}

export interface CellSummary {
  variant: string;
  cell: string;
  n: number;
  planners: Record<string, PlannerCellSummary>;
  pass: Comparison;
  score: Comparison;
}

export interface VariantSummary {
  variant: string;
  cells: number;
  wins: number;
  significantWins: number;
  significantLosses: number;
  scoreWins: number;
  meanDiff: number;
}

export function summarizeCell(cr: CellRuns, cote: string, master: number): CellSummary {
  const planners: Record<string, PlannerCellSummary> = {};
  for (const [name, runs] of Object.entries(cr.runs)) planners[name] = plannerSummary(runs, cr.cell);
  const id = cellId(cr.cell);
  const baselines = Object.keys(cr.runs).filter((p) => p !== cote);
  const compare = (metric: 'pass' | 'score'): Comparison => {
    const best = baselines.reduce((a, b) => (planners[b][metric] > planners[a][metric] ? b : a));
    const diffs = cr.runs[cote].map((r, i) => r[metric] - cr.runs[best][i][metric]);
    const ci = bootstrapMeanCI(diffs, Rng.of(master, 'bootstrap', cr.variant, id, metric));
    return { best, bestMean: planners[best][metric], diff: mean(diffs), ci };
  };
  return {
    variant: cr.variant,
    cell: id,
    n: cr.runs[cote].length,
    planners,
    pass: compare('pass'),
    score: compare('score'),
  };
}

function plannerSummary(runs: RunResult[], cell: Cell): PlannerCellSummary {
  const sum = (f: (r: RunResult) => number) => runs.reduce((s, r) => s + f(r), 0);
  const attempts = sum((r) => r.attempts);
  const dayCount = runs.length * cell.days;
  return {
    pass: mean(runs.map((r) => r.pass)),
    score: mean(runs.map((r) => r.score)),
    successRate: attempts ? sum((r) => r.solves) / attempts : 0,
    hintRate: attempts ? sum((r) => r.hints) / attempts : 0,
    budgetUse: sum((r) => r.minutes) / (dayCount * cell.budget),
    attemptsPerDay: attempts / dayCount,
    skippedPerDay: sum((r) => r.skipped) / dayCount,
    invalid: sum((r) => r.invalid),
    meanGap: attempts ? sum((r) => r.gapSum) / attempts : 0,
    focusShare: sum((r) => r.minutes) ? sum((r) => r.focusMinutes) / sum((r) => r.minutes) : 0,
    resolveShare: attempts ? sum((r) => r.reviews) / attempts : 0,
  };
}

export function summarizeVariant(variant: string, cells: CellSummary[]): VariantSummary {
  return {
    variant,
    cells: cells.length,
    wins: cells.filter((c) => c.pass.diff > 0).length,
    significantWins: cells.filter((c) => c.pass.ci[0] > 0).length,
    significantLosses: cells.filter((c) => c.pass.ci[1] < 0).length,
    scoreWins: cells.filter((c) => c.score.diff > 0).length,
    meanDiff: mean(cells.map((c) => c.pass.diff)),
  };
}

/** Per planner, the mean over cells of each figure (cells weigh equally). */
export function plannerOverview(cells: CellSummary[]): Record<string, PlannerCellSummary> {
  const names = Object.keys(cells[0]?.planners ?? {});
  const out: Record<string, PlannerCellSummary> = {};
  for (const name of names) {
    const rows = cells.map((c) => c.planners[name]);
    const avg = (k: keyof PlannerCellSummary) => mean(rows.map((r) => r[k]));
    out[name] = {
      pass: avg('pass'),
      score: avg('score'),
      successRate: avg('successRate'),
      hintRate: avg('hintRate'),
      budgetUse: avg('budgetUse'),
      attemptsPerDay: avg('attemptsPerDay'),
      skippedPerDay: avg('skippedPerDay'),
      invalid: rows.reduce((s, r) => s + r.invalid, 0),
      meanGap: avg('meanGap'),
      focusShare: avg('focusShare'),
      resolveShare: avg('resolveShare'),
    };
  }
  return out;
}

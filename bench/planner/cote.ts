/**
 * The cote planner as the simulator drives it: every morning a fresh `plan(input)` from the whole logged
 * history, and today's items (days[0]) worked in order. Until src/planner/index.ts exists the harness uses
 * `standInPlanner`, a trivial plan() with the same signature, so the plumbing can be tested.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Plan, PlanInput } from '../../src/planner/types.ts';
import { addDays, isoWeekday } from '../../src/day.ts';
import type { PlanFunction, PlannerFactory, RunSetup } from './planners.ts';
import { doneSet, listOrder } from './planners.ts';
import { repoRoot } from './catalog.ts';
import { checkPlan, emptyTruth, type TruthCount } from './truth.ts';
import { estimatedMinutes } from './world.ts';

/** Problems, errors and empty days the cote adapter saw, for the report. */
export interface AdapterStats {
  errors: number;
  firstError?: string;
  notices: Record<string, number>;
  /** The truth check (truth.ts) over every plan the adapter got: claims checked, false ones, a few examples. */
  truth?: TruthCount;
}

export function coteFactory(planFn: PlanFunction, stats: AdapterStats): PlannerFactory {
  return (setup) => {
    let projected: number | null = null;
    return {
      projection: () => projected,
      today({ history, today, dayIndex }) {
        const input: PlanInput & { horizonDays?: number } = {
          catalog: setup.index.catalog,
          history,
          settings: {
            examDate: setup.examDay,
            dailyMinutes: setup.budget,
            studyDays: setup.studyDays,
            profile: setup.profile,
            customWeights: null,
            lang: 'en',
          },
          today,
          seed: setup.seed,
          horizonDays: 1,
        };
        let plan: Plan;
        try {
          // The first morning: the whole plan to the exam once, for its projected P(pass) (the calibration table).
          stats.truth ??= emptyTruth();
          if (projected === null && dayIndex === firstStudyDay(setup)) {
            const whole = { ...input, horizonDays: undefined };
            const full = planFn(whole);
            projected = full.pass?.p ?? null;
            checkPlan(full, whole, stats.truth);
          }
          plan = planFn(input);
          checkPlan(plan, input, stats.truth);
        } catch (err) {
          stats.errors++;
          stats.firstError ??= err instanceof Error ? (err.stack ?? err.message) : String(err);
          return [];
        }
        if (plan.notice) stats.notices[plan.notice.code] = (stats.notices[plan.notice.code] ?? 0) + 1;
        const day = plan.days.find((d) => d.day === today);
        return day ? day.items.map((i) => i.problem) : [];
      },
    };
  };
}

/** The index of the run's first study day (the day the calibration's projection is taken). */
function firstStudyDay(setup: RunSetup): number {
  for (let t = 0; t < setup.days; t++) if (setup.studyDays.includes(isoWeekday(addDays(setup.startDay, t)))) return t;
  return -1;
}

/**
 * A deliberately plain stand-in for plan(): unsolved problems in list order whose level sits near the
 * median of the learner's five hardest solves, filled to the budget. Only for developing the harness.
 */
export function standInPlanner(input: PlanInput): Plan {
  const level = new Map(input.catalog.problems.map((p) => [p.id, p.level]));
  const done = doneSet(input.history);
  const solvedLevels = [...done]
    .map((p) => level.get(p) ?? 0)
    .sort((a, b) => b - a)
    .slice(0, 5);
  const theta = solvedLevels.length ? solvedLevels[Math.floor(solvedLevels.length / 2)] : 8;
  const category = new Map(input.catalog.entries.map((e) => [e.problem, e.category]));
  const items = [];
  let used = 0;
  for (const p of listOrder(input.catalog)) {
    const l = level.get(p) ?? 0;
    if (done.has(p) || l < theta - 2 || l > theta + 1) continue;
    const minutes = Math.round(estimatedMinutes(l));
    if (used + minutes > input.settings.dailyMinutes && items.length > 0) break;
    items.push({
      problem: p,
      kind: 'new' as const,
      category: category.get(p) ?? '',
      level: l,
      minutes,
      predicted: 0.7,
      reason: { code: 'stand-in', params: {} },
    });
    used += minutes;
  }
  return {
    today: input.today,
    exam: input.settings.examDate,
    days: [{ day: input.today, rest: false, items }],
    readiness: [],
    verdict: 'on_track',
    advice: [],
  };
}

/** The real plan() when src/planner/index.ts exports it, else the stand-in (and says which). */
export async function loadPlanFunction(
  forceStandIn: boolean,
): Promise<{ plan: PlanFunction; name: 'cote' | 'standin' }> {
  const file = path.join(repoRoot, 'src/planner/index.ts');
  if (!forceStandIn && existsSync(file)) {
    const mod = (await import(file)) as { plan?: PlanFunction };
    // Tuning runs: COTE_TUNING='{"sharePower":0}' overrides src/planner/tuning.ts in this process (workers inherit it).
    if (process.env.COTE_TUNING) {
      const { TUNING } = (await import(path.join(repoRoot, 'src/planner/tuning.ts'))) as {
        TUNING: Record<string, number>;
      };
      Object.assign(TUNING, JSON.parse(process.env.COTE_TUNING) as Record<string, number>);
    }
    if (typeof mod.plan === 'function') return { plan: mod.plan, name: 'cote' };
  }
  return { plan: standInPlanner, name: 'standin' };
}

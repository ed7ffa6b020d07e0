/**
 * COACH (PLANNER.md, "Round 2"): what a competent human coach does, with no model. Each study day: due re-solves
 * first (every failure and hint is re-solved 3 days later), then new problems type by type in order of weighted
 * deficit (π_c minus the type's share of the learner's solves so far, planned ones counted, at most 2 new per type a
 * day), each the unsolved problem nearest the type's difficulty staircase (recommended first, then list order),
 * filled to the budget. The staircase starts at the median solved level in the type (else the exam's lowest level)
 * and moves +1 after a solve, −1 after a failure; a hint keeps it. Everything is derived from the history each day.
 */
import { addDays } from '../../src/day.ts';
import type { HistoryAttempt } from '../../src/planner/types.ts';
import { PLAN_SLACK } from './baselines.ts';
import { EXAM_FORMATS } from './exam.ts';
import type { PlannerFactory, RunSetup } from './planners.ts';
import { estimatedMinutes } from './world.ts';

export const COACH_REVIEW_AFTER = 3;
export const COACH_NEW_PER_TYPE = 2;

/** Re-solves due on `today`: problems whose latest attempt was a failure or hint at least 3 days before. */
export function coachReviews(history: HistoryAttempt[], today: string): string[] {
  const last = new Map<string, HistoryAttempt>();
  for (const a of history) if (a.day) last.set(a.problem, a);
  const due: string[] = [];
  for (const [problem, a] of last) {
    if ((a.outcome === 'failed' || a.outcome === 'hint') && addDays(a.day!, COACH_REVIEW_AFTER) <= today)
      due.push(problem);
  }
  return due;
}

/** The staircase level of each type: start at the median solved level (imports included) or `start`, then ±1 per graded try. */
export function coachStaircase(setup: RunSetup, history: HistoryAttempt[], start: number): Map<string, number> {
  const { index } = setup;
  const solvedLevels = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const a of history) {
    if (a.origin !== 'import' || seen.has(a.problem)) continue;
    seen.add(a.problem);
    for (const c of index.categoriesOf.get(a.problem) ?? []) {
      const list = solvedLevels.get(c) ?? [];
      list.push(index.level.get(a.problem) ?? 0);
      solvedLevels.set(c, list);
    }
  }
  const stair = new Map<string, number>();
  for (const c of index.catalog.categories) {
    const levels = (solvedLevels.get(c.key) ?? []).sort((x, y) => x - y);
    stair.set(c.key, levels.length ? levels[Math.floor((levels.length - 1) / 2)] : start);
  }
  for (const a of history) {
    if (a.origin === 'import') continue;
    const step = a.outcome === 'failed' ? -1 : a.outcome === 'hint' ? 0 : 1;
    for (const c of index.categoriesOf.get(a.problem) ?? []) stair.set(c, (stair.get(c) ?? start) + step);
  }
  return stair;
}

export const coach: PlannerFactory = (setup) => {
  const { index } = setup;
  const level = (id: string) => index.level.get(id) ?? 0;
  const start = EXAM_FORMATS[setup.profile].levels[0];
  // Per type, its problems in the coach's preference order: recommended first, then list order.
  const byType = new Map<string, { id: string; recommended: boolean; position: number }[]>();
  for (const e of index.catalog.entries) {
    const list = byType.get(e.category) ?? [];
    list.push({ id: e.problem, recommended: e.recommended, position: e.position });
    byType.set(e.category, list);
  }
  for (const list of byType.values())
    list.sort((a, b) => Number(b.recommended) - Number(a.recommended) || a.position - b.position);
  const types = index.catalog.categories.map((c) => c.key).filter((c) => (setup.weights.get(c) ?? 0) > 0);
  return {
    today({ history, today }) {
      const done = new Set(history.filter((a) => a.outcome !== 'failed').map((a) => a.problem));
      const tried = new Set(history.map((a) => a.problem));
      const solvesIn = new Map<string, number>();
      let solves = 0;
      for (const p of done) {
        solves++;
        for (const c of index.categoriesOf.get(p) ?? []) solvesIn.set(c, (solvesIn.get(c) ?? 0) + 1);
      }
      const stair = coachStaircase(setup, history, start);
      const out: string[] = [];
      let used = 0;
      const take = (id: string): boolean => {
        const t = estimatedMinutes(level(id));
        if (out.length > 0 && used + t > PLAN_SLACK * setup.budget) return false;
        out.push(id);
        used += t;
        return true;
      };
      for (const p of coachReviews(history, today)) if (used < setup.budget) take(p);
      const newToday = new Map<string, number>();
      const planned = new Set(out);
      while (used < setup.budget) {
        const order = types
          .filter((c) => (newToday.get(c) ?? 0) < COACH_NEW_PER_TYPE)
          .map((c) => ({ c, deficit: (setup.weights.get(c) ?? 0) - (solves ? (solvesIn.get(c) ?? 0) / solves : 0) }))
          .sort((a, b) => b.deficit - a.deficit);
        let added = false;
        for (const { c } of order) {
          const target = stair.get(c) ?? start;
          let best: string | undefined;
          let bestGap = Infinity;
          for (const e of byType.get(c) ?? []) {
            if (tried.has(e.id) || planned.has(e.id)) continue;
            const gap = Math.abs(level(e.id) - target);
            if (gap < bestGap) [best, bestGap] = [e.id, gap];
          }
          newToday.set(c, (newToday.get(c) ?? 0) + 1);
          if (!best) continue;
          planned.add(best);
          if (!take(best)) continue;
          solves++;
          for (const k of index.categoriesOf.get(best) ?? []) solvesIn.set(k, (solvesIn.get(k) ?? 0) + 1);
          added = true;
          break;
        }
        if (!added && order.length === 0) break;
      }
      return out;
    },
  };
};

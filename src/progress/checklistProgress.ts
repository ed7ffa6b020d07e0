import type { Db } from '../db/connection.ts';
import { plannerCatalog } from '../catalog/plannerCatalog.ts';
import { problemStatuses, type ProblemStatus } from './checklistStatus.ts';
import { typeStats, type TypeStats } from './stats.ts';
import type { PlannerCatalog } from '../planner/types.ts';

export interface ChecklistProgress {
  statuses: Map<string, ProblemStatus>;
  /** Per type of the default list, over all its problems whatever the page's filters. */
  stats: Map<string, TypeStats>;
}

/** What the checklist shows of one learner: each problem's status and each type's figures. */
export function checklistProgress(db: Db, learnerId: number): ChecklistProgress {
  return progressOver(plannerCatalog(db), problemStatuses(db, learnerId));
}

/** The figures of the types `problemId` sits in, after a change to it (the checklist updates them in place). */
export function typeStatsOfProblem(db: Db, learnerId: number, problemId: string): Map<string, TypeStats> {
  const catalog = plannerCatalog(db);
  const keys = new Set(catalog.entries.filter((e) => e.problem === problemId).map((e) => e.category));
  const { stats } = progressOver(catalog, problemStatuses(db, learnerId));
  return new Map([...stats].filter(([key]) => keys.has(key)));
}

function progressOver(catalog: PlannerCatalog, statuses: Map<string, ProblemStatus>): ChecklistProgress {
  const levels = new Map(catalog.problems.map((p) => [p.id, p.level]));
  const solved = new Set([...statuses].filter(([, s]) => s.state === 'solved').map(([id]) => id));
  const entries = catalog.entries.map((e) => ({ category: e.category, problem: e.problem, recommended: e.recommended, level: levels.get(e.problem) ?? 0 }));
  return { statuses, stats: typeStats(entries, solved) };
}

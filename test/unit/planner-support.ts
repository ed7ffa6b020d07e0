import type { HistoryAttempt, Outcome, PlanInput, PlannerCatalog, PlannerSettings } from '../../src/planner/types.ts';

/**
 * Small catalogs for planner tests: `{ category: [levels…] }` becomes problems boj:<n> in list order,
 * every other one recommended. Ids are stable: categories in the order given, problems numbered from 1000.
 */
export function smallCatalog(spec: Record<string, number[]>): PlannerCatalog {
  const catalog: PlannerCatalog = { problems: [], categories: [], entries: [] };
  let n = 1000;
  Object.entries(spec).forEach(([key, levels], position) => {
    catalog.categories.push({ key, nameEn: key.replace(/_/g, ' '), nameKo: `유형 ${key}`, position });
    levels.forEach((level, i) => {
      const id = `boj:${n++}`;
      catalog.problems.push({ id, title: `${key} ${i}`, level, tags: [] });
      catalog.entries.push({ category: key, problem: id, position: i + 1, recommended: i % 2 === 0 });
    });
  });
  return catalog;
}

/** `count` levels rising from `from` by `step` (a category whose problems span a range). */
export function levels(from: number, count: number, step = 0.5): number[] {
  return Array.from({ length: count }, (_, i) => Math.min(30, Math.round(from + i * step)));
}

export function problemsOf(catalog: PlannerCatalog, category: string): string[] {
  return catalog.entries.filter((e) => e.category === category).map((e) => e.problem);
}

export function attempt(
  problem: string,
  outcome: Outcome,
  day: string | null = '2026-11-20',
  origin = 'manual',
  minutes: number | null = null,
): HistoryAttempt {
  return { problem, day, outcome, minutes, origin };
}

export function settings(over: Partial<PlannerSettings> = {}): PlannerSettings {
  return {
    examDate: '2026-12-28',
    dailyMinutes: 120,
    studyDays: [1, 2, 3, 4, 5, 6, 7],
    profile: 'general',
    customWeights: null,
    lang: 'en',
    ...over,
  };
}

export function input(
  catalog: PlannerCatalog,
  over: Partial<PlanInput> = {},
  settingsOver: Partial<PlannerSettings> = {},
): PlanInput {
  return { catalog, history: [], today: '2026-11-28', settings: settings(settingsOver), ...over };
}

/** A catalog shaped like the real list in miniature: the Samsung types plus light ones, levels 3–16. */
export function mixedCatalog(): PlannerCatalog {
  return smallCatalog({
    graph_traversal: levels(6, 40, 0.25),
    simulation: levels(6, 40, 0.25),
    implementation: levels(3, 30, 0.4),
    brute_force: levels(3, 30, 0.4),
    backtracking: levels(6, 20, 0.4),
    string: levels(3, 20, 0.5),
    greedy: levels(4, 20, 0.5),
    dynamic_programming_1: levels(6, 20, 0.4),
  });
}

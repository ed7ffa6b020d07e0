import type { LevelPrecision } from '../judges/difficulty.ts';

/** A problem as a list places it: its data and, per type, whether it is recommended there. */
export interface ListedProblem {
  title: string;
  level: number;
  /** How precise `level` is (difficulty.ts); absent for stored problems, which the diff compares by level alone. */
  precision?: LevelPrecision;
  /** category key → recommended */
  placements: Map<string, boolean>;
}

export interface ProblemChange {
  problem: string;
  kind: 'title' | 'level' | 'recommended' | 'types';
  /** The type whose recommended mark flipped. */
  category?: string;
  from: string | number | boolean;
  to: string | number | boolean;
}

export interface ListDiff {
  added: string[];
  removed: string[];
  /** Problems in both versions with at least one change. */
  changed: string[];
  changes: ProblemChange[];
}

/** What changed between the stored list and a newly parsed one (problem ids in list order of `after`). */
export function diffList(before: Map<string, ListedProblem>, after: Map<string, ListedProblem>): ListDiff {
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changes: ProblemChange[] = [];
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) continue;
    if (was.title !== now.title) changes.push({ problem: id, kind: 'title', from: was.title, to: now.title });
    if (was.level !== now.level) changes.push({ problem: id, kind: 'level', from: was.level, to: now.level });
    for (const [category, recommended] of now.placements) {
      const previously = was.placements.get(category);
      if (previously !== undefined && previously !== recommended)
        changes.push({ problem: id, kind: 'recommended', category, from: previously, to: recommended });
    }
    const types = (p: ListedProblem) => [...p.placements.keys()].sort().join(',');
    if (types(was) !== types(now)) changes.push({ problem: id, kind: 'types', from: types(was), to: types(now) });
  }
  return { added, removed, changed: [...new Set(changes.map((c) => c.problem))], changes };
}

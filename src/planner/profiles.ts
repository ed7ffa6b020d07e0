import type { PlannerCatalog, ProfileKey } from './types.ts';

/**
 * An exam's format: Q problems in `minutes`, levels in [minLevel, maxLevel]; passing needs `passCount` solved. A mock
 * is this box (mocks.ts): the same Q problems in the same minutes (± MOCK_TOLERANCE).
 */
export interface ExamFormat {
  problems: number;
  minutes: number;
  minLevel: number;
  maxLevel: number;
  passCount: number;
  /** The judge the exam runs on: mock sets come from its problems when the catalog has any. */
  judge?: string;
}

export interface Profile {
  key: ProfileKey;
  /** Category weights by the curated list's category keys; null = proportional to the list's recommended counts. */
  weights: Record<string, number> | null;
  format: ExamFormat;
}

/**
 * The exam profiles (weights from CodingTest.md of the curated list, 2018–2021 tests; the weights are judgement).
 * Formats from public descriptions of the tests: samsung SW competency test A — 2 problems in 180 minutes, about Gold;
 * kakao blind recruitment, first round — about 7 problems in 300 minutes on Programmers, Lv. 1–4; general (and
 * custom) — a documented default of 3 problems in 120 minutes, 2 to pass.
 */
export const PROFILES: Record<ProfileKey, Profile> = {
  general: {
    key: 'general',
    weights: null,
    format: { problems: 3, minutes: 120, minLevel: 8, maxLevel: 14, passCount: 2 },
  },
  samsung: {
    key: 'samsung',
    weights: { graph_traversal: 0.45, simulation: 0.35, implementation: 0.1, brute_force: 0.05, backtracking: 0.05 },
    format: { problems: 2, minutes: 180, minLevel: 11, maxLevel: 15, passCount: 1 },
  },
  kakao: {
    key: 'kakao',
    weights: {
      implementation: 0.2,
      string: 0.15,
      brute_force: 0.15,
      graph_traversal: 0.1,
      two_pointer: 0.1,
      binary_search: 0.1,
      shortest_path: 0.1,
      trie: 0.1,
    },
    format: { problems: 7, minutes: 300, minLevel: 6, maxLevel: 16, passCount: 4, judge: 'programmers' },
  },
  custom: {
    key: 'custom',
    weights: null,
    format: { problems: 3, minutes: 120, minLevel: 8, maxLevel: 14, passCount: 2 },
  },
};

export function isProfileKey(value: unknown): value is ProfileKey {
  return typeof value === 'string' && value in PROFILES;
}

export function profileOf(key: string): Profile {
  return isProfileKey(key) ? PROFILES[key] : PROFILES.general;
}

function normalised(raw: Record<string, number>, keys: string[]): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  let sum = 0;
  for (const key of keys) {
    const w = raw[key];
    const v = typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0;
    out[key] = v;
    sum += v;
  }
  if (sum <= 0) return undefined;
  for (const key of keys) out[key] /= sum;
  return out;
}

/** π ∝ the number of recommended problems per category (∝ all problems when nothing is recommended). */
export function recommendedWeights(catalog: PlannerCatalog): Record<string, number> {
  const keys = catalog.categories.map((c) => c.key);
  const recommended: Record<string, number> = {};
  const all: Record<string, number> = {};
  for (const e of catalog.entries) {
    all[e.category] = (all[e.category] ?? 0) + 1;
    if (e.recommended) recommended[e.category] = (recommended[e.category] ?? 0) + 1;
  }
  return (
    normalised(recommended, keys) ??
    normalised(all, keys) ??
    Object.fromEntries(keys.map((k) => [k, 1 / Math.max(1, keys.length)]))
  );
}

/**
 * The weight π_c of every category of the catalog, summing to 1. Custom weights (when given and not all zero)
 * replace the profile's; a profile's keys the list does not have are dropped; unknown profiles count as general.
 */
export function profileWeights(
  profile: string,
  catalog: PlannerCatalog,
  customWeights?: Record<string, number> | null,
): Record<string, number> {
  const keys = catalog.categories.map((c) => c.key);
  if (customWeights) {
    const custom = normalised(customWeights, keys);
    if (custom) return custom;
  }
  const fixed = profileOf(profile).weights;
  return (fixed && normalised(fixed, keys)) ?? recommendedWeights(catalog);
}

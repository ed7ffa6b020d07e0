/**
 * The simulated exam (PLANNER.md, "The benchmark that decides"): per profile the category weights π_c,
 * the levels the exam's problems come from, and the pass rule "at least k of Q solved".
 * These are the simulator's truth, kept apart from the planner's own profile table on purpose.
 */
import type { PlannerCatalog } from '../../src/planner/types.ts';

export type SimProfile = 'general' | 'samsung' | 'kakao';
export const SIM_PROFILES: SimProfile[] = ['general', 'samsung', 'kakao'];

export interface ExamFormat {
  questions: number;
  toPass: number;
  minutes: number;
  levels: [number, number];
}

export const EXAM_FORMATS: Record<SimProfile, ExamFormat> = {
  samsung: { questions: 2, toPass: 1, minutes: 180, levels: [11, 15] },
  kakao: { questions: 7, toPass: 4, minutes: 300, levels: [6, 16] },
  general: { questions: 3, toPass: 2, minutes: 120, levels: [8, 14] },
};

const FIXED_WEIGHTS: Record<Exclude<SimProfile, 'general'>, Record<string, number>> = {
  samsung: { graph_traversal: 0.45, simulation: 0.35, implementation: 0.1, brute_force: 0.05, backtracking: 0.05 },
  kakao: {
    implementation: 0.2,
    string: 0.15,
    brute_force: 0.15,
    graph_traversal: 0.1,
    two_pointer: 0.1,
    binary_search: 0.1,
    shortest_path: 0.1,
    trie: 0.1,
  },
};

/** π_c for every category of the catalog (0 where the profile does not test it); sums to 1. */
export function examWeights(profile: SimProfile, catalog: PlannerCatalog): Map<string, number> {
  const raw = new Map<string, number>(catalog.categories.map((c) => [c.key, 0]));
  if (profile === 'general') {
    for (const e of catalog.entries) if (e.recommended) raw.set(e.category, (raw.get(e.category) ?? 0) + 1);
  } else {
    for (const [key, w] of Object.entries(FIXED_WEIGHTS[profile])) {
      if (!raw.has(key)) throw new Error(`exam profile ${profile}: category ${key} is not in the list`);
      raw.set(key, w);
    }
  }
  const total = [...raw.values()].reduce((a, b) => a + b, 0);
  return new Map([...raw].map(([k, v]) => [k, v / total]));
}

/** P(Binomial(n, p) ≥ k), summed exactly. */
export function passProbability(n: number, p: number, k: number): number {
  let total = 0;
  for (let i = k; i <= n; i++) total += binomialCoefficient(n, i) * p ** i * (1 - p) ** (n - i);
  return Math.min(1, Math.max(0, total));
}

function binomialCoefficient(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

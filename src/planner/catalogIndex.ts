import type { CatalogProblem, PlannerCatalog } from './types.ts';

export const MAX_LEVEL = 30;
/** Unrated problems (level 0) are planned as if they were Bronze I. */
const UNRATED_AS = 5;

/**
 * The level of an unrated problem (tier missing or 0) from solved.ac's average tries: on the curated list's 992
 * rated problems level ≈ 7 + 1.33·tries (least squares), so 4.9 tries is about Gold IV, not Bronze. Without
 * average tries: UNRATED_AS.
 */
export function levelFromTries(tries: number | null | undefined): number {
  if (typeof tries !== 'number' || !(tries > 0)) return UNRATED_AS;
  return Math.max(1, Math.min(MAX_LEVEL, Math.round(7 + 1.33 * tries)));
}

/** A problem's place in one category's level bucket. */
export interface BucketEntry {
  problem: number;
  recommended: boolean;
  position: number;
}

/**
 * The catalog rearranged for fast choosing, computed once per catalog object (the simulation plans thousands
 * of times against the same catalog). Problems and categories are addressed by index.
 */
export interface CatalogIndex {
  problems: CatalogProblem[];
  byId: Map<string, number>;
  /** Effective level per problem index (unrated → 5). */
  level: Int8Array;
  catKeys: string[];
  catIndex: Map<string, number>;
  /** Category indices of each problem, list order (a problem may sit in two categories). */
  problemCats: number[][];
  /** buckets[c][level]: the category's problems of that level, recommended first, then list order. */
  buckets: BucketEntry[][][];
  /** Number of entries per category. */
  entryCount: number[];
}

const memo = new WeakMap<PlannerCatalog, CatalogIndex>();

export function catalogIndex(catalog: PlannerCatalog): CatalogIndex {
  let index = memo.get(catalog);
  if (!index) {
    index = buildIndex(catalog);
    memo.set(catalog, index);
  }
  return index;
}

function buildIndex(catalog: PlannerCatalog): CatalogIndex {
  const problems = catalog.problems;
  const byId = new Map<string, number>();
  const level = new Int8Array(problems.length);
  for (const [i, p] of problems.entries()) {
    byId.set(p.id, i);
    level[i] = p.level > 0 ? Math.min(MAX_LEVEL, Math.round(p.level)) : levelFromTries(p.averageTries);
  }
  const categories = [...catalog.categories].sort((a, b) => a.position - b.position);
  const catKeys = categories.map((c) => c.key);
  const catIndex = new Map<string, number>();
  for (const [i, k] of catKeys.entries()) catIndex.set(k, i);
  const problemCats: number[][] = problems.map(() => []);
  const buckets: BucketEntry[][][] = catKeys.map(() => Array.from({ length: MAX_LEVEL + 1 }, () => []));
  const entryCount = catKeys.map(() => 0);
  for (const e of catalog.entries) {
    const c = catIndex.get(e.category);
    const p = byId.get(e.problem);
    if (c === undefined || p === undefined || problemCats[p].includes(c)) continue;
    problemCats[p].push(c);
    buckets[c][level[p]].push({ problem: p, recommended: e.recommended, position: e.position });
    entryCount[c]++;
  }
  for (const perLevel of buckets) {
    for (const bucket of perLevel)
      bucket.sort((a, b) => Number(b.recommended) - Number(a.recommended) || a.position - b.position);
  }
  return { problems, byId, level, catKeys, catIndex, problemCats, buckets, entryCount };
}

/**
 * The levels of [lo, hi], nearest to `target` first (the lower one first on a tie); a target outside the range starts
 * from the range's nearest end, so every level of the range is visited once.
 */
export function* levelsNearest(target: number, lo: number, hi: number): Generator<number> {
  const from = Math.min(hi, Math.max(lo, target));
  for (let d = 0; d <= hi - lo; d++) {
    for (const l of d === 0 ? [from] : [from - d, from + d]) if (l >= lo && l <= hi) yield l;
  }
}

/**
 * Types whose practice carries over to each other (PLANNER.md, "Learning"): a solve in one lifts the other a
 * little. The planner's forecast gives a related type RELATED_SHARE of a projected gain.
 */
const RELATED_GROUPS: string[][] = [
  ['graph_traversal', 'shortest_path'],
  ['graph_traversal', 'tree'],
  ['graph_traversal', 'topological_sorting'],
  ['dynamic_programming_1', 'dynamic_programming_2'],
  ['minimum_spanning_tree', 'disjoint_set'],
  ['implementation', 'simulation'],
  ['brute_force', 'backtracking'],
  ['binary_search', 'two_pointer'],
  ['binary_search', 'prefix_sum'],
  ['two_pointer', 'prefix_sum'],
];

export const RELATED_SHARE = 0.25;

/** Category indices related to each category index (by key; keys the list lacks are dropped). */
export function relatedIndex(catKeys: string[]): number[][] {
  const at = new Map(catKeys.map((k, i) => [k, i]));
  const out: number[][] = catKeys.map(() => []);
  for (const [a, b] of RELATED_GROUPS) {
    const ia = at.get(a);
    const ib = at.get(b);
    if (ia === undefined || ib === undefined) continue;
    out[ia].push(ib);
    out[ib].push(ia);
  }
  return out;
}

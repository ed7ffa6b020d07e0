import type { CatalogEntry, HistoryAttempt } from '../planner/types.ts';

/**
 * The types a learner has any evidence in: at least one logged attempt (any outcome) of a problem the list files
 * under that type. A type outside this set has no evidence yet, so its readiness is a prior, not a measurement:
 * pages show "no evidence yet" instead of that number.
 */
export function typesWithEvidence(
  history: Pick<HistoryAttempt, 'problem'>[],
  entries: Pick<CatalogEntry, 'category' | 'problem'>[],
): Set<string> {
  const tried = new Set(history.map((a) => a.problem));
  const out = new Set<string>();
  for (const e of entries) if (tried.has(e.problem)) out.add(e.category);
  return out;
}

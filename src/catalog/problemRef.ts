import { JUDGE_KEYS, problemIdOf } from '../judges/judges.ts';
import { problemLinks } from '../judges/links.ts';

/** Judges whose problems cote knows how to name (the table is src/judges/judges.ts). */
export const JUDGES = JUDGE_KEYS;

/**
 * A problem id from what a person typed: 'boj:1260' → 'boj:1260', '1260' → 'boj:1260' (a bare number is Baekjoon),
 * 'CF:1352a' → 'cf:1352A', 'leetcode:Two-Sum' → 'leetcode:two-sum', 'atcoder:ABC300_A' → 'atcoder:abc300_a';
 * anything else → undefined.
 */
export function parseProblemRef(text: string): string | undefined {
  const value = text.trim();
  if (/^\d+$/.test(value)) return problemIdOf('boj', value);
  const m = /^([a-z]+)\s*:\s*(\S+)$/i.exec(value);
  return m ? problemIdOf(m[1], m[2]) : undefined;
}

/** The judge's page of a problem (the built-in template), when cote knows the judge. */
export function problemUrl(id: string): string | undefined {
  return problemLinks(id).url ?? undefined;
}

export function splitProblemId(id: string): [judge: string, number: string] {
  const at = id.indexOf(':');
  return at < 0 ? ['boj', id] : [id.slice(0, at), id.slice(at + 1)];
}

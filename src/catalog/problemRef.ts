/** Judges whose problems cote knows how to name. */
export const JUDGES = ['boj', 'programmers', 'cf', 'leetcode'] as const;

/**
 * A problem id from what a person typed: 'boj:1260' → 'boj:1260', '1260' → 'boj:1260' (a bare number is Baekjoon),
 * 'CF:1352a' → 'cf:1352A', 'leetcode:Two-Sum' → 'leetcode:two-sum'; anything else → undefined.
 */
export function parseProblemRef(text: string): string | undefined {
  const value = text.trim();
  if (/^\d{1,7}$/.test(value)) return `boj:${Number(value)}`;
  const m = /^([a-z]+)\s*:\s*(\S+)$/i.exec(value);
  if (!m) return undefined;
  const judge = m[1].toLowerCase();
  const id = m[2];
  switch (judge) {
    case 'boj':
    case 'programmers':
      return /^\d{1,7}$/.test(id) ? `${judge}:${Number(id)}` : undefined;
    case 'cf':
      return /^\d{1,5}[a-z]\d?$/i.test(id) ? `cf:${id.toUpperCase()}` : undefined;
    case 'leetcode':
      return /^[a-z0-9]+(-[a-z0-9]+)*$/i.test(id) ? `leetcode:${id.toLowerCase()}` : undefined;
    default:
      return undefined;
  }
}

/** The judge's page of a problem, when cote knows it. */
export function problemUrl(id: string): string | undefined {
  const [judge, number] = splitProblemId(id);
  switch (judge) {
    case 'boj':
      return `https://www.acmicpc.net/problem/${number}`;
    case 'programmers':
      return `https://school.programmers.co.kr/learn/courses/30/lessons/${number}`;
    case 'cf': {
      const m = /^(\d+)([A-Z]\d?)$/.exec(number);
      return m ? `https://codeforces.com/problemset/problem/${m[1]}/${m[2]}` : undefined;
    }
    case 'leetcode':
      return `https://leetcode.com/problems/${number}/`;
    default:
      return undefined;
  }
}

export function splitProblemId(id: string): [judge: string, number: string] {
  const at = id.indexOf(':');
  return at < 0 ? ['boj', id] : [id.slice(0, at), id.slice(at + 1)];
}

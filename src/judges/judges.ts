/**
 * The judges cote knows, in one table: how a problem is named (`judge:id`), how its id is written, and where its page
 * is. A problem id is '<judge>:<id>': 'boj:1260', 'programmers:42576', 'leetcode:two-sum', 'cf:1352A', 'atcoder:abc300_a'.
 */
export interface Judge {
  key: JudgeKey;
  name: string;
  /** The id as cote writes it, from what a person or a list wrote; undefined when it is not an id of this judge. */
  normalise(id: string): string | undefined;
  /** How an id of this judge is written, for messages: 'a number from 1, like 1260'. */
  idForm: string;
  /** The problem page; `{id}` is the id, and for Codeforces `{contest}` and `{index}` its parts. */
  linkTemplate: string;
  /** The environment variable that overrides the template (a mirror). */
  env: string;
  /** Closed judges: an archived copy of the page, and the day the judge closed. */
  archive?: { template: string; closedOn: string };
}

export const JUDGE_KEYS = ['boj', 'programmers', 'leetcode', 'cf', 'atcoder'] as const;
export type JudgeKey = (typeof JUDGE_KEYS)[number];

/** A positive whole number of at most 7 digits ('01260' → '1260'); '0', '1e+21', '-1' are not ids. */
const number = (id: string) => (/^\d{1,7}$/.test(id) && Number(id) >= 1 ? String(Number(id)) : undefined);

export const JUDGES: Record<JudgeKey, Judge> = {
  boj: {
    key: 'boj',
    name: 'Baekjoon',
    normalise: number,
    idForm: 'a number from 1, like 1260',
    linkTemplate: 'https://www.acmicpc.net/problem/{id}',
    env: 'COTE_LINK_BOJ',
    archive: {
      template: 'https://web.archive.org/web/2026/https://www.acmicpc.net/problem/{id}',
      closedOn: '2026-04-28',
    },
  },
  programmers: {
    key: 'programmers',
    name: 'Programmers',
    normalise: number,
    idForm: 'a number from 1, like 42576',
    linkTemplate: 'https://school.programmers.co.kr/learn/courses/30/lessons/{id}',
    env: 'COTE_LINK_PROGRAMMERS',
  },
  leetcode: {
    key: 'leetcode',
    name: 'LeetCode',
    // Slugs only ('two-sum', '3sum', '01-matrix'): a bare number is the site's display number, which never matches a
    // synced slug, so 'leetcode:1' is refused rather than stored as a problem no sync could ever meet.
    normalise: (id) =>
      /^[a-z0-9]+(-[a-z0-9]+)*$/i.test(id) && /[a-z]/i.test(id) && id.length <= 100 ? id.toLowerCase() : undefined,
    idForm: 'a slug like two-sum (not the number)',
    linkTemplate: 'https://leetcode.com/problems/{id}/',
    env: 'COTE_LINK_LEETCODE',
  },
  cf: {
    key: 'cf',
    name: 'Codeforces',
    // Contest number + index: 1352A, 1520F2 (gym contests are 6-digit numbers from 100000; contest 0 is none); the
    // acmsguru problemset has no contest of its own: 'acmsguru/100' (its page is
    // /problemsets/acmsguru/problem/99999/100, see links.ts).
    normalise: (id) =>
      /^acmsguru\/\d{1,4}$/i.test(id)
        ? id.toLowerCase()
        : /^\d{1,6}[a-z]\d?$/i.test(id) && /[1-9]/.test(/^\d+/.exec(id)![0])
          ? id.toUpperCase().replace(/^0+(?=\d)/, '')
          : undefined,
    idForm: 'a contest number and an index, like 1352A (or acmsguru/100)',
    linkTemplate: 'https://codeforces.com/problemset/problem/{contest}/{index}',
    env: 'COTE_LINK_CF',
  },
  atcoder: {
    key: 'atcoder',
    name: 'AtCoder',
    // Task ids: abc300_a, arc150_b, agc062_a, typical90_a, abc300_ex; the contest is the part before the last '_'.
    normalise: (id) =>
      /^[a-z0-9]+(?:[-_][a-z0-9]+)*_[a-z0-9]+$/i.test(id) && id.length <= 60 ? id.toLowerCase() : undefined,
    idForm: 'a task id like abc300_a',
    linkTemplate: 'https://atcoder.jp/contests/{contest}/tasks/{id}',
    env: 'COTE_LINK_ATCODER',
  },
};

/** Other names people write before the colon: 'codeforces:1352A', 'baekjoon:1260'. */
const JUDGE_ALIASES: Record<string, JudgeKey> = {
  codeforces: 'cf',
  baekjoon: 'boj',
  acmicpc: 'boj',
  lc: 'leetcode',
  prog: 'programmers',
};

export function judgeOf(name: string): Judge | undefined {
  const key = name.trim().toLowerCase();
  if ((JUDGE_KEYS as readonly string[]).includes(key)) return JUDGES[key as JudgeKey];
  const alias = JUDGE_ALIASES[key];
  return alias && JUDGES[alias];
}

/** 'cf' + '1352a' → 'cf:1352A'; undefined when the judge or the id is unknown. */
export function problemIdOf(judge: string, id: string): string | undefined {
  const j = judgeOf(judge);
  const normal = j?.normalise(id.trim());
  return j && normal ? `${j.key}:${normal}` : undefined;
}

/**
 * Why `text` is not a problem id, in one English line naming the judge's form ('leetcode ids are a slug like
 * two-sum (not the number)'); undefined when it is one.
 */
export function problemIdProblem(text: string): string | undefined {
  const value = text.trim();
  const m = /^([a-z]+)\s*:\s*(.*)$/i.exec(value);
  if (!m) {
    if (!/^\d+$/.test(value)) return 'expected judge:id, like boj:1260';
    return JUDGES.boj.normalise(value) ? undefined : `Baekjoon ids are ${JUDGES.boj.idForm}`;
  }
  const judge = judgeOf(m[1]);
  if (!judge) return `${m[1]} is not a judge cote knows (${JUDGE_KEYS.join(', ')})`;
  return judge.normalise(m[2].trim()) ? undefined : `${judge.name} ids are ${judge.idForm}`;
}

/** The placeholders of a problem's link template: {id}, and for Codeforces {contest} and {index}, for AtCoder {contest}. */
export function linkParams(judge: JudgeKey, id: string): Record<string, string> {
  if (judge === 'cf') {
    if (id.startsWith('acmsguru/')) return { id, contest: 'acmsguru', index: id.slice('acmsguru/'.length) };
    const m = /^(\d+)([A-Z]\d?)$/.exec(id);
    return { id, contest: m?.[1] ?? id, index: m?.[2] ?? '' };
  }
  if (judge === 'atcoder') return { id, contest: id.slice(0, id.lastIndexOf('_')) };
  return { id };
}

export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? encodeURIComponent(params[name]) : whole,
  );
}

import { problemIdOf } from './judges.ts';

/** What a link in a list is: a problem of a judge cote knows, a page of such a judge that is not one problem, or neither. */
export type LinkKind =
  | { kind: 'problem'; id: string }
  | { kind: 'not_problem'; reason: NotProblemReason }
  | { kind: 'unknown' };

interface UrlForm {
  hosts: RegExp;
  /** Matched against the path (no query, no fragment); the groups build the id. */
  path: RegExp;
  id: (m: RegExpExecArray) => string | undefined;
}

// Every form in use (SOURCES.md): hosts with or without www, http or https, a trailing slash, a query, a fragment.
const FORMS: UrlForm[] = [
  { hosts: /^(www\.)?acmicpc\.net$/, path: /^\/problem\/(\d+)\/?$/, id: (m) => problemIdOf('boj', m[1]) },
  {
    hosts: /^(school\.|www\.)?programmers\.co\.kr$/,
    path: /^\/learn\/courses\/\d+\/lessons\/(\d+)\/?$/,
    id: (m) => problemIdOf('programmers', m[1]),
  },
  // leetcode.com/problems/two-sum, /two-sum/, /two-sum/description/, /two-sum/solutions/…; leetcode.cn is the same problem.
  {
    hosts: /^(www\.)?leetcode\.(com|cn)$/,
    path: /^\/problems\/([a-z0-9-]+)(\/.*)?$/i,
    id: (m) => problemIdOf('leetcode', m[1]),
  },
  {
    hosts: /^(www\.|m\d\.)?codeforces\.(com|ml)$/,
    path: /^\/(?:problemset\/problem\/(\d+)\/([a-z]\d?)|(?:contest|gym)\/(\d+)\/problem\/([a-z]\d?))\/?$/i,
    id: (m) => problemIdOf('cf', `${m[1] ?? m[3]}${m[2] ?? m[4]}`),
  },
  {
    hosts: /^(www\.)?atcoder\.jp$/,
    path: /^\/contests\/[a-z0-9_-]+\/tasks\/([a-z0-9_-]+)\/?$/i,
    id: (m) => problemIdOf('atcoder', m[1]),
  },
  // Before 2016 each contest had its own host: http://abc002.contest.atcoder.jp/tasks/abc002_4.
  {
    hosts: /^[a-z0-9-]+\.contest\.atcoder\.jp$/,
    path: /^\/tasks\/([a-z0-9_-]+)\/?$/i,
    id: (m) => problemIdOf('atcoder', m[1]),
  },
];

/** A judge's pages that are links in lists but not one problem (a section of many, a contest, a tag). */
/** Why a link to a known judge is not a problem (a message key under catalog.not_problem.*). */
export type NotProblemReason =
  | 'programmers_section'
  | 'programmers_page'
  | 'leetcode_page'
  | 'cf_page'
  | 'atcoder_page'
  | 'boj_page';

const NOT_PROBLEMS: { hosts: RegExp; path: RegExp; reason: NotProblemReason }[] = [
  { hosts: /programmers\.co\.kr$/, path: /^\/learn\/courses\/\d+\/parts\/\d+/, reason: 'programmers_section' },
  { hosts: /programmers\.co\.kr$/, path: /.*/, reason: 'programmers_page' },
  { hosts: /leetcode\.(com|cn)$/, path: /.*/, reason: 'leetcode_page' },
  { hosts: /codeforces\.(com|ml)$/, path: /.*/, reason: 'cf_page' },
  { hosts: /atcoder\.jp$/, path: /.*/, reason: 'atcoder_page' },
  { hosts: /acmicpc\.net$/, path: /.*/, reason: 'boj_page' },
];

/**
 * What a link points at. `https://web.archive.org/web/2026/https://www.acmicpc.net/problem/1260` is the archived
 * page of boj:1260, so archived copies count as the problem too. A bare 'acmicpc.net/problem/1260' is read as https.
 */
export function linkKind(text: string): LinkKind {
  const url = parseUrl(text);
  if (!url) return { kind: 'unknown' };
  if (/^(web\.)?archive\.org$/i.test(url.hostname)) {
    const inner = /^\/web\/[^/]*\/(.+)$/.exec(url.pathname + url.search);
    return inner ? linkKind(inner[1]) : { kind: 'unknown' };
  }
  const host = url.hostname.toLowerCase();
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  for (const form of FORMS) {
    if (!form.hosts.test(host)) continue;
    const m = form.path.exec(path);
    const id = m && form.id(m);
    if (id) return { kind: 'problem', id };
  }
  for (const page of NOT_PROBLEMS)
    if (page.hosts.test(host) && page.path.test(path)) return { kind: 'not_problem', reason: page.reason };
  return { kind: 'unknown' };
}

/** The problem id of a link, or undefined. */
export function problemIdFromUrl(text: string): string | undefined {
  const kind = linkKind(text);
  return kind.kind === 'problem' ? kind.id : undefined;
}

function parseUrl(text: string): URL | undefined {
  const value = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value)
    ? value
    : /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(value)
      ? `https://${value}`
      : '';
  if (!withScheme) return undefined;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

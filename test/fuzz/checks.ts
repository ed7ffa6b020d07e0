import os from 'node:os';
import path from 'node:path';
import type { RawResponse } from './http.ts';
import type { Variant } from './variants.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Texts that only a stack trace, a raw parser/runtime error or a server path would put in a page. */
const LEAKS: Array<[string, RegExp]> = [
  ['stack trace', /\n\s+at\s|^\s{4}at\s|<br>(\s|&nbsp;)+at\s/m],
  ['node:internal', /node:internal/],
  ['/src/ path', /\/src\//],
  ['node_modules path', /node_modules/],
  ['file:// URL', /file:\/\/\//],
  ['error class name', /\b(SyntaxError|URIError|TypeError|RangeError|ReferenceError|SqliteError)\b/],
  [
    'raw JSON parser message',
    /Unexpected token|Unexpected end of JSON|in JSON at position|Expected property name|Bad control character|Unexpected non-whitespace/,
  ],
  [
    'raw body-parser message',
    /request entity too large|too many parameters|unsupported charset|unsupported content encoding|request size did not match|Failed to decode param/i,
  ],
  ['raw runtime message', /Cannot read propert|is not a function|is not iterable|SQLITE_|Maximum call stack/],
  ['/etc/passwd content', /root:x:0:0/],
];

/** All LEAKS in one pattern: most answers are clean, and one scan of them is cheaper than eleven. */
const ANY_LEAK = new RegExp(LEAKS.map(([, pattern]) => pattern.source).join('|'), 'im');

/** Far above any page's time here (~20 ms), so a loaded CI machine does not trip it; a planner freeze does. */
const SLOW_MS = 5000;

export interface Judged {
  reasons: string[];
}

export type ServerPath = [label: string, path: string];

/** Server-side paths that must never reach a page: the checkout, the working directory, the data and temp directories. */
export function serverPaths(dataDir: string): ServerPath[] {
  const home = os.homedir();
  const paths: ServerPath[] = [
    ['checkout', ROOT],
    ['working directory', process.cwd()],
    ['data directory', dataDir],
    ['temp directory', path.join(os.tmpdir(), 'cote-')],
  ];
  if (home.length > 1) paths.push(['home directory', home + path.sep]);
  return paths.filter(([, p], i) => paths.findIndex(([, q]) => q === p) === i);
}

/**
 * Everything wrong with one answer. `allowed` are strings this session may see although they look like server paths
 * (a list's source folder shown to a signed-in learner; values the request itself sent, echoed in its form).
 */
export function judge(
  v: Variant,
  res: RawResponse,
  changed: string[],
  forbiddenPaths: ServerPath[],
  allowed: string[],
): string[] {
  const reasons: string[] = [];
  if (res.error && res.status === 0) return [`no answer: ${res.error}`];
  if (res.status >= 500) reasons.push(`${res.status} server error`);
  if (res.ms > SLOW_MS) reasons.push(`slow: ${res.ms} ms`);
  if (String(res.headers['content-type'] ?? '').includes('text/html') && res.text.includes('<script>alert(1)</script>'))
    reasons.push('unescaped markup echoed');
  // Echoed values and allowed strings are cut out only when something matched (cutting is slow on large pages).
  const suspicious = ANY_LEAK.test(res.text) || forbiddenPaths.some(([, p]) => res.text.includes(p));
  const body = suspicious ? strip(res.text, [...allowed, ...echoes(v)]) : '';
  // A stack trace names paths and error classes too: it is one failure, not five.
  const stack = LEAKS[0][1].test(body);
  for (const [name, pattern] of stack ? LEAKS.slice(0, 1) : LEAKS)
    if (pattern.test(body)) reasons.push(`leak: ${name} (${excerpt(body, pattern)})`);
  const leakedPaths = stack ? [] : forbiddenPaths.filter(([, p]) => body.includes(p)).map(([label]) => label);
  if (leakedPaths.length) reasons.push(`leak: server path (${leakedPaths.join(', ')})`);
  const location = res.headers.location;
  if (location !== undefined && !isSameOriginPath(location))
    reasons.push(`off-site redirect: Location ${JSON.stringify(location)}`);
  // "Log in first" is a refusal only for a session that is not logged in; a signed-in one sent to /login was served.
  const toLogin =
    v.role === 'anonymous' &&
    res.status >= 300 &&
    res.status < 400 &&
    location !== undefined &&
    isLoginRedirect(location);
  if (v.expect.accepted && !(res.status >= 200 && res.status < 400))
    reasons.push('valid request not accepted (harness out of date?)');
  if (v.expect.refused && res.status < 400 && !toLogin)
    reasons.push(res.status < 300 ? `accepted: ${res.status}` : `accepted: ${res.status} to ${location ?? '?'}`);
  if (v.expect.status && !v.expect.status.includes(res.status))
    reasons.push(`expected ${v.expect.status.join(' or ')}`);
  if (v.expect.unchanged && changed.length > 0) reasons.push(`changed: ${changed.join(', ')}`);
  return reasons;
}

/** A Location a browser resolves to this origin: a path, not `//host`, `/\host`, a scheme, or a header injection. */
export function isSameOriginPath(location: string): boolean {
  if (!location.startsWith('/') || /[\r\n]/.test(location)) return false;
  const base = 'http://fuzz.invalid';
  try {
    return new URL(location, `${base}/here/`).origin === base;
  } catch {
    return false;
  }
}

function isLoginRedirect(location: string): boolean {
  try {
    return new URL(location, 'http://fuzz.invalid/').pathname === '/login';
  } catch {
    return false;
  }
}

/** Decoded text values the request sent (≥ 6 chars), as a page would echo them in its form. */
function echoes(v: Variant): string[] {
  const out: string[] = [];
  const body = typeof v.request.body === 'string' ? v.request.body : '';
  const query = v.request.path.includes('?') ? v.request.path.slice(v.request.path.indexOf('?') + 1) : '';
  for (const part of [...body.split('&'), ...query.split('&')]) {
    const value = part.slice(part.indexOf('=') + 1).replace(/\+/g, ' ');
    try {
      const text = decodeURIComponent(value);
      if (text.length >= 6) out.push(text, text.trim());
    } catch {
      // not decodable: cannot be echoed as text
    }
  }
  if (body.startsWith('{') || body.startsWith('[')) {
    const walk = (value: unknown): void => {
      if (typeof value === 'string' && value.length >= 6) out.push(value, value.trim());
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    try {
      walk(JSON.parse(body));
    } catch {
      // broken JSON on purpose
    }
  }
  return out;
}

function strip(text: string, values: string[]): string {
  let out = text;
  for (const value of values.sort((a, b) => b.length - a.length)) {
    if (value.length < 6) continue;
    for (const form of [value, escapeHtml(value), JSON.stringify(value).slice(1, -1)]) out = out.split(form).join('');
  }
  return out;
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;');
}

function excerpt(text: string, pattern: RegExp): string {
  const m = pattern.exec(text);
  if (!m) return '';
  return text.slice(Math.max(0, m.index - 30), m.index + 50).replace(/\s+/g, ' ');
}

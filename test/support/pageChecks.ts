import type { Page } from 'playwright-core';
import type { Db } from '../../src/db/connection.ts';

export const MIN_TARGET = 40;

/**
 * Words a Korean page may show in Latin letters: names of products, judges and formats, file and key names, Roman
 * numerals of tiers. Anything else in Latin letters on a Korean page is English that should have been translated.
 */
export const LATIN_OK_IN_KO = [
  'cote',
  'BOJ',
  'Baekjoon',
  'BaekjoonHub',
  'Codeforces',
  'LeetCode',
  'Programmers',
  'AtCoder',
  'solved.ac',
  'Git',
  // Chat apps a group's posts go to, and the scheme their webhook URLs need (/groups).
  'Discord',
  'Slack',
  'https',
  'CSV',
  'JSON',
  'HTML',
  'URL',
  'UTF',
  'README',
  'SMTP',
  'SMTP_URL',
  'KB',
  'Enter',
  'http',
  'DFS',
  'BFS',
  'outbox',
  'markdown',
  'eml',
  'MM',
  'DD',
  'MB',
  'csv',
  'json',
  'tony9402',
  'YYYY',
  'II',
  'III',
  'IV',
  // The history CSV's column names and outcome codes, quoted on /history/import.
  'problem',
  'day',
  'outcome',
  'minutes',
  'note',
  'solved',
  'solved_slow',
  'hint',
  'failed',
  'export.csv',
];

/** Korean names an English page may quote: the folders and the field of a BaekjoonHub repository's READMEs. */
export const HANGUL_OK_IN_EN = ['제출 일자', '백준', '프로그래머스'];

/** What is a name or a title, never translated: problem titles, list, learner and group names, logins, time zones. */
export function knownNames(db: Db): string[] {
  const texts = (sql: string) => (db.prepare(sql).pluck().all() as (string | null)[]).filter((s): s is string => !!s);
  return (
    [
      ...texts('SELECT title FROM problems'),
      ...texts('SELECT name FROM lists'),
      ...texts('SELECT key FROM lists'),
      ...texts('SELECT source FROM lists'),
      ...texts('SELECT name FROM learners'),
      ...texts('SELECT login FROM learners'),
      ...texts('SELECT email FROM learners'),
      ...texts('SELECT name FROM study_groups'),
      ...Intl.supportedValuesOf('timeZone'),
      'UTC',
    ]
      // A one-letter Latin name would cut words apart; a one-syllable Korean title (덱) is a whole title.
      .filter((s) => s.length >= 2 || /[\uac00-\ud7a3]/.test(s))
      .sort((a, b) => b.length - a.length)
  );
}

export interface PageReport {
  /** How much wider than the screen the page is (0 when it fits). */
  overflow: number;
  /** Every visible link, button, field, summary and tab stop whose touch box is under MIN_TARGET in either side. */
  small: string[];
  /** Text outside names and titles in the other language: Hangul on an English page, English on a Korean one. */
  foreign: string[];
}

/**
 * Measures the page: plain JS text (tsx would wrap named functions in a helper the page does not have). Elements in
 * another language on purpose carry a lang attribute (the language switch, an email in its own language) and are
 * left out; so are ids (boj:1260), URLs, addresses, paths and file names.
 */
const MEASURE = `((lang, known, latinOk, hangulOk, min) => {
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex="0"]')) {
    if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    // A checkbox or a file picker is touched through its label.
    const target = el.matches('input[type=checkbox], input[type=radio], input[type=file]') ? (el.closest('label') || el) : el;
    const r = target.getBoundingClientRect();
    // A skip link is off screen (1 × 1) until it gets the focus.
    if (r.width <= 1 && r.height <= 1 && target.matches('.skip-link')) continue;
    if (r.height < min || r.width < min)
      small.push(target.tagName.toLowerCase() + (target.className ? '.' + target.className : '') + ' "' + (target.textContent || target.value || '').trim().slice(0, 30) + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
  }
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p || p.closest('script, style, code, pre, [lang]:not(html)')) continue;
    texts.push(n.textContent);
  }
  for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
    if (el.closest('[lang]:not(html)')) continue;
    for (const a of ['placeholder', 'title', 'aria-label']) if (el.getAttribute(a)) texts.push(el.getAttribute(a));
  }
  const foreign = [];
  for (const original of texts) {
    let text = original;
    for (const k of known) if (text.includes(k)) text = text.split(k).join(' ');
    text = text
      .replace(/https?:\\/\\/\\S+/g, ' ')
      .replace(/[\\w.+-]+@[\\w.-]+/g, ' ')
      .replace(/\\b[a-z]+:[\\w-]+/g, ' ')
      .replace(/\\S+\\.(eml|csv|json|md)\\b/g, ' ')
      .replace(/\\b[\\w-]+\\.(net|com|org|kr)\\b/g, ' ')
      .replace(/[\\w-]*\\d[\\w-]*/g, ' ')
      .replace(/(^|\\s)\\/[\\w\\/.-]+/g, ' ');
    if (lang === 'en') {
      for (const k of hangulOk) text = text.split(k).join(' ');
      const words = text.match(/[\\uac00-\\ud7a3]+/g);
      if (words) foreign.push(words.join(' ') + '  ←  ' + original.trim().slice(0, 80));
    } else {
      const words = (text.match(/[A-Za-z][A-Za-z._]*[A-Za-z]/g) || []).filter((w) => !latinOk.includes(w));
      if (words.length) foreign.push(words.join(' ') + '  ←  ' + original.trim().slice(0, 80));
    }
  }
  return { overflow: document.documentElement.scrollWidth - window.innerWidth, small, foreign: [...new Set(foreign)] };
})`;

export async function checkPage(page: Page, lang: 'ko' | 'en', known: string[]): Promise<PageReport> {
  return page.evaluate(
    `${MEASURE}(${JSON.stringify(lang)}, ${JSON.stringify(known)}, ${JSON.stringify(LATIN_OK_IN_KO)}, ${JSON.stringify(HANGUL_OK_IN_EN)}, ${MIN_TARGET})`,
  );
}

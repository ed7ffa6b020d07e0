import { splitRow } from '../markdownTable.ts';
import { linkKind } from '../../judges/problemUrl.ts';
import { atcoderLevel, emojiLevel, levelFromText } from '../../judges/difficulty.ts';
import type { ListWarning } from '../types.ts';
import { recommendedMark, type ListRow, type ParsedRows } from './listRows.ts';

// A list written as a README: headings name types (ATX `## Type` or setext `Type` over `---`), then bullets, numbered
// items, tables or plain lines hold problem links. The nearest heading above a link is its type. Headings (even when
// they are links) and schedule tables (first column a date or week) are not problems.

const ATX = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT = /^ {0,3}(=+|-+)\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
/** Hosts of solutions, videos and blogs: links there are not problems, and not worth a warning. */
const NOT_JUDGES =
  /(^|\.)(github\.com|githubusercontent\.com|youtube\.com|youtu\.be|velog\.io|tistory\.com|naver\.com|notion\.so|notion\.site|medium\.com|neetcode\.io|wikipedia\.org|shields\.io|solved\.ac)$/i;
const SCHEDULE_COLUMN = /^(주차|날짜|일자|일정|기간|회차|요일|week|date|day|deadline|due|schedule|마감)/i;
const COLUMNS = {
  title: /^(title|name|problem|problems|문제|문제 ?이름|문제명|제목|이름)$/i,
  level: /^(difficulty|level|lv\.?|tier|rating|난이도|레벨|티어)$/i,
  recommended: /^(recommended|추천|추천 ?문제|★|⭐|star|필수)$/i,
};
const GENERIC_LINK_TEXT =
  /^(link|links|링크|바로가기|문제|풀이|problem|solution|url|here|go|click|📝|🔗|leetcode|programmers|baekjoon|boj|백준|프로그래머스|codeforces|atcoder)$/i;

interface Link {
  url: string;
  text: string;
}

export function parseMarkdownList(text: string, file: string): ParsedRows {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const headings = findHeadings(lines);
  const titleLine = titleHeading(headings);
  const rows: ListRow[] = [];
  const warnings: ListWarning[] = [];
  let skipped = 0;
  let type = '';
  let table: { columns: { title: number; level: number; recommended: number }; schedule: boolean } | undefined;
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0]) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    const heading = headings.get(i);
    if (heading) {
      table = undefined;
      if (i !== titleLine) type = heading.text;
      if (heading.setext) i++;
      continue;
    }
    if (table && !line.includes('|')) table = undefined;
    if (
      !table &&
      line.includes('|') &&
      i + 1 < lines.length &&
      TABLE_SEPARATOR.test(lines[i + 1]) &&
      lines[i + 1].includes('-')
    ) {
      const header = splitRow(line).map(plain);
      table = {
        columns: {
          title: header.findIndex((h) => COLUMNS.title.test(h)),
          level: header.findIndex((h) => COLUMNS.level.test(h)),
          recommended: header.findIndex((h) => COLUMNS.recommended.test(h)),
        },
        schedule: SCHEDULE_COLUMN.test(header[0] ?? ''),
      };
      i++;
      continue;
    }
    if (table?.schedule) continue;
    const links = linksIn(line);
    if (links.length === 0) continue;
    const problems: { id: string; link: Link }[] = [];
    const others: ListWarning[] = [];
    for (const link of links) {
      const kind = linkKind(link.url);
      if (kind.kind === 'problem') {
        if (!problems.some((p) => p.id === kind.id)) problems.push({ id: kind.id, link });
      } else if (kind.kind === 'not_problem') {
        others.push({ code: `not_problem_${kind.reason}`, params: { file, line: i + 1, url: link.url } });
      } else if (/^https?:\/\//i.test(link.url) && !NOT_JUDGES.test(hostOf(link.url))) {
        others.push({ code: 'unknown_judge_link', params: { file, line: i + 1, url: link.url } });
      }
    }
    const isRow = Boolean(table) || ITEM.test(line);
    if (problems.length === 0) {
      if (isRow && others.length > 0) {
        warnings.push(others[0]);
        skipped++;
      }
      continue;
    }
    const cells = table ? splitRow(line) : [];
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '') : '');
    for (const { id, link } of problems) {
      const judge = id.slice(0, id.indexOf(':'));
      const titleCell = problems.length === 1 && table ? plain(cell(table.columns.title)) : '';
      const linkText = plain(link.text);
      const title =
        titleCell ||
        (linkText && !GENERIC_LINK_TEXT.test(linkText) && !/^https?:/i.test(linkText) ? linkText : '') ||
        plainLine(line) ||
        id;
      const levelText = table ? cell(table.columns.level) : '';
      const level =
        (levelText && levelFromText(judge, levelText)) ||
        tierImageLevel(line) ||
        emojiLevel(line) ||
        (/\b(?:lv|level)\.?\s*\d\b/i.test(line)
          ? levelFromText(judge, /\b((?:lv|level)\.?\s*\d)\b/i.exec(line)![1])
          : 0) ||
        (judge === 'atcoder' ? atcoderLevel(id.slice(id.indexOf(':') + 1)) : 0);
      const recommended =
        table && table.columns.recommended >= 0
          ? recommendedMark(plainMarks(cell(table.columns.recommended)))
          : /⭐|★|:star:/.test(line)
            ? true
            : undefined;
      rows.push({ type, id, title, level, recommended });
    }
  }
  return { title: titleLine >= 0 ? headings.get(titleLine)!.text : undefined, rows, warnings, skipped };
}

interface Heading {
  level: number;
  text: string;
  setext: boolean;
}

/** Headings by line index (a setext heading at its text line), outside code fences. */
function findHeadings(lines: string[]): Map<number, Heading> {
  const found = new Map<number, Heading>();
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0]) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      found.set(i, { level: atx[1].length, text: headingText(atx[2]), setext: false });
      continue;
    }
    const next = lines[i + 1];
    const underline = next === undefined ? null : SETEXT.exec(next);
    const paragraph =
      line.trim() !== '' && !ITEM.test(line) && !line.includes('|') && !/^\s{4,}/.test(line) && !/^\s*>/.test(line);
    if (underline && paragraph && (i === 0 || lines[i - 1].trim() === '' || found.has(i - 2))) {
      found.set(i, { level: underline[1][0] === '=' ? 1 : 2, text: headingText(line), setext: true });
      i++;
    }
  }
  return found;
}

/** The list's title: its first heading when it is a level-1 heading that no other level-1 heading follows. */
function titleHeading(headings: Map<number, Heading>): number {
  const entries = [...headings];
  if (entries.length < 2 || entries[0][1].level !== 1) return -1;
  return entries.slice(1).some(([, h]) => h.level === 1) ? -1 : entries[0][0];
}

/** A heading's words: link text instead of links, no images, emoji, HTML, <sup> markers or emphasis. */
function headingText(raw: string): string {
  return plain(raw.replace(/<sup>.*?<\/sup>/gi, ''))
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Links of a line: markdown links (not images), HTML anchors, autolinks and bare URLs. */
function linksIn(line: string): Link[] {
  const links: Link[] = [];
  let rest = line.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ');
  rest = rest.replace(
    /\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    (_m, text: string, url: string) => {
      links.push({ url, text });
      return ' ';
    },
  );
  rest = rest.replace(/<a\s[^>]*href\s*=\s*["']([^"']+)["'][^>]*>(.*?)<\/a>/gi, (_m, url: string, text: string) => {
    links.push({ url, text });
    return ' ';
  });
  rest = rest.replace(/<(https?:\/\/[^>\s]+)>/g, (_m, url: string) => {
    links.push({ url, text: '' });
    return ' ';
  });
  for (const m of rest.matchAll(/\b(?:https?:\/\/|(?:www\.)?acmicpc\.net\/)[^\s<>()|\]]+/gi))
    links.push({ url: m[0].replace(/[.,;:]+$/, ''), text: '' });
  return links;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Cell or heading text without links (their text kept), images, HTML tags and emphasis. */
function plain(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[((?:[^[\]]|\[[^\]]*\])*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/\*\*|__|`|~~/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A recommended cell keeps its marks (✔, :heavy_check_mark:) but loses markup. */
function plainMarks(text: string): string {
  return text.replace(/<[^>]*>/g, '').trim();
}

/** A bullet's words without its marker, links, emoji and a trailing ': [풀이](…)'. */
function plainLine(line: string): string {
  return plain(line.replace(ITEM, '').replace(/\]\([^)]*\)/g, ']()'))
    .replace(/\p{Extended_Pictographic}|\u{FE0F}/gu, '')
    .replace(/[:\-–|]\s*$/, '')
    .trim();
}

function tierImageLevel(line: string): number {
  const m = /tier_small\/(\d+)\.svg/.exec(line);
  const level = m ? Number(m[1]) : 0;
  return level >= 0 && level <= 30 ? level : 0;
}

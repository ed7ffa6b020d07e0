import MarkdownIt from 'markdown-it';
import { linkKind } from '../../judges/problemUrl.ts';
import { EXACT, levelFromId, readLevel, type ReadLevel } from '../../judges/difficulty.ts';
import { canonicalTypeOf } from '../typeVocabulary.ts';
import type { ListWarning } from '../types.ts';
import { recommendedMark, type ListRow, type ParsedRows } from './listRows.ts';
import {
  isWebUrl,
  knownNonProblem,
  segmentsOf,
  type Candidate,
  type Columns,
  type Link,
  type Segment,
} from './markdownLinks.ts';
import { enter, htmlHeadings, htmlRows, type Heading, type HtmlHeading } from './htmlTable.ts';

// A list written as a README, read with a real markdown parser (markdown-it: CommonMark + GFM tables, linear time).
// Headings name types; bullets, numbered items, paragraphs, pipe tables and HTML tables hold problem links. A
// problem's type is the nearest heading above it that names a type of the vocabulary, else the nearest heading
// ("다시 풀기" under "그래프 탐색" is graph traversal). Links in headings and rows of schedule tables (first column a
// date or week) are not problems. Every other link is a problem, a known non-problem, or a warning naming it.

/** Lines longer than this are skipped with a warning: no list needs them, and they bound every per-line cost. */
export const MAX_LINE = 10_000;

const SCHEDULE_COLUMN = /^(주차|날짜|일자|일정|기간|회차|요일|week|date|day|deadline|due|schedule|마감)/i;
const NEVER = /(?!)/;
const COLUMNS = {
  title: /^(title|name|problem|problems|문제|문제 ?이름|문제명|제목|이름|問題|問題名)$/i,
  level: /^(difficulty|level|lv\.?|tier|rating|난이도|레벨|티어|難易度|diff)$/i,
  recommended: /^(recommended|추천|추천 ?문제|★|⭐|star|필수)$/i,
};
const GENERIC_LINK_TEXT =
  /^(link|links|링크|바로가기|문제|풀이|problem|solution|url|here|go|click|📝|🔗|leetcode|programmers|baekjoon|boj|백준|프로그래머스|codeforces|atcoder|問題|リンク)$/i;
/** Difficulty written in a bullet's words: a Programmers level, a tier name, or a LeetCode word. */
const LEVEL_IN_TEXT =
  /(?:^|[^\p{L}\p{N}])((?:lv|level|레벨)\.?\s*\d|\[level \d\]|(?:bronze|silver|gold|platinum|diamond|ruby|브론즈|실버|골드|플래티넘|플레|다이아|루비)\s*(?:iv|v|i{1,3}|[1-5])|easy|medium|hard|쉬움|보통|어려움)(?![\p{L}\p{N}])/iu;

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const md = new MarkdownIt('default', { html: true, linkify: false });

export function parseMarkdownList(input: string, file: string): ParsedRows {
  const warnings: ListWarning[] = [];
  const text = capLines(input.replace(/^\uFEFF/, ''), file, warnings);
  const tokens = md.parse(text, {});
  const titleAt = titleHeading(tokens);
  const rows: ListRow[] = [];
  const stack: Heading[] = [];
  const state = { skipped: 0 };
  let type = '';
  let htmlTitle: string | undefined;
  const take = (c: Candidate) => rowsOf(c, type, file, rows, warnings, state);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') {
      const depth = Number(t.tag.slice(1));
      while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
      if (i !== titleAt) stack.push({ depth, text: headingText(tokens[i + 1]) });
      type = typeOf(stack);
      i += 2;
    } else if (t.type === 'table_open') i = readTable(tokens, i, stack.length > 0, take);
    else if (t.type === 'html_block') {
      let html = t.content;
      while (tokens[i + 1]?.type === 'html_block') html += tokens[++i].content;
      const first = (t.map?.[0] ?? 0) + 1;
      // <h2>, and <details><summary>Arrays & Hashing</summary> … </details>, name types like headings, in line order.
      const marks = htmlHeadings(html, first);
      const schedule = stack.length > 0 ? NEVER : SCHEDULE_COLUMN;
      let k = 0;
      const apply = (mark: HtmlHeading) => {
        if (mark.depth === 1 && titleAt < 0 && htmlTitle === undefined && stack.length === 0 && rows.length === 0)
          htmlTitle = mark.text;
        else enter(stack, mark);
        type = typeOf(stack);
      };
      for (const c of htmlRows(html, first, COLUMNS, schedule, md)) {
        while (k < marks.length && marks[k].line <= c.line) apply(marks[k++]);
        take(c);
      }
      while (k < marks.length) apply(marks[k++]);
    } else if (t.type === 'inline') {
      const first = (t.map?.[0] ?? 0) + 1;
      for (const seg of segmentsOf(t.children ?? [])) take(candidate(seg, first + seg.offset));
    }
  }
  const title = titleAt >= 0 ? headingText(tokens[titleAt + 1]) : htmlTitle;
  return { title, rows, warnings, skipped: state.skipped };
}

/** Blanks each line over MAX_LINE characters (so line numbers hold) with a warning naming it. */
function capLines(text: string, file: string, warnings: ListWarning[]): string {
  if (text.length <= MAX_LINE) return text;
  const lines = text.split(/\r\n|\r|\n/);
  let long = false;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length <= MAX_LINE) continue;
    warnings.push({ code: 'line_too_long', params: { file, line: i + 1, length: lines[i].length, max: MAX_LINE } });
    lines[i] = '';
    long = true;
  }
  return long ? lines.join('\n') : text;
}

/** The type name of a problem under `stack`: the nearest heading naming a known type, else the nearest heading. */
function typeOf(stack: Heading[]): string {
  for (let j = stack.length - 1; j >= 0; j--) if (canonicalTypeOf([stack[j].text])) return stack[j].text;
  return stack.length > 0 ? stack[stack.length - 1].text : '';
}

/** The list's title: its first heading when it is a level-1 heading, other headings follow and none is level 1. */
function titleHeading(tokens: Token[]): number {
  const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [i] : []));
  if (headings.length < 2 || tokens[headings[0]].tag !== 'h1') return -1;
  return headings.slice(1).some((i) => tokens[i].tag === 'h1') ? -1 : headings[0];
}

/** A heading's words: link texts kept; images, emoji, HTML, <sup> markers and emphasis left out. */
function headingText(inline: Token | undefined): string {
  let text = '';
  let sup = 0;
  for (const child of inline?.children ?? []) {
    if (child.type === 'html_inline')
      sup += /^<sup\b/i.test(child.content) ? 1 : /^<\/sup/i.test(child.content) ? -1 : 0;
    else if ((child.type === 'text' || child.type === 'code_inline') && sup <= 0) text += child.content;
  }
  return clean(text);
}

function clean(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function candidate(seg: Segment, line: number): Candidate {
  return { line, links: seg.links, outside: seg.outside, raw: seg.raw };
}

/** Reads a pipe table from its table_open at `start`; returns the index of its table_close. */
function readTable(tokens: Token[], start: number, underHeading: boolean, take: (c: Candidate) => void): number {
  let i = start;
  const header: string[] = [];
  let row: { line: number; cells: { raw: string; text: string; segs: Segment[] }[] } | undefined;
  let columns: Columns = { title: -1, level: -1, recommended: -1 };
  let schedule = false;
  let inHead = false;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const t = tokens[i];
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'tr_open') row = { line: (t.map?.[0] ?? 0) + 1, cells: [] };
    else if (t.type === 'inline' && row) {
      const segs = segmentsOf(t.children ?? []);
      row.cells.push({ raw: t.content, text: clean(segs.map((s) => s.text).join(' ')), segs });
    } else if (t.type === 'tr_close' && row && inHead) {
      header.push(...row.cells.map((c) => c.text));
      columns = columnsOf(header);
      // A week/date table before the first type heading is the study's schedule; under a type it is the type's list.
      schedule = !underHeading && SCHEDULE_COLUMN.test(header[0] ?? '');
      inHead = false;
    } else if (t.type === 'tr_close' && row && !schedule) {
      take({
        line: row.line,
        links: row.cells.flatMap((c) => c.segs.flatMap((s) => s.links)),
        outside: row.cells.map((c) => c.segs.map((s) => s.outside).join(' ')).join(' | '),
        raw: row.cells.map((c) => c.raw).join(' | '),
        cells: row.cells,
        columns,
      });
    }
  }
  return i;
}

export function columnsOf(header: string[]): Columns {
  return {
    title: header.findIndex((h) => COLUMNS.title.test(h)),
    level: header.findIndex((h) => COLUMNS.level.test(h)),
    recommended: header.findIndex((h) => COLUMNS.recommended.test(h)),
  };
}

/** The rows a candidate line gives, and a warning for each of its links that is neither a problem nor known. */
function rowsOf(
  c: Candidate,
  type: string,
  file: string,
  rows: ListRow[],
  warnings: ListWarning[],
  state: { skipped: number },
): void {
  const problems: { id: string; link: Link }[] = [];
  for (const link of c.links) {
    if (link.unclosed) warnings.push({ code: 'unclosed_link', params: { file, line: c.line, url: link.url } });
    const kind = linkKind(link.url);
    if (kind.kind === 'problem') {
      if (!problems.some((p) => p.id === kind.id)) problems.push({ id: kind.id, link });
      continue;
    }
    if (!isWebUrl(link.url) || knownNonProblem(link.url)) continue;
    if (kind.kind === 'not_problem')
      warnings.push({ code: `not_problem_${kind.reason}`, params: { file, line: c.line, url: link.url } });
    else warnings.push({ code: 'unknown_judge_link', params: { file, line: c.line, url: link.url } });
    state.skipped++;
  }
  const cell = (index: number | undefined) =>
    index !== undefined && index >= 0 ? (c.cells?.[index] ?? { raw: '', text: '' }) : { raw: '', text: '' };
  for (const { id, link } of problems) {
    const judge = id.slice(0, id.indexOf(':'));
    const titleCell = problems.length === 1 ? cell(c.columns?.title).text : '';
    const linkText = clean(link.text);
    const title =
      titleCell ||
      (linkText && !GENERIC_LINK_TEXT.test(linkText) && !/^https?:/i.test(linkText) ? linkText : '') ||
      clean(c.outside.replace(/^\s*\d+[.)]\s+/, ''))
        .replace(/[:\-–|]\s*$/, '')
        .trim() ||
      id;
    const level = levelOf(judge, id, cell(c.columns?.level).raw, c, linkText);
    const recommended =
      c.columns && c.columns.recommended >= 0
        ? recommendedMark(cell(c.columns.recommended).raw.replace(/<[^<>]*>/g, ''))
        : /⭐|★|:star:/.test(c.raw)
          ? true
          : undefined;
    rows.push({ type, id, title, level: level.level, levelPrecision: level.precision, recommended });
  }
}

/**
 * The level column if it says one; else a tier image, a word or an emoji on the line, or a word closing the link's
 * text; else what the id says.
 */
function levelOf(judge: string, id: string, levelCell: string, c: Candidate, linkText: string): ReadLevel {
  const fromCell = levelCell ? readLevel(judge, levelCell) : undefined;
  if (fromCell && fromCell.level > 0) return fromCell;
  const image = readLevel(judge, /\btier(?:_small)?\/\d{1,2}\.svg/.exec(c.raw)?.[0] ?? '');
  if (image.level > 0) return { level: image.level, precision: EXACT };
  const word = LEVEL_IN_TEXT.exec(c.outside);
  const fromWord = word ? readLevel(judge, word[1]) : undefined;
  if (fromWord && fromWord.level > 0) return fromWord;
  const emoji = readLevel(judge, emojiIn(c.raw));
  if (emoji.level > 0) return emoji;
  // '[981. Time Based Key-Value Store (Medium)](…)': the word in parentheses at the end of the link's text.
  const inLink = /\((easy|medium|hard)\)$/i.exec(linkText);
  if (inLink) return readLevel(judge, inLink[1]);
  return levelFromId(id);
}

/** The first difficulty emoji of `text` ('' without one), so readLevel sees it alone. */
function emojiIn(text: string): string {
  return /💚|🧡|💛|❤|♥|🟩|🟢|🟨|🟡|🟧|🟠|🟥|🔴/u.exec(text)?.[0] ?? '';
}

import * as cheerio from 'cheerio';
import { AppError } from '../errors.ts';
import { columnOf, markdownTables } from './markdownTable.ts';
import type { ListWarning, PageRow, ParsedPage } from './types.ts';

/** The parts of cheerio's DOM nodes (domhandler) the parser reads. */
interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
}

const EXPECTED = 'a problem table with the columns 순번, 추천 문제, 문제 번호, 문제 이름 and 난이도';
const PROBLEM_LINK = /\/problem\/(\d+)/;
const TIER_IMAGE = /tier_small\/(\d+)\.svg/;
const RECOMMENDED = /:heavy_check_mark:|✔|✅/;

/**
 * Parses one type page's problem table. Cells hold HTML (`<a href=…/problem/ID>`, `<img src=…/tier_small/N.svg>`),
 * read with cheerio. A row without a problem number is skipped with a warning naming `page` and the row.
 * `file` names the file in the error when there is no problem table at all.
 */
export function parsePage(text: string, page: string, file = page): ParsedPage {
  const table = markdownTables(text).find(
    (t) => columnOf(t.header, '문제 번호') >= 0 && columnOf(t.header, '문제 이름') >= 0,
  );
  if (!table)
    throw new AppError('catalog.no_problem_table', `${file}: expected ${EXPECTED}`, 422, { file, expected: EXPECTED });
  const col = {
    position: columnOf(table.header, '순번'),
    recommended: columnOf(table.header, '추천 문제'),
    number: columnOf(table.header, '문제 번호'),
    title: columnOf(table.header, '문제 이름'),
    level: columnOf(table.header, '난이도'),
  };
  // One HTML document per page (a row per <tr>, a cell per <td>): an unclosed tag closes with its cell. htmlparser2's
  // HTML mode (cheerio's `xml: { xmlMode: false }`) is several times faster than parse5 on these small cells.
  const html = `<table>${table.rows.map((r) => `<tr>${r.cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const trs = $('tr').toArray() as unknown as DomNode[];
  const rows: PageRow[] = [];
  const warnings: ListWarning[] = [];
  const seen = new Set<string>();
  for (const [i, { line, cells }] of table.rows.entries()) {
    const tds = (trs[i]?.children ?? []).filter((n) => n.name === 'td');
    const cell = (index: number): DomNode | undefined => (index >= 0 ? tds[index] : undefined);
    const where = { file: page, row: textOf(cell(col.position)) || '?', line };
    const number = problemNumber(cell(col.number)) ?? problemNumber(cell(col.title));
    if (!number) {
      warnings.push({ code: 'page_no_number', params: where });
      continue;
    }
    if (seen.has(number)) {
      warnings.push({ code: 'page_duplicate_problem', params: { ...where, number } });
      continue;
    }
    seen.add(number);
    const titleCell = cell(col.title);
    const title = textOf(elements(titleCell, 'a')[0]) || textOf(titleCell);
    if (!title) warnings.push({ code: 'page_no_title', params: { ...where, number } });
    const position = Number.parseInt(textOf(cell(col.position)), 10);
    rows.push({
      position: Number.isInteger(position) ? position : (rows.at(-1)?.position ?? -1) + 1,
      recommended: RECOMMENDED.test(col.recommended >= 0 ? (cells[col.recommended] ?? '') : ''),
      number,
      title: title || number,
      level: tierLevel(elements(cell(col.level), 'img')[0]?.attribs?.src ?? ''),
    });
  }
  return { rows, warnings };
}

function problemNumber(cell: DomNode | undefined): string | undefined {
  for (const a of elements(cell, 'a')) {
    const m = PROBLEM_LINK.exec(a.attribs?.href ?? '');
    if (m) return String(Number(m[1]));
  }
  const text = textOf(cell);
  return /^\d+$/.test(text) ? String(Number(text)) : undefined;
}

/** Descendant elements named `name`, in document order. */
function elements(node: DomNode | undefined, name: string, found: DomNode[] = []): DomNode[] {
  for (const child of node?.children ?? []) {
    if (child.name === name) found.push(child);
    elements(child, name, found);
  }
  return found;
}

/** The node's text with entities decoded and whitespace squashed. */
function textOf(node: DomNode | undefined): string {
  const parts: string[] = [];
  const walk = (n: DomNode) => {
    if (n.type === 'text') parts.push(n.data ?? '');
    n.children?.forEach(walk);
  };
  if (node) walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function tierLevel(src: string): number {
  const m = TIER_IMAGE.exec(src);
  const level = m ? Number(m[1]) : 0;
  return level >= 0 && level <= 30 ? level : 0;
}

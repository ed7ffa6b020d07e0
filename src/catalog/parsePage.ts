import * as cheerio from 'cheerio';
import { AppError } from '../errors.ts';
import { columnOf, markdownTables } from './markdownTable.ts';
import type { PageRow, ParsedPage } from './types.ts';

/** A selection of <td> elements (cheerio's Cheerio<Element>, named without importing domhandler). */
type Cell = ReturnType<cheerio.CheerioAPI['root']>['children'] extends (...args: never[]) => infer R ? R : never;

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
  const table = markdownTables(text).find((t) => columnOf(t.header, '문제 번호') >= 0 && columnOf(t.header, '문제 이름') >= 0);
  if (!table) throw new AppError('catalog.no_problem_table', `${file}: expected ${EXPECTED}`, 422, { file, expected: EXPECTED });
  const col = {
    position: columnOf(table.header, '순번'),
    recommended: columnOf(table.header, '추천 문제'),
    number: columnOf(table.header, '문제 번호'),
    title: columnOf(table.header, '문제 이름'),
    level: columnOf(table.header, '난이도'),
  };
  // One HTML document per page (a row per <tr>, a cell per <td>): the cells' HTML cannot leak across cells.
  const $ = cheerio.load(`<table>${table.rows.map((r) => `<tr>${r.cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`);
  const trs = $('tr').toArray();
  const rows: PageRow[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const [i, { line, cells }] of table.rows.entries()) {
    const tds = $(trs[i]).children('td');
    const cell = (index: number) => (index >= 0 ? tds.eq(index) : tds.slice(0, 0));
    const text = (index: number) => (index >= 0 ? (cells[index] ?? '') : '');
    const where = `${page} row ${squash(cell(col.position).text()) || '?'} (line ${line})`;
    const number = problemNumber(cell(col.number)) ?? problemNumber(cell(col.title));
    if (!number) {
      warnings.push(`${where}: no problem number (skipped)`);
      continue;
    }
    if (seen.has(number)) {
      warnings.push(`${where}: problem ${number} is listed twice on the page (skipped)`);
      continue;
    }
    seen.add(number);
    const titleCell = cell(col.title);
    const title = squash(titleCell.find('a').first().text() || titleCell.text());
    if (!title) warnings.push(`${where}: problem ${number} has no title`);
    const position = Number.parseInt(squash(cell(col.position).text()), 10);
    rows.push({
      position: Number.isInteger(position) ? position : (rows.at(-1)?.position ?? -1) + 1,
      recommended: RECOMMENDED.test(text(col.recommended)),
      number,
      title: title || number,
      level: tierLevel(cell(col.level).find('img').attr('src') ?? ''),
    });
  }
  return { rows, warnings };
}

function problemNumber(cell: Cell): string | undefined {
  for (const a of cell.find('a[href]').toArray()) {
    const m = PROBLEM_LINK.exec(a.attribs.href ?? '');
    if (m) return String(Number(m[1]));
  }
  const text = squash(cell.text());
  return /^\d+$/.test(text) ? String(Number(text)) : undefined;
}

function tierLevel(src: string): number {
  const m = TIER_IMAGE.exec(src);
  const level = m ? Number(m[1]) : 0;
  return level >= 0 && level <= 30 ? level : 0;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

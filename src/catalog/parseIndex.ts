import path from 'node:path';
import { AppError } from '../errors.ts';
import { columnOf, markdownTables } from './markdownTable.ts';
import type { IndexCategory, ListWarning, ParsedIndex } from './types.ts';

const EXPECTED = 'a table of algorithm types with the columns Tag, 태그 and 문제집';

/**
 * Parses the list's index README: the table of types, each linking its page. Links are followed, never
 * assumed: './algorithms/x' → 'algorithms/x/README.md', './x' → 'x/README.md', relative to `indexPath`.
 * `file` names the file in messages (its URL or path).
 */
export function parseIndex(text: string, file: string, indexPath = 'README.md'): ParsedIndex {
  const table = markdownTables(text).find((t) => columnOf(t.header, 'Tag') >= 0 && columnOf(t.header, '문제집') >= 0);
  if (!table) throw noTypeTable(file);
  const col = {
    order: columnOf(table.header, '순번'),
    en: columnOf(table.header, 'Tag'),
    ko: columnOf(table.header, '태그'),
    link: columnOf(table.header, '문제집'),
    recommended: columnOf(table.header, '추천 문제 수'),
    total: columnOf(table.header, '총 문제 수'),
  };
  const warnings: ListWarning[] = [];
  const categories: IndexCategory[] = [];
  const keys = new Set<string>();
  for (const [i, row] of table.rows.entries()) {
    const link = linkTarget(row.cells[col.link] ?? '');
    const pagePath = link === undefined ? undefined : pageOf(link, indexPath, file, row.line);
    if (!pagePath) {
      warnings.push({ code: 'index_no_link', params: { file: indexPath, line: row.line } });
      continue;
    }
    const key = categoryKey(pagePath);
    if (keys.has(key)) {
      warnings.push({ code: 'index_duplicate_type', params: { file: indexPath, line: row.line, key } });
      continue;
    }
    keys.add(key);
    const nameEn = plain(row.cells[col.en] ?? '') || key;
    const order = Number.parseInt(row.cells[col.order] ?? '', 10);
    categories.push({
      key,
      nameEn,
      nameKo: plain(row.cells[col.ko] ?? '') || nameEn,
      position: Number.isInteger(order) ? order : i,
      pagePath,
      claimedRecommended: count(row.cells[col.recommended]),
      claimedTotal: count(row.cells[col.total]),
    });
  }
  if (categories.length === 0) throw noTypeTable(file);
  const heading = /^#[ \t]+(.+)$/m.exec(text);
  return { title: heading ? plain(heading[1]) : '', categories, warnings };
}

function noTypeTable(file: string): AppError {
  return new AppError('catalog.no_type_table', `${file}: expected ${EXPECTED}`, 422, { file, expected: EXPECTED });
}

/** The target of a markdown link `[text](target)` or an HTML `<a href="target">`. */
function linkTarget(cell: string): string | undefined {
  // Only the target is matched (no trailing part that could overlap it), so a long cell is read in one pass.
  const m = /\]\(\s*<?([^)\s>]+)/.exec(cell) ?? /href\s*=\s*["']([^"']+)["']/i.exec(cell);
  return m?.[1];
}

/**
 * The page a relative link points at, relative to the list root; undefined for an absolute URL, a root path or an
 * anchor (not a page of the list). A relative link that cannot be decoded or climbs out of the list is an AppError
 * naming the file and line: it is never fetched. A backslash counts as '/', as a browser reads it.
 */
function pageOf(link: string, indexPath: string, file: string, line: number): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link) || /^[/\\]/.test(link) || link.startsWith('#')) return undefined;
  let target: string;
  try {
    target = decodeURIComponent(link.split(/[?#]/)[0]).replace(/\\/g, '/');
  } catch {
    throw new AppError(
      'catalog.bad_link',
      `${file} line ${line}: the link "${link}" has a malformed percent-escape`,
      422,
      { file, line, link },
    );
  }
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(indexPath), target));
  if (joined === '..' || joined.startsWith('../') || target.startsWith('/') || [...target].some((c) => c < ' ')) {
    throw new AppError('catalog.link_outside', `${file} line ${line}: the link "${link}" leads outside the list`, 422, {
      file,
      line,
      link,
    });
  }
  if (joined === '.') return undefined;
  const clean = joined.replace(/\/+$/, '');
  return /\.md$/i.test(clean) ? clean : `${clean}/README.md`;
}

function categoryKey(pagePath: string): string {
  const parts = pagePath.split('/');
  const last = parts[parts.length - 1];
  return /^readme\.md$/i.test(last) && parts.length > 1 ? parts[parts.length - 2] : last.replace(/\.md$/i, '');
}

/** Cell text without markdown emphasis or HTML tags. */
function plain(cell: string): string {
  return cell
    .replace(/<[^>]*>/g, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function count(cell: string | undefined): number | undefined {
  const n = Number.parseInt((cell ?? '').trim(), 10);
  return Number.isInteger(n) ? n : undefined;
}

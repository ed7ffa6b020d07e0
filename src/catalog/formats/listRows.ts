import crypto from 'node:crypto';
import { AppError } from '../../errors.ts';
import type { ListWarning, PageRow, ParsedList } from '../types.ts';
import type { LevelPrecision } from '../../judges/difficulty.ts';

/** The formats a list can be read as. */
export const LIST_FORMATS = ['tony9402', 'markdown', 'csv', 'json'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** One problem as a hand-written list gives it: a problem id on any judge under a type name. */
export interface ListRow {
  /** The type as the list names it (its heading, its type column). */
  type: string;
  /** 'leetcode:two-sum' */
  id: string;
  title: string;
  level: number;
  /** How precise the form `level` was read from is (difficulty.ts); 0 without a level. */
  levelPrecision: LevelPrecision;
  /** undefined when the list has no recommended mark for it. */
  recommended?: boolean;
}

/** What a format parser gives: rows in list order, what it could not use, and the list's own title if it has one. */
export interface ParsedRows {
  title?: string;
  rows: ListRow[];
  warnings: ListWarning[];
  /** Problem links (or rows) left out: unknown judges, pages that are not problems, unreadable rows. */
  skipped: number;
}

const OTHER_TYPE = 'Other';

/**
 * A hand-written list as cote stores lists: one category per type name (first appearance order, key = a slug of the
 * name), each problem once per category (a repeat is a warning). A list that marks nothing as recommended recommends
 * every problem it names. A list without a single problem is refused, naming `file`.
 */
export function listFromRows(
  parsed: ParsedRows,
  meta: { key: string; name: string; format: ListFormat; file: string },
): ParsedList & { version: string; skipped: number } {
  if (parsed.rows.length === 0) {
    throw new AppError(
      'catalog.no_problems',
      `${meta.file}: no problem link of a judge cote knows; expected links such as https://www.acmicpc.net/problem/1000, https://leetcode.com/problems/two-sum/ or rows naming judge and id`,
      422,
      { file: meta.file },
    );
  }
  const marksAny = parsed.rows.some((r) => r.recommended !== undefined);
  const warnings = [...parsed.warnings];
  let skipped = parsed.skipped;
  const categories = new Map<string, ParsedList['categories'][number] & { seen: Set<string> }>();
  const keys = new Set<string>();
  for (const row of parsed.rows) {
    const typeName = row.type.trim() || OTHER_TYPE;
    let category = categories.get(typeName);
    if (!category) {
      const key = uniqueKey(slug(typeName) || `type_${categories.size + 1}`, keys);
      category = {
        key,
        nameEn: typeName,
        nameKo: typeName,
        position: categories.size,
        pagePath: meta.file,
        rows: [],
        seen: new Set(),
      };
      categories.set(typeName, category);
    }
    if (category.seen.has(row.id)) {
      warnings.push({ code: 'list_duplicate_problem', params: { file: meta.file, id: row.id, type: typeName } });
      skipped++;
      continue;
    }
    category.seen.add(row.id);
    const pageRow: PageRow = {
      position: category.rows.length + 1,
      recommended: marksAny ? row.recommended === true : true,
      number: row.id.slice(row.id.indexOf(':') + 1),
      title: row.title || row.id,
      level: row.level,
      levelPrecision: row.levelPrecision,
      id: row.id,
    };
    category.rows.push(pageRow);
  }
  const list = {
    key: meta.key,
    name: meta.name,
    format: meta.format,
    categories: [...categories.values()].map(({ seen: _seen, ...c }) => c),
    meta: new Map(),
    warnings,
  };
  const version = crypto
    .createHash('sha256')
    .update(JSON.stringify([list.name, list.format, list.categories.map((c) => [c.key, c.nameEn, c.position, c.rows])]))
    .digest('hex')
    .slice(0, 12);
  return { ...list, version, skipped };
}

/** 'Arrays & Hashing' → 'arrays_hashing'; '스택/큐' → '스택_큐'. */
export function slug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
}

function uniqueKey(base: string, keys: Set<string>): string {
  let key = base;
  for (let i = 2; keys.has(key); i++) key = `${base}_${i}`;
  keys.add(key);
  return key;
}

/** 'yes', 'y', 'true', '1', 'o', '✔', '✅', ':heavy_check_mark:', '⭐', '추천' → true; '' → undefined; anything else → false. */
export function recommendedMark(text: string | undefined): boolean | undefined {
  const value = (text ?? '').trim();
  if (value === '') return undefined;
  return (
    /^(y|yes|true|1|o|v|x|추천|recommended)$/i.test(value) ||
    /✔|✅|☑|:heavy_check_mark:|:white_check_mark:|⭐|★|:star:/.test(value)
  );
}

import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { importList, type ImportOptions } from './importList.ts';
import { openListSource, sourceLocation } from './listSource.ts';
import { directorySource } from './directorySource.ts';
import { httpSource } from './httpSource.ts';
import { INDEX_PATH, LIST_KEY } from './fetchList.ts';
import { parseIndex } from './parseIndex.ts';
import { storeList, type ImportSummary } from './store.ts';
import { listByKey, listBySource } from './listRepository.ts';
import { categoriesOfList } from './categoryRepository.ts';
import { typeResolver } from './listTypes.ts';
import { LIST_FORMATS, listFromRows, slug, type ListFormat, type ParsedRows } from './formats/listRows.ts';
import { parseJsonList } from './formats/jsonList.ts';

export interface AnyImportOptions extends ImportOptions {
  /** Read the source as this format; detected when absent. */
  format?: ListFormat;
  /** The list's display name (a new list's key is derived from it); the list itself is found by its source. */
  name?: string;
  /** An uploaded file's text: read instead of `source`, which then only names it ('upload:my-list.md'). */
  text?: string;
}

/** What `cote import --json` prints: the import summary plus the format, the skipped links and the types found. */
export interface AnyImportSummary extends ImportSummary {
  format: ListFormat;
  skipped: number;
  /** Each type name the list uses → the canonical type key it counts as, or null when it matched none. */
  typeMap: Record<string, string | null>;
}

const DOCUMENT = { text: 'a problem list (markdown, CSV or JSON)', key: 'catalog.expected.list' };
/** A folder's README.md: tony9402's index, or a list written as a README. */
const INDEX = { text: 'the list index README.md with a table of algorithm types', key: 'catalog.expected.index' };

/**
 * Imports a list in any format from a URL, a directory or a file on the server, or uploaded text. The tony9402
 * layout goes through its own importer; other formats are read as one document, parsed, and stored in one
 * transaction with the same change report. Re-importing the same source updates that list; an upload's source is
 * the name it is given.
 */
export async function importAnyList(db: Db, source: string, options: AnyImportOptions = {}): Promise<AnyImportSummary> {
  if (options.format !== undefined && !LIST_FORMATS.includes(options.format)) {
    throw new AppError(
      'catalog.bad_format',
      `format must be one of ${LIST_FORMATS.join(', ')}, not "${options.format}"`,
      400,
      { format: String(options.format) },
    );
  }
  const doc =
    options.text !== undefined
      ? { label: source, location: source, text: options.text, name: source.replace(/^upload:/, '') }
      : await readDocument(source, options);
  if ('tony9402' in doc) return tonySummary(db, await importList(db, doc.tony9402, options));
  const format = options.format ?? detectFormat(doc.name, doc.text);
  if (format === 'tony9402') {
    if (options.text !== undefined)
      throw new AppError(
        'catalog.bad_format',
        'a tony9402 list is a folder of pages: import it from its URL or directory',
        400,
        { format },
      );
    return tonySummary(db, await importList(db, doc.location, options));
  }
  const parsed = await parseDocument(format, doc.text, doc.label);
  // A list is its source: the same source updates its list, another source makes a new one even with the same
  // title (two lists may share a name; /lists tells them apart by source). An upload's source is its given name.
  const stored = listBySource(db, doc.location);
  const name = options.name?.trim() || stored?.name || parsed.title || baseName(doc.name) || 'list';
  const key = stored?.key ?? freeListKey(db, slug(name) || 'list', format);
  const list = listFromRows(parsed, { key, name, format, file: doc.label });
  const summary = storeList(db, list, doc.location, (options.now ?? (() => new Date()))());
  return { ...summary, format, skipped: list.skipped, typeMap: typeMapOf(db, list.categories) };
}

/** 'csv' for a .csv name or text that looks like CSV, 'json' for .json or text starting with { or [, else markdown. */
export function detectFormat(name: string, text: string): ListFormat {
  const ext = path.extname(name.split(/[?#]/)[0]).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  if (ext === '.md' || ext === '.markdown') return looksLikeTonyIndex(text) ? 'tony9402' : 'markdown';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  const first = start.split(/\r?\n/, 1)[0].toLowerCase();
  if (/^[a-z_ "]+(,[a-z_ "]+)+$/.test(first) && /\b(url|link|judge|problem|id)\b/.test(first)) return 'csv';
  return looksLikeTonyIndex(text) ? 'tony9402' : 'markdown';
}

async function parseDocument(format: Exclude<ListFormat, 'tony9402'>, text: string, file: string): Promise<ParsedRows> {
  // csv-parse is loaded by the first CSV list, not at boot.
  if (format === 'csv') return (await import('./formats/csvList.ts')).parseCsvList(text, file);
  if (format === 'json') return parseJsonList(text, file);
  // So is the markdown parser (markdown-it, cheerio for HTML tables).
  return (await import('./formats/markdownList.ts')).parseMarkdownList(text, file);
}

function looksLikeTonyIndex(text: string): boolean {
  try {
    parseIndex(text, 'README.md');
    return true;
  } catch {
    return false;
  }
}

type Document = { label: string; location: string; text: string; name: string } | { tony9402: string };

/**
 * Reads the one document a list is: a file (local or URL) as it is; a directory or a base URL through its
 * README.md — which, when it is a tony9402 index, means the whole folder is imported the tony9402 way.
 */
async function readDocument(source: string, options: AnyImportOptions): Promise<Document> {
  const text = source.trim();
  const isUrl = /^https?:\/\//i.test(text);
  if (isUrl) {
    const url = (() => {
      try {
        return new URL(text);
      } catch {
        throw new AppError('catalog.bad_source', `${text} is not a valid URL`, 400, { source: text });
      }
    })();
    const file = /\.[a-z]{2,8}$/i.test(url.pathname) && !url.pathname.endsWith('/');
    if (!file) {
      const location = sourceLocation(text);
      if (options.format === 'tony9402') return { tony9402: location };
      const readme = (await openListSource(location, options).read(INDEX_PATH, INDEX))!;
      if (!options.format && looksLikeTonyIndex(readme)) return { tony9402: location };
      return { label: new URL(INDEX_PATH, location).toString(), location, text: readme, name: INDEX_PATH };
    }
    const base = new URL('.', url).toString();
    const rel = url.pathname.slice(url.pathname.lastIndexOf('/') + 1) + url.search;
    const body = (await httpSource(base, options).read(rel, DOCUMENT))!;
    return { label: url.toString(), location: url.toString(), text: body, name: rel };
  }
  const location = sourceLocation(text);
  if (!fs.existsSync(location)) {
    const what = /\.[a-z]{2,8}$/i.test(location) ? 'file' : 'directory';
    throw new AppError('catalog.no_directory', `${what} ${location} does not exist`, 422, { file: location });
  }
  if (fs.statSync(location).isDirectory()) {
    if (options.format === 'tony9402') return { tony9402: location };
    const readme = (await directorySource(location).read(INDEX_PATH, INDEX))!;
    if (!options.format && looksLikeTonyIndex(readme)) return { tony9402: location };
    return { label: path.join(location, INDEX_PATH), location, text: readme, name: INDEX_PATH };
  }
  const body = (await directorySource(path.dirname(location)).read(path.basename(location), DOCUMENT))!;
  return { label: location, location, text: body, name: path.basename(location) };
}

/** `base`, or `base_2`, `base_3`… : a key no stored list has (tony9402's own key stays the curated list's). */
function freeListKey(db: Db, base: string, format: ListFormat): string {
  const start = base === LIST_KEY ? `${base}-${format}` : base;
  let key = start;
  for (let i = 2; listByKey(db, key); i++) key = `${start}_${i}`;
  return key;
}

function baseName(name: string): string {
  return path.basename(name.split(/[?#]/)[0]).replace(/\.[a-z]+$/i, '');
}

/** Each category's name (Korean first, as tony9402 names its pages) → its canonical type key, or null. */
function typeMapOf(
  db: Db,
  categories: { key: string; nameEn: string; nameKo: string }[],
): Record<string, string | null> {
  const resolve = typeResolver(db);
  return Object.fromEntries(
    categories.map((c) => {
      const type = resolve(c);
      return [c.nameKo || c.nameEn, type.canonical ? type.key : null];
    }),
  );
}

function tonySummary(db: Db, summary: ImportSummary): AnyImportSummary {
  const list = listByKey(db, summary.list);
  return {
    ...summary,
    format: 'tony9402',
    skipped: summary.warnings.filter((w) => w.endsWith('(skipped)')).length,
    typeMap: typeMapOf(db, list ? categoriesOfList(db, list.id) : []),
  };
}

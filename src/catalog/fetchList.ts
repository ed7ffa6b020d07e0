import crypto from 'node:crypto';
import type { ListSource } from './listSource.ts';
import { MAX_DATABASE_BYTES } from './source.ts';
import { parseIndex } from './parseIndex.ts';
import { parseDatabase } from './parseDatabase.ts';
import type { ParsedList, ProblemMeta } from './types.ts';

export const INDEX_PATH = 'README.md';
export const DATABASE_PATH = 'scripts/database.json';
/** The list format this importer reads is tony9402/baekjoon's; every source of it (URL, copy, newer version) is that list. */
export const LIST_KEY = 'tony9402-baekjoon';

export interface Progress {
  done: number;
  total: number;
}

/**
 * Fetches and parses a whole list: the index, every type page it links, and scripts/database.json when present.
 * Nothing is stored. Any file that cannot be fetched or has no table rejects with an AppError naming it.
 */
export async function fetchList(
  source: ListSource,
  onProgress: (p: Progress) => void = () => {},
): Promise<ParsedList & { files: string[]; version: string }> {
  const progress = { done: 0, total: 2 };
  const step = () => {
    progress.done++;
    onProgress({ ...progress });
  };
  onProgress({ ...progress });
  // database.json does not depend on the index: fetch it alongside (it is the largest file).
  const database = source.read(
    DATABASE_PATH,
    { text: 'solved.ac metadata as JSON', key: 'catalog.expected.database' },
    { optional: true, maxBytes: MAX_DATABASE_BYTES },
  );
  database.catch(() => {}); // awaited below; a failure there must not surface as unhandled while the index loads
  const indexText = (await source.read(INDEX_PATH, {
    text: 'the list index README.md with a table of algorithm types',
    key: 'catalog.expected.index',
  }))!;
  const index = parseIndex(indexText, source.describe(INDEX_PATH), INDEX_PATH);
  progress.total = 2 + index.categories.length;
  step();
  const pages = index.categories.map(async (category) => {
    const page = category.pagePath;
    const expected = {
      text: `the ${category.nameEn} type page with a problem table`,
      key: 'catalog.expected.page',
      type: category.nameEn,
    };
    const text = (await source.read(page, expected))!;
    // The page parser reads cells with cheerio (~26 MB with its HTML stack): loaded by the first import, not at boot.
    const { parsePage } = await import('./parsePage.ts');
    const parsed = parsePage(text, page, source.describe(page));
    step();
    return { ...category, rows: parsed.rows, warnings: parsed.warnings };
  });
  const metadata = database.then((text) => {
    step();
    return text === undefined ? new Map<string, ProblemMeta>() : parseDatabase(text, source.describe(DATABASE_PATH));
  });
  const [categories, meta] = await Promise.all([Promise.all(pages), metadata]);
  const warnings = [...index.warnings];
  for (const c of categories) {
    warnings.push(...c.warnings);
    const recommended = c.rows.filter((r) => r.recommended).length;
    if (c.claimedRecommended !== undefined && c.claimedRecommended !== recommended) {
      const params = {
        file: INDEX_PATH,
        type: c.nameEn,
        claimed: c.claimedRecommended,
        page: c.pagePath,
        actual: recommended,
      };
      warnings.push({ code: 'index_stale_recommended', params });
    }
    if (c.claimedTotal !== undefined && c.claimedTotal !== c.rows.length) {
      const params = {
        file: INDEX_PATH,
        type: c.nameEn,
        claimed: c.claimedTotal,
        page: c.pagePath,
        actual: c.rows.length,
      };
      warnings.push({ code: 'index_stale_total', params });
    }
  }
  const list = {
    key: LIST_KEY,
    name: index.title || 'tony9402/baekjoon',
    categories: categories.map(({ warnings: _w, ...c }) => c),
    meta,
    warnings,
  };
  const files = [INDEX_PATH, ...index.categories.map((c) => c.pagePath), DATABASE_PATH];
  return { ...list, files, version: versionOf(list) };
}

/** A short hash of what was parsed: the same content gives the same version, whatever the source. */
function versionOf(list: Omit<ParsedList, 'warnings'>): string {
  const content = JSON.stringify([
    list.name,
    list.categories.map((c) => [c.key, c.nameEn, c.nameKo, c.position, c.rows]),
    [...list.meta].sort(),
  ]);
  return crypto.createHash('sha256').update(content).digest('hex').slice(0, 12);
}

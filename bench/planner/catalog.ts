/**
 * The curated list snapshot read straight from ../shared/data/tony9402-baekjoon into a PlannerCatalog,
 * with the app's own parsers (src/catalog/parse*.ts) but without a database: the index names the type
 * pages, each page gives entries in order with the recommended mark and level, database.json the tags.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDatabase } from '../../src/catalog/parseDatabase.ts';
import { parseIndex } from '../../src/catalog/parseIndex.ts';
import { parsePage } from '../../src/catalog/parsePage.ts';
import type { CatalogEntry, CatalogProblem, PlannerCatalog } from '../../src/planner/types.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The list snapshot beside the repository; COTE_SIM_LIST points elsewhere (e.g. when running from a copy of HEAD). */
export const listDir = process.env.COTE_SIM_LIST ?? path.resolve(repoRoot, '../shared/data/tony9402-baekjoon');

export function listAvailable(dir = listDir): boolean {
  return existsSync(path.join(dir, 'README.md'));
}

export function loadCatalog(dir = listDir): PlannerCatalog {
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const index = parseIndex(read('README.md'), 'README.md');
  const meta = existsSync(path.join(dir, 'scripts/database.json'))
    ? parseDatabase(read('scripts/database.json'), 'scripts/database.json')
    : new Map();
  const problems = new Map<string, CatalogProblem>();
  const entries: CatalogEntry[] = [];
  const categories = index.categories.map((c, position) => ({
    key: c.key,
    nameEn: c.nameEn,
    nameKo: c.nameKo,
    position,
  }));
  for (const c of index.categories) {
    for (const row of parsePage(read(c.pagePath), c.pagePath).rows) {
      const id = `boj:${row.number}`;
      const m = meta.get(row.number);
      if (!problems.has(id))
        problems.set(id, {
          id,
          title: row.title,
          level: row.level,
          tags: m?.tags ?? [],
          averageTries: m?.averageTries ?? null,
        });
      entries.push({ category: c.key, problem: id, position: row.position, recommended: row.recommended });
    }
  }
  return { problems: [...problems.values()], categories, entries };
}

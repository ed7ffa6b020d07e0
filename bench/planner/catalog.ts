/**
 * The curated list snapshot read straight from ../shared/data/tony9402-baekjoon into a PlannerCatalog.
 * A minimal reader for the benchmark only (the app imports the list through src/catalog): the index README's
 * links name the category pages, each page's table gives entries in order with the recommended mark,
 * scripts/database.json gives level, tags and average tries.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogCategory, CatalogEntry, CatalogProblem, PlannerCatalog } from '../../src/planner/types.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const listDir = path.resolve(repoRoot, '../shared/data/tony9402-baekjoon');

interface DatabaseRow {
  titleKo?: string;
  level?: number;
  averageTries?: number;
  tags?: Array<{ key: string }>;
}

const INDEX_ROW = /^\|\s*\d+\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*\[[^\]]*\]\(\.\/([^)]+?)\/?\)/;
const PAGE_ROW = /^\|\s*(\d+)\s*\|([^|]*)\|.*?acmicpc\.net\/problem\/(\d+)[^>]*>[^<]*<\/a>\|<a[^>]*>([^<]*)<\/a>\|.*?tier_small\/(\d+)\.svg/;

export function listAvailable(dir = listDir): boolean {
  return existsSync(path.join(dir, 'README.md'));
}

export function loadCatalog(dir = listDir): PlannerCatalog {
  const db = JSON.parse(readFileSync(path.join(dir, 'scripts/database.json'), 'utf8')) as Record<string, DatabaseRow>;
  const categories: CatalogCategory[] = [];
  const entries: CatalogEntry[] = [];
  const problems = new Map<string, CatalogProblem>();
  for (const line of readFileSync(path.join(dir, 'README.md'), 'utf8').split('\n')) {
    const m = INDEX_ROW.exec(line);
    if (!m) continue;
    const folder = m[3];
    const key = path.basename(folder);
    categories.push({ key, nameEn: m[1], nameKo: m[2], position: categories.length });
    const page = readFileSync(path.join(dir, folder, 'README.md'), 'utf8');
    for (const row of page.split('\n')) {
      const r = PAGE_ROW.exec(row);
      if (!r) continue;
      const id = `boj:${r[3]}`;
      const meta = db[r[3]] ?? {};
      if (!problems.has(id)) {
        problems.set(id, {
          id,
          title: meta.titleKo ?? r[4],
          level: meta.level ?? Number(r[5]),
          tags: (meta.tags ?? []).map((t) => t.key),
          averageTries: meta.averageTries ?? null,
        });
      }
      entries.push({ category: key, problem: id, position: Number(r[1]), recommended: r[2].includes('heavy_check_mark') });
    }
  }
  return { problems: [...problems.values()], categories, entries };
}

import type { Db } from '../db/connection.ts';
import type { CatalogCategory, CatalogEntry, PlannerCatalog } from '../planner/types.ts';
import { allLists, type List } from './listRepository.ts';
import { categoriesOfList } from './categoryRepository.ts';
import { entriesOfList } from './entryRepository.ts';
import { typeResolver } from './listTypes.ts';

interface ProblemRow {
  id: string;
  title: string;
  level: number;
  tags: string;
  average_tries: number | null;
}

/** The lists `keys` names (every list when null/undefined), in import order. Unknown keys are ignored. */
export function selectedLists(db: Db, keys?: string[] | null): List[] {
  const lists = allLists(db);
  return keys ? lists.filter((l) => keys.includes(l.key)) : lists;
}

/**
 * The chosen lists (default: all) as the planner sees them: one category per canonical type (so "DFS/BFS" of one list
 * and tony9402's graph_traversal are one type), each problem once, an entry per (type, problem) — recommended when
 * any list recommends it there, at its earliest position. Types keep the first list's order, later lists' new types
 * follow. Empty without a list.
 */
export function plannerCatalog(db: Db, listKeys?: string[] | null): PlannerCatalog {
  const lists = selectedLists(db, listKeys);
  if (lists.length === 0) return { problems: [], categories: [], entries: [] };
  const resolve = typeResolver(db);
  const categories = new Map<string, CatalogCategory>();
  const entries = new Map<string, CatalogEntry>();
  lists.forEach((list, i) => {
    const typeOf = new Map<string, string>();
    for (const c of categoriesOfList(db, list.id)) {
      const type = resolve(c);
      typeOf.set(c.key, type.key);
      if (!categories.has(type.key))
        categories.set(type.key, {
          key: type.key,
          nameEn: type.nameEn,
          nameKo: type.nameKo,
          position: i * 1000 + c.position,
        });
    }
    for (const e of entriesOfList(db, list.id)) {
      const category = typeOf.get(e.categoryKey)!;
      const id = `${category}\u0000${e.problemId}`;
      const seen = entries.get(id);
      if (!seen)
        entries.set(id, {
          category,
          problem: e.problemId,
          position: i * 100000 + e.position,
          recommended: e.recommended,
        });
      else seen.recommended ||= e.recommended;
    }
  });
  const ids = lists.map((l) => l.id);
  const rows = db
    .prepare(
      `SELECT DISTINCT p.id, p.title, p.level, p.tags, p.average_tries
         FROM problems p JOIN entries e ON e.problem_id = p.id JOIN categories c ON c.id = e.category_id
        WHERE c.list_id IN (${ids.map(() => '?').join(',')}) ORDER BY p.id`,
    )
    .all(...ids) as ProblemRow[];
  const problems = rows.map((r) => ({
    id: r.id,
    title: r.title,
    level: r.level,
    tags: JSON.parse(r.tags) as string[],
    averageTries: r.average_tries,
  }));
  return { problems, categories: [...categories.values()], entries: [...entries.values()] };
}

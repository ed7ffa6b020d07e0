import type { Db } from '../db/connection.ts';
import type { PlannerCatalog } from '../planner/types.ts';
import { defaultList } from './listRepository.ts';
import { categoriesOfList } from './categoryRepository.ts';
import { entriesOfList } from './entryRepository.ts';

interface ProblemRow {
  id: string;
  title: string;
  level: number;
  tags: string;
  average_tries: number | null;
}

/** The default (first) list as the planner sees it: its categories, problems and entries in list order. Empty without a list. */
export function plannerCatalog(db: Db): PlannerCatalog {
  const list = defaultList(db);
  if (!list) return { problems: [], categories: [], entries: [] };
  const categories = categoriesOfList(db, list.id).map(({ key, nameEn, nameKo, position }) => ({ key, nameEn, nameKo, position }));
  const entries = entriesOfList(db, list.id).map((e) => ({ category: e.categoryKey, problem: e.problemId, position: e.position, recommended: e.recommended }));
  const rows = db
    .prepare(
      `SELECT DISTINCT p.id, p.title, p.level, p.tags, p.average_tries
         FROM problems p JOIN entries e ON e.problem_id = p.id JOIN categories c ON c.id = e.category_id
        WHERE c.list_id = ? ORDER BY p.id`,
    )
    .all(list.id) as ProblemRow[];
  const problems = rows.map((r) => ({ id: r.id, title: r.title, level: r.level, tags: JSON.parse(r.tags) as string[], averageTries: r.average_tries }));
  return { problems, categories, entries };
}

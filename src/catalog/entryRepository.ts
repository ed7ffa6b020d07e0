import type { Db } from '../db/connection.ts';
import { statement } from './statements.ts';

/** A problem's place in a category of a list. */
export interface Entry {
  categoryId: number;
  categoryKey: string;
  problemId: string;
  position: number;
  recommended: boolean;
}

interface EntryRow {
  category_id: number;
  category_key: string;
  problem_id: string;
  position: number;
  recommended: number;
}

const toEntry = (row: EntryRow): Entry => ({
  categoryId: row.category_id,
  categoryKey: row.category_key,
  problemId: row.problem_id,
  position: row.position,
  recommended: row.recommended === 1,
});

/** All entries of a list, by category order then position. */
export function entriesOfList(db: Db, listId: number): Entry[] {
  const rows = statement(
    db,
    `SELECT e.category_id, c.key AS category_key, e.problem_id, e.position, e.recommended
       FROM entries e JOIN categories c ON c.id = e.category_id
      WHERE c.list_id = ? ORDER BY c.position, c.id, e.position, e.problem_id`,
  ).all(listId) as EntryRow[];
  return rows.map(toEntry);
}

export function saveEntry(
  db: Db,
  e: { categoryId: number; problemId: string; position: number; recommended: boolean },
): void {
  statement(
    db,
    `INSERT INTO entries (category_id, problem_id, position, recommended) VALUES (?, ?, ?, ?)
     ON CONFLICT (category_id, problem_id) DO UPDATE SET position = excluded.position, recommended = excluded.recommended`,
  ).run(e.categoryId, e.problemId, e.position, e.recommended ? 1 : 0);
}

export function deleteEntry(db: Db, categoryId: number, problemId: string): void {
  statement(db, 'DELETE FROM entries WHERE category_id = ? AND problem_id = ?').run(categoryId, problemId);
}

/** How big a list is: types, distinct problems, entries and recommended entries. */
export function listCounts(
  db: Db,
  listId: number,
): { categories: number; problems: number; entries: number; recommended: number } {
  return statement(
    db,
    `SELECT (SELECT count(*) FROM categories WHERE list_id = :id) AS categories,
            count(DISTINCT e.problem_id) AS problems, count(e.problem_id) AS entries, coalesce(sum(e.recommended), 0) AS recommended
       FROM entries e JOIN categories c ON c.id = e.category_id WHERE c.list_id = :id`,
  ).get({ id: listId }) as { categories: number; problems: number; entries: number; recommended: number };
}

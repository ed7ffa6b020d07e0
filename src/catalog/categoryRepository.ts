import type { Db } from '../db/connection.ts';
import { statement } from './statements.ts';

/** An algorithm type inside a list. */
export interface Category {
  id: number;
  listId: number;
  key: string;
  nameEn: string;
  nameKo: string;
  position: number;
}

interface CategoryRow {
  id: number;
  list_id: number;
  key: string;
  name_en: string;
  name_ko: string;
  position: number;
}

const toCategory = (row: CategoryRow): Category => ({
  id: row.id,
  listId: row.list_id,
  key: row.key,
  nameEn: row.name_en,
  nameKo: row.name_ko,
  position: row.position,
});

/** A list's categories in list order. */
export function categoriesOfList(db: Db, listId: number): Category[] {
  return (
    statement(db, 'SELECT * FROM categories WHERE list_id = ? ORDER BY position, id').all(listId) as CategoryRow[]
  ).map(toCategory);
}

export function categoryByKey(db: Db, listId: number, key: string): Category | undefined {
  const row = statement(db, 'SELECT * FROM categories WHERE list_id = ? AND key = ?').get(listId, key) as
    | CategoryRow
    | undefined;
  return row && toCategory(row);
}

/** Creates the category or updates its names and position; returns its id. */
export function saveCategory(db: Db, c: Omit<Category, 'id'>): number {
  statement(
    db,
    `INSERT INTO categories (list_id, key, name_en, name_ko, position) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (list_id, key) DO UPDATE SET name_en = excluded.name_en, name_ko = excluded.name_ko, position = excluded.position`,
  ).run(c.listId, c.key, c.nameEn, c.nameKo, c.position);
  return categoryByKey(db, c.listId, c.key)!.id;
}

/** Deletes a category and (by cascade) its entries. */
export function deleteCategory(db: Db, id: number): void {
  statement(db, 'DELETE FROM categories WHERE id = ?').run(id);
}

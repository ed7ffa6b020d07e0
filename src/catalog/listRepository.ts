import type { Db } from '../db/connection.ts';

/** An imported curated list. `version` is a hash of what was parsed, so an unchanged import keeps it. */
export interface List {
  id: number;
  key: string;
  name: string;
  source: string;
  version: string;
  importedAt: string;
  /** What the source was read as: 'tony9402', 'markdown', 'csv' or 'json'. */
  format: string;
}

interface ListRow {
  id: number;
  key: string;
  name: string;
  source: string;
  version: string;
  imported_at: string;
  format: string;
}

const toList = (row: ListRow): List => ({
  id: row.id,
  key: row.key,
  name: row.name,
  source: row.source,
  version: row.version,
  importedAt: row.imported_at,
  format: row.format,
});

export function listByKey(db: Db, key: string): List | undefined {
  const row = db.prepare('SELECT * FROM lists WHERE key = ?').get(key) as ListRow | undefined;
  return row && toList(row);
}

/** The list the checklist and the planner use: the first one imported. */
export function defaultList(db: Db): List | undefined {
  const row = db.prepare('SELECT * FROM lists ORDER BY id LIMIT 1').get() as ListRow | undefined;
  return row && toList(row);
}

export function allLists(db: Db): List[] {
  return (db.prepare('SELECT * FROM lists ORDER BY id').all() as ListRow[]).map(toList);
}

export function listCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM lists').pluck().get() as number;
}

/** Creates the list or updates its name, source, version, format and import time; returns its id. */
export function saveList(db: Db, list: Omit<List, 'id' | 'format'> & { format?: string }): number {
  db.prepare(
    `INSERT INTO lists (key, name, source, version, imported_at, format) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET name = excluded.name, source = excluded.source, version = excluded.version,
       imported_at = excluded.imported_at, format = excluded.format`,
  ).run(list.key, list.name, list.source, list.version, list.importedAt, list.format ?? 'tony9402');
  return listByKey(db, list.key)!.id;
}

/** The list last imported from `source` (a URL or an absolute path), if any. */
export function listBySource(db: Db, source: string): List | undefined {
  const row = db.prepare('SELECT * FROM lists WHERE source = ? ORDER BY id LIMIT 1').get(source) as ListRow | undefined;
  return row && toList(row);
}

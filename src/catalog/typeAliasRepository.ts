import type { Db } from '../db/connection.ts';
import { statement } from './statements.ts';

/** An admin's mappings of type names to canonical types: normalised name → type key. */
export function typeAliases(db: Db): Map<string, string> {
  const rows = statement(db, 'SELECT name, type_key FROM type_aliases').all() as { name: string; type_key: string }[];
  return new Map(rows.map((r) => [r.name, r.type_key]));
}

/** Maps a normalised type name to a canonical type (replacing an earlier mapping); an empty key removes it. */
export function saveTypeAlias(db: Db, name: string, typeKey: string, now: Date): void {
  if (typeKey === '') {
    statement(db, 'DELETE FROM type_aliases WHERE name = ?').run(name);
    return;
  }
  statement(
    db,
    `INSERT INTO type_aliases (name, type_key, created_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET type_key = excluded.type_key, created_at = excluded.created_at`,
  ).run(name, typeKey, now.toISOString());
}

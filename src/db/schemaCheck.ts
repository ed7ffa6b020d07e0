import Database from 'better-sqlite3';
import type { Db } from './connection.ts';
import { knownMigrations, migrationSql } from './migrate.ts';

// What a database must look like to be a cote database: exactly the tables, indexes, triggers and views the
// migrations it records create, nothing more or less. A restore refuses anything else, naming the difference.

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

function objectsOf(db: Db): Map<string, SchemaObject> {
  const rows = db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )
    .all() as { type: string; name: string; sql: string | null }[];
  return new Map(
    rows.map((r) => [
      `${r.type} ${r.name}`,
      { type: r.type, name: r.name, sql: (r.sql ?? '').replace(/\s+/g, ' ').trim() },
    ]),
  );
}

/** The schema a database recording migrations `names` (known ones, in any order) has: they are applied in order. */
function expectedSchema(names: string[]): Map<string, SchemaObject> {
  const reference = new Database(':memory:');
  try {
    reference.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const name of [...names].sort()) reference.exec(migrationSql(name));
    return objectsOf(reference);
  } finally {
    reference.close();
  }
}

/**
 * What keeps `db` (recording `names` in schema_migrations) from being a cote database, in plain words: no migrations
 * or not the first one, and every table, index, trigger or view that is extra, missing or different. Empty when it
 * is exactly the schema of a known cote version. Migrations this version does not know are the caller's to refuse.
 */
export function schemaDifferences(db: Db, names: string[]): string[] {
  const first = knownMigrations()[0];
  if (!names.includes(first)) return [`schema_migrations does not record ${first}, the first migration`];
  const expected = expectedSchema(names);
  const actual = objectsOf(db);
  const out: string[] = [];
  for (const [key, object] of actual) {
    const want = expected.get(key);
    if (!want) out.push(`an unexpected ${object.type} ${object.name}`);
    else if (want.sql !== object.sql) out.push(`${object.type} ${object.name} differs from cote's`);
  }
  for (const [key, object] of expected) if (!actual.has(key)) out.push(`no ${object.type} ${object.name}`);
  return out;
}

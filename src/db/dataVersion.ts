import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.ts';

/**
 * A token that changes whenever a row of the database may have changed: total_changes() counts every row this
 * connection inserted, updated or deleted (rolled back ones too), and data_version moves when another connection —
 * another process such as the CLI, or a second connection in this one — commits. Two equal tokens mean nothing was
 * written in between; a cache keyed on it never serves what a write has made stale. A few microseconds per call.
 */
export function dataVersion(db: Db): string {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.prepare('SELECT total_changes(), data_version FROM pragma_data_version').raw();
    statements.set(db, statement);
  }
  const [own, others] = statement.get() as [number, number];
  return `${own}:${others}`;
}

const statements = new WeakMap<Db, Statement>();

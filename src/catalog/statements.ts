import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection.ts';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** The prepared statement for `sql` on this connection, prepared once: an import runs the same few statements thousands of times. */
export function statement(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}

import type { Statement } from 'better-sqlite3';
import type Database from 'better-sqlite3';

type Db = Database.Database;

/** Distinct SQL texts kept compiled per connection; the least recently prepared goes first beyond it. */
export const MAX_CACHED_STATEMENTS = 400;

/**
 * Makes `db.prepare(sql)` answer a statement compiled once per SQL text instead of compiling it on every call
 * (repositories call `db.prepare` inline: under a study group's loop compiling was 4–5 % of the server's CPU).
 * A cached statement is handed out with its modes reset (pluck, expand, raw off) so a caller's `.pluck()` never leaks
 * to the next; one still being iterated is never handed out again (a fresh one is compiled). Nothing in cote binds
 * parameters permanently (`statement.bind`), which a shared statement could not allow.
 */
export function cachePreparedStatements(db: Db, max = MAX_CACHED_STATEMENTS): void {
  const compile = db.prepare.bind(db) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) {
      cache.delete(sql);
      cache.set(sql, cached);
      return cached.reader ? cached.pluck(false).expand(false).raw(false) : cached;
    }
    const statement = compile(sql);
    if (!cached) {
      cache.set(sql, statement);
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
    }
    return statement;
  };
  db.prepare = prepare as Db['prepare'];
}

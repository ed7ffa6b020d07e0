import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Db } from '../../src/db/connection.ts';

/**
 * What a refused request must leave unchanged: a content hash of every table (the `sessions` table is counted apart,
 * see installSessionCounter), plus the files of the data directory other than the database itself (the outbox).
 */
export type StateHash = Map<string, string>;

const DB_FILES = /^cote\.db(-wal|-shm|-journal)?$/;

export function stateTables(db: Db): string[] {
  return db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'sessions' ORDER BY name",
    )
    .pluck()
    .all() as string[];
}

const selects = new WeakMap<Db, Map<string, Database.Statement>>();

export function stateHash(db: Db, tables: string[], dataDir: string): StateHash {
  const out: StateHash = new Map();
  const cache = selects.get(db) ?? new Map<string, Database.Statement>();
  selects.set(db, cache);
  for (const table of tables) {
    let select = cache.get(table);
    if (!select) {
      select = db.prepare(`SELECT * FROM "${table}"`).raw();
      cache.set(table, select);
    }
    const rows = select.all();
    out.set(
      table,
      crypto
        .createHash('sha1')
        .update(JSON.stringify(rows, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)))
        .digest('hex'),
    );
  }
  out.set('files:data dir', crypto.createHash('sha1').update(dataFiles(dataDir).join('\n')).digest('hex'));
  return out;
}

/** The tables (or 'files:data dir') whose hash differs. */
export function changedParts(before: StateHash, after: StateHash): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

/**
 * Temporary triggers (on this connection only, invisible to the app and its file) that count every row written to
 * the compared tables: when the count did not move, nothing was written and the content hash need not be computed.
 */
export function installWriteCounter(db: Db, tables: string[]): () => number {
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS fuzz_writes (n INTEGER NOT NULL); INSERT INTO fuzz_writes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM fuzz_writes)',
  );
  for (const table of tables) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS "fuzz_${table}_${op}" AFTER ${op} ON main."${table}" BEGIN UPDATE fuzz_writes SET n = n + 1; END`,
      );
    }
  }
  const read = db.prepare('SELECT n FROM fuzz_writes').pluck();
  return () => read.get() as number;
}

/** A counter of rows inserted into `sessions` (a temporary trigger, like installWriteCounter's). */
export function installSessionCounter(db: Db): () => number {
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS fuzz_sessions (n INTEGER NOT NULL); INSERT INTO fuzz_sessions SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM fuzz_sessions)',
  );
  db.exec(
    'CREATE TEMP TRIGGER IF NOT EXISTS fuzz_sessions_insert AFTER INSERT ON main.sessions BEGIN UPDATE fuzz_sessions SET n = n + 1; END',
  );
  const read = db.prepare('SELECT n FROM fuzz_sessions').pluck();
  return () => read.get() as number;
}

/** Files under the data directory except the SQLite files, as 'relative/path size'. */
export function dataFiles(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!(dir === dataDir && DB_FILES.test(entry.name)))
        out.push(`${path.relative(dataDir, full)} ${fs.statSync(full).size}`);
    }
  };
  if (fs.existsSync(dataDir)) walk(dataDir);
  return out.sort();
}

/** Removes files a request added to the data directory, so the next request starts from the same files. */
export function removeNewFiles(dataDir: string, before: string[]): void {
  const known = new Set(before.map((line) => line.slice(0, line.lastIndexOf(' '))));
  for (const line of dataFiles(dataDir)) {
    const rel = line.slice(0, line.lastIndexOf(' '));
    if (!known.has(rel)) fs.rmSync(path.join(dataDir, rel), { force: true });
  }
}

/**
 * Runs `fn` inside a transaction that is always rolled back, so every request starts from the same database.
 * The app's own db.transaction() calls become savepoints inside it (better-sqlite3 nests them), so they still work.
 */
export async function inRollback<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  db.exec('BEGIN');
  try {
    return await fn();
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
}

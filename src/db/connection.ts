import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import { migrate } from './migrate.ts';
import { cachePreparedStatements } from './statementCache.ts';

export type Db = Database.Database;

// Loaded on the first open, not at import: `cote --help` and other commands without a database start quicker.
const requireModule = createRequire(import.meta.url);
let Sqlite: typeof Database | undefined;

export interface OpenOptions {
  /** How long a statement waits for another process's lock before giving up (SQLite busy_timeout). */
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const PAGE_CACHE_KIB = 8000;

/**
 * Opens the SQLite file, applies pending migrations and returns the connection. A missing file (and its folder,
 * 0700) is created 0600; SQLite gives the -wal and -shm files the database's mode. Refuses with an AppError naming
 * the file, never a stack: a zero-byte file (a lost database is not silently replaced by an empty one), a file that
 * is not SQLite or is corrupt, and a database another process keeps locked past the busy timeout.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (file !== ':memory:') prepareFile(file);
  let db: Db | undefined;
  try {
    Sqlite ??= requireModule('better-sqlite3') as typeof Database;
    db = new Sqlite(file, { timeout });
    // First, so that every later pragma and the migrations wait for a lock instead of failing at once.
    db.pragma(`busy_timeout = ${timeout}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // 8 MB of page cache per connection (better-sqlite3's build defaults to 16 MB): the server's pages read a learner's
    // rows through indexes, and the resident memory stays inside the 150 MB a small machine can give it.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    if (file !== ':memory:') checkIntegrity(db, file);
    migrate(db);
    cachePreparedStatements(db);
    return db;
  } catch (error) {
    db?.close();
    throw openError(file, timeout, error);
  }
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'cote.db');
}

function prepareFile(file: string): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat && stat.size === 0) {
    throw new AppError(
      'db.empty',
      `database ${file} is an empty file (0 bytes), not a cote database: restore a backup with \`cote restore <backup>\`, or remove the file to start a new database`,
      500,
      { file },
    );
  }
  if (stat) return;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw openError(file, 0, error);
  }
}

/** A quick structural check (cheap at cote's sizes): a truncated or damaged file is refused at start, not mid-request. */
function checkIntegrity(db: Db, file: string): void {
  const result = db.pragma('quick_check(1)', { simple: true });
  // The check read every page: they are not what the server reads next, so the cache is emptied.
  db.pragma('shrink_memory');
  if (result !== 'ok')
    throw new AppError('db.corrupt', `database ${file} is not a cote database or is corrupt (${String(result)})`, 500, {
      file,
    });
}

function openError(file: string, timeout: number, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  const reason = error instanceof Error ? error.message : String(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError(
      'db.locked',
      `database ${file} is locked by another process (waited ${timeout} ms): stop it, or try again later`,
      500,
      { file },
    );
  }
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('db.corrupt', `database ${file} is not a cote database or is corrupt (${reason})`, 500, {
      file,
    });
  }
  return new AppError('db.open', `cannot open database ${file}: ${reason}`, 500, { file });
}

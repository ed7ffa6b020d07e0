import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import type { Db } from './connection.ts';
import { knownMigrations } from './migrate.ts';
import { schemaDifferences } from './schemaCheck.ts';

/**
 * `cote backup` and `cote restore`. A backup is SQLite's online backup of the live database: a consistent copy
 * taken while the server keeps reading and writing. A restore replaces the database file atomically (a complete
 * copy beside it, fsynced, renamed over it) and only while no other process has the database open.
 */

export interface BackupResult {
  file: string;
  pages: number;
}

/** Copies the open database to `target`; refuses an existing file unless `force`. The file appears only when complete. */
export async function backupDatabase(db: Db, target: string, options: { force?: boolean } = {}): Promise<BackupResult> {
  const file = path.resolve(target);
  if (path.resolve(db.name) === file)
    throw new AppError('db.backup_is_live', `${file} is the live database: choose another file`, 400, { file });
  if (fs.existsSync(file) && !options.force) {
    throw new AppError(
      'db.backup_exists',
      `${file} already exists: choose another file or pass --force to overwrite it`,
      409,
      { file },
    );
  }
  if (!fs.existsSync(path.dirname(file)))
    throw new AppError('db.backup_dir', `folder ${path.dirname(file)} does not exist`, 400, { file });
  const temp = createTempBeside(file);
  try {
    // After the first step copy the rest in one go: a copy restarted by every concurrent write could never end.
    const progress = await db.backup(temp, { progress: () => 0x7fffffff });
    checkCopy(temp);
    replaceFile(temp, file);
    return { file, pages: progress.totalPages };
  } finally {
    removeDatabaseFiles(temp);
  }
}

export interface RestoreResult {
  database: string;
  source: string;
  /** Migrations recorded in the backup; the ones it lacks run at the next start. */
  migrations: number;
}

/**
 * Replaces the database file `database` with the cote database in `source`. Refuses a file that is not SQLite, has no
 * schema_migrations table, records a migration this version does not know (a backup of a newer cote), or whose
 * schema is not exactly what its migrations make (a foreign trigger, view or table, a missing index: each named),
 * and refuses while another process (a running server) has the database open.
 */
export async function restoreDatabase(
  database: string,
  source: string,
  options: { busyTimeoutMs?: number } = {},
): Promise<RestoreResult> {
  const target = path.resolve(database);
  const from = path.resolve(source);
  if (from === target)
    throw new AppError('db.restore_is_live', `${from} is the live database: restore from a backup file`, 400, {
      file: from,
    });
  if (!fs.statSync(from, { throwIfNoEntry: false })?.isFile())
    throw new AppError('db.restore_missing', `${from} does not exist or is not a file`, 400, { file: from });
  const migrations = await copyCheckedBackup(from, target);
  try {
    ensureNotInUse(target, options.busyTimeoutMs ?? 1000);
    // A -wal or -shm left from the old database would be read as part of the new one: remove them before the rename.
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true });
    replaceFile(migrations.temp, target);
  } finally {
    removeDatabaseFiles(migrations.temp);
  }
  return { database: target, source: from, migrations: migrations.count };
}

/** Validates `from` as a cote database of this version or older and copies it beside `target`. */
async function copyCheckedBackup(from: string, target: string): Promise<{ temp: string; count: number }> {
  const notCote = (why: string) =>
    new AppError('db.restore_not_cote', `${from} is not a cote database (${why})`, 400, { file: from });
  let source: Db | undefined;
  try {
    source = new Database(from, { fileMustExist: true });
    let count: number;
    try {
      if (source.pragma('quick_check(1)', { simple: true }) !== 'ok') throw notCote('it is corrupt');
      const hasTable = source
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        .get();
      if (!hasTable) throw notCote('no schema_migrations table');
      const names = source.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all() as string[];
      const known = new Set(knownMigrations());
      const unknown = names.filter((name) => !known.has(name));
      if (unknown.length > 0) {
        throw new AppError(
          'db.restore_newer',
          `${from} comes from a newer cote (unknown migration ${unknown[0]}): upgrade cote first`,
          400,
          { file: from },
        );
      }
      const differences = schemaDifferences(source, names);
      if (differences.length > 0) {
        const shown =
          differences.slice(0, 5).join('; ') + (differences.length > 5 ? `; ${differences.length - 5} more` : '');
        throw new AppError(
          'db.restore_schema',
          `${from} is not a cote database as any cote version makes it: ${shown}`,
          400,
          { file: from, differences: shown },
        );
      }
      count = names.length;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw notCote((error as Error).message);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = createTempBeside(target);
    try {
      await source.backup(temp, { progress: () => 0x7fffffff });
      checkCopy(temp);
    } catch (error) {
      removeDatabaseFiles(temp);
      throw error;
    }
    return { temp, count };
  } finally {
    source?.close();
  }
}

/** Throws when another connection has the database open (cote keeps one open while it runs). */
function ensureNotInUse(file: string, timeout: number): void {
  if (!fs.existsSync(file)) return;
  let probe: Db | undefined;
  try {
    probe = new Database(file, { fileMustExist: true, timeout });
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new AppError(
        'db.in_use',
        `database ${file} is in use by another process: stop the cote server, then restore`,
        409,
        { file },
      );
    }
    // A damaged live database cannot be in use by cote (it refuses to start on one): replacing it is the point.
  } finally {
    probe?.close();
  }
}

/** An empty 0600 file next to `file` for a copy to be written into before it is renamed over `file`. */
function createTempBeside(file: string): string {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`,
  );
  fs.closeSync(fs.openSync(temp, 'wx', 0o600));
  return temp;
}

/** The copy opens as SQLite and passes a quick check (it is closed again, leaving no -wal behind). */
function checkCopy(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    const result = copy.pragma('quick_check(1)', { simple: true });
    if (result !== 'ok')
      throw new AppError('db.copy_corrupt', `the copy ${file} failed its check: ${String(result)}`, 500, { file });
  } finally {
    copy.close();
  }
}

/** fsync the complete file, rename it over `target`, fsync the folder: either the old or the new file, never half. */
function replaceFile(temp: string, target: string): void {
  const fd = fs.openSync(temp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
  const dir = fs.openSync(path.dirname(target), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

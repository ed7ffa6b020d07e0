import type { Db } from '../db/connection.ts';
import type { ImportSummary } from './store.ts';

/** One import started from the web or at first start; the lists page shows its progress and outcome. */
export interface ImportRun {
  id: number;
  source: string;
  status: 'running' | 'succeeded' | 'failed';
  done: number;
  total: number;
  /** The failure line, or a one-line summary. */
  message: string;
  summary: ImportSummary | null;
  /** For a failure: the AppError code and params, so pages can translate the message. */
  error: { code: string; params: Record<string, string | number> } | null;
  startedAt: string;
  finishedAt: string | null;
}

interface ImportRunRow {
  id: number;
  source: string;
  status: ImportRun['status'];
  done: number;
  total: number;
  message: string;
  summary: string | null;
  error_code: string | null;
  error_params: string | null;
  started_at: string;
  finished_at: string | null;
}

const toRun = (row: ImportRunRow): ImportRun => ({
  id: row.id,
  source: row.source,
  status: row.status,
  done: row.done,
  total: row.total,
  message: row.message,
  summary: row.summary ? (JSON.parse(row.summary) as ImportSummary) : null,
  error: row.error_code
    ? { code: row.error_code, params: JSON.parse(row.error_params ?? '{}') as Record<string, string | number> }
    : null,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

export function importRunById(db: Db, id: number): ImportRun | undefined {
  const row = db.prepare('SELECT * FROM import_runs WHERE id = ?').get(id) as ImportRunRow | undefined;
  return row && toRun(row);
}

/** The newest runs first. */
export function recentImportRuns(db: Db, limit = 10): ImportRun[] {
  return (db.prepare('SELECT * FROM import_runs ORDER BY id DESC LIMIT ?').all(limit) as ImportRunRow[]).map(toRun);
}

export function latestImportRun(db: Db): ImportRun | undefined {
  return recentImportRuns(db, 1)[0];
}

export function runningImportRun(db: Db): ImportRun | undefined {
  const row = db.prepare("SELECT * FROM import_runs WHERE status = 'running' ORDER BY id DESC LIMIT 1").get() as
    | ImportRunRow
    | undefined;
  return row && toRun(row);
}

export function createImportRun(db: Db, source: string, startedAt: Date): number {
  return Number(
    db
      .prepare("INSERT INTO import_runs (source, status, started_at) VALUES (?, 'running', ?)")
      .run(source, startedAt.toISOString()).lastInsertRowid,
  );
}

export function updateImportProgress(db: Db, id: number, done: number, total: number): void {
  db.prepare("UPDATE import_runs SET done = ?, total = ? WHERE id = ? AND status = 'running'").run(done, total, id);
}

export function finishImportRun(
  db: Db,
  id: number,
  outcome: {
    status: 'succeeded' | 'failed';
    message: string;
    summary?: ImportSummary;
    error?: ImportRun['error'];
    at: Date;
  },
): void {
  db.prepare(
    'UPDATE import_runs SET status = ?, message = ?, summary = ?, error_code = ?, error_params = ?, finished_at = ? WHERE id = ?',
  ).run(
    outcome.status,
    outcome.message,
    outcome.summary ? JSON.stringify(outcome.summary) : null,
    outcome.error?.code ?? null,
    outcome.error ? JSON.stringify(outcome.error.params) : null,
    outcome.at.toISOString(),
    id,
  );
}

/** Runs left 'running' by a stopped server can never finish: mark them failed. */
export function failInterruptedImportRuns(db: Db, message: string, at: Date): number {
  return db
    .prepare("UPDATE import_runs SET status = 'failed', message = ?, finished_at = ? WHERE status = 'running'")
    .run(message, at.toISOString()).changes;
}

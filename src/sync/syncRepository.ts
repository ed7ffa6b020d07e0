import type { Db } from '../db/connection.ts';
import type { SyncSource } from './types.ts';

/** One configured account of a learner and its sync status (table sync_accounts). */
export interface SyncAccount {
  learnerId: number;
  source: SyncSource;
  /** A handle, a username, or (git) a repository URL. */
  handle: string;
  position: number;
  lastSuccessAt: string | null;
  lastCounts: { fetched: number; imported: number; skipped: number; days: number } | null;
  lastErrorAt: string | null;
  lastError: string | null;
  lastErrorCode: string | null;
  lastErrorParams: Record<string, string | number>;
  runningSince: string | null;
  nightlyDay: string | null;
}

interface Row {
  learner_id: number;
  source: SyncSource;
  handle: string;
  position: number;
  last_success_at: string | null;
  last_counts: string | null;
  last_error_at: string | null;
  last_error: string | null;
  last_error_code: string | null;
  last_error_params: string | null;
  running_since: string | null;
  nightly_day: string | null;
}

const ORDER =
  "ORDER BY CASE source WHEN 'codeforces' THEN 1 WHEN 'leetcode' THEN 2 WHEN 'git' THEN 3 ELSE 4 END, position, handle";

function toAccount(r: Row): SyncAccount {
  return {
    learnerId: r.learner_id,
    source: r.source,
    handle: r.handle,
    position: r.position,
    lastSuccessAt: r.last_success_at,
    lastCounts: r.last_counts ? JSON.parse(r.last_counts) : null,
    lastErrorAt: r.last_error_at,
    lastError: r.last_error,
    lastErrorCode: r.last_error_code,
    lastErrorParams: r.last_error_params ? JSON.parse(r.last_error_params) : {},
    runningSince: r.running_since,
    nightlyDay: r.nightly_day,
  };
}

/** The learner's accounts: Codeforces, LeetCode, the repositories in the learner's order, solved.ac. */
export function accountsOf(db: Db, learnerId: number): SyncAccount[] {
  return (db.prepare(`SELECT * FROM sync_accounts WHERE learner_id = ? ${ORDER}`).all(learnerId) as Row[]).map(
    toAccount,
  );
}

/** Learners with at least one account, by id. */
export function learnerIdsWithAccounts(db: Db): number[] {
  return db.prepare('SELECT DISTINCT learner_id FROM sync_accounts ORDER BY learner_id').pluck().all() as number[];
}

/**
 * Makes the learner's accounts of `source` exactly `handles` (in order): an account kept keeps its status, a new one
 * starts without, one no longer named goes.
 */
export function replaceAccounts(db: Db, learnerId: number, source: SyncSource, handles: string[], now: Date): void {
  const existing = new Set(
    db
      .prepare('SELECT handle FROM sync_accounts WHERE learner_id = ? AND source = ?')
      .pluck()
      .all(learnerId, source) as string[],
  );
  const remove = db.prepare('DELETE FROM sync_accounts WHERE learner_id = ? AND source = ? AND handle = ?');
  for (const handle of existing) if (!handles.includes(handle)) remove.run(learnerId, source, handle);
  const upsert = db.prepare(
    `INSERT INTO sync_accounts (learner_id, source, handle, position, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (learner_id, source, handle) DO UPDATE SET position = excluded.position`,
  );
  handles.forEach((handle, i) => {
    upsert.run(learnerId, source, handle, i, now.toISOString());
  });
}

/** Marks an account as syncing; false when another sync of it started less than `staleBefore` ago. */
export function markRunning(
  db: Db,
  learnerId: number,
  source: SyncSource,
  handle: string,
  now: Date,
  staleBefore: Date,
): boolean {
  const result = db
    .prepare(
      `UPDATE sync_accounts SET running_since = ? WHERE learner_id = ? AND source = ? AND handle = ?
         AND (running_since IS NULL OR running_since < ?)`,
    )
    .run(now.toISOString(), learnerId, source, handle, staleBefore.toISOString());
  return result.changes === 1;
}

export function markSucceeded(
  db: Db,
  account: Pick<SyncAccount, 'learnerId' | 'source' | 'handle'>,
  counts: SyncAccount['lastCounts'],
  now: Date,
): void {
  db.prepare(
    `UPDATE sync_accounts SET running_since = NULL, last_success_at = ?, last_counts = ?, last_error = NULL, last_error_code = NULL,
       last_error_params = NULL WHERE learner_id = ? AND source = ? AND handle = ?`,
  ).run(now.toISOString(), JSON.stringify(counts), account.learnerId, account.source, account.handle);
}

export function markFailed(
  db: Db,
  account: Pick<SyncAccount, 'learnerId' | 'source' | 'handle'>,
  error: { message: string; code: string; params: Record<string, string | number> },
  now: Date,
): void {
  db.prepare(
    `UPDATE sync_accounts SET running_since = NULL, last_error_at = ?, last_error = ?, last_error_code = ?, last_error_params = ?
       WHERE learner_id = ? AND source = ? AND handle = ?`,
  ).run(
    now.toISOString(),
    error.message,
    error.code,
    JSON.stringify(error.params),
    account.learnerId,
    account.source,
    account.handle,
  );
}

/** Records that the learner's nightly sync ran on `day` (their local date). */
export function markNightly(db: Db, learnerId: number, day: string): void {
  db.prepare('UPDATE sync_accounts SET nightly_day = ? WHERE learner_id = ?').run(day, learnerId);
}

import type { Db } from '../db/connection.ts';

/** SQL on the `sessions` table (express-session's rows, see src/web/sessionStore.ts). Times are epoch milliseconds. */

export interface SessionRow {
  sid: string;
  data: string;
  expiresAt: number;
  /** The learner the session is logged in as; null for an anonymous session. */
  learnerId: number | null;
}

export function sessionData(db: Db, sid: string, now: number): string | undefined {
  return db.prepare('SELECT data FROM sessions WHERE sid = ? AND expires_at > ?').pluck().get(sid, now) as
    | string
    | undefined;
}

export function saveSession(db: Db, row: SessionRow): void {
  db.prepare(
    `INSERT INTO sessions (sid, data, expires_at, learner_id) VALUES (@sid, @data, @expiresAt, @learnerId)
     ON CONFLICT(sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at, learner_id = excluded.learner_id`,
  ).run(row);
}

export function deleteSession(db: Db, sid: string): void {
  db.prepare('DELETE FROM sessions WHERE sid = ?').run(sid);
}

export function deleteExpiredSessions(db: Db, now: number): number {
  return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
}

/** Ends every session of the learner except `keepSid` (the one that asked, when there is one). */
export function endSessionsOf(db: Db, learnerId: number, keepSid?: string): number {
  return db.prepare('DELETE FROM sessions WHERE learner_id = ? AND sid IS NOT ?').run(learnerId, keepSid ?? null)
    .changes;
}

/** Keeps the `max` anonymous sessions that expire last and deletes the others (oldest first). */
export function capAnonymousSessions(db: Db, max: number): number {
  const count = db.prepare('SELECT count(*) FROM sessions WHERE learner_id IS NULL').pluck().get() as number;
  if (count <= max) return 0;
  return db
    .prepare(
      'DELETE FROM sessions WHERE sid IN (SELECT sid FROM sessions WHERE learner_id IS NULL ORDER BY expires_at LIMIT ?)',
    )
    .run(count - max).changes;
}

export function sessionCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
}

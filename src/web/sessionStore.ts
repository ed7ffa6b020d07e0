import session from 'express-session';
import type { Db } from '../db/connection.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** express-session store on the `sessions` table, so logins survive a restart. */
export class SqliteSessionStore extends session.Store {
  private readonly db: Db;
  private readonly timer: NodeJS.Timeout;

  constructor(db: Db, pruneEveryMs = 60 * 60 * 1000) {
    super();
    this.db = db;
    // Expired rows are pruned hourly; unref so the timer never keeps a process (or mocha) alive.
    this.timer = setInterval(() => this.prune(), pruneEveryMs);
    this.timer.unref();
  }

  prune(now = Date.now()): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
  }

  get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const row = this.db.prepare('SELECT data FROM sessions WHERE sid = ? AND expires_at > ?').get(sid, Date.now()) as { data: string } | undefined;
      callback(null, row ? (JSON.parse(row.data) as session.SessionData) : null);
    } catch (error) {
      callback(error);
    }
  }

  set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    try {
      this.db
        .prepare('INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?) ON CONFLICT(sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at')
        .run(sid, JSON.stringify(data), expiresAt(data));
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  touch(sid: string, data: session.SessionData, callback?: () => void): void {
    this.db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?').run(expiresAt(data), sid);
    callback?.();
  }

  destroy(sid: string, callback?: (err?: unknown) => void): void {
    this.db.prepare('DELETE FROM sessions WHERE sid = ?').run(sid);
    callback?.();
  }

  close(): void {
    clearInterval(this.timer);
  }
}

function expiresAt(data: session.SessionData): number {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires).getTime() : Date.now() + DAY_MS;
}

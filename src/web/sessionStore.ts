import session from 'express-session';
import type { Db } from '../db/connection.ts';
import { capAnonymousSessions, deleteExpiredSessions, deleteSession, extendSession, saveSession, sessionData } from '../learners/sessionRepository.ts';

/** An anonymous session (only made to hold a form's CSRF token, e.g. on /login) ends after an hour without a request. */
export const ANONYMOUS_SESSION_MS = 60 * 60 * 1000;
/** A logged-in session ends after 30 days without a request (every request extends it). */
export const LEARNER_SESSION_MS = 30 * 24 * 60 * 60 * 1000;
/** At most this many anonymous sessions are kept: a flood of cookieless form pages cannot fill the disk. */
export const MAX_ANONYMOUS_SESSIONS = 10_000;

/** express-session store on the `sessions` table, so logins survive a restart. */
export class SqliteSessionStore extends session.Store {
  private readonly db: Db;
  private readonly timer: NodeJS.Timeout;
  private readonly maxAnonymous: number;

  constructor(db: Db, options: { pruneEveryMs?: number; maxAnonymous?: number } = {}) {
    super();
    this.db = db;
    this.maxAnonymous = options.maxAnonymous ?? MAX_ANONYMOUS_SESSIONS;
    // Expired rows are pruned every 10 minutes; unref so the timer never keeps a process (or mocha) alive.
    this.timer = setInterval(() => this.prune(), options.pruneEveryMs ?? 10 * 60 * 1000);
    this.timer.unref();
  }

  prune(now = Date.now()): number {
    return deleteExpiredSessions(this.db, now);
  }

  get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const data = sessionData(this.db, sid, Date.now());
      callback(null, data ? (JSON.parse(data) as session.SessionData) : null);
    } catch (error) {
      callback(error);
    }
  }

  set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    try {
      const learnerId = data.learnerId ?? null;
      saveSession(this.db, { sid, data: JSON.stringify(data), expiresAt: expiresAt(data), learnerId });
      if (learnerId === null) capAnonymousSessions(this.db, this.maxAnonymous);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  touch(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    try {
      extendSession(this.db, sid, expiresAt(data));
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  destroy(sid: string, callback?: (err?: unknown) => void): void {
    try {
      deleteSession(this.db, sid);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}

function expiresAt(data: session.SessionData): number {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires).getTime() : Date.now() + ANONYMOUS_SESSION_MS;
}

import session from 'express-session';
import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../db/connection.ts';
import {
  capAnonymousSessions,
  deleteExpiredSessions,
  deleteSession,
  saveSession,
  sessionData,
} from '../learners/sessionRepository.ts';

/** An anonymous session (only made to hold a form's CSRF token, e.g. on /login) ends after an hour without a request. */
export const ANONYMOUS_SESSION_MS = 60 * 60 * 1000;
/** A logged-in session ends after 30 days without a request (requests extend it, see renewSession). */
export const LEARNER_SESSION_MS = 30 * 24 * 60 * 60 * 1000;
/** At most this many anonymous sessions are kept: a flood of cookieless form pages cannot fill the disk. */
export const MAX_ANONYMOUS_SESSIONS = 10_000;

declare module 'express-session' {
  interface SessionData {
    /** When renewSession last pushed the expiry forward (epoch ms); changing it makes express-session store the row. */
    renewedAt?: number;
  }
}

/** How stale a stored expiry may get before a request renews it: an hour for a 30-day session, a minute for 1 hour. */
export function renewalSlackMs(maxAgeMs: number): number {
  return Math.min(60 * 60 * 1000, Math.floor(maxAgeMs / 60));
}

/**
 * Rolling expiry with rare writes (used with `rolling: false` and a store without `touch`): a request renews a stored
 * session — a new row expiry and a new cookie — only when its expiry is more than renewalSlackMs older than a fresh
 * one would be, so a learner's page views write the sessions table about once an hour, not once a request.
 * A session that is not stored yet (nothing in it but the cookie) is left alone, so it is still never stored for nothing.
 */
export function renewSession(req: Request, _res: Response, next: NextFunction) {
  const current = req.session;
  const cookie = current?.cookie;
  const maxAge = cookie?.originalMaxAge;
  if (current && cookie?.expires && maxAge && Object.keys(current).some((key) => key !== 'cookie')) {
    const now = Date.now();
    if (cookie.expires.getTime() < now + maxAge - renewalSlackMs(maxAge)) current.renewedAt = now;
  }
  next();
}

/**
 * express-session store on the `sessions` table, so logins survive a restart. It has no `touch`: an unchanged session
 * costs one read per request; renewSession decides when the expiry is written.
 */
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

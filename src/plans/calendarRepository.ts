import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.ts';

/** SQL on the `calendar_feeds` table: a learner's private calendar URL token. */

export interface CalendarFeed {
  learnerId: number;
  token: string;
  createdAt: string;
}

/** 32 random bytes, base64url: 43 characters, not guessable. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function calendarFeedOf(db: Db, learnerId: number): CalendarFeed | undefined {
  const row = db
    .prepare('SELECT learner_id, token, created_at FROM calendar_feeds WHERE learner_id = ?')
    .get(learnerId) as { learner_id: number; token: string; created_at: string } | undefined;
  return row && { learnerId: row.learner_id, token: row.token, createdAt: row.created_at };
}

export function learnerOfCalendarToken(db: Db, token: string): number | undefined {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  return db.prepare('SELECT learner_id FROM calendar_feeds WHERE token = ?').pluck().get(token) as number | undefined;
}

/** Turns the feed on with a new token, replacing any old one (whose URL stops working). */
export function newCalendarToken(db: Db, learnerId: number, now: Date): CalendarFeed {
  const token = randomBytes(32).toString('base64url');
  db.prepare(
    `INSERT INTO calendar_feeds (learner_id, token, created_at) VALUES (?, ?, ?)
     ON CONFLICT (learner_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at`,
  ).run(learnerId, token, now.toISOString());
  return { learnerId, token, createdAt: now.toISOString() };
}

/** Turns the feed off: its URL answers 404 from now on. */
export function revokeCalendarToken(db: Db, learnerId: number): boolean {
  return db.prepare('DELETE FROM calendar_feeds WHERE learner_id = ?').run(learnerId).changes === 1;
}

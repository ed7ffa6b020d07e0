import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.ts';

/**
 * The `digests` table: one row per (learner, local day). Status moves
 * (none) → claimed → sending → sent, with claimed → pending (retry later) → claimed … and → failed.
 * Every transition checks the claim id, so two senders (the server's job and `cote digest`) never both send.
 */
export type DigestStatus = 'pending' | 'claimed' | 'sending' | 'sent' | 'failed';

export interface DigestRecord {
  learnerId: number;
  day: string;
  status: DigestStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  messageId: string | null;
  sentAt: string | null;
  createdAt: string;
  claimId: string | null;
  claimedAt: string | null;
}

/** A sender's hold on one row; pass it back to every later transition. */
export interface DigestClaim {
  learnerId: number;
  day: string;
  claimId: string;
  /** Tries so far, this one included. */
  attempts: number;
}

interface DigestRow {
  learner_id: number;
  day: string;
  status: DigestStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  message_id: string | null;
  sent_at: string | null;
  created_at: string;
  claim_id: string | null;
  claimed_at: string | null;
}

const COLUMNS =
  'learner_id, day, status, attempts, next_attempt_at, last_error, message_id, sent_at, created_at, claim_id, claimed_at';

function toRecord(row: DigestRow): DigestRecord {
  return {
    learnerId: row.learner_id,
    day: row.day,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    messageId: row.message_id,
    sentAt: row.sent_at,
    createdAt: row.created_at,
    claimId: row.claim_id,
    claimedAt: row.claimed_at,
  };
}

export function digestFor(db: Db, learnerId: number, day: string): DigestRecord | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM digests WHERE learner_id = ? AND day = ?`).get(learnerId, day) as
    | DigestRow
    | undefined;
  return row && toRecord(row);
}

/** The learner's latest digests, newest first (the settings page lists them). */
export function recentDigests(db: Db, learnerId: number, limit = 14): DigestRecord[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM digests WHERE learner_id = ? ORDER BY day DESC LIMIT ?`)
    .all(learnerId, limit) as DigestRow[];
  return rows.map(toRecord);
}

/** Rows not yet sent or failed, of every learner. */
export function unfinishedDigests(db: Db): DigestRecord[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM digests WHERE status IN ('pending', 'claimed', 'sending')`)
    .all() as DigestRow[];
  return rows.map(toRecord);
}

/**
 * Takes the (learner, day) row for sending, in one IMMEDIATE transaction: creates it, or takes a pending row whose
 * retry time has come, or a 'claimed' row whose claim is older than `staleBefore` (its sender died before handing the
 * message over, so nothing went out). Returns undefined when the row is sent, failed, being sent, or not due yet.
 * `retryNow` takes a pending row before its retry time (a manual `cote digest`).
 */
export function claimDigest(
  db: Db,
  learnerId: number,
  day: string,
  now: Date,
  staleBefore: Date,
  retryNow = false,
): DigestClaim | undefined {
  return db
    .transaction((): DigestClaim | undefined => {
      const current = digestFor(db, learnerId, day);
      const claimId = randomUUID();
      const at = now.toISOString();
      if (!current) {
        db.prepare(
          `INSERT INTO digests (learner_id, day, status, attempts, created_at, claim_id, claimed_at) VALUES (?, ?, 'claimed', 1, ?, ?, ?)`,
        ).run(learnerId, day, at, claimId, at);
        return { learnerId, day, claimId, attempts: 1 };
      }
      const retryDue =
        current.status === 'pending' && (retryNow || current.nextAttemptAt === null || current.nextAttemptAt <= at);
      const abandoned =
        current.status === 'claimed' && (current.claimedAt === null || current.claimedAt < staleBefore.toISOString());
      if (!retryDue && !abandoned) return undefined;
      db.prepare(
        `UPDATE digests SET status = 'claimed', attempts = attempts + 1, claim_id = ?, claimed_at = ?, next_attempt_at = NULL WHERE learner_id = ? AND day = ?`,
      ).run(claimId, at, learnerId, day);
      return { learnerId, day, claimId, attempts: current.attempts + 1 };
    })
    .immediate();
}

/** Marks the message as handed to the transport. False when the claim was lost (another sender took it over). */
export function markDigestSending(db: Db, claim: DigestClaim, now: Date): boolean {
  const result = db
    .prepare(
      `UPDATE digests SET status = 'sending', claimed_at = ? WHERE learner_id = ? AND day = ? AND status = 'claimed' AND claim_id = ?`,
    )
    .run(now.toISOString(), claim.learnerId, claim.day, claim.claimId);
  return result.changes === 1;
}

export function markDigestSent(db: Db, claim: DigestClaim, messageId: string, now: Date): void {
  db.prepare(
    `UPDATE digests SET status = 'sent', sent_at = ?, message_id = ?, last_error = NULL, next_attempt_at = NULL WHERE learner_id = ? AND day = ? AND claim_id = ?`,
  ).run(now.toISOString(), messageId, claim.learnerId, claim.day, claim.claimId);
}

/** A try failed before anything was delivered: try again at `retryAt`, or give up when it is undefined. */
export function markDigestUnsent(db: Db, claim: DigestClaim, error: string, retryAt: Date | undefined): void {
  db.prepare(
    `UPDATE digests SET status = ?, last_error = ?, next_attempt_at = ? WHERE learner_id = ? AND day = ? AND claim_id = ?`,
  ).run(
    retryAt ? 'pending' : 'failed',
    error,
    retryAt?.toISOString() ?? null,
    claim.learnerId,
    claim.day,
    claim.claimId,
  );
}

/** Gives up on an unfinished row (its day ended, or its send was interrupted) without another try. */
export function failDigest(db: Db, learnerId: number, day: string, error: string): void {
  db.prepare(
    `UPDATE digests SET status = 'failed', last_error = ?, next_attempt_at = NULL WHERE learner_id = ? AND day = ? AND status IN ('pending', 'claimed', 'sending')`,
  ).run(error, learnerId, day);
}

import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.ts';

/**
 * The `webhook_posts` table: one row per (webhook, group day, kind), the claim that makes each post go out at most
 * once across restarts and processes (the digests' pattern, src/digest/digestRepository.ts). Status moves
 * (none) → claimed → sending → sent, with claimed → pending (retry later) → claimed … and → failed. Every
 * transition checks the claim id, so two senders (the server's job and `cote group notify`) never both post.
 */
export type PostKind = 'morning' | 'evening';
export type PostStatus = 'pending' | 'claimed' | 'sending' | 'sent' | 'failed';

export interface PostRecord {
  webhookId: number;
  day: string;
  kind: PostKind;
  status: PostStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  claimedAt: string | null;
}

export interface PostClaim {
  webhookId: number;
  day: string;
  kind: PostKind;
  claimId: string;
  /** Tries so far, this one included. */
  attempts: number;
}

interface Row {
  webhook_id: number;
  day: string;
  kind: PostKind;
  status: PostStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  claimed_at: string | null;
}

const COLUMNS = 'webhook_id, day, kind, status, attempts, next_attempt_at, last_error, sent_at, claimed_at';

const toRecord = (r: Row): PostRecord => ({
  webhookId: r.webhook_id,
  day: r.day,
  kind: r.kind,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  sentAt: r.sent_at,
  claimedAt: r.claimed_at,
});

export function postFor(db: Db, webhookId: number, day: string, kind: PostKind): PostRecord | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM webhook_posts WHERE webhook_id = ? AND day = ? AND kind = ?`)
    .get(webhookId, day, kind) as Row | undefined;
  return row && toRecord(row);
}

/** The webhook's latest posts, newest first (the /groups page shows them with their errors). */
export function recentPosts(db: Db, webhookId: number, limit = 4): PostRecord[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM webhook_posts WHERE webhook_id = ? ORDER BY day DESC, kind DESC LIMIT ?`)
    .all(webhookId, limit) as Row[];
  return rows.map(toRecord);
}

export function unfinishedPosts(db: Db): PostRecord[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM webhook_posts WHERE status IN ('pending', 'claimed', 'sending')`)
    .all() as Row[];
  return rows.map(toRecord);
}

/**
 * Takes the (webhook, day, kind) row for posting in one IMMEDIATE transaction: creates it, or takes a pending row
 * whose retry time has come (any pending row with `retryNow`), or a 'claimed' row older than `staleBefore` (its sender
 * died before the request left). Undefined when the row is sent, failed, being sent or not due.
 */
export function claimPost(
  db: Db,
  key: { webhookId: number; day: string; kind: PostKind },
  now: Date,
  staleBefore: Date,
  retryNow = false,
): PostClaim | undefined {
  return db
    .transaction((): PostClaim | undefined => {
      const current = postFor(db, key.webhookId, key.day, key.kind);
      const claimId = randomUUID();
      const at = now.toISOString();
      if (!current) {
        db.prepare(
          `INSERT INTO webhook_posts (webhook_id, day, kind, status, attempts, created_at, claim_id, claimed_at) VALUES (?, ?, ?, 'claimed', 1, ?, ?, ?)`,
        ).run(key.webhookId, key.day, key.kind, at, claimId, at);
        return { ...key, claimId, attempts: 1 };
      }
      const retryDue =
        current.status === 'pending' && (retryNow || current.nextAttemptAt === null || current.nextAttemptAt <= at);
      const abandoned =
        current.status === 'claimed' && (current.claimedAt === null || current.claimedAt < staleBefore.toISOString());
      if (!retryDue && !abandoned) return undefined;
      db.prepare(
        `UPDATE webhook_posts SET status = 'claimed', attempts = attempts + 1, claim_id = ?, claimed_at = ?, next_attempt_at = NULL WHERE webhook_id = ? AND day = ? AND kind = ?`,
      ).run(claimId, at, key.webhookId, key.day, key.kind);
      return { ...key, claimId, attempts: current.attempts + 1 };
    })
    .immediate();
}

const WHERE = 'webhook_id = @webhookId AND day = @day AND kind = @kind AND claim_id = @claimId';
const keyOf = (c: PostClaim) => ({ webhookId: c.webhookId, day: c.day, kind: c.kind, claimId: c.claimId });

/** The request is about to leave. False when the claim was lost (another sender took the row over). */
export function markPostSending(db: Db, claim: PostClaim, now: Date): boolean {
  return (
    db
      .prepare(`UPDATE webhook_posts SET status = 'sending', claimed_at = @at WHERE ${WHERE} AND status = 'claimed'`)
      .run({ ...keyOf(claim), at: now.toISOString() }).changes === 1
  );
}

export function markPostSent(db: Db, claim: PostClaim, now: Date): void {
  db.prepare(
    `UPDATE webhook_posts SET status = 'sent', sent_at = @at, last_error = NULL, next_attempt_at = NULL WHERE ${WHERE}`,
  ).run({ ...keyOf(claim), at: now.toISOString() });
}

/** The receiver refused or could not be reached: try again at `retryAt`, or give up when it is undefined. */
export function markPostUnsent(db: Db, claim: PostClaim, error: string, retryAt: Date | undefined): void {
  db.prepare(
    `UPDATE webhook_posts SET status = @status, last_error = @error, next_attempt_at = @retryAt WHERE ${WHERE}`,
  ).run({ ...keyOf(claim), status: retryAt ? 'pending' : 'failed', error, retryAt: retryAt?.toISOString() ?? null });
}

/** Gives up an unfinished row (its day ended, or its request was interrupted) without another try. */
export function failPost(db: Db, post: PostRecord, error: string): void {
  db.prepare(
    `UPDATE webhook_posts SET status = 'failed', last_error = ?, next_attempt_at = NULL WHERE webhook_id = ? AND day = ? AND kind = ? AND status IN ('pending', 'claimed', 'sending')`,
  ).run(error, post.webhookId, post.day, post.kind);
}

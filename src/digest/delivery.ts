import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { localDay } from '../day.ts';
import { allLearners, learnerById, type Learner } from '../learners/learnerRepository.ts';
import type { Logger } from '../log.ts';
import {
  claimDigest,
  digestFor,
  failDigest,
  markDigestSending,
  markDigestSent,
  markDigestUnsent,
  unfinishedDigests,
  type DigestClaim,
} from './digestRepository.ts';
import { digestMessage, renderDigest } from './render.ts';
import { CLAIM_STALE_MS, dueDay, retryAt, SENDING_STALE_MS } from './schedule.ts';
import type { Mailer } from './transport.ts';
import { digestView } from './view.ts';

export interface DigestDeps {
  db: Db;
  config: Config;
  logger: Logger;
  mailer: Mailer;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'lost';

export interface RunSummary {
  /** Learners whose digest was due and not yet done when the run looked. */
  due: number;
  sent: number;
  retry: number;
  failed: number;
  /** Rows given up because their day ended or their send was interrupted. */
  abandoned: number;
}

/** Messages handed to the transport at once; with a pooled SMTP transport this keeps its connections busy. */
const CONCURRENCY = 5;

/**
 * The nightly job: sends every digest due at `now` (the learner's digest time has passed on their local day and the
 * row is not sent, failed or in the hands of another sender), retries the ones whose backoff has run out, and gives
 * up rows whose day is over. Safe to run at any moment, as often as wanted, by several processes at once.
 */
export async function sendDueDigests(deps: DigestDeps, now: Date): Promise<RunSummary> {
  const summary: RunSummary = { due: 0, sent: 0, retry: 0, failed: 0, abandoned: abandonUnfinished(deps, now) };
  const due = allLearners(deps.db).flatMap((learner) => {
    const day = dueDay(learner, now);
    const row = day === undefined ? undefined : digestFor(deps.db, learner.id, day);
    return day !== undefined && row?.status !== 'sent' && row?.status !== 'failed' ? [{ learner, day }] : [];
  });
  await inParallel(due, CONCURRENCY, async ({ learner, day }) => {
    const claim = claimDigest(deps.db, learner.id, day, now, new Date(now.getTime() - CLAIM_STALE_MS));
    if (!claim) return;
    summary.due++;
    const outcome = await deliverDigest(deps, learner, claim, now);
    if (outcome !== 'lost') summary[outcome]++;
  });
  (summary.due + summary.abandoned > 0 ? deps.logger.info : deps.logger.debug)('digest: run finished', { ...summary });
  return summary;
}

/**
 * Renders and sends one claimed digest and records the result. A failure before the transport accepted the message
 * is retried with backoff (RETRY_MINUTES), then recorded as failed.
 *
 * Delivery is at most once: the row is 'sending' while the transport has the message, and a 'sending' row whose
 * process died is never retried (see abandonUnfinished). The one case SMTP itself leaves open — the server took
 * the message but its "250" never arrived, reported by nodemailer as an error — is retried; the stable Message-ID
 * (one per learner and day) lets the receiving side recognise that copy.
 */
export async function deliverDigest(
  deps: DigestDeps,
  learner: Learner,
  claim: DigestClaim,
  now: Date,
): Promise<DeliveryOutcome> {
  let message: ReturnType<typeof digestMessage>;
  try {
    const view = digestView(deps.db, deps.config, learner, claim.day, now);
    message = digestMessage(deps.config, view, renderDigest(view), now);
  } catch (error) {
    return unsent(deps, claim, `render: ${(error as Error).message}`, now);
  }
  if (!markDigestSending(deps.db, claim, now)) return 'lost';
  try {
    await deps.mailer.send(message);
  } catch (error) {
    return unsent(deps, claim, `${deps.mailer.kind}: ${(error as Error).message}`, now);
  }
  markDigestSent(deps.db, claim, message.messageId, now);
  return 'sent';
}

function unsent(deps: DigestDeps, claim: DigestClaim, error: string, now: Date): DeliveryOutcome {
  const retry = retryAt(claim.attempts, now);
  markDigestUnsent(deps.db, claim, error, retry);
  deps.logger.warn('digest: not sent', {
    learner: claim.learnerId,
    day: claim.day,
    attempts: claim.attempts,
    retryAt: retry?.toISOString(),
    error,
  });
  return retry ? 'retry' : 'failed';
}

/**
 * Gives up rows that can no longer be sent exactly once: a day that is over (a digest is only sent during its own
 * day), and a 'sending' row whose sender vanished while the transport had the message — it may have arrived, so it
 * is not tried again (at most once).
 */
function abandonUnfinished(deps: DigestDeps, now: Date): number {
  let count = 0;
  const sendingBefore = new Date(now.getTime() - SENDING_STALE_MS).toISOString();
  for (const row of unfinishedDigests(deps.db)) {
    const learner = learnerById(deps.db, row.learnerId);
    if (learner && row.day < localDay(now, learner.timezone)) {
      failDigest(
        deps.db,
        row.learnerId,
        row.day,
        row.lastError ? `day ended; last error: ${row.lastError}` : 'day ended before it could be sent',
      );
      count++;
    } else if (row.status === 'sending' && (row.claimedAt ?? '') < sendingBefore) {
      failDigest(
        deps.db,
        row.learnerId,
        row.day,
        'interrupted while sending: it may have arrived, so it is not sent again',
      );
      count++;
    }
  }
  return count;
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

import { AppError } from '../errors.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import { claimDigest, digestFor } from './digestRepository.ts';
import { deliverDigest, type DigestDeps } from './delivery.ts';
import { digestMessage, renderDigest } from './render.ts';
import { CLAIM_STALE_MS, wantsDigest } from './schedule.ts';
import { digestView } from './view.ts';

/** The message a digest would be, built without recording anything (dry run, preview). */
export function composeDigest(deps: Pick<DigestDeps, 'db' | 'config'>, learner: Learner, day: string, now: Date) {
  const view = digestView(deps.db, deps.config, learner, day, now);
  return digestMessage(deps.config, view, renderDigest(view), now);
}

/**
 * Sends one learner's digest for `day` now, whatever the time (`cote digest`), through the same claim as the job:
 * it is recorded, and never sent when that day's digest was already sent, is being sent, or failed for good
 * (a failed send may have been interrupted after the server took it). A pending retry is tried at once.
 */
export async function sendDigestNow(
  deps: DigestDeps,
  learner: Learner,
  day: string,
  now: Date,
): Promise<{ messageId: string }> {
  const params = { learner: learner.login, day };
  if (!wantsDigest(learner))
    throw new AppError(
      learner.email ? 'digest.off' : 'digest.no_email',
      learner.email ? `the nightly digest is off for ${learner.login}` : `${learner.login} has no email address`,
      409,
      params,
    );
  const existing = digestFor(deps.db, learner.id, day);
  if (existing?.status === 'sent')
    throw new AppError(
      'digest.already_sent',
      `the digest for ${learner.login} on ${day} was already sent (${existing.sentAt})`,
      409,
      params,
    );
  const claim = claimDigest(deps.db, learner.id, day, now, new Date(now.getTime() - CLAIM_STALE_MS), true);
  if (!claim) {
    const state = digestFor(deps.db, learner.id, day);
    throw new AppError(
      'digest.busy',
      `the digest for ${learner.login} on ${day} is ${state?.status}${state?.lastError ? `: ${state.lastError}` : ''}`,
      409,
      params,
    );
  }
  const outcome = await deliverDigest(deps, learner, claim, now);
  const row = digestFor(deps.db, learner.id, day);
  if (outcome !== 'sent') {
    const next = row?.nextAttemptAt ? `; the job retries at ${row.nextAttemptAt}` : '';
    throw new AppError(
      'digest.not_sent',
      `the digest for ${learner.login} on ${day} was not sent: ${row?.lastError ?? outcome}${next}`,
      502,
      params,
    );
  }
  return { messageId: row?.messageId ?? '' };
}

import { localDay, localTime } from '../day.ts';
import type { Learner } from '../learners/learnerRepository.ts';

/** Minutes to wait after the 1st, 2nd, 3rd, 4th failed try; the 5th failure is final (about an hour in all). */
export const RETRY_MINUTES = [2, 5, 15, 30];
/** A claim older than this whose message was never handed over belongs to a sender that died: take it over. */
export const CLAIM_STALE_MS = 2 * 60_000;
/** A message handed to the transport this long ago without an answer was interrupted (the SMTP timeouts are shorter). */
export const SENDING_STALE_MS = 10 * 60_000;

/** Whether a learner gets digests at all: switched on and with an address to send to. */
export function wantsDigest(learner: Learner): boolean {
  return learner.digestEnabled && learner.email.trim() !== '';
}

/**
 * The learner-local day whose digest is due at `now`, or undefined before the learner's digest time.
 * Only today can be due: a day that is over is never sent (a digest read the next morning would be wrong about "today").
 */
export function dueDay(learner: Learner, now: Date): string | undefined {
  if (!wantsDigest(learner)) return undefined;
  return localTime(now, learner.timezone) >= learner.digestTime ? localDay(now, learner.timezone) : undefined;
}

/** When to try again after the `attempts`-th failed try, or undefined when it was the last. */
export function retryAt(attempts: number, now: Date): Date | undefined {
  const minutes = RETRY_MINUTES[attempts - 1];
  return minutes === undefined ? undefined : new Date(now.getTime() + minutes * 60_000);
}

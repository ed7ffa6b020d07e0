import { addDays, instantAt, localDay, localTime } from '../day.ts';
import { learnerById, type Learner } from '../learners/learnerRepository.ts';
import { syncLearner, type SyncDeps, type SyncReport, type SyncTuning } from './runSync.ts';
import { accountsOf, learnerIdsWithAccounts, markNightly, type SyncAccount } from './syncRepository.ts';

/** The nightly sync runs this many minutes before the learner's digest time, so the email counts what it brought. */
export const LEAD_MINUTES = 15;

/** The local time ('HH:MM') of the learner's nightly sync: LEAD_MINUTES before the digest time, not before 00:00. */
export function nightlyTime(learner: Pick<Learner, 'digestTime'>): string {
  const [h, m] = learner.digestTime.split(':').map(Number);
  const minutes = Math.max(0, h * 60 + m - LEAD_MINUTES);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Is the learner's nightly sync due at `now`: past tonight's time, and not run yet on their local day? */
export function nightlyDue(learner: Learner, accounts: SyncAccount[], now: Date): boolean {
  if (accounts.length === 0) return false;
  const today = localDay(now, learner.timezone);
  return localTime(now, learner.timezone) >= nightlyTime(learner) && accounts.some((a) => a.nightlyDay !== today);
}

/** When the learner's accounts are synced next by themselves: tonight's time, or tomorrow's once tonight's ran. */
export function nextNightly(learner: Learner, accounts: SyncAccount[], now: Date): Date {
  const today = localDay(now, learner.timezone);
  const ranToday = accounts.length > 0 && accounts.every((a) => a.nightlyDay === today);
  const tonight = instantAt(today, nightlyTime(learner), learner.timezone);
  if (!ranToday && tonight > now) return tonight;
  if (!ranToday) return now;
  return instantAt(addDays(today, 1), nightlyTime(learner), learner.timezone);
}

/**
 * The nightly job: syncs every learner whose nightly sync is due at `now`, one after the other. The night is marked
 * first, so a sync that fails (or a process that dies in it) is not retried in a loop: the next try is the next night
 * or the learner's "sync now". A learner's failure never stops the others (syncLearner records failures per account).
 */
export async function runNightlySyncs(
  deps: SyncDeps,
  now: Date,
  tuning: SyncTuning = {},
): Promise<{ learners: number; results: SyncReport[] }> {
  const out = { learners: 0, results: [] as SyncReport[] };
  for (const id of learnerIdsWithAccounts(deps.db)) {
    const learner = learnerById(deps.db, id);
    if (!learner || !nightlyDue(learner, accountsOf(deps.db, id), now)) continue;
    markNightly(deps.db, id, localDay(now, learner.timezone));
    out.learners++;
    try {
      out.results.push(...(await syncLearner(deps, learner, undefined, tuning)));
    } catch (error) {
      deps.logger.warn('sync: nightly sync of a learner failed', { learner: id, error: (error as Error).message });
    }
  }
  if (out.learners > 0)
    deps.logger.info('sync: nightly run finished', {
      learners: out.learners,
      failed: out.results.filter((r) => r.failed).length,
    });
  return out;
}

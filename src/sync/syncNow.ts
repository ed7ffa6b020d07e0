import { AppError } from '../errors.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import { syncLearner, type SyncDeps, type SyncReport } from './runSync.ts';
import { accountsOf } from './syncRepository.ts';

// "Sync now" from the accounts page: the learner's sync runs in the background of this process (the page polls
// /api/sync); one at a time per learner.
const inFlight = new Map<number, Promise<SyncReport[]>>();

/** Starts a sync of every account of `learner`; 422 without accounts, 409 while one is running. */
export function startSyncNow(deps: SyncDeps, learner: Learner): Promise<SyncReport[]> {
  if (accountsOf(deps.db, learner.id).length === 0)
    throw new AppError('sync.no_accounts', `${learner.login} has no accounts to sync`, 422, { login: learner.login });
  if (inFlight.has(learner.id)) throw new AppError('sync.running', 'a sync is already running', 409);
  const run = syncLearner(deps, learner)
    .catch((error: unknown) => {
      deps.logger.warn('sync: sync now failed', { learner: learner.id, error: (error as Error).message });
      return [] as SyncReport[];
    })
    .finally(() => inFlight.delete(learner.id));
  inFlight.set(learner.id, run);
  return run;
}

/** The learner's sync still running in this process, if any (tests wait on it). */
export function syncInFlight(learnerId: number): Promise<SyncReport[]> | undefined {
  return inFlight.get(learnerId);
}

import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { localDay } from '../day.ts';
import { AppError } from '../errors.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { Logger } from '../log.ts';
import { fetchCodeforces } from './codeforces.ts';
import { fetchGitRepo } from './gitSource.ts';
import { fetchLeetcode } from './leetcode.ts';
import { attemptsFrom, type PlannedRead, type SyncPlan } from './solves.ts';
import { inWorker } from './worker.ts';
import { storeSync } from './storeSync.ts';
import { accountsOf, markFailed, markRunning, markSucceeded, type SyncAccount } from './syncRepository.ts';
import { SYNC_SOURCES, type Fetched, type SourceResult, type SyncSource } from './types.ts';

export interface SyncDeps {
  db: Db;
  config: Config;
  logger: Logger;
  now: () => Date;
}

/** Knobs tests turn (the defaults are the polite ones). */
export interface SyncTuning {
  backoffMs?: number;
  /** The least time between two calls to one host (the adapters' polite defaults otherwise). */
  gapMs?: number;
  /** One account's whole sync (every page, every retry). */
  deadlineMs?: number;
  pageSize?: number;
  /** Tries after the first for an answer that asks to slow down. */
  retries?: number;
  /** One call's whole answer. */
  callTimeoutMs?: number;
  gitTimeoutMs?: number;
  /** The most bytes a clone may take on disk (MAX_REPO_BYTES otherwise). */
  gitMaxBytes?: number;
}

/** More submissions than this are turned into attempts in a worker thread. */
export const PLAN_IN_WORKER_ABOVE = 2_000;
/** One account's sync may take this long, every page and retry included. */
export const ACCOUNT_DEADLINE_MS = 5 * 60_000;
/** A `running` mark older than this belongs to a sync that died with its process. */
export const RUNNING_STALE_MS = 15 * 60_000;

const SOLVEDAC_MESSAGE =
  'solved.ac is not answering plain clients (it answers with a browser challenge), so cote does not sync it';

/**
 * Syncs the learner's accounts of `sources` (all the learner has when not given), one source after the other. Each
 * account is fetched, turned into attempts and stored in one transaction; a failure is recorded on the account and
 * reported, never thrown, so one source never stops the others. Asking for a source the learner has no account of
 * is an AppError (nothing synced).
 */
export async function syncLearner(
  deps: SyncDeps,
  learner: Learner,
  sources?: SyncSource[],
  tuning: SyncTuning = {},
): Promise<SyncReport[]> {
  const accounts = accountsOf(deps.db, learner.id);
  const wanted = sources ?? SYNC_SOURCES.filter((s) => accounts.some((a) => a.source === s));
  if (wanted.length === 0)
    throw new AppError(
      'sync.no_accounts',
      `${learner.login} has no accounts to sync: add them with cote learner set or on /settings/accounts`,
      422,
      { login: learner.login },
    );
  for (const source of wanted) {
    if (!accounts.some((a) => a.source === source)) {
      throw new AppError(
        'sync.no_account',
        `${learner.login} has no ${source} account to sync: add it with cote learner set or on /settings/accounts`,
        422,
        { login: learner.login, source },
      );
    }
  }
  const results: SyncReport[] = [];
  for (const source of wanted) {
    const result: SyncReport = { source, fetched: 0, imported: 0, skipped: 0, days: 0, error: null, failed: false };
    const errors: string[] = [];
    const own = accounts.filter((a) => a.source === source);
    for (const account of own) {
      const outcome = await syncAccount(deps, learner, account, tuning);
      if ('error' in outcome) errors.push(own.length > 1 ? `${account.handle}: ${outcome.error}` : outcome.error);
      else for (const k of ['fetched', 'imported', 'skipped', 'days'] as const) result[k] += outcome[k];
    }
    // A source with several repositories fails only when all of them did; the errors are still named.
    if (errors.length > 0) result.error = errors.join('; ');
    result.failed = errors.length === own.length;
    results.push(result);
  }
  return results;
}

/** A source's result, and whether it failed as a whole (a source of several repositories may fail in part). */
export type SyncReport = SourceResult & { failed: boolean };

/** True when every source failed (the CLI's exit status). */
export function allFailed(results: SyncReport[]): boolean {
  return results.length > 0 && results.every((r) => r.failed);
}

/** The CLI's JSON shape of a result. */
export function resultJson(r: SyncReport): SourceResult {
  return {
    source: r.source,
    fetched: r.fetched,
    imported: r.imported,
    skipped: r.skipped,
    days: r.days,
    error: r.error,
  };
}

type AccountOutcome = { fetched: number; imported: number; skipped: number; days: number } | { error: string };

async function syncAccount(
  deps: SyncDeps,
  learner: Learner,
  account: SyncAccount,
  tuning: SyncTuning,
): Promise<AccountOutcome> {
  const started = deps.now();
  if (
    !markRunning(
      deps.db,
      learner.id,
      account.source,
      account.handle,
      started,
      new Date(started.getTime() - RUNNING_STALE_MS),
    )
  ) {
    return { error: `a sync of this ${account.source} account is already running` };
  }
  const deadline = AbortSignal.timeout(tuning.deadlineMs ?? ACCOUNT_DEADLINE_MS);
  try {
    const day = { timeZone: learner.timezone, today: localDay(deps.now(), learner.timezone) };
    const { plan, ...fetched } = await readAccount(deps.config, account, deadline, tuning, day);
    if (plan.refused.length > 0)
      deps.logger.warn('sync: submissions with an impossible time skipped', {
        learner: learner.id,
        source: account.source,
        count: plan.refused.length,
        first: `${plan.refused[0].problem} at ${plan.refused[0].at}`,
      });
    const stored = storeSync(deps.db, learner.id, `sync:${account.source}`, plan.attempts, deps.now());
    const counts = {
      fetched: fetched.fetched,
      imported: stored.imported,
      skipped: stored.skipped + fetched.unusable + plan.refused.length,
      days: stored.days,
    };
    markSucceeded(deps.db, account, counts, deps.now());
    deps.logger.info('sync: account synced', { learner: learner.id, source: account.source, ...counts });
    return counts;
  } catch (caught) {
    const error = asSyncError(caught, account, deadline);
    if (!(caught instanceof AppError))
      deps.logger.error('sync: account crashed', {
        learner: learner.id,
        source: account.source,
        error: (caught as Error)?.stack,
      });
    else
      deps.logger.warn('sync: account failed', { learner: learner.id, source: account.source, error: error.message });
    markFailed(deps.db, account, { message: error.message, code: error.code, params: error.params }, deps.now());
    return { error: error.message };
  }
}

/** The account's submissions as the attempts to write: a repository is read and planned in a worker thread. */
async function readAccount(
  config: Config,
  account: SyncAccount,
  signal: AbortSignal,
  tuning: SyncTuning,
  day: { timeZone: string; today: string },
): Promise<PlannedRead> {
  const planned = async (fetched: Fetched): Promise<PlannedRead> => ({
    fetched: fetched.fetched,
    unusable: fetched.unusable,
    // Thousands of submissions cost a few hundred ms of date arithmetic: done off the request path.
    plan:
      fetched.submissions.length > PLAN_IN_WORKER_ABOVE
        ? await inWorker<SyncPlan>('plan', { submissions: fetched.submissions, ...day })
        : attemptsFrom(fetched.submissions, day.timeZone, day.today),
  });
  switch (account.source) {
    case 'codeforces':
      return planned(
        await fetchCodeforces(account.handle, {
          baseUrl: config.codeforcesApi,
          signal,
          gapMs: config.codeforcesGapMs,
          ...tuning,
        }),
      );
    case 'leetcode':
      return planned(await fetchLeetcode(account.handle, { url: config.leetcodeGraphql, signal, ...tuning }));
    case 'git':
      return fetchGitRepo(
        account.handle,
        {
          dataDir: config.dataDir,
          allowPrivate: config.allowPrivateSources,
          timeoutMs: tuning.gitTimeoutMs,
          maxBytes: tuning.gitMaxBytes,
        },
        day,
      );
    case 'solvedac':
      // Never retried in a loop and never dressed up as a browser: said plainly, once per sync.
      throw new AppError('sync.solvedac_unavailable', SOLVEDAC_MESSAGE, 503);
  }
}

function asSyncError(error: unknown, account: SyncAccount, deadline: AbortSignal): AppError {
  if (error instanceof AppError) return error;
  if (deadline.aborted)
    return new AppError('sync.deadline', `${account.source} did not finish in time: the sync stopped`, 504, {
      source: account.source,
    });
  return new AppError(
    'sync.crashed',
    `the ${account.source} sync failed unexpectedly (${(error as Error)?.message ?? String(error)})`,
    500,
    { source: account.source },
  );
}

import type { NextFunction, Request, Response } from 'express';
import type { AppDeps } from '../context.ts';
import { localDay } from '../day.ts';
import { groupOfLearner } from '../plans/planSettings.ts';
import { missionFor } from '../groups/mission.ts';
import { learnerById } from '../learners/learnerRepository.ts';
import { ensureTodayList, storedPlan } from '../plans/storedPlan.ts';

/** How long a learner must pause writing before their stored plan is computed again. */
export const PLAN_REFRESH_DELAY_MS = 10_000;
/** While a learner keeps writing without such a pause, their plan is still computed again this often. */
export const PLAN_REFRESH_MAX_WAIT_MS = 60_000;

/** Timers as the scheduler uses them (tests pass their own). */
export interface Timers {
  now(): number;
  set(run: () => void, ms: number): unknown;
  clear(timer: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

/**
 * Runs `refresh(learnerId)` once a learner pauses: `quietMs` after their last write, and at the latest `maxWaitMs`
 * after their first write not yet refreshed. A burst of solves costs one planner run, not one per write or per ten
 * seconds; a learner who logs one solve and looks at their plan sees it refreshed `quietMs` later. Returns the
 * function a write calls.
 */
export function refreshAfterPause(
  refresh: (learnerId: number) => void,
  quietMs: number,
  maxWaitMs: number,
  timers: Timers = realTimers,
): (learnerId: number) => void {
  const pending = new Map<number, { timer: unknown; due: number }>();
  return (learnerId) => {
    const now = timers.now();
    const known = pending.get(learnerId);
    if (known) timers.clear(known.timer);
    const due = known?.due ?? now + maxWaitMs;
    const timer = timers.set(
      () => {
        pending.delete(learnerId);
        refresh(learnerId);
      },
      Math.max(0, Math.min(quietMs, due - now)),
    );
    pending.set(learnerId, { timer, due });
  };
}

/**
 * Stored plans follow writes, never page views. Before a learner's write (any request that is not GET/HEAD, past the
 * CSRF check) today's list and their study group's mission of the day are stored if they are not yet (as the pages
 * showed them, so a solve never reshapes the list it came from). After a successful write their plan — the days ahead,
 * the verdict and its advice — is computed and stored in the background once they pause writing (refreshAfterPause:
 * `delayMs` after their last write, at least every PLAN_REFRESH_MAX_WAIT_MS), never on the request that follows the
 * write: pages read the stored plan meanwhile, and today's marks are read live from the attempts. `delayMs` 0
 * refreshes as the response finishes (tests).
 */
export function planRefresh(deps: AppDeps, delayMs = deps.planRefreshDelayMs ?? PLAN_REFRESH_DELAY_MS) {
  const refresh = (learnerId: number) => {
    // A timer may fire after the app's database was closed (a test's clean-up, a shutdown): nothing to refresh then.
    if (!deps.db.open) return;
    try {
      const learner = learnerById(deps.db, learnerId);
      if (!learner) return;
      const now = deps.now();
      storedPlan(deps.db, learner, localDay(now, learner.timezone), now);
    } catch (error) {
      deps.logger.warn('refreshing a stored plan failed', { learnerId, error: (error as Error).message });
    }
  };
  const schedule =
    delayMs === 0 ? refresh : refreshAfterPause(refresh, delayMs, Math.max(delayMs, PLAN_REFRESH_MAX_WAIT_MS));

  return (req: Request, res: Response, next: NextFunction) => {
    const learner = req.learner;
    if (!learner || req.method === 'GET' || req.method === 'HEAD') return next();
    const now = deps.now();
    const today = localDay(now, learner.timezone);
    ensureTodayList(deps.db, learner, today, now);
    // The group's mission as the members' pages showed it, stored before a solve could change the choice.
    const group = groupOfLearner(deps.db, learner.id);
    if (group) missionFor(deps.db, group, today, { store: true, now });
    res.once('finish', () => {
      if (res.statusCode < 400) schedule(learner.id);
    });
    next();
  };
}

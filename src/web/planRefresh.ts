import type { NextFunction, Request, Response } from 'express';
import type { AppDeps } from '../context.ts';
import { localDay } from '../day.ts';
import { groupOfLearner } from '../plans/planSettings.ts';
import { missionFor } from '../groups/mission.ts';
import { learnerById } from '../learners/learnerRepository.ts';
import { ensureTodayList, storedPlan } from '../plans/storedPlan.ts';

/** How long after a learner's write their stored plan is computed again (more writes in between: one run). */
export const PLAN_REFRESH_DELAY_MS = 10_000;

/**
 * Stored plans follow writes, never page views. Before a learner's write (any request that is not GET/HEAD, past the
 * CSRF check) today's list and their study group's mission of the day are stored if they are not yet (as the pages
 * showed them, so a solve never reshapes the list it came from). After a successful write their plan — the days ahead,
 * the verdict and its advice — is computed and stored in the background, at most once per
 * `delayMs` per learner, never on the request that follows the write: pages read the stored plan meanwhile, and
 * today's marks are read live from the attempts. `delayMs` 0 refreshes as the response finishes (tests).
 */
export function planRefresh(deps: AppDeps, delayMs = deps.planRefreshDelayMs ?? PLAN_REFRESH_DELAY_MS) {
  const pending = new Map<number, NodeJS.Timeout>();

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

  const schedule = (learnerId: number) => {
    if (delayMs === 0) return refresh(learnerId);
    if (pending.has(learnerId)) return;
    const timer = setTimeout(() => {
      pending.delete(learnerId);
      refresh(learnerId);
    }, delayMs);
    timer.unref();
    pending.set(learnerId, timer);
  };

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

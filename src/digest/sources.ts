import type { Db } from '../db/connection.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { PlanItem } from '../planner/types.ts';
import { problemById } from '../catalog/problemRepository.ts';
import { currentCatalog } from '../plans/planService.ts';
import { openingList, storedPlan, viewedPlan, type StoredPlan } from '../plans/storedPlan.ts';
import { attemptsOnDay } from '../progress/attemptRepository.ts';
import { attemptLog } from '../progress/attemptLog.ts';
import { daysWithSolves } from '../progress/solveDays.ts';
import { plannerHistory } from '../progress/plannerHistory.ts';
import { streaks } from '../progress/streaks.ts';

/** What the digest reads from the other features, in one place. */
export { attemptsOnDay, problemById };

export function streakOn(db: Db, learnerId: number, day: string): { current: number; longest: number } {
  return streaks(daysWithSolves(attemptLog(db, learnerId)), day);
}

/**
 * The learner's stored plan from `day`, as the plan page shows it (computed only if its inputs changed). The digest
 * never stores today's list (a dry run records nothing, and a list frozen at 21:00 would help nobody).
 */
export function planOn(db: Db, learner: Learner, day: string, now: Date, persist = true): StoredPlan {
  // The preview page (a GET) only reads: the plan as the learner's pages show it.
  return persist ? storedPlan(db, learner, day, now, { storeList: false }) : viewedPlan(db, learner, day, now);
}

/**
 * The list the Today page will open with on `day` (the day after the plan's) if nothing more is logged: the same
 * rule the morning's page applies to the same stored plan. Undefined when the planner will choose afresh.
 */
export function openingListOn(db: Db, learner: Learner, stored: StoredPlan, day: string): PlanItem[] | undefined {
  return openingList(db, learner, stored, day, stored.listInputs, plannerHistory(db, learner.id));
}

/** Names of the types the planner plans over (canonical types of every list), by key. */
export function categoryNames(db: Db): Map<string, { en: string; ko: string }> {
  return new Map(currentCatalog(db).categories.map((c) => [c.key, { en: c.nameEn, ko: c.nameKo }]));
}

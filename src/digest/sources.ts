import type { Db } from '../db/connection.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { Plan } from '../planner/types.ts';
import { problemById } from '../catalog/problemRepository.ts';
import { currentCatalog, planFor } from '../plans/planService.ts';
import { attemptsOnDay, solvedDays } from '../progress/attemptRepository.ts';
import { streaks } from '../progress/streaks.ts';

/** What the digest reads from the other features, in one place. */
export { attemptsOnDay, problemById };

export function streakOn(db: Db, learnerId: number, day: string): { current: number; longest: number } {
  return streaks(solvedDays(db, learnerId), day);
}

/**
 * The learner's plan from `day`, as the plan page shows it. The digest only reads: it never stores today's list
 * (a dry run records nothing, and a list frozen at 21:00 would help nobody).
 */
export function planOn(db: Db, learner: Learner, day: string): Plan {
  return planFor(db, learner, day, { store: false });
}

/** Names of the types the planner plans over (canonical types of every list), by key. */
export function categoryNames(db: Db): Map<string, { en: string; ko: string }> {
  return new Map(currentCatalog(db).categories.map((c) => [c.key, { en: c.nameEn, ko: c.nameKo }]));
}

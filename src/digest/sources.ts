import type { Db } from '../db/connection.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { Plan } from '../planner/types.ts';
import { categoriesOfList } from '../catalog/categoryRepository.ts';
import { defaultList } from '../catalog/listRepository.ts';
import { problemById } from '../catalog/problemRepository.ts';
import { attemptsOnDay, solvedDays } from '../progress/attemptRepository.ts';
import { streaks } from '../progress/streaks.ts';

/**
 * What the digest reads from the other features, in one place. planOn is a STAND-IN until the planner's planFor
 * lands.
 */
export { attemptsOnDay, problemById };

export function streakOn(db: Db, learnerId: number, day: string): { current: number; longest: number } {
  return streaks(solvedDays(db, learnerId), day);
}

export function planOn(_db: Db, _learner: Learner, _day: string): Plan | undefined {
  return undefined;
}

/** Category names of the default list (the one the planner plans over), by key. */
export function categoryNames(db: Db): Map<string, { en: string; ko: string }> {
  const list = defaultList(db);
  return new Map((list ? categoriesOfList(db, list.id) : []).map((c) => [c.key, { en: c.nameEn, ko: c.nameKo }]));
}

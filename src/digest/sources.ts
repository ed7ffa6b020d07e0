import type { Db } from '../db/connection.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { Plan } from '../planner/types.ts';
import { attemptsOnDay, solvedDays } from '../progress/attemptRepository.ts';
import { streaks } from '../progress/streaks.ts';

/**
 * What the digest reads from the other features, in one place. STAND-INS until the planner (planFor) and the
 * catalog (problemById, plannerCatalog) land: they are replaced by the real functions.
 */
export { attemptsOnDay };

export function streakOn(db: Db, learnerId: number, day: string): { current: number; longest: number } {
  return streaks(solvedDays(db, learnerId), day);
}

export function planOn(_db: Db, _learner: Learner, _day: string): Plan | undefined {
  return undefined;
}

export function problemLink(db: Db, id: string): { title: string; level: number; url: string | null } | undefined {
  return db.prepare('SELECT title, level, url FROM problems WHERE id = ?').get(id) as { title: string; level: number; url: string | null } | undefined;
}

export function categoryNames(db: Db): Map<string, { en: string; ko: string }> {
  const rows = db.prepare('SELECT key, name_en, name_ko FROM categories WHERE list_id = (SELECT min(id) FROM lists)').all() as { key: string; name_en: string; name_ko: string }[];
  return new Map(rows.map((r) => [r.key, { en: r.name_en, ko: r.name_ko }]));
}

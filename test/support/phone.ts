import path from 'node:path';
import type { Db } from '../../src/db/connection.ts';
import { importList } from '../../src/catalog/importList.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';
import type { Outcome } from '../../src/progress/outcomes.ts';
import { addDays } from '../../src/day.ts';
import { SHARED_LIST_DIR, hasSharedList } from './app.ts';
import { seedLearner } from './progress.ts';

/** The full curated list when ../shared has it, else the planner fixture (three types). */
export const PHONE_LIST = hasSharedList
  ? SHARED_LIST_DIR
  : path.resolve(import.meta.dirname, '../fixtures/planner/list');
/** The instant the phone tests run at: 2026-11-28 12:00 in Seoul. */
export const PHONE_NOW = new Date('2026-11-28T03:00:00Z');
export const PHONE_TODAY = '2026-11-28';

/**
 * The list and an admin learner 'mina' (exam 2026-12-28) with history: 24 imported solves in 2022 (two a month),
 * one a week through 2025, and the last 30 days mostly daily with a few failures and slow solves.
 */
export async function seedPhoneLearner(db: Db, language: 'ko' | 'en' = 'ko'): Promise<{ learnerId: number }> {
  await importList(db, PHONE_LIST);
  return seedPhoneHistory(db, language);
}

/** seedPhoneLearner on a database that already has the list. */
export function seedPhoneHistory(db: Db, language: 'ko' | 'en' = 'ko'): { learnerId: number } {
  const learner = seedLearner(db, 'mina', {
    language,
    examDate: '2026-12-28',
    dailyMinutes: '120',
    profile: 'samsung',
  });
  const problems = db
    .prepare(
      'SELECT e.problem_id FROM entries e JOIN categories c ON c.id = e.category_id GROUP BY e.problem_id ORDER BY min(e.position * 100 + c.position)',
    )
    .pluck()
    .all() as string[];
  let next = 0;
  const take = () => problems[next++ % problems.length];
  const add = (day: string, outcome: Outcome, origin = 'manual') =>
    recordAttempt(db, {
      learnerId: learner.id,
      problemId: take(),
      day,
      outcome,
      minutes: 30,
      origin,
      createdAt: `${day}T10:00:00Z`,
    });
  for (let month = 1; month <= 12; month++) {
    const m = String(month).padStart(2, '0');
    add(`2022-${m}-05`, 'solved', 'csv');
    add(`2022-${m}-19`, 'solved', 'csv');
  }
  for (let day = '2025-01-06'; day < '2025-12-31'; day = addDays(day, 7)) add(day, 'solved', 'csv');
  for (let i = 30; i >= 0; i--) {
    if (i % 6 === 5) continue;
    const day = addDays(PHONE_TODAY, -i);
    add(day, i % 7 === 3 ? 'failed' : i % 5 === 1 ? 'solved_slow' : 'solved');
    if (i % 3 === 0) add(day, 'hint');
  }
  return { learnerId: learner.id };
}

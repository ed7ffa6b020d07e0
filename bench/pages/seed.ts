import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/db/connection.ts';
import { addDays } from '../../src/day.ts';
import { importList } from '../../src/catalog/importList.ts';
import { plannerCatalog } from '../../src/catalog/plannerCatalog.ts';
import { createLearner } from '../../src/learners/learnerRepository.ts';
import { DEFAULT_SETTINGS } from '../../src/learners/learnerSettings.ts';
import { hashPassword } from '../../src/learners/password.ts';
import { learnerHistory } from './history.ts';
import type { BenchOptions } from './options.ts';

export const LIST_DIR = path.resolve(import.meta.dirname, '../../../shared/data/tony9402-baekjoon');
/** The learner whose pages are measured: the first learner, the only one with a password. */
export const PAGE_LEARNER = { login: 'bench', password: 'bench-password-1' };
/** Learners written per transaction: one transaction per batch keeps the WAL small at 3 million attempts. */
const BATCH = 500;

export interface SeedSummary {
  today: string;
  examDate: string;
  problems: number;
  learners: number;
  attempts: number;
  pageLearnerId: number;
  catalogMs: number;
  learnersMs: number;
}

/**
 * Fills a fresh database: the full list from the shared snapshot, then `options.learners` learners (the first is
 * PAGE_LEARNER) with `options.attemptsPerLearner` attempts each over the last year. Digests are switched off for all,
 * so the server's minute job sends nothing while pages are measured (the scale run switches them on for its digest).
 */
export async function seedDatabase(db: Db, options: BenchOptions, today: string, now: Date): Promise<SeedSummary> {
  if (!fs.existsSync(path.join(LIST_DIR, 'README.md')))
    throw new Error(`the list snapshot is missing: expected ${LIST_DIR}/README.md`);
  let start = performance.now();
  await importList(db, LIST_DIR);
  const problems = plannerCatalog(db).problems.map((p) => p.id);
  if (problems.length === 0) throw new Error(`importing ${LIST_DIR} gave no problems`);
  const catalogMs = performance.now() - start;

  start = performance.now();
  const passwordHash = hashPassword(PAGE_LEARNER.password);
  const examDate = addDays(today, options.examInDays);
  const insertAttempt = db.prepare(
    'INSERT INTO attempts (learner_id, problem_id, day, outcome, minutes, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let attempts = 0;
  let pageLearnerId = 0;
  const writeBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const first = i === 0;
      const learner = createLearner(
        db,
        {
          ...DEFAULT_SETTINGS,
          login: first ? PAGE_LEARNER.login : `learner${i}`,
          name: first ? 'Bench Learner' : `Learner ${i}`,
          email: `${first ? PAGE_LEARNER.login : `learner${i}`}@bench.test`,
          examDate: first ? examDate : addDays(today, 10 + (i % 120)),
          passwordHash: first ? passwordHash : null,
          isAdmin: first,
        },
        now,
      );
      if (first) pageLearnerId = learner.id;
      for (const a of learnerHistory(1000 + i, problems, today, options.attemptsPerLearner)) {
        insertAttempt.run(learner.id, a.problemId, a.day, a.outcome, a.minutes, a.createdAt);
        attempts++;
      }
    }
  });
  for (let from = 0; from < options.learners; from += BATCH) writeBatch(from, Math.min(options.learners, from + BATCH));
  setDigests(db, false);
  db.pragma('wal_checkpoint(TRUNCATE)');
  return {
    today,
    examDate,
    problems: problems.length,
    learners: options.learners,
    attempts,
    pageLearnerId,
    catalogMs: Math.round(catalogMs),
    learnersMs: Math.round(performance.now() - start),
  };
}

/** Every learner's nightly digest on or off (the bench's own switch; the app sets it per learner). */
export function setDigests(db: Db, enabled: boolean): void {
  db.prepare('UPDATE learners SET digest_enabled = ?').run(enabled ? 1 : 0);
}

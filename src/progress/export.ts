import type { Db } from '../db/connection.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import { attemptsForLearner } from './attemptRepository.ts';
import { attemptLog } from './attemptLog.ts';
import { daysWithSolves } from './solveDays.ts';
import { streaks } from './streaks.ts';

/** `cote history --json` and /export.json: every attempt, the streaks and the number of days with a solve. */
export function historyJson(db: Db, learner: Learner, today: string) {
  const days = daysWithSolves(attemptLog(db, learner.id));
  const attempts = attemptsForLearner(db, learner.id).map((a) => ({
    problem: a.problemId,
    day: a.day,
    outcome: a.outcome,
    minutes: a.minutes,
    origin: a.origin,
  }));
  return { attempts, streak: streaks(days, today), solvedDays: days.length };
}

/** /export.json: everything about each attempt, notes and titles included. */
export function exportJson(db: Db, learner: Learner, now: Date) {
  const attempts = attemptsForLearner(db, learner.id).map((a) => ({
    problem: a.problemId,
    title: a.title,
    day: a.day,
    outcome: a.outcome,
    minutes: a.minutes,
    note: a.note,
    origin: a.origin,
    loggedAt: a.createdAt,
  }));
  return { learner: learner.login, exportedAt: now.toISOString(), attempts };
}

/**
 * /export.csv: the CSV import's columns first, so an export imports back unchanged. Titles and notes that a
 * spreadsheet would run as formulas are written with a leading single quote (the import takes it off again).
 */
export async function attemptsCsv(db: Db, learnerId: number): Promise<string> {
  // csv-stringify is loaded by the first export, not at boot.
  const { writeCsv } = await import('./imports/csv.ts');
  const rows = attemptsForLearner(db, learnerId).map((a) => [
    a.problemId,
    a.day,
    a.outcome,
    a.minutes,
    a.note,
    a.origin,
    a.title,
  ]);
  return writeCsv([['problem', 'day', 'outcome', 'minutes', 'note', 'origin', 'title'], ...rows]);
}

import type { Db } from '../db/connection.ts';
import { localDay } from '../day.ts';
import { AppError } from '../errors.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import { problemById } from '../catalog/problemRepository.ts';
import { parseProblemRef } from '../catalog/problemRef.ts';
import { problemIdProblem } from '../judges/judges.ts';
import {
  attemptById,
  deleteAttempt,
  lastAttempt,
  recordAttempt,
  updateAttempt,
  type Attempt,
} from './attemptRepository.ts';
import { parseAttemptFields, type RawAttemptFields } from './attemptInput.ts';

/** The learner's today: the date in their time zone at `now`. */
export function learnerToday(learner: Learner, now: Date): string {
  return localDay(now, learner.timezone);
}

/** A problem the catalog knows, from 'boj:1260' or a bare BOJ number; an AppError naming the input otherwise. */
export function knownProblemId(db: Db, text: unknown): string {
  const raw = typeof text === 'string' ? text.trim() : '';
  const id = parseProblemRef(raw);
  if (!id)
    throw new AppError(
      'progress.bad_problem_id',
      `problem ${JSON.stringify(raw.slice(0, 100))} is not a problem id: ${problemIdProblem(raw) ?? 'unknown form'}`,
      422,
      { value: raw.slice(0, 100), why: problemIdProblem(raw) ?? '' },
    );
  if (!problemById(db, id))
    throw new AppError('progress.unknown_problem', `problem ${JSON.stringify(raw)} is not in the catalog`, 422, {
      value: raw,
    });
  return id;
}

/** Logs one manual attempt for the learner; the day defaults to their today. Nothing is stored if any field is bad. */
export function logAttempt(
  db: Db,
  learner: Learner,
  raw: RawAttemptFields & { problem?: unknown; origin?: string },
  now: Date,
): Attempt {
  const problemId = knownProblemId(db, raw.problem);
  const fields = parseAttemptFields(raw, learnerToday(learner, now));
  return recordAttempt(db, {
    learnerId: learner.id,
    problemId,
    ...fields,
    origin: raw.origin ?? 'manual',
    createdAt: now.toISOString(),
  });
}

/** Edits one of the learner's attempts; another learner's attempt is not found. An undated attempt may stay undated. */
export function editAttempt(db: Db, learner: Learner, id: number, raw: RawAttemptFields, now: Date): Attempt {
  const current = attemptById(db, learner.id, id) ?? notFoundAttempt();
  const fields = parseAttemptFields(raw, learnerToday(learner, now), current.day === null ? 'unknown' : 'today');
  updateAttempt(db, learner.id, id, fields);
  return attemptById(db, learner.id, id)!;
}

export function removeAttempt(db: Db, learner: Learner, id: number): Attempt {
  const attempt = attemptById(db, learner.id, id) ?? notFoundAttempt();
  deleteAttempt(db, learner.id, id);
  return attempt;
}

/** Deletes the learner's most recently logged attempt (of one problem, when given); undefined when there is none. */
export function undoLastAttempt(db: Db, learner: Learner, problemId?: string): Attempt | undefined {
  const attempt = lastAttempt(db, learner.id, problemId);
  if (attempt) deleteAttempt(db, learner.id, attempt.id);
  return attempt;
}

function notFoundAttempt(): never {
  throw new AppError('progress.attempt_not_found', 'attempt not found', 404);
}

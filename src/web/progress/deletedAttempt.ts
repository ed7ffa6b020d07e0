import type { Request } from 'express';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import { problemById } from '../../catalog/problemRepository.ts';
import { recordAttempt, recordAttemptOnce, type Attempt } from '../../progress/attemptRepository.ts';

/** The entry a learner deleted last, kept in their own session so "undo" can bring it back as it was. */
export interface DeletedAttempt {
  learnerId: number;
  problemId: string;
  title: string;
  day: string | null;
  outcome: Attempt['outcome'];
  minutes: number | null;
  note: string;
  origin: string;
  externalKey: string | null;
  createdAt: string;
  /** ISO instant of the delete: the undo is offered for UNDO_MS after it. */
  deletedAt: string;
}

declare module 'express-session' {
  interface SessionData {
    deletedAttempt?: DeletedAttempt;
  }
}

/** How long a delete can be undone: long enough to notice a slip, short enough that the offer is not stale. */
export const UNDO_MS = 10 * 60 * 1000;

export function rememberDeleted(req: Request, a: Attempt, now: Date): void {
  const { learnerId, problemId, title, day, outcome, minutes, note, origin, externalKey, createdAt } = a;
  const deletedAt = now.toISOString();
  req.session.deletedAttempt = {
    learnerId,
    problemId,
    title,
    day,
    outcome,
    minutes,
    note,
    origin,
    externalKey,
    createdAt,
    deletedAt,
  };
}

/** The learner's last deleted entry while it can still be undone; another learner's (a shared browser) never. */
export function undoableDelete(req: Request, learnerId: number, now: Date): DeletedAttempt | undefined {
  const d = req.session?.deletedAttempt;
  if (!d || d.learnerId !== learnerId || now.getTime() - Date.parse(d.deletedAt) > UNDO_MS) return undefined;
  return d;
}

/** The instant the undo of `d` is no longer offered. */
export function undoEndsAt(d: DeletedAttempt): Date {
  return new Date(Date.parse(d.deletedAt) + UNDO_MS);
}

/** Stores the deleted entry again (a new id, every field as it was) and forgets it; undefined when there is none. */
export function restoreDeleted(db: Db, req: Request, learnerId: number, now: Date): DeletedAttempt | undefined {
  const d = undoableDelete(req, learnerId, now);
  if (!d) return undefined;
  if (!problemById(db, d.problemId)) {
    const message = `problem ${d.problemId} is no longer in the catalog`;
    throw new AppError('progress.restore_gone', message, 409, { problem: d.problemId });
  }
  const { problemId, day, outcome, minutes, note, origin, createdAt } = d;
  const fields = { learnerId, problemId, day, outcome, minutes, note, origin, createdAt };
  // An imported entry keeps its key; if a re-import brought it back meanwhile, it is there already.
  if (d.externalKey === null) recordAttempt(db, fields);
  else recordAttemptOnce(db, { ...fields, externalKey: d.externalKey });
  delete req.session.deletedAttempt;
  return d;
}

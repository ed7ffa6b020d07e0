import type { Db } from '../db/connection.ts';
import type { Outcome } from './outcomes.ts';
import { SOLVED_SQL } from './outcomes.ts';

export interface ProblemStatus {
  /** 'solved' once any attempt solved it (slowly or with a hint too); 'attempted' when every try failed. */
  state: 'solved' | 'attempted';
  /** The latest dated day of any attempt; null when all its attempts are undated. */
  lastDay: string | null;
  /** The outcome of the latest attempt (by day, then by when it was logged). */
  lastOutcome: Outcome;
}

/**
 * One row per problem the learner (the one `?` parameter) has logged: problem_id, solved (0/1), last_day, last_outcome.
 * Meant as a subquery to LEFT JOIN, so a page reads every status in the same statement as its rows. Undated attempts
 * count as older than any dated one; among equals the later logged wins.
 */
export const LEARNER_STATUS_SQL = `SELECT problem_id, solved, last_day, outcome AS last_outcome FROM (
    SELECT problem_id, outcome,
           MAX(${SOLVED_SQL}) OVER per_problem AS solved,
           MAX(day) OVER per_problem AS last_day,
           ROW_NUMBER() OVER (PARTITION BY problem_id ORDER BY day IS NULL, day DESC, id DESC) AS recency
      FROM attempts WHERE learner_id = ?
    WINDOW per_problem AS (PARTITION BY problem_id)
  ) WHERE recency = 1`;

/** The status columns of LEARNER_STATUS_SQL as they come out of a join; all null for a problem never logged. */
export interface StatusColumns {
  solved: number | null;
  last_day: string | null;
  last_outcome: Outcome | null;
}

export function statusFromColumns(row: StatusColumns): ProblemStatus | undefined {
  if (row.last_outcome === null) return undefined;
  return { state: row.solved ? 'solved' : 'attempted', lastDay: row.last_day, lastOutcome: row.last_outcome };
}

/** The learner's status of one problem; undefined when they never logged it. */
export function problemStatus(db: Db, learnerId: number, problemId: string): ProblemStatus | undefined {
  const row = db.prepare(`SELECT * FROM (${LEARNER_STATUS_SQL}) WHERE problem_id = ?`).get(learnerId, problemId) as StatusColumns | undefined;
  return row && statusFromColumns(row);
}

/** The ids of the problems the learner has solved. */
export function solvedProblems(db: Db, learnerId: number): Set<string> {
  return new Set(db.prepare(`SELECT DISTINCT problem_id FROM attempts WHERE learner_id = ? AND ${SOLVED_SQL}`).pluck().all(learnerId) as string[]);
}

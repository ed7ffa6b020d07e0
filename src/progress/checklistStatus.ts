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
 * The SQL that gives each row of a page's statement the learner's status of its problem (`problemId`, a column or a
 * parameter; the learner bound as @learner): `join` goes after the FROM list, `columns` in the select list (solved 0/1,
 * last_day, last_outcome; all null when never logged). So a page reads every status in the same statement as its rows,
 * with two lookups of the (learner_id, problem_id) index per row. The latest attempt is the one with the latest day,
 * undated ones counting as older than any dated one, and among equals the later logged.
 */
export function statusSql(problemId: string): { columns: string; join: string } {
  const mine = `FROM attempts a WHERE a.learner_id = @learner AND a.problem_id = ${problemId}`;
  return {
    columns: `latest.day AS last_day, latest.outcome AS last_outcome,
      CASE WHEN latest.id IS NULL THEN NULL ELSE EXISTS (SELECT 1 ${mine} AND a.${SOLVED_SQL}) END AS solved`,
    join: `LEFT JOIN attempts latest ON latest.id = (SELECT a.id ${mine} ORDER BY a.day IS NULL, a.day DESC, a.id DESC LIMIT 1)`,
  };
}

/** The columns of statusSql; all null for a problem never logged. */
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
  const status = statusSql('@problem');
  const row = db
    .prepare(`SELECT ${status.columns} FROM (SELECT 1) ${status.join}`)
    .get({ learner: learnerId, problem: problemId }) as StatusColumns;
  return statusFromColumns(row);
}

/** The ids of the problems the learner has solved. */
export function solvedProblems(db: Db, learnerId: number): Set<string> {
  return new Set(
    db
      .prepare(`SELECT DISTINCT problem_id FROM attempts WHERE learner_id = ? AND ${SOLVED_SQL}`)
      .pluck()
      .all(learnerId) as string[],
  );
}

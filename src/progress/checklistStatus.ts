import type { Db } from '../db/connection.ts';
import type { Outcome } from './outcomes.ts';
import { isSolvedOutcome, SOLVED_SQL } from './outcomes.ts';

export interface ProblemStatus {
  /** 'solved' once any attempt solved it (slowly or with a hint too); 'attempted' when every try failed. */
  state: 'solved' | 'attempted';
  /** The latest dated day of any attempt; null when all its attempts are undated. */
  lastDay: string | null;
  /** The outcome of the latest attempt (by day, then by when it was logged). */
  lastOutcome: Outcome;
}

/** The learner's status for every problem they have logged; problems without attempts are absent. */
export function problemStatuses(db: Db, learnerId: number): Map<string, ProblemStatus> {
  const rows = db
    .prepare('SELECT problem_id, day, outcome FROM attempts WHERE learner_id = ? ORDER BY day IS NOT NULL, day, id')
    .all(learnerId) as StatusRow[];
  return foldStatuses(rows);
}

/** The learner's status of one problem; undefined when they never logged it. */
export function problemStatus(db: Db, learnerId: number, problemId: string): ProblemStatus | undefined {
  const rows = db
    .prepare('SELECT problem_id, day, outcome FROM attempts WHERE learner_id = ? AND problem_id = ? ORDER BY day IS NOT NULL, day, id')
    .all(learnerId, problemId) as StatusRow[];
  return foldStatuses(rows).get(problemId);
}

interface StatusRow {
  problem_id: string;
  day: string | null;
  outcome: Outcome;
}

function foldStatuses(rows: StatusRow[]): Map<string, ProblemStatus> {
  const out = new Map<string, ProblemStatus>();
  for (const row of rows) {
    const prev = out.get(row.problem_id);
    out.set(row.problem_id, {
      state: prev?.state === 'solved' || isSolvedOutcome(row.outcome) ? 'solved' : 'attempted',
      lastDay: row.day ?? prev?.lastDay ?? null,
      lastOutcome: row.outcome,
    });
  }
  return out;
}

/** The ids of the problems the learner has solved. */
export function solvedProblems(db: Db, learnerId: number): Set<string> {
  return new Set(db.prepare(`SELECT DISTINCT problem_id FROM attempts WHERE learner_id = ? AND ${SOLVED_SQL}`).pluck().all(learnerId) as string[]);
}

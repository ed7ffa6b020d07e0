import type { Db } from '../db/connection.ts';

/**
 * learner_problem_titles: a learner's own title of an off-list problem (what their sync or import called it). Read in
 * place of the neutral shared title by attemptRepository while the problem is off-list; nobody else sees it.
 */
export function saveLearnerTitle(db: Db, learnerId: number, problemId: string, title: string): void {
  db.prepare(
    `INSERT INTO learner_problem_titles (learner_id, problem_id, title) VALUES (?, ?, ?)
     ON CONFLICT (learner_id, problem_id) DO UPDATE SET title = excluded.title`,
  ).run(learnerId, problemId, title);
}

/** The learner's own title of a problem, when they have one. */
export function learnerTitle(db: Db, learnerId: number, problemId: string): string | undefined {
  return db
    .prepare('SELECT title FROM learner_problem_titles WHERE learner_id = ? AND problem_id = ?')
    .pluck()
    .get(learnerId, problemId) as string | undefined;
}

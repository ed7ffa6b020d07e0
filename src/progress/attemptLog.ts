import type { Db } from '../db/connection.ts';
import type { HistoryAttempt } from '../planner/types.ts';

/** One attempt as the planner and the pages' figures read it: plannerHistory's shape plus its id. */
export interface LoggedAttempt extends HistoryAttempt {
  readonly id: number;
}

interface Kept {
  /** plan_inputs.attempts_version and problem_levels_version when `attempts` was read. */
  key: string;
  attempts: readonly LoggedAttempt[];
}

/** Learners whose attempts are kept per database: each costs about 100 bytes an attempt (30 KB at 300 attempts). */
export const KEPT_LEARNERS = 200;

const kept = new WeakMap<Db, Map<number, Kept>>();

const VERSION = `SELECT coalesce((SELECT attempts_version FROM plan_inputs WHERE learner_id = ?), 0) || ':' ||
  (SELECT version FROM problem_levels_version)`;

// Undated attempts first (they happened before anything dated), then by day, then in the order they were logged.
const ATTEMPTS = `SELECT a.id, a.problem_id AS problem, a.day, a.outcome, a.minutes, a.origin, p.level
    FROM attempts a JOIN problems p ON p.id = a.problem_id
   WHERE a.learner_id = ? ORDER BY a.day IS NOT NULL, a.day, a.id`;

function keptFor(db: Db): Map<number, Kept> {
  let perLearner = kept.get(db);
  if (!perLearner) {
    perLearner = new Map();
    kept.set(db, perLearner);
  }
  return perLearner;
}

function versionOf(db: Db, learnerId: number): string {
  return db.prepare(VERSION).pluck().get(learnerId) as string;
}

/**
 * The learner's attempts, oldest first (undated ones first), each with its problem's level — an off-list problem too.
 * Shared and frozen: reading a learner's few hundred attempts cost ~0.6 ms and the checklist, the plan, the history
 * page and the planner each read them after every solve, so they are kept in memory and read again only when the
 * learner's attempts_version or a problem's level changed (both kept by triggers, so a write by the CLI or a sync in
 * another process is seen too). One indexed read per call checks it.
 */
export function attemptLog(db: Db, learnerId: number): readonly LoggedAttempt[] {
  const perLearner = keptFor(db);
  const key = versionOf(db, learnerId);
  const known = perLearner.get(learnerId);
  if (known && known.key === key) {
    // Most recently used last: the first key is the one to drop when the map is full.
    perLearner.delete(learnerId);
    perLearner.set(learnerId, known);
    return known.attempts;
  }
  const rows = db.prepare(ATTEMPTS).all(learnerId) as LoggedAttempt[];
  const attempts: readonly LoggedAttempt[] = Object.freeze(rows.map((row) => Object.freeze(row)));
  // Inside a transaction the rows may be uncommitted: a rollback could bring the same version back with other rows.
  if (db.inTransaction) return attempts;
  perLearner.delete(learnerId);
  perLearner.set(learnerId, { key, attempts });
  if (perLearner.size > KEPT_LEARNERS) perLearner.delete(perLearner.keys().next().value as number);
  return attempts;
}

/**
 * Adds an attempt this process just recorded and committed to the kept log instead of reading them all again, when
 * nothing else changed in between: the kept log answered to `versionBefore` (read before the insert) and the version
 * now is exactly one attempt later. Otherwise the next attemptLog reads again. `versionBefore` is null for an insert
 * inside a transaction (it may still be rolled back): the kept log is dropped then.
 */
export function keepRecordedAttempt(
  db: Db,
  versionBefore: string | null,
  attempt: LoggedAttempt,
  learnerId: number,
): void {
  const perLearner = keptFor(db);
  const known = perLearner.get(learnerId);
  if (versionBefore === null || db.inTransaction) {
    perLearner.delete(learnerId);
    return;
  }
  if (!known || known.key !== versionBefore) return;
  const [attempts, levels] = versionBefore.split(':');
  const key = versionOf(db, learnerId);
  if (key !== `${Number(attempts) + 1}:${levels}`) return;
  const list = [...known.attempts];
  // Its id is the highest: it goes after every attempt of its day or earlier (after every undated one when undated).
  let at = list.length;
  while (at > 0 && later(list[at - 1], attempt)) at--;
  list.splice(at, 0, Object.freeze({ ...attempt }));
  known.key = key;
  known.attempts = Object.freeze(list);
}

/** The version attemptLog compares, read before an insert that keepRecordedAttempt then adds; null in a transaction. */
export function attemptLogVersion(db: Db, learnerId: number): string | null {
  return db.inTransaction ? null : versionOf(db, learnerId);
}

/** Whether `a` sorts after `b` in the log's order (undated first, then by day, then by id). */
function later(a: LoggedAttempt, b: LoggedAttempt): boolean {
  if ((a.day === null) !== (b.day === null)) return b.day === null;
  if (a.day !== b.day) return (a.day ?? '') > (b.day ?? '');
  return a.id > b.id;
}

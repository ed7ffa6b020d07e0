import type { Db } from '../db/connection.ts';
import type { Outcome } from './outcomes.ts';
import { SOLVED_SQL } from './outcomes.ts';
import { attemptLogVersion, keepRecordedAttempt } from './attemptLog.ts';

/** One logged try. `day` is the learner's local date, null when an import could not date it. */
export interface Attempt {
  id: number;
  learnerId: number;
  problemId: string;
  day: string | null;
  outcome: Outcome;
  minutes: number | null;
  note: string;
  origin: string;
  externalKey: string | null;
  createdAt: string;
  /** The problem's title (for an off-list problem the learner's own, else its id) and level (0 when unrated). */
  title: string;
  level: number;
}

export interface NewAttempt {
  learnerId: number;
  problemId: string;
  day: string | null;
  outcome: Outcome;
  minutes?: number | null;
  note?: string;
  origin?: string;
  externalKey?: string | null;
  /** ISO instant the attempt was logged. */
  createdAt: string;
}

export interface AttemptChanges {
  day: string | null;
  outcome: Outcome;
  minutes: number | null;
  note: string;
}

interface AttemptRow {
  id: number;
  learner_id: number;
  problem_id: string;
  day: string | null;
  outcome: Outcome;
  minutes: number | null;
  note: string;
  origin: string;
  external_key: string | null;
  created_at: string;
  title: string;
  level: number;
}

// An off-list problem's title is the learner's own (learner_problem_titles), else the neutral shared one (its id): what
// one learner's sync called a problem is never shown to another as its title.
const SELECT = `SELECT a.id, a.learner_id, a.problem_id, a.day, a.outcome, a.minutes, a.note, a.origin, a.external_key, a.created_at,
  CASE WHEN p.off_list = 1 THEN coalesce(lt.title, p.title) ELSE p.title END AS title, p.level
  FROM attempts a JOIN problems p ON p.id = a.problem_id
  LEFT JOIN learner_problem_titles lt ON lt.learner_id = a.learner_id AND lt.problem_id = a.problem_id`;
// Undated attempts sort first: they happened before anything dated the learner logged.
const ORDER = 'ORDER BY a.day IS NOT NULL, a.day, a.id';

function toAttempt(row: AttemptRow): Attempt {
  return {
    id: row.id,
    learnerId: row.learner_id,
    problemId: row.problem_id,
    day: row.day,
    outcome: row.outcome,
    minutes: row.minutes,
    note: row.note,
    origin: row.origin,
    externalKey: row.external_key,
    createdAt: row.created_at,
    title: row.title,
    level: row.level,
  };
}

const INSERT = `INSERT INTO attempts (learner_id, problem_id, day, outcome, minutes, note, origin, external_key, created_at)
  VALUES (@learnerId, @problemId, @day, @outcome, @minutes, @note, @origin, @externalKey, @createdAt)`;

function insertParams(a: NewAttempt) {
  return {
    ...a,
    minutes: a.minutes ?? null,
    note: a.note ?? '',
    origin: a.origin ?? 'manual',
    externalKey: a.externalKey ?? null,
  };
}

export function recordAttempt(db: Db, attempt: NewAttempt): Attempt {
  const before = attemptLogVersion(db, attempt.learnerId);
  const { lastInsertRowid } = db.prepare(INSERT).run(insertParams(attempt));
  const recorded = attemptById(db, attempt.learnerId, Number(lastInsertRowid))!;
  const { id, problemId: problem, day, outcome, minutes, origin, level } = recorded;
  keepRecordedAttempt(db, before, { id, problem, day, outcome, minutes, origin, level }, attempt.learnerId);
  return recorded;
}

/** Records an imported attempt unless one with the same (learner, origin, externalKey) exists; true when added. */
export function recordAttemptOnce(db: Db, attempt: NewAttempt & { externalKey: string }): boolean {
  return (
    db.prepare(`${INSERT} ON CONFLICT (learner_id, origin, external_key) DO NOTHING`).run(insertParams(attempt))
      .changes === 1
  );
}

/**
 * Does the learner have an attempt on `problemId` on `day` — a solve (solved, solved_slow) when `solvedOnly`, else any?
 * A sync asks first, so a solve the learner already logged by hand or imported is not counted twice.
 */
export function hasAttemptOn(db: Db, learnerId: number, problemId: string, day: string, solvedOnly: boolean): boolean {
  const sql = `SELECT 1 FROM attempts WHERE learner_id = ? AND problem_id = ? AND day = ?${solvedOnly ? ` AND ${SOLVED_SQL}` : ''} LIMIT 1`;
  return db.prepare(sql).get(learnerId, problemId, day) !== undefined;
}

/** The learner's attempt with this id; another learner's attempt is undefined, like a missing one. */
export function attemptById(db: Db, learnerId: number, id: number): Attempt | undefined {
  const row = db.prepare(`${SELECT} WHERE a.id = ? AND a.learner_id = ?`).get(id, learnerId) as AttemptRow | undefined;
  return row && toAttempt(row);
}

/** Every attempt of the learner, oldest first (undated ones before all dated). */
export function attemptsForLearner(db: Db, learnerId: number): Attempt[] {
  return (db.prepare(`${SELECT} WHERE a.learner_id = ? ${ORDER}`).all(learnerId) as AttemptRow[]).map(toAttempt);
}

/** The learner's attempts on one local day, in the order they were logged. */
export function attemptsOnDay(db: Db, learnerId: number, day: string): Attempt[] {
  return (
    db.prepare(`${SELECT} WHERE a.learner_id = ? AND a.day = ? ORDER BY a.id`).all(learnerId, day) as AttemptRow[]
  ).map(toAttempt);
}

/** The learner's attempts of these problems, in the order they were logged. */
export function attemptsOfProblems(db: Db, learnerId: number, problemIds: string[]): Attempt[] {
  if (problemIds.length === 0) return [];
  const marks = problemIds.map(() => '?').join(',');
  const rows = db
    .prepare(`${SELECT} WHERE a.learner_id = ? AND a.problem_id IN (${marks}) ORDER BY a.id`)
    .all(learnerId, ...problemIds);
  return (rows as AttemptRow[]).map(toAttempt);
}

/** One page of the learner's attempts on one local day (null: the undated ones), in the order they were logged. */
export function attemptsOnDayPage(
  db: Db,
  learnerId: number,
  day: string | null,
  limit: number,
  offset: number,
): Attempt[] {
  const rows = db
    .prepare(`${SELECT} WHERE a.learner_id = ? AND a.day IS ? ORDER BY a.id LIMIT ? OFFSET ?`)
    .all(learnerId, day, limit, offset);
  return (rows as AttemptRow[]).map(toAttempt);
}

/** How many attempts the learner logged on one local day (null: how many are undated). */
export function attemptCountOnDay(db: Db, learnerId: number, day: string | null): number {
  return db
    .prepare('SELECT count(*) FROM attempts WHERE learner_id = ? AND day IS ?')
    .pluck()
    .get(learnerId, day) as number;
}

/**
 * The learner's attempts between two days inclusive, newest first, but those of `exceptDay` (a day the page shows
 * in full already); at most `limit` of them when given.
 */
export function attemptsBetween(
  db: Db,
  learnerId: number,
  from: string,
  to: string,
  limit = -1,
  exceptDay: string | null = null,
): Attempt[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE a.learner_id = ? AND a.day BETWEEN ? AND ? AND a.day IS NOT ? ORDER BY a.day DESC, a.id DESC LIMIT ?`,
    )
    .all(learnerId, from, to, exceptDay, limit);
  return (rows as AttemptRow[]).map(toAttempt);
}

/** The attempt the learner logged last (highest id), optionally for one problem. */
export function lastAttempt(db: Db, learnerId: number, problemId?: string): Attempt | undefined {
  const row = (
    problemId === undefined
      ? db.prepare(`${SELECT} WHERE a.learner_id = ? ORDER BY a.id DESC LIMIT 1`).get(learnerId)
      : db
          .prepare(`${SELECT} WHERE a.learner_id = ? AND a.problem_id = ? ORDER BY a.id DESC LIMIT 1`)
          .get(learnerId, problemId)
  ) as AttemptRow | undefined;
  return row && toAttempt(row);
}

/** Changes the learner's attempt; false when it is not theirs or does not exist. */
export function updateAttempt(db: Db, learnerId: number, id: number, changes: AttemptChanges): boolean {
  return (
    db
      .prepare(
        'UPDATE attempts SET day = @day, outcome = @outcome, minutes = @minutes, note = @note WHERE id = @id AND learner_id = @learnerId',
      )
      .run({ ...changes, id, learnerId }).changes === 1
  );
}

/** Deletes the learner's attempt; false when it is not theirs or does not exist. */
export function deleteAttempt(db: Db, learnerId: number, id: number): boolean {
  return db.prepare('DELETE FROM attempts WHERE id = ? AND learner_id = ?').run(id, learnerId).changes === 1;
}

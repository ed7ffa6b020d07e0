import type { Db } from '../db/connection.ts';
import { randomBytes } from 'node:crypto';
import type { Lang } from '../i18n/index.ts';
import type { LearnerSettings } from './learnerSettings.ts';

/** A user of cote. Days are the learner's local dates in `timezone` (see LearnerSettings for the editable part). */
export interface Learner extends LearnerSettings {
  id: number;
  login: string;
  isAdmin: boolean;
  customWeights: Record<string, number> | null;
  digestEnabled: boolean;
  digestTime: string;
  unsubscribeToken: string;
  createdAt: string;
}

interface LearnerRow {
  id: number;
  login: string;
  name: string;
  email: string;
  is_admin: number;
  timezone: string;
  language: Lang;
  exam_date: string | null;
  daily_minutes: number;
  study_days: string;
  profile: string;
  custom_weights: string | null;
  digest_enabled: number;
  digest_time: string;
  unsubscribe_token: string;
  created_at: string;
}

const COLUMNS = `id, login, name, email, is_admin, timezone, language, exam_date, daily_minutes, study_days, profile,
  custom_weights, digest_enabled, digest_time, unsubscribe_token, created_at`;

export function toLearner(row: LearnerRow): Learner {
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    email: row.email,
    isAdmin: row.is_admin === 1,
    timezone: row.timezone,
    language: row.language,
    examDate: row.exam_date,
    dailyMinutes: row.daily_minutes,
    studyDays: [...row.study_days].map(Number),
    profile: row.profile,
    customWeights: row.custom_weights ? (JSON.parse(row.custom_weights) as Record<string, number>) : null,
    digestEnabled: row.digest_enabled === 1,
    digestTime: row.digest_time,
    unsubscribeToken: row.unsubscribe_token,
    createdAt: row.created_at,
  };
}

export function learnerById(db: Db, id: number): Learner | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM learners WHERE id = ?`).get(id) as LearnerRow | undefined;
  return row && toLearner(row);
}

export function learnerByLogin(db: Db, login: string): Learner | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM learners WHERE login = ?`).get(login) as LearnerRow | undefined;
  return row && toLearner(row);
}

export function allLearners(db: Db): Learner[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM learners ORDER BY id`).all() as LearnerRow[]).map(toLearner);
}

/** One page of learners in the order they were added (the admin's list). */
export function learnersPage(db: Db, limit: number, offset: number): Learner[] {
  return (
    db.prepare(`SELECT ${COLUMNS} FROM learners ORDER BY id LIMIT ? OFFSET ?`).all(limit, offset) as LearnerRow[]
  ).map(toLearner);
}

export function learnerCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM learners').pluck().get() as number;
}

export function setLearnerLanguage(db: Db, id: number, language: Lang): void {
  db.prepare('UPDATE learners SET language = ? WHERE id = ?').run(language, id);
}

export interface NewLearner extends LearnerSettings {
  login: string;
  /** From hashPassword(); null leaves the learner unable to log in until a password is set. */
  passwordHash: string | null;
  isAdmin: boolean;
}

/** Inserts a learner; the login must be free (check with learnerByLogin first). */
export function createLearner(db: Db, learner: NewLearner, now: Date): Learner {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO learners (login, name, email, password_hash, is_admin, timezone, language, exam_date, daily_minutes, study_days, profile, unsubscribe_token, created_at)
       VALUES (@login, @name, @email, @passwordHash, @isAdmin, @timezone, @language, @examDate, @dailyMinutes, @studyDays, @profile, @token, @createdAt)`,
    )
    .run({
      ...learner,
      isAdmin: learner.isAdmin ? 1 : 0,
      studyDays: learner.studyDays.join(''),
      token: randomBytes(24).toString('base64url'),
      createdAt: now.toISOString(),
    });
  return learnerById(db, Number(lastInsertRowid))!;
}

/** Replaces the learner's settings (name, email, time zone, language, exam, budget, study days, profile). */
export function updateLearner(db: Db, id: number, settings: LearnerSettings): void {
  db.prepare(
    `UPDATE learners SET name = @name, email = @email, timezone = @timezone, language = @language, exam_date = @examDate,
       daily_minutes = @dailyMinutes, study_days = @studyDays, profile = @profile WHERE id = @id`,
  ).run({ ...settings, studyDays: settings.studyDays.join(''), id });
}

/** Saves the learner's own category weights and switches the profile to custom (planner weights page). */
export function setCustomWeights(db: Db, id: number, weights: Record<string, number>): void {
  db.prepare("UPDATE learners SET custom_weights = ?, profile = 'custom' WHERE id = ?").run(
    JSON.stringify(weights),
    id,
  );
}

export function setLearnerPassword(db: Db, id: number, passwordHash: string): void {
  db.prepare('UPDATE learners SET password_hash = ? WHERE id = ?').run(passwordHash, id);
}

/** The stored hash for a login (undefined when there is no such learner). */
export function passwordHashByLogin(db: Db, login: string): { id: number; hash: string | null } | undefined {
  return db.prepare('SELECT id, password_hash AS hash FROM learners WHERE login = ?').get(login) as
    | { id: number; hash: string | null }
    | undefined;
}

export function passwordHashById(db: Db, id: number): string | null {
  return (
    (db.prepare('SELECT password_hash FROM learners WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null
  );
}

/** The learner an email's unsubscribe link belongs to (the token is the only credential of that link). */
export function learnerByUnsubscribeToken(db: Db, token: string): Learner | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM learners WHERE unsubscribe_token = ?`).get(token) as
    | LearnerRow
    | undefined;
  return row && toLearner(row);
}

/** Switches the nightly digest on or off and sets its local time 'HH:MM'. */
export function setDigestSettings(db: Db, id: number, settings: { enabled: boolean; time: string }): void {
  db.prepare('UPDATE learners SET digest_enabled = ?, digest_time = ? WHERE id = ?').run(
    settings.enabled ? 1 : 0,
    settings.time,
    id,
  );
}

export function disableDigest(db: Db, id: number): void {
  db.prepare('UPDATE learners SET digest_enabled = 0 WHERE id = ?').run(id);
}

/** The keys of the lists that feed the learner's plan; null = every list (the default). */
export function planListsOf(db: Db, id: number): string[] | null {
  const raw = db.prepare('SELECT plan_lists FROM learners WHERE id = ?').pluck().get(id) as string | null | undefined;
  return raw ? (JSON.parse(raw) as string[]) : null;
}

/** Sets which lists feed the learner's plan; null = every list. */
export function setPlanLists(db: Db, id: number, keys: string[] | null): void {
  db.prepare('UPDATE learners SET plan_lists = ? WHERE id = ?').run(keys ? JSON.stringify(keys) : null, id);
}

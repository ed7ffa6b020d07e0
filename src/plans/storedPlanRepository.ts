import type { Db } from '../db/connection.ts';

/** What a plan's fingerprint is made of, read in one statement (primary-key reads and the few catalog rows). */
export interface PlanInputVersions {
  /** Bumped by every attempt insert, edit and delete (triggers of migration 150). */
  attempts: number;
  /** Bumped by attempts inserted by an import or a sync. */
  imports: number;
  /** The learner's chosen lists as stored (JSON array of keys; null = every list). */
  planLists: string | null;
  /** Every list's import stamp and every type mapping: changes when a list is imported, refreshed or removed. */
  catalog: string;
  /** The version of the learner's stored list for the day; null when none is stored. */
  listVersion: number | null;
}

export interface StoredPlanRow {
  learnerId: number;
  day: string;
  listInputs: string;
  fingerprint: string;
  /** The Plan as JSON, raw-DEFLATE compressed. */
  plan: Buffer;
  computedAt: string;
}

const VERSIONS = `SELECT
  (SELECT attempts_version FROM plan_inputs WHERE learner_id = @learnerId) AS attempts,
  (SELECT imports_version FROM plan_inputs WHERE learner_id = @learnerId) AS imports,
  (SELECT plan_lists FROM learners WHERE id = @learnerId) AS planLists,
  (SELECT version FROM plan_days WHERE learner_id = @learnerId AND day = @day) AS listVersion,
  (SELECT coalesce(group_concat(imported_at || ':' || version || ':' || id, ','), '') FROM lists) || '|' ||
  (SELECT coalesce(group_concat(name || '=' || type_key, ','), '') FROM type_aliases) AS catalog`;

export function planInputVersions(db: Db, learnerId: number, day: string): PlanInputVersions {
  type Row = Omit<PlanInputVersions, 'attempts' | 'imports'> & { attempts: number | null; imports: number | null };
  const row = db.prepare(VERSIONS).get({ learnerId, day }) as Row;
  return { ...row, attempts: row.attempts ?? 0, imports: row.imports ?? 0 };
}

const ROW_WITHOUT_PLAN = `learner_id AS learnerId, computed_for_day AS day, list_inputs AS listInputs,
  inputs_fingerprint AS fingerprint, computed_at AS computedAt`;

/** The stored plan's row without the plan itself: what a view compares before it reads (and inflates) the plan. */
export function storedPlanMeta(db: Db, learnerId: number): Omit<StoredPlanRow, 'plan'> | undefined {
  const sql = `SELECT ${ROW_WITHOUT_PLAN} FROM learner_plans WHERE learner_id = ?`;
  return db.prepare(sql).get(learnerId) as Omit<StoredPlanRow, 'plan'> | undefined;
}

export function storedPlanRow(db: Db, learnerId: number): StoredPlanRow | undefined {
  const sql = `SELECT ${ROW_WITHOUT_PLAN}, plan FROM learner_plans WHERE learner_id = ?`;
  return db.prepare(sql).get(learnerId) as StoredPlanRow | undefined;
}

export function saveStoredPlan(db: Db, row: StoredPlanRow): void {
  db.prepare(
    `INSERT INTO learner_plans (learner_id, computed_for_day, list_inputs, inputs_fingerprint, plan, computed_at)
     VALUES (@learnerId, @day, @listInputs, @fingerprint, @plan, @computedAt)
     ON CONFLICT (learner_id) DO UPDATE SET computed_for_day = excluded.computed_for_day, list_inputs = excluded.list_inputs,
       inputs_fingerprint = excluded.inputs_fingerprint, plan = excluded.plan, computed_at = excluded.computed_at`,
  ).run(row);
}

/** The stored plan now answers to `fingerprint` (its list was stored from it, nothing else changed). */
export function refingerprintStoredPlan(db: Db, learnerId: number, from: string, to: string): void {
  const sql = 'UPDATE learner_plans SET inputs_fingerprint = ? WHERE learner_id = ? AND inputs_fingerprint = ?';
  db.prepare(sql).run(to, learnerId, from);
}

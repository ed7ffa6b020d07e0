import type { Db } from '../db/connection.ts';
import type { PlanItem } from '../planner/types.ts';

/** Today's list as first shown, with what the learner skipped and "less time today". */
export interface StoredPlanDay {
  learnerId: number;
  day: string;
  items: PlanItem[];
  skipped: string[];
  minutesToday: number | null;
  createdAt: string;
  /** Changes since it was stored (skip, swap, less time, a rebuild); part of the plan's fingerprint. */
  version: number;
  /** The list part of the fingerprint the list was built from; null for a list stored before it existed. */
  listInputs: string | null;
}

interface PlanDayRow {
  learner_id: number;
  day: string;
  items: string;
  skipped: string;
  minutes_today: number | null;
  created_at: string;
  version: number;
  list_inputs: string | null;
}

export function planDayOf(db: Db, learnerId: number, day: string): StoredPlanDay | undefined {
  const sql = `SELECT learner_id, day, items, skipped, minutes_today, created_at, version, list_inputs
    FROM plan_days WHERE learner_id = ? AND day = ?`;
  const row = db.prepare(sql).get(learnerId, day) as PlanDayRow | undefined;
  return (
    row && {
      learnerId: row.learner_id,
      day: row.day,
      items: JSON.parse(row.items) as PlanItem[],
      skipped: JSON.parse(row.skipped) as string[],
      minutesToday: row.minutes_today,
      createdAt: row.created_at,
      version: row.version,
      listInputs: row.list_inputs,
    }
  );
}

/** Stores the day's list unless one is stored already (the first shown list wins); true when stored. */
export function storePlanDay(
  db: Db,
  learnerId: number,
  day: string,
  items: PlanItem[],
  createdAt: string,
  listInputs: string | null = null,
): boolean {
  const sql = `INSERT INTO plan_days (learner_id, day, items, created_at, list_inputs) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (learner_id, day) DO NOTHING`;
  return db.prepare(sql).run(learnerId, day, JSON.stringify(items), createdAt, listInputs).changes === 1;
}

export function updatePlanDay(
  db: Db,
  learnerId: number,
  day: string,
  changes: { items: PlanItem[]; skipped: string[]; minutesToday: number | null },
): void {
  const sql =
    'UPDATE plan_days SET items = ?, skipped = ?, minutes_today = ?, version = version + 1 WHERE learner_id = ? AND day = ?';
  db.prepare(sql).run(
    JSON.stringify(changes.items),
    JSON.stringify(changes.skipped),
    changes.minutesToday,
    learnerId,
    day,
  );
}

/** Today's list rebuilt after its inputs changed (settings, catalog, an import): new items, built from `listInputs`. */
export function rebuildPlanDay(db: Db, learnerId: number, day: string, items: PlanItem[], listInputs: string): void {
  db.prepare(
    'UPDATE plan_days SET items = ?, list_inputs = ?, version = version + 1 WHERE learner_id = ? AND day = ?',
  ).run(JSON.stringify(items), listInputs, learnerId, day);
}

/** Records the inputs a list stored before fingerprints existed belongs to (it is kept as it is). */
export function adoptPlanDayInputs(db: Db, learnerId: number, day: string, listInputs: string): void {
  const sql = 'UPDATE plan_days SET list_inputs = ? WHERE learner_id = ? AND day = ? AND list_inputs IS NULL';
  db.prepare(sql).run(listInputs, learnerId, day);
}

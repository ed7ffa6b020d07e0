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
}

interface PlanDayRow {
  learner_id: number;
  day: string;
  items: string;
  skipped: string;
  minutes_today: number | null;
  created_at: string;
}

export function planDayOf(db: Db, learnerId: number, day: string): StoredPlanDay | undefined {
  const row = db.prepare('SELECT learner_id, day, items, skipped, minutes_today, created_at FROM plan_days WHERE learner_id = ? AND day = ?').get(learnerId, day) as
    | PlanDayRow
    | undefined;
  return (
    row && {
      learnerId: row.learner_id,
      day: row.day,
      items: JSON.parse(row.items) as PlanItem[],
      skipped: JSON.parse(row.skipped) as string[],
      minutesToday: row.minutes_today,
      createdAt: row.created_at,
    }
  );
}

/** Stores the day's list unless one is stored already (the first shown list wins); true when stored. */
export function storePlanDay(db: Db, learnerId: number, day: string, items: PlanItem[], createdAt: string): boolean {
  const sql = 'INSERT INTO plan_days (learner_id, day, items, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (learner_id, day) DO NOTHING';
  return db.prepare(sql).run(learnerId, day, JSON.stringify(items), createdAt).changes === 1;
}

export function updatePlanDay(db: Db, learnerId: number, day: string, changes: { items: PlanItem[]; skipped: string[]; minutesToday: number | null }): void {
  db.prepare('UPDATE plan_days SET items = ?, skipped = ?, minutes_today = ? WHERE learner_id = ? AND day = ?').run(
    JSON.stringify(changes.items),
    JSON.stringify(changes.skipped),
    changes.minutesToday,
    learnerId,
    day,
  );
}

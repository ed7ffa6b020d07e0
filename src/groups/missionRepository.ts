import type { Db } from '../db/connection.ts';

/** SQL on the `group_missions` table: one stored mission per group and day. */

export interface MissionProblem {
  problem: string;
  /** The type it was chosen for. */
  category: string;
}

export interface StoredMission {
  groupId: number;
  day: string;
  problems: MissionProblem[];
  createdAt: string;
}

export function missionOf(db: Db, groupId: number, day: string): StoredMission | undefined {
  const row = db
    .prepare('SELECT group_id, day, problems, created_at FROM group_missions WHERE group_id = ? AND day = ?')
    .get(groupId, day) as { group_id: number; day: string; problems: string; created_at: string } | undefined;
  return (
    row && {
      groupId: row.group_id,
      day: row.day,
      problems: JSON.parse(row.problems) as MissionProblem[],
      createdAt: row.created_at,
    }
  );
}

/** Stores the day's mission unless one is stored already (the first one wins, so it is stable); true when stored. */
export function storeMission(
  db: Db,
  groupId: number,
  day: string,
  problems: MissionProblem[],
  createdAt: string,
): boolean {
  const sql =
    'INSERT INTO group_missions (group_id, day, problems, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (group_id, day) DO NOTHING';
  return db.prepare(sql).run(groupId, day, JSON.stringify(problems), createdAt).changes === 1;
}

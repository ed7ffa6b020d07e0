import type { Db } from '../db/connection.ts';

/** SQL on the `study_groups` table. */

/** A study group and what it shares with its members (null: nothing shared there). */
export interface Group {
  id: number;
  name: string;
  /** YYYY-MM-DD. */
  examDate: string | null;
  /** 'general', 'samsung' or 'kakao'. */
  profile: string | null;
  /** Keys of the lists that feed the members' plans. */
  lists: string[] | null;
  createdAt: string;
}

/** What an admin sets on a group (create and edit). */
export interface GroupFields {
  name: string;
  examDate: string | null;
  profile: string | null;
  lists: string[] | null;
}

interface GroupRow {
  id: number;
  name: string;
  exam_date: string | null;
  profile: string | null;
  plan_lists: string | null;
  created_at: string;
}

const SELECT = 'SELECT id, name, exam_date, profile, plan_lists, created_at FROM study_groups';

function toGroup(row: GroupRow): Group {
  return {
    id: row.id,
    name: row.name,
    examDate: row.exam_date,
    profile: row.profile,
    lists: row.plan_lists ? (JSON.parse(row.plan_lists) as string[]) : null,
    createdAt: row.created_at,
  };
}

export function groupById(db: Db, id: number): Group | undefined {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as GroupRow | undefined;
  return row && toGroup(row);
}

/** Names compare without case ('Samsung Prep' is 'samsung prep'). */
export function groupByName(db: Db, name: string): Group | undefined {
  const row = db.prepare(`${SELECT} WHERE name = ?`).get(name) as GroupRow | undefined;
  return row && toGroup(row);
}

export function allGroups(db: Db): Group[] {
  return (db.prepare(`${SELECT} ORDER BY name`).all() as GroupRow[]).map(toGroup);
}

const params = (f: GroupFields) => ({
  name: f.name,
  examDate: f.examDate,
  profile: f.profile,
  lists: f.lists ? JSON.stringify(f.lists) : null,
});

/** Inserts a group; the name must be free (check with groupByName first; the UNIQUE constraint backs it). */
export function insertGroup(db: Db, fields: GroupFields, now: Date): Group {
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO study_groups (name, exam_date, profile, plan_lists, created_at) VALUES (@name, @examDate, @profile, @lists, @createdAt)',
    )
    .run({ ...params(fields), createdAt: now.toISOString() });
  return groupById(db, Number(lastInsertRowid))!;
}

export function updateGroup(db: Db, id: number, fields: GroupFields): void {
  db.prepare(
    'UPDATE study_groups SET name = @name, exam_date = @examDate, profile = @profile, plan_lists = @lists WHERE id = @id',
  ).run({ ...params(fields), id });
}

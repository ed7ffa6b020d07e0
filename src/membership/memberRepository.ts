import type { Db } from '../db/connection.ts';

/** SQL on the `group_members` table: who is in which group, and each member's own group settings. */

export interface Membership {
  groupId: number;
  learnerId: number;
  /** Left out of the board and of what other members see. */
  hidden: boolean;
  /** The nightly email carries the group section. */
  digestSection: boolean;
  joinedAt: string;
}

/** A member as the board lists them: login and name only (never email, notes or settings). */
export interface MemberInfo extends Membership {
  login: string;
  name: string;
  timezone: string;
}

interface MemberRow {
  group_id: number;
  learner_id: number;
  hidden: number;
  digest_section: number;
  joined_at: string;
  login: string;
  name: string;
  timezone: string;
}

function toMember(row: MemberRow): MemberInfo {
  return {
    groupId: row.group_id,
    learnerId: row.learner_id,
    hidden: row.hidden === 1,
    digestSection: row.digest_section === 1,
    joinedAt: row.joined_at,
    login: row.login,
    name: row.name,
    timezone: row.timezone,
  };
}

const SELECT = `SELECT m.group_id, m.learner_id, m.hidden, m.digest_section, m.joined_at, l.login, l.name, l.timezone
  FROM group_members m JOIN learners l ON l.id = m.learner_id`;

/** The learner's membership, or undefined when they are in no group. */
export function membershipOf(db: Db, learnerId: number): MemberInfo | undefined {
  const row = db.prepare(`${SELECT} WHERE m.learner_id = ?`).get(learnerId) as MemberRow | undefined;
  return row && toMember(row);
}

/** Every member of the group in the order they joined (hidden ones included: callers decide who sees them). */
export function membersOf(db: Db, groupId: number): MemberInfo[] {
  return (
    db.prepare(`${SELECT} WHERE m.group_id = ? ORDER BY m.joined_at, m.learner_id`).all(groupId) as MemberRow[]
  ).map(toMember);
}

/** Adds the learner to the group. Throws SQLite's UNIQUE error when they are in a group already. */
export function insertMember(db: Db, groupId: number, learnerId: number, now: Date): void {
  db.prepare('INSERT INTO group_members (group_id, learner_id, joined_at) VALUES (?, ?, ?)').run(
    groupId,
    learnerId,
    now.toISOString(),
  );
}

/** Removes the learner from the group; false when they were not in it. */
export function deleteMember(db: Db, groupId: number, learnerId: number): boolean {
  return (
    db.prepare('DELETE FROM group_members WHERE group_id = ? AND learner_id = ?').run(groupId, learnerId).changes === 1
  );
}

/** The member's own settings: hidden from the board, the group section in their email. */
export function setMemberSettings(
  db: Db,
  learnerId: number,
  settings: { hidden: boolean; digestSection: boolean },
): boolean {
  const sql = 'UPDATE group_members SET hidden = ?, digest_section = ? WHERE learner_id = ?';
  return db.prepare(sql).run(settings.hidden ? 1 : 0, settings.digestSection ? 1 : 0, learnerId).changes === 1;
}

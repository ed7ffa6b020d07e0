import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import { learnerFor } from '../learners/learnerRef.ts';
import { groupById, groupByName, insertGroup, updateGroup, type Group } from '../membership/groupRepository.ts';
import { parseGroupFields, type RawGroupFields } from './groupFields.ts';
import { deleteMember, insertMember, membershipOf } from '../membership/memberRepository.ts';

// An admin's changes to groups (the web pages and the CLI call these). Each is one transaction and refuses with an
// AppError naming what is wrong: 404 unknown group or learner, 409 a taken name or a learner already in a group.

export function findGroup(db: Db, ref: string | number): Group {
  const group = typeof ref === 'number' ? groupById(db, ref) : groupByName(db, ref.trim());
  if (!group)
    throw new AppError('group.unknown', `there is no group ${JSON.stringify(String(ref))}`, 404, {
      group: String(ref),
    });
  return group;
}

function nameTaken(db: Db, name: string, except?: number): void {
  const other = groupByName(db, name);
  if (other && other.id !== except)
    throw new AppError('group.name_taken', `a group named ${JSON.stringify(other.name)} exists already`, 409, {
      group: other.name,
    });
}

export function createGroup(db: Db, raw: RawGroupFields, now: Date): Group {
  const fields = parseGroupFields(db, raw, now);
  return db.transaction(() => {
    nameTaken(db, fields.name);
    return insertGroup(db, fields, now);
  })();
}

export function editGroup(db: Db, id: number, raw: RawGroupFields, now: Date): Group {
  const group = findGroup(db, id);
  const fields = parseGroupFields(db, raw, now, group);
  db.transaction(() => {
    nameTaken(db, fields.name, group.id);
    updateGroup(db, group.id, fields);
  })();
  return findGroup(db, id);
}

/** Adds a learner; one already in a group (this one or another) is a conflict, whatever raced the check. */
export function addMember(db: Db, group: Group, login: string, now: Date): Learner {
  const learner = learnerFor(db, login);
  const alreadyIn = (groupId: number): never => {
    const where =
      groupId === group.id ? 'this group' : `group ${JSON.stringify(groupById(db, groupId)?.name ?? String(groupId))}`;
    throw new AppError(
      'group.already_member',
      `${learner.login} is already in ${where}: a learner belongs to one group`,
      409,
      {
        learner: learner.login,
        group: groupById(db, groupId)?.name ?? String(groupId),
      },
    );
  };
  db.transaction(() => {
    const current = membershipOf(db, learner.id);
    if (current) alreadyIn(current.groupId);
    try {
      insertMember(db, group.id, learner.id, now);
    } catch (error) {
      if (
        (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ||
        (error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
      ) {
        alreadyIn(membershipOf(db, learner.id)?.groupId ?? group.id);
      }
      throw error;
    }
  })();
  return learner;
}

export function removeMember(db: Db, group: Group, login: string): Learner {
  const learner = learnerFor(db, login);
  if (!deleteMember(db, group.id, learner.id)) {
    throw new AppError('group.not_member', `${learner.login} is not in group ${JSON.stringify(group.name)}`, 404, {
      learner: learner.login,
      group: group.name,
    });
  }
  return learner;
}

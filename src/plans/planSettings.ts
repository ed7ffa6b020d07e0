import type { Db } from '../db/connection.ts';
import { groupById, type Group } from '../membership/groupRepository.ts';
import { membershipOf } from '../membership/memberRepository.ts';

/**
 * What a member takes from their group. The rule: a group's value applies where the learner left theirs at its
 * default — no exam date of their own, the 'general' profile (the default every learner starts with), every list (no
 * choice made on /lists). A learner who sets an exam date, another profile or their own lists keeps theirs. Leaving the
 * group takes nothing away from them: nothing is copied into the learner's row.
 */
export interface PlanSettings {
  examDate: string | null;
  profile: string;
  /** Keys of the lists that feed the plan; null = every list. */
  lists: string[] | null;
}

export function groupOfLearner(db: Db, learnerId: number): Group | undefined {
  const membership = membershipOf(db, learnerId);
  return membership && groupById(db, membership.groupId);
}

/** The learner's own settings with the group's filled in where the learner kept the default. */
export function inheritFrom(group: Group | undefined, own: PlanSettings): PlanSettings {
  if (!group) return own;
  return {
    examDate: own.examDate ?? group.examDate,
    profile: own.profile === 'general' && group.profile ? group.profile : own.profile,
    lists: own.lists ?? group.lists,
  };
}

/** The settings the learner's plan uses (their own, with their group's where they kept the default). */
export function planSettingsOf(db: Db, learnerId: number, own: PlanSettings): PlanSettings {
  return inheritFrom(groupOfLearner(db, learnerId), own);
}

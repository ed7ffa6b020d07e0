import type { Db } from '../db/connection.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import { memberMission } from './memberMission.ts';

/** The nightly email's short group section. */
export interface DigestGroup {
  name: string;
  doneBy: number;
  members: number;
  streak: number;
  problems: { id: string; title: string; url: string | null; mine: 'today' | 'before' | null }[];
}

/**
 * The group section of the learner's digest for `day`; null outside a group or when the member switched it off.
 * It only reads: the day's stored mission, else the one the group would get now (a dry run stores nothing).
 */
export function groupDigestSection(db: Db, learner: Learner, day: string): DigestGroup | null {
  const mission = memberMission(db, learner, day, {
    store: false,
    now: new Date(`${day}T00:00:00Z`),
    lang: learner.language,
  });
  if (!mission?.digestSection) return null;
  return {
    name: mission.groupName,
    doneBy: mission.doneBy,
    members: mission.members,
    streak: mission.groupStreak,
    // Only web links go into an email.
    problems: mission.problems.map((p) => ({
      id: p.problem,
      title: p.title,
      url: p.url && /^https?:\/\//i.test(p.url) ? p.url : null,
      mine: p.mine,
    })),
  };
}

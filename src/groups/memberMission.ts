import type { Db } from '../db/connection.ts';
import type { Lang } from '../i18n/index.ts';
import { learnerById, type Learner } from '../learners/learnerRepository.ts';
import { problemsByIds } from '../catalog/problemRepository.ts';
import { activityOf, groupStreak } from './activity.ts';
import { groupById } from '../membership/groupRepository.ts';
import { membersOf, membershipOf } from '../membership/memberRepository.ts';
import { groupCatalog, missionFor } from './mission.ts';

/** The group's mission as one member sees it (the Today page's section and the nightly email's). */
export interface MemberMission {
  groupId: number;
  groupName: string;
  problems: {
    problem: string;
    title: string;
    url: string | null;
    level: number;
    categoryName: string;
    /** 'today': solved on the day; 'before': already solved earlier; null: not yet. */
    mine: 'today' | 'before' | null;
  }[];
  /** Members on the board (not hidden) who solved every mission problem, of `members`. */
  doneBy: number;
  members: number;
  groupStreak: number;
  /** The member's own settings. */
  hidden: boolean;
  digestSection: boolean;
}

/** The mission for the learner's group on `day`, or undefined when they are in no group. */
export function memberMission(
  db: Db,
  learner: Learner,
  day: string,
  options: { store: boolean; now: Date; lang: Lang },
): MemberMission | undefined {
  const membership = membershipOf(db, learner.id);
  const group = membership && groupById(db, membership.groupId);
  if (!membership || !group) return undefined;
  const problems = missionFor(db, group, day, { store: options.store, now: options.now });
  const mine = activityOf(db, learner.id, day);
  const shown = membersOf(db, group.id)
    .filter((m) => !m.hidden)
    .map((m) => learnerById(db, m.learnerId))
    .filter((l): l is Learner => l !== undefined);
  const activities = shown.map((l) => activityOf(db, l.id, day));
  const info = problemsByIds(
    db,
    problems.map((p) => p.problem),
  );
  const names = new Map(
    groupCatalog(db, group).categories.map((c) => [c.key, options.lang === 'ko' ? c.nameKo : c.nameEn]),
  );
  return {
    groupId: group.id,
    groupName: group.name,
    problems: problems.map((p) => {
      const first = mine.firstSolved.get(p.problem);
      const found = info.get(p.problem);
      return {
        problem: p.problem,
        title: found?.title ?? p.problem,
        url: found?.url ?? null,
        level: found?.level ?? 0,
        categoryName: names.get(p.category) ?? p.category,
        mine: first === undefined ? null : first < day ? 'before' : 'today',
      };
    }),
    doneBy:
      problems.length === 0 ? 0 : activities.filter((a) => problems.every((p) => a.firstSolved.has(p.problem))).length,
    members: shown.length,
    groupStreak: groupStreak(activities, day),
    hidden: membership.hidden,
    digestSection: membership.digestSection,
  };
}

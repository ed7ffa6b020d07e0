import type { Db } from '../db/connection.ts';
import { daysBetween } from '../day.ts';
import { learnerById, type Learner } from '../learners/learnerRepository.ts';
import type { Plan, PlannerCatalog } from '../planner/types.ts';
import { solvedProblems } from '../progress/checklistStatus.ts';
import { currentCatalog } from '../plans/planService.ts';
import type { Group } from '../membership/groupRepository.ts';
import { membersOf } from '../membership/memberRepository.ts';
import { memberPlan } from './memberPlans.ts';
import { chooseMission, PICK_DAYS, type MissionMember } from './missionChoice.ts';
import { missionOf, storeMission, type MissionProblem } from './missionRepository.ts';

/** The catalog of the group's lists (every list when the group shares none). */
export function groupCatalog(db: Db, group: Group): PlannerCatalog {
  return currentCatalog(db, group.lists);
}

export interface MissionOptions {
  /** Store a newly chosen mission, so it stays the same through the day (false: a dry run or another day). */
  store: boolean;
  now: Date;
  /** Members' plans the caller already has (the board), by learner id. */
  plans?: Map<number, Plan>;
}

/**
 * The group's mission for `day`: the stored one, else chosen now from every member's plan (hidden members count too:
 * hiding is about being seen, not about the group's work) and stored when `store`. The first stored mission of a day
 * wins, so two members opening their pages at once see the same problems. An empty choice is not stored.
 */
export function missionFor(db: Db, group: Group, day: string, options: MissionOptions): MissionProblem[] {
  const stored = missionOf(db, group.id, day);
  if (stored) return stored.problems;
  const learners = membersOf(db, group.id)
    .map((m) => learnerById(db, m.learnerId))
    .filter((l): l is Learner => l !== undefined);
  const catalog = groupCatalog(db, group);
  const members = learners.map((learner): MissionMember => {
    const plan = options.plans?.get(learner.id) ?? memberPlan(db, learner, day, options.now);
    const picks = plan.days.flatMap((d) =>
      d.items
        .filter((i) => i.kind === 'new')
        .map((i) => ({ problem: i.problem, category: i.category, dayIndex: daysBetween(day, d.day) })),
    );
    return {
      readiness: plan.readiness,
      picks: picks.filter((p) => p.dayIndex < PICK_DAYS),
      solved: solvedProblems(db, learner.id),
    };
  });
  const problems = chooseMission({
    groupId: group.id,
    day,
    members,
    entries: catalog.entries,
    levels: new Map(catalog.problems.map((p) => [p.id, p.level])),
  });
  if (!options.store || problems.length === 0) return problems;
  storeMission(db, group.id, day, problems, options.now.toISOString());
  return missionOf(db, group.id, day)?.problems ?? problems;
}

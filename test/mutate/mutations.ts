/**
 * The mutations `npm run mutate` tries: each changes behaviour a user would see, in the planner, plans, groups, sync
 * and imports, and names the test files that should fail with it. `from` must occur exactly once in `file`: a
 * refactor that moves the code makes the run say NOT APPLIED, and the entry is updated with it.
 */
export interface Mutation {
  name: string;
  file: string;
  from: string;
  to: string;
  /** What a user would see go wrong. */
  what: string;
  tests: string[];
}

const MISSION = ['test/unit/groups.missionChoice.test.ts'];
const SYNC = ['test/integration/sync.sameDay.test.ts', 'test/integration/sync.codeforces.test.ts'];
const HUB = ['test/unit/progress.parsers.test.ts'];

export const MUTATIONS: Mutation[] = [
  {
    name: 'mission-half',
    file: 'src/groups/missionChoice.ts',
    from: '.filter(({ solvedBy }) => solvedBy * 2 <= members)',
    to: '.filter(({ solvedBy }) => solvedBy * 2 < members)',
    what: 'a problem solved by exactly half the group is never a mission',
    tests: MISSION,
  },
  {
    name: 'mission-today-weight',
    file: 'src/groups/missionChoice.ts',
    from: '1 / (1 + p.dayIndex)',
    to: '1',
    what: "the mission weighs a member's pick for next week like one for today",
    tests: MISSION,
  },
  {
    name: 'mission-pick-window',
    file: 'src/groups/missionChoice.ts',
    from: 'if (p.dayIndex >= PICK_DAYS) continue;',
    to: 'if (p.dayIndex > PICK_DAYS + 30) continue;',
    what: 'picks a month ahead vote for the mission',
    tests: MISSION,
  },
  {
    name: 'mission-size',
    file: 'src/groups/missionChoice.ts',
    from: 'if (chosen.length >= MISSION_SIZE) break;',
    to: 'if (chosen.length > MISSION_SIZE) break;',
    what: 'a mission of four problems',
    tests: MISSION,
  },
  {
    name: 'mission-weight-zero',
    file: 'src/groups/missionChoice.ts',
    from: '.filter((t) => t.weight > 0)',
    to: '.filter((t) => t.weight >= 0)',
    what: 'a type the exam does not count becomes a weak type',
    tests: MISSION,
  },
  {
    name: 'sync-same-day-solved',
    file: 'src/progress/keepAttempt.ts',
    from: "a.day, a.outcome === 'solved')",
    to: "a.day, a.outcome !== 'solved')",
    what: 'a synced solve is dropped because a failure was logged by hand that day',
    tests: SYNC,
  },
  {
    name: 'hub-hour-24',
    file: 'src/progress/imports/baekjoonHubReadme.ts',
    from: 'hh > 23',
    to: 'hh > 24',
    what: 'a BaekjoonHub time of 24:xx is accepted (and rolls over into the next day)',
    tests: HUB,
  },
  {
    name: 'hub-impossible-date',
    file: 'src/progress/imports/baekjoonHubReadme.ts',
    from: 'if (!isDay(day) || hh > 23) return null;',
    to: 'if (hh > 23) return null;',
    what: 'a BaekjoonHub date of February 30 is accepted',
    tests: HUB,
  },
  {
    name: 'csv-missing-column',
    file: 'src/progress/imports/attemptCsv.ts',
    from: 'missing.length > 0',
    to: 'missing.length > 1',
    what: 'a CSV without its day column is imported',
    tests: HUB,
  },
  {
    name: 'streak-gap',
    file: 'src/progress/streaks.ts',
    from: 'daysBetween(days[i - 1], days[i]) === 1',
    to: 'daysBetween(days[i - 1], days[i]) <= 2',
    what: 'a day without a solve does not break the streak',
    tests: ['test/unit/progress.streaks.test.ts'],
  },
  {
    name: 'next-day-last',
    file: 'src/plans/nextDay.ts',
    from: 'd < examDate; d = addDays(d, 1)',
    to: 'd <= examDate; d = addDays(d, 1)',
    what: 'the last study day before the exam is not recognised when the exam falls on a study day',
    tests: ['test/unit/plans.nextDay.test.ts'],
  },
  {
    name: 'plan-custom-weights',
    file: 'src/plans/planInputs.ts',
    from: "customWeights: learner.profile === 'custom' ? learner.customWeights : null,",
    to: 'customWeights: learner.customWeights,',
    what: 'custom weights still steer the plan after the learner picked an exam profile',
    tests: ['test/integration/plan.customWeights.test.ts', 'test/integration/planInputs.test.ts'],
  },
  {
    name: 'fingerprint-custom',
    file: 'src/plans/planInputs.ts',
    from: "learner.profile === 'custom' ?",
    to: "learner.profile !== 'custom' ?",
    what: 'editing custom weights leaves the stored plan stale (one builder feeds the planner and the fingerprint)',
    tests: ['test/integration/planInputs.test.ts', 'test/integration/storedPlan.test.ts'],
  },
];

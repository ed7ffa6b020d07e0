import type { Db } from '../db/connection.ts';
import { addDays, daysBetween } from '../day.ts';
import type { Lang } from '../i18n/index.ts';
import { learnerById, type Learner } from '../learners/learnerRepository.ts';
import type { Plan } from '../planner/types.ts';
import { heatmapBetween, type Heatmap } from '../progress/heatmap.ts';
import { problemsByIds } from '../catalog/problemRepository.ts';
import { activityOf, groupStreak, lastDays, type Activity } from './activity.ts';
import type { Group } from '../membership/groupRepository.ts';
import { membersOf } from '../membership/memberRepository.ts';
import { memberPlan } from './memberPlans.ts';
import { groupCatalog, missionFor } from './mission.ts';
import { typesWithEvidence } from '../plans/evidence.ts';
import { plannerHistory } from '../progress/plannerHistory.ts';

/** Days of the board's per-member strip (today and the 6 before it). */
export const BOARD_DAYS = 7;
/** Heavy types shown per member. */
export const HEAVY_TYPES = 3;
/** Weeks of the group heatmap. */
export const GRASS_WEEKS = 26;

export interface BoardRow {
  login: string;
  name: string;
  solvedToday: number;
  /** Solves on each of the board's days, oldest first. */
  week: number[];
  streak: number;
  /** Days to the member's exam (their own date, else the group's); null without one or once passed. */
  dDay: number | null;
  /** Readiness 0–100 of the group's heavy types, in the order of BoardView.heavy. */
  readiness: (number | null)[];
  verdict: Plan['verdict'] | null;
  behind: boolean;
  missionSolved: number;
  missionDone: boolean;
}

export interface MissionLine {
  problem: string;
  category: string;
  categoryName: string;
  title: string;
  url: string | null;
  level: number;
  /** Logins of the board's members who solved it (on or before the day). */
  solvedBy: string[];
  /** …and of those, who solved it before the day ("already solved"). */
  solvedBefore: string[];
}

export interface BoardView {
  group: { id: number; name: string; examDate: string | null; profile: string | null };
  day: string;
  days: string[];
  heavy: { category: string; name: string }[];
  rows: BoardRow[];
  mission: MissionLine[];
  /** Members on the board who solved every mission problem, of `rows.length`. */
  missionDone: number;
  groupStreak: number;
  grass: Heatmap;
  coverage: { category: string; name: string; members: number }[];
  /** Members hidden from the board (a count only). */
  hidden: number;
}

export interface BoardOptions {
  lang: Lang;
  /** Store the day's mission when none is stored (the real today); false for another day. */
  storeMission: boolean;
  now: Date;
}

/**
 * The group board for `day`: one row per member who is not hidden, the mission with who solved it, the group's
 * heatmap, streak and type coverage this week. It shows logins, names and figures only — never an email, a note or
 * a setting of another member.
 */
export function boardView(db: Db, group: Group, day: string, options: BoardOptions): BoardView {
  const members = membersOf(db, group.id);
  const shown = members
    .filter((m) => !m.hidden)
    .map((m) => learnerById(db, m.learnerId))
    .filter((l): l is Learner => l !== undefined);
  const plans = new Map(shown.map((l) => [l.id, memberPlan(db, l, day, options.now)]));
  const activities = new Map(shown.map((l) => [l.id, activityOf(db, l.id, day)]));
  const catalog = groupCatalog(db, group);
  const names = new Map(catalog.categories.map((c) => [c.key, options.lang === 'ko' ? c.nameKo : c.nameEn]));
  const heavy = heavyTypes([...plans.values()]).map((category) => ({
    category,
    name: names.get(category) ?? category,
  }));
  const problems = missionFor(db, group, day, { store: options.storeMission, now: options.now, plans });
  const days = lastDays(day, BOARD_DAYS);

  const evidence = new Map(shown.map((l) => [l.id, typesWithEvidence(plannerHistory(db, l.id), catalog.entries)]));
  const rows = shown.map((l): BoardRow => {
    const plan = plans.get(l.id)!;
    const a = activities.get(l.id)!;
    const missionSolved = problems.filter((p) => a.firstSolved.has(p.problem)).length;
    const dDay = plan.exam ? daysBetween(day, plan.exam) : null;
    return {
      login: l.login,
      name: l.name,
      solvedToday: a.solvedPerDay.get(day) ?? 0,
      week: days.map((d) => a.solvedPerDay.get(d) ?? 0),
      streak: a.streak,
      dDay: dDay !== null && dDay >= 0 ? dDay : null,
      // A type the member has not tried yet has no readiness to show, only the planner's prior (null: "no evidence").
      readiness: heavy.map(({ category }) => {
        const r = plan.readiness.find((x) => x.category === category);
        return r && evidence.get(l.id)!.has(category) ? Math.round(r.now * 100) : null;
      }),
      verdict: plan.days.length === 0 ? null : plan.verdict,
      behind: plan.days.length > 0 && plan.verdict === 'behind',
      missionSolved,
      missionDone: problems.length > 0 && missionSolved === problems.length,
    };
  });

  const info = problemsByIds(
    db,
    problems.map((p) => p.problem),
  );
  const mission = problems.map((p): MissionLine => {
    const solvers = shown.filter((l) => activities.get(l.id)!.firstSolved.has(p.problem));
    const found = info.get(p.problem);
    return {
      problem: p.problem,
      category: p.category,
      categoryName: names.get(p.category) ?? p.category,
      title: found?.title ?? p.problem,
      url: found?.url ?? null,
      level: found?.level ?? 0,
      solvedBy: solvers.map((l) => l.login),
      solvedBefore: solvers.filter((l) => activities.get(l.id)!.firstSolved.get(p.problem)! < day).map((l) => l.login),
    };
  });

  return {
    group: { id: group.id, name: group.name, examDate: group.examDate, profile: group.profile },
    day,
    days,
    heavy,
    rows,
    mission,
    missionDone: rows.filter((r) => r.missionDone).length,
    groupStreak: groupStreak([...activities.values()], day),
    grass: heatmapBetween(sumCounts([...activities.values()]), addDays(day, -(GRASS_WEEKS * 7 - 1)), day),
    coverage: coverage(
      catalog.entries,
      catalog.categories.map((c) => c.key),
      [...activities.values()],
      days,
    ).map((c) => ({ ...c, name: names.get(c.category) ?? c.category })),
    hidden: members.length - shown.length,
  };
}

/** The types the members' exams weigh most (average weight of their plans), heaviest first. */
function heavyTypes(plans: Plan[]): string[] {
  const weights = new Map<string, number>();
  for (const plan of plans)
    for (const r of plan.readiness) weights.set(r.category, (weights.get(r.category) ?? 0) + r.weight);
  return [...weights]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, HEAVY_TYPES)
    .map(([category]) => category);
}

function sumCounts(activities: Activity[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of activities) for (const [d, n] of a.solvedPerDay) out.set(d, (out.get(d) ?? 0) + n);
  return out;
}

/** How many members solved at least one problem of each type during `days`, in the catalog's type order. */
function coverage(
  entries: { category: string; problem: string }[],
  categories: string[],
  activities: Activity[],
  days: string[],
) {
  const typesOf = new Map<string, Set<string>>();
  for (const e of entries) {
    const set = typesOf.get(e.problem) ?? new Set<string>();
    set.add(e.category);
    typesOf.set(e.problem, set);
  }
  const counts = new Map<string, number>(categories.map((c) => [c, 0]));
  for (const a of activities) {
    const covered = new Set<string>();
    for (const d of days)
      for (const problem of a.solvedOn.get(d) ?? []) for (const c of typesOf.get(problem) ?? []) covered.add(c);
    for (const c of covered) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return categories.map((category) => ({ category, members: counts.get(category) ?? 0 }));
}

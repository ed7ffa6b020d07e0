import type { CatalogEntry, CategoryReadiness } from '../planner/types.ts';
import type { MissionProblem } from './missionRepository.ts';

/** At most this many shared problems a day (and at least one when any type still has a candidate). */
export const MISSION_SIZE = 3;
/** The planner's picks this many days ahead count as votes for a problem. */
export const PICK_DAYS = 7;

/** What the mission is chosen from for one member: their plan's readiness and picks, and what they solved. */
export interface MissionMember {
  readiness: Pick<CategoryReadiness, 'category' | 'weight' | 'now'>[];
  /** New problems the planner gives this member in the next days; `dayIndex` 0 is today. */
  picks: { problem: string; category: string; dayIndex: number }[];
  solved: ReadonlySet<string>;
}

export interface MissionInput {
  groupId: number;
  day: string;
  members: MissionMember[];
  /** The group's catalog entries (its lists), with each problem's level. */
  entries: CatalogEntry[];
  levels: ReadonlyMap<string, number>;
}

/** FNV-1a of the text: the tie-breaker seeded by group and day, so a mission depends on nothing but its input. */
export function seededHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The group's weak types, weakest first: for each type the members' average weight × (1 − average readiness), over
 * the types the exam counts (average weight above 0). Ties are broken by the seeded hash.
 */
export function weakTypes(
  input: Pick<MissionInput, 'groupId' | 'day' | 'members'>,
): { category: string; need: number }[] {
  const sums = new Map<string, { weight: number; now: number }>();
  for (const m of input.members) {
    for (const r of m.readiness) {
      const s = sums.get(r.category) ?? { weight: 0, now: 0 };
      sums.set(r.category, { weight: s.weight + r.weight, now: s.now + r.now });
    }
  }
  const n = Math.max(1, input.members.length);
  const seed = `${input.groupId}:${input.day}:`;
  return [...sums]
    .map(([category, s]) => ({ category, need: (s.weight / n) * (1 - s.now / n), weight: s.weight / n }))
    .filter((t) => t.weight > 0)
    .sort((a, b) => b.need - a.need || seededHash(seed + a.category) - seededHash(seed + b.category))
    .map(({ category, need }) => ({ category, need }));
}

/**
 * The day's shared problems. Pure and deterministic: the same group, day and input give the same mission.
 * One problem per weak type (weakest first, up to MISSION_SIZE). A problem qualifies when at most half of the members
 * solved it (never one most of them did). Among those, the planner's own picks for the members win (a pick for today
 * counts more than one for next week), then problems fewer members solved, recommended ones, a level near what the
 * planner gives the members in that type; the seeded hash breaks what is left.
 */
export function chooseMission(input: MissionInput): MissionProblem[] {
  const members = input.members.length;
  if (members === 0) return [];
  const seed = `${input.groupId}:${input.day}:`;
  const votes = new Map<string, number>();
  const pickedLevels = new Map<string, number[]>();
  for (const m of input.members) {
    for (const p of m.picks) {
      if (p.dayIndex >= PICK_DAYS) continue;
      votes.set(p.problem, (votes.get(p.problem) ?? 0) + 1 / (1 + p.dayIndex));
      const levels = pickedLevels.get(p.category) ?? [];
      levels.push(input.levels.get(p.problem) ?? 0);
      pickedLevels.set(p.category, levels);
    }
  }
  const solvers = (problem: string) => input.members.filter((m) => m.solved.has(problem)).length;
  const chosen: MissionProblem[] = [];
  for (const { category } of weakTypes(input)) {
    if (chosen.length >= MISSION_SIZE) break;
    const target = median(pickedLevels.get(category) ?? []);
    const score = (e: CatalogEntry, solvedBy: number) =>
      (votes.get(e.problem) ?? 0) * 10 -
      solvedBy * 3 +
      (e.recommended ? 1 : 0) -
      (target === null ? 0 : Math.abs((input.levels.get(e.problem) ?? 0) - target) * 0.25);
    const candidates = input.entries
      .filter((e) => e.category === category && !chosen.some((c) => c.problem === e.problem))
      .map((e) => ({ e, solvedBy: solvers(e.problem) }))
      .filter(({ solvedBy }) => solvedBy * 2 <= members)
      .map(({ e, solvedBy }) => ({ problem: e.problem, score: score(e, solvedBy), tie: seededHash(seed + e.problem) }))
      .sort((a, b) => b.score - a.score || a.tie - b.tie);
    if (candidates.length > 0) chosen.push({ problem: candidates[0].problem, category });
  }
  return chosen;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

import type { Db } from '../db/connection.ts';
import { addDays } from '../day.ts';
import { isSolvedOutcome } from '../progress/outcomes.ts';
import { plannerHistory } from '../progress/plannerHistory.ts';
import { streaks } from '../progress/streaks.ts';

/** What the board needs of one member's log, as of `day` (later attempts are ignored). */
export interface Activity {
  /** Distinct problems solved per local day. */
  solvedPerDay: Map<string, number>;
  /** The first day each problem was solved; '' when only undated imports solved it (before everything). */
  firstSolved: Map<string, string>;
  /** Problems solved per day, for the week's type coverage. */
  solvedOn: Map<string, Set<string>>;
  streak: number;
}

export function activityOf(db: Db, learnerId: number, day: string): Activity {
  const solvedOn = new Map<string, Set<string>>();
  const firstSolved = new Map<string, string>();
  for (const a of plannerHistory(db, learnerId)) {
    if (!isSolvedOutcome(a.outcome) || (a.day !== null && a.day > day)) continue;
    const when = a.day ?? '';
    const first = firstSolved.get(a.problem);
    if (first === undefined || when < first) firstSolved.set(a.problem, when);
    if (a.day === null) continue;
    const set = solvedOn.get(a.day) ?? new Set<string>();
    set.add(a.problem);
    solvedOn.set(a.day, set);
  }
  const solvedPerDay = new Map([...solvedOn].map(([d, set]) => [d, set.size]));
  return { solvedPerDay, firstSolved, solvedOn, streak: streaks([...solvedOn.keys()], day).current };
}

/** The `days` days ending on `day`, oldest first. */
export function lastDays(day: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(day, i - days + 1));
}

/**
 * The group's streak: days in a row (ending today, or yesterday while today is still open) on which every member
 * counted solved at least one problem. No member counted: 0.
 */
export function groupStreak(activities: Activity[], day: string): number {
  if (activities.length === 0) return 0;
  const [first, ...rest] = activities;
  const common = [...first.solvedOn.keys()].filter((d) => rest.every((a) => a.solvedOn.has(d)));
  return streaks(common, day).current;
}

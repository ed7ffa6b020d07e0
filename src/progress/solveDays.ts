import type { HistoryAttempt } from '../planner/types.ts';
import { isSolvedOutcome } from './outcomes.ts';

/** What the history page and the streaks read from a learner's attempt log (progress/attemptLog.ts). Pure. */

/** Distinct problems solved on each day from `from` to `to` inclusive (the heatmap's counts); days without one are absent. */
export function solvedCountsBetween(
  log: readonly Pick<HistoryAttempt, 'problem' | 'day' | 'outcome'>[],
  from: string,
  to: string,
): Map<string, number> {
  const problems = new Map<string, Set<string>>();
  for (const a of log) {
    if (a.day === null || a.day < from || a.day > to || !isSolvedOutcome(a.outcome)) continue;
    const solved = problems.get(a.day) ?? new Set<string>();
    solved.add(a.problem);
    problems.set(a.day, solved);
  }
  return new Map([...problems].map(([day, solved]) => [day, solved.size]));
}

/** The days with at least one solve, oldest first. */
export function daysWithSolves(log: readonly Pick<HistoryAttempt, 'day' | 'outcome'>[]): string[] {
  const days = new Set<string>();
  for (const a of log) if (a.day !== null && isSolvedOutcome(a.outcome)) days.add(a.day);
  return [...days].sort();
}

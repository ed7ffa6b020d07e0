import { addDays, daysFromTo } from '../day.ts';
import type { HistoryAttempt, Plan } from '../planner/types.ts';

/** How far back the burn-up chart looks: twelve weeks up to today (less when the first solve is later). */
export const BURNUP_WEEKS = 12;

export interface Burnup {
  days: string[];
  /** Distinct problems solved in all by the end of each day up to today; null after today. */
  solved: (number | null)[];
  /** From today on: solved so far plus the distinct unsolved problems the plan schedules up to that day; null before. */
  planned: (number | null)[];
}

/**
 * The burn-up of solved problems: what was solved day by day (counting what was solved before the window and undated
 * imports as the start) against what the plan adds until the exam. A re-solve never counts twice. Pure.
 */
export function burnup(history: readonly HistoryAttempt[], plan: Plan): Burnup {
  const today = plan.today;
  const solvedOn = new Map<string, string>();
  const undated = new Set<string>();
  for (const a of history) {
    if (a.outcome === 'failed') continue;
    if (a.day === null) undated.add(a.problem);
    else if (a.day <= today) {
      const first = solvedOn.get(a.problem);
      if (first === undefined || a.day < first) solvedOn.set(a.problem, a.day);
    }
  }
  for (const problem of undated) solvedOn.delete(problem);
  const firstSolve = [...solvedOn.values()].reduce<string | null>(
    (min, day) => (min === null || day < min ? day : min),
    null,
  );
  const windowStart = addDays(today, -(BURNUP_WEEKS * 7 - 1));
  // biome-ignore lint/complexity/useMathMinMax: days are 'YYYY-MM-DD' strings, compared as text, not numbers
  const from = firstSolve === null || firstSolve > today ? today : firstSolve > windowStart ? firstSolve : windowStart;

  const newPerDay = new Map<string, number>();
  let count = undated.size;
  for (const day of solvedOn.values()) {
    if (day < from) count++;
    else newPerDay.set(day, (newPerDay.get(day) ?? 0) + 1);
  }
  const days: string[] = [];
  const solved: (number | null)[] = [];
  for (const day of daysFromTo(from, today)) {
    count += newPerDay.get(day) ?? 0;
    days.push(day);
    solved.push(count);
  }
  const planned: (number | null)[] = solved.map(() => null);
  const counted = new Set([...undated, ...solvedOn.keys()]);
  let total = count;
  for (const planDay of plan.days) {
    if (planDay.day < today) continue;
    for (const item of planDay.items) {
      if (counted.has(item.problem)) continue;
      counted.add(item.problem);
      total++;
    }
    if (planDay.day === today) planned[planned.length - 1] = total;
    else {
      days.push(planDay.day);
      solved.push(null);
      planned.push(total);
    }
  }
  return { days, solved, planned };
}

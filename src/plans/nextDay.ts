import { addDays, isoWeekday } from '../day.ts';
import type { HistoryAttempt, PlanItem } from '../planner/types.ts';
import { settledByAnyAttempt } from './itemAttempts.ts';

/** A day's list may run this much over the budget (the planner's own slack). */
const SLACK = 1.1;

export interface NextDayInput {
  /** The last study day's list as it stood (skipped items left out), in its order. */
  undone: PlanItem[];
  /** The last study day: a re-solve of its list logged on it or later is done. */
  undoneDay: string;
  /** The items the stored plan forecast for the day. */
  forecast: PlanItem[];
  /** The day the list is for: a forecast re-solve logged on it is done. */
  day: string;
  history: HistoryAttempt[];
  /** The day's budget in minutes. */
  budget: number;
  /** The last study day before the exam (the warm-up): no new problem rolls over onto it. */
  warmUp: boolean;
}

/**
 * The list a study day opens with while the plan stored on the day before still holds: the last study day's undone
 * re-solves, the forecast's re-solves, the forecast's mock set (whole or not at all), the last study day's undone new
 * problems, then the forecast's new problems, each while it fits the budget. Undone new problems roll over; what was
 * logged since is left out. The nightly email's "tomorrow" and the next morning's Today page both come from here.
 */
export function nextDayList(input: NextDayInput): PlanItem[] {
  const attemptedEver = new Set(input.history.map((a) => a.problem));
  const attemptedFrom = (day: string) =>
    new Set(input.history.filter((a) => a.day !== null && a.day >= day).map((a) => a.problem));
  const open = (since: Set<string>) => (it: PlanItem) =>
    !(settledByAnyAttempt(it) ? attemptedEver : since).has(it.problem);
  const carried = input.undone.filter((it) => it.kind !== 'mock').filter(open(attemptedFrom(input.undoneDay)));
  const openPlanned = open(attemptedFrom(input.day));
  const mocks = input.forecast.filter((it) => it.kind === 'mock');
  const mockSet = mocks.every(openPlanned) ? mocks : [];
  const planned = input.forecast.filter((it) => it.kind !== 'mock' && openPlanned(it));

  const limit = input.budget * SLACK;
  const out: PlanItem[] = [];
  const listed = new Set<string>();
  let spent = 0;
  const take = (items: PlanItem[], whole = false) => {
    const fresh = items.filter((it) => !listed.has(it.problem));
    if (whole) {
      const minutes = fresh.reduce((s, it) => s + it.minutes, 0);
      if (fresh.length < items.length || spent + minutes > limit) return;
    }
    for (const it of fresh) {
      if (!whole && spent + it.minutes > limit) continue;
      out.push(it);
      listed.add(it.problem);
      spent += it.minutes;
    }
  };
  take(carried.filter((it) => it.kind === 'review'));
  take(planned.filter((it) => it.kind === 'review'));
  take(mockSet, true);
  if (!input.warmUp) take(carried.filter((it) => it.kind !== 'review'));
  take(planned.filter((it) => it.kind !== 'review'));
  return out;
}

/** The study day before `day` within a week, by ISO weekdays studied; undefined when none. */
export function lastStudyDayBefore(day: string, studyDays: number[]): string | undefined {
  for (let i = 1; i <= 7; i++) {
    const d = addDays(day, -i);
    if (studyDays.includes(isoWeekday(d))) return d;
  }
  return undefined;
}

/** True when `day` is the last study day before the exam (the warm-up day). */
export function isWarmUpDay(day: string, examDate: string | null, studyDays: number[]): boolean {
  if (!examDate || day >= examDate || !studyDays.includes(isoWeekday(day))) return false;
  for (let d = addDays(day, 1); d < examDate; d = addDays(d, 1)) if (studyDays.includes(isoWeekday(d))) return false;
  return true;
}

import { addDays, daysBetween, isoWeekday } from '../day.ts';
import { isGraded } from './model.ts';
import type { HistoryAttempt } from './types.ts';

/** How the preparation is split: A covers, B deepens with weekly mocks, C rehearses and consolidates. */
export type Phase = 'A' | 'B' | 'C';

/**
 * The planner never plans further than this many days, whatever exam date it is given (settings refuse an exam
 * further away, but an old or hand-edited database may hold one): its work stays bounded.
 */
export const MAX_PLAN_DAYS = 730;

/** A preparation is taken to have started at most this many days before the exam. */
const MAX_PREPARATION_DAYS = 120;

/**
 * The preparation's calendar, anchored at its start so that re-planning every day keeps the phases where they were:
 * `start` is the given start day, else the first day the learner logged a graded attempt (imports do not count),
 * never earlier than 120 days before the exam and never after today.
 */
export interface Timeline {
  /** Days from the start to today. */
  elapsed: number;
  /** Days from the start to the exam (D of PLANNER.md). */
  span: number;
  /** Days from today to the exam. */
  total: number;
  /** Length of phase C in days: max(2, 15 % of the span). */
  finalDays: number;
  /** Index (from today) of the mock day that opens phase C: its first study day; may be negative (past). */
  finalMock: number;
}

export function preparationStart(history: HistoryAttempt[], today: string, exam: string, given?: string): string {
  let start = given && given <= today ? given : today;
  if (!given) for (const a of history) if (a.day && a.day < start && isGraded(a)) start = a.day;
  const earliest = addDays(exam, -MAX_PREPARATION_DAYS);
  return start < earliest ? (earliest < today ? earliest : today) : start;
}

export function timeline(start: string, today: string, total: number, studyDays: Set<number>): Timeline {
  const elapsed = Math.max(0, daysBetween(start, today));
  const span = elapsed + total;
  const finalDays = Math.max(2, Math.round(0.15 * span));
  let finalMock = total - finalDays;
  for (let k = 0; k < 7 && finalMock < total - 1 && !studyDays.has(isoWeekday(addDays(today, finalMock))); k++)
    finalMock++;
  return { elapsed, span, total, finalDays, finalMock };
}

export function phaseOf(t: Timeline, i: number): Phase {
  if (t.total - i <= t.finalDays) return 'C';
  return t.elapsed + i < 0.55 * t.span ? 'A' : 'B';
}

/** A mock day: every 7th day of the preparation in phase B when it spans ≥ 21 days, and the first study day of phase C. */
export function isMockDay(t: Timeline, i: number): boolean {
  if (t.total - i <= 1) return false;
  const phase = phaseOf(t, i);
  if (phase === 'C') return i === t.finalMock;
  return phase === 'B' && t.span >= 21 && (t.elapsed + i + 1) % 7 === 0;
}

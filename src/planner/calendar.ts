/** The plan's calendar: which days are study days, the last one before the exam, and how reviews spread over them. */
import { addDays, isoWeekday } from '../day.ts';
import type { PlanDay } from './types.ts';
import type { Timeline } from './timeline.ts';

export interface Calendar {
  /** Days from today to the exam (the exam day itself is not planned). */
  total: number;
  /** The preparation's phases, anchored at its start. */
  timeline: Timeline;
  studyDays: Set<number>;
  dailyMinutes: number;
  minutesToday?: number;
  /** Plan only this many days in detail. */
  horizon: number;
  /** Study days from day i to the exam − 2 (the latest due date), at least 1: reviews spread over them. */
  reviewDaysLeft: number[];
  /** Index of the last study day before the exam (the warm-up day, whatever its weekday); −1 without one. */
  lastStudy: number;
}

/** The index of the last study day in [0, total), −1 when none. */
export function lastStudyDay(today: string, total: number, studyDays: Set<number>): number {
  for (let i = total - 1; i >= 0; i--) if (studyDays.has(isoWeekday(addDays(today, i)))) return i;
  return -1;
}

export function isStudyDay(cal: Pick<Calendar, 'studyDays'>, day: string): boolean {
  return cal.studyDays.has(isoWeekday(day));
}

/** For each day index, the study days from it to the exam − 2 (at least 1). */
export function reviewDaysLeft(today: string, total: number, studyDays: Set<number>): number[] {
  const out = new Array<number>(total + 1).fill(1);
  let count = 0;
  for (let i = total - 1; i >= 0; i--) {
    if (i <= total - 2 && studyDays.has(isoWeekday(addDays(today, i)))) count++;
    out[i] = Math.max(1, count);
  }
  return out;
}

export function restDay(day: string): PlanDay {
  return { day, rest: true, items: [] };
}

import { daysBetween, isDay } from '../day.ts';

/** No imported or synced attempt is dated before this day. */
export const FIRST_DAY = '1970-01-01';

/**
 * Why `day` cannot be the day of an imported or synced attempt, in one English line; undefined when it can. A day is a
 * real date 'YYYY-MM-DD' from FIRST_DAY to the learner's today + 1 (a source's clock may run a little ahead),
 * compared as dates, never as strings ('10000-01-01' is no date, and sorts before '2026-…' as a string).
 */
export function dayOutOfRange(day: string, today: string): string | undefined {
  if (!isDay(day)) return `${JSON.stringify(String(day).slice(0, 40))} is not a date YYYY-MM-DD`;
  if (daysBetween(FIRST_DAY, day) < 0) return `day ${day} is before ${FIRST_DAY}`;
  if (daysBetween(today, day) > 1) return `day ${day} is in the future (today is ${today})`;
  return undefined;
}

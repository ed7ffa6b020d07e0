import { addDays, daysBetween } from '../day.ts';

/**
 * Streaks over the days with at least one solve. `current` counts back from today; a day without a solve
 * *yet* does not break it: when today is empty the streak ending yesterday is still current (it breaks only
 * once a whole day passes without a solve). Days after `today` are ignored. Input need not be sorted or unique.
 */
export function streaks(solvedDays: string[], today: string): { current: number; longest: number } {
  const days = [...new Set(solvedDays)].filter((d) => d <= today).sort();
  let longest = 0;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && daysBetween(days[i - 1], days[i]) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const last = days.at(-1);
  const current = last === today || (last !== undefined && last === addDays(today, -1)) ? run : 0;
  return { current, longest };
}

import { addDays, daysFromTo, isoWeekday } from '../day.ts';

export interface HeatCell {
  day: string;
  count: number;
  /** 0 nothing, 1 one solve, 2 two, 3 three or four, 4 five or more. */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface Heatmap {
  /** Columns of Monday…Sunday; null pads the first week before `from` and the last week after `today`. */
  weeks: (HeatCell | null)[][];
  /** Column index of the week holding each month's first day, with its 'YYYY-MM'. */
  months: { week: number; month: string }[];
  from: string;
  to: string;
  total: number;
  activeDays: number;
}

/** The grass: the 365 days up to `today`, in week columns starting on Monday. Pure. */
export function heatmap(counts: ReadonlyMap<string, number>, today: string): Heatmap {
  return heatmapBetween(counts, addDays(today, -364), today);
}

/** The grass of one calendar year (up to `today` when it is the current year). Pure. */
export function yearHeatmap(counts: ReadonlyMap<string, number>, year: number, today: string): Heatmap {
  const last = `${year}-12-31`;
  return heatmapBetween(counts, `${year}-01-01`, last < today ? last : today);
}

/** The grass from `from` to `to` inclusive, in week columns starting on Monday. Pure. */
export function heatmapBetween(counts: ReadonlyMap<string, number>, from: string, today: string): Heatmap {
  const weeks: (HeatCell | null)[][] = [];
  const months: Heatmap['months'] = [];
  let week: (HeatCell | null)[] = Array.from({ length: isoWeekday(from) - 1 }, () => null);
  let total = 0;
  let activeDays = 0;
  for (const day of daysFromTo(from, today)) {
    const count = counts.get(day) ?? 0;
    total += count;
    if (count > 0) activeDays++;
    if (day.endsWith('-01')) months.push({ week: weeks.length, month: day.slice(0, 7) });
    week.push({ day, count, level: levelOf(count) });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return { weeks, months, from, to: today, total, activeDays };
}

/** Solves per week column of the grass: the week's Monday (even before `from`) and its count. Pure. */
export function weeklySolves(grass: Heatmap): { week: string; count: number }[] {
  return grass.weeks.map((week) => {
    const first = week.findIndex((cell) => cell !== null);
    const cell = week[first]!;
    return { week: addDays(cell.day, -first), count: week.reduce((sum, c) => sum + (c?.count ?? 0), 0) };
  });
}

function levelOf(count: number): HeatCell['level'] {
  return count === 0 ? 0 : count === 1 ? 1 : count === 2 ? 2 : count <= 4 ? 3 : 4;
}

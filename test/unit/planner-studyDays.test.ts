import { expect } from 'chai';
import { addDays, isoWeekday } from '../../src/day.ts';
import { studyDaysBetween } from '../../src/planner/context.ts';

/** The definition, one day at a time. */
function counted(from: string, to: string, studyDays: Set<number>): number {
  let n = 0;
  for (let day = from, i = 0; day < to && i < 400; day = addDays(day, 1), i++) if (studyDays.has(isoWeekday(day))) n++;
  return n;
}

describe('studyDaysBetween() – study weekdays in [from, to)', () => {
  const weekSets = [[1, 2, 3, 4, 5, 6, 7], [1, 3, 5], [6, 7], [2], []].map((days) => new Set(days));

  it('equals counting day by day: every start weekday, spans 0–420 days, five weekday sets, across a leap year', () => {
    for (const studyDays of weekSets)
      for (let start = 0; start < 7; start++) {
        const from = addDays('2027-12-27', start);
        for (const span of [0, 1, 2, 5, 6, 7, 8, 13, 14, 29, 60, 364, 365, 366, 399, 400, 401, 420]) {
          const to = addDays(from, span);
          expect(studyDaysBetween(from, to, studyDays), `${from}→${to} ${[...studyDays]}`).to.equal(
            counted(from, to, studyDays),
          );
        }
      }
  });

  it('to before from – 0', () => {
    expect(studyDaysBetween('2026-11-30', '2026-11-01', new Set([1, 2, 3, 4, 5, 6, 7]))).to.equal(0);
  });

  it('weekdays outside 1–7 in the set count for nothing', () => {
    expect(studyDaysBetween('2026-11-30', '2026-12-14', new Set([0, 1, 8]))).to.equal(2);
  });
});

import { expect } from 'chai';
import { streaks } from '../../src/progress/streaks.ts';
import { typeStats } from '../../src/progress/stats.ts';

describe('progress streaks()', () => {
  const cases: { name: string; days: string[]; today: string; current: number; longest: number }[] = [
    { name: 'no solves', days: [], today: '2026-11-28', current: 0, longest: 0 },
    { name: 'solved today only', days: ['2026-11-28'], today: '2026-11-28', current: 1, longest: 1 },
    { name: 'three days up to today', days: ['2026-11-26', '2026-11-27', '2026-11-28'], today: '2026-11-28', current: 3, longest: 3 },
    { name: 'up to yesterday, nothing yet today – still current', days: ['2026-11-26', '2026-11-27'], today: '2026-11-28', current: 2, longest: 2 },
    { name: 'last solve two days ago – broken', days: ['2026-11-25', '2026-11-26'], today: '2026-11-28', current: 0, longest: 2 },
    { name: 'longer run earlier, gap, short run now', days: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-11-27', '2026-11-28'], today: '2026-11-28', current: 2, longest: 4 },
    { name: 'across a month and year end, unsorted with duplicates', days: ['2027-01-01', '2026-12-31', '2026-12-30', '2026-12-31'], today: '2027-01-01', current: 3, longest: 3 },
    { name: 'days after today are ignored', days: ['2026-11-28', '2026-11-29', '2026-11-30'], today: '2026-11-28', current: 1, longest: 1 },
    { name: 'leap day joins February and March', days: ['2028-02-28', '2028-02-29', '2028-03-01'], today: '2028-03-01', current: 3, longest: 3 },
  ];
  for (const c of cases) {
    it(`streaks() – ${c.name} – current ${c.current}, longest ${c.longest}`, () => {
      expect(streaks(c.days, c.today)).to.deep.equal({ current: c.current, longest: c.longest });
    });
  }
});

describe('progress typeStats()', () => {
  it('typeStats() – mixed entries – counts solved, recommended and the highest solved level per type', () => {
    const entries = [
      { category: 'graph', problem: 'boj:1', recommended: true, level: 8 },
      { category: 'graph', problem: 'boj:2', recommended: false, level: 14 },
      { category: 'graph', problem: 'boj:3', recommended: true, level: 16 },
      { category: 'dp', problem: 'boj:2', recommended: true, level: 14 },
      { category: 'dp', problem: 'boj:4', recommended: false, level: 3 },
    ];
    const stats = typeStats(entries, new Set(['boj:1', 'boj:2']));
    expect(stats.get('graph')).to.deep.equal({ solved: 2, total: 3, recommendedSolved: 1, recommendedTotal: 2, highestLevel: 14 });
    expect(stats.get('dp')).to.deep.equal({ solved: 1, total: 2, recommendedSolved: 1, recommendedTotal: 1, highestLevel: 14 });
    expect(typeStats(entries, new Set()).get('dp')!.highestLevel).to.equal(0);
  });
});

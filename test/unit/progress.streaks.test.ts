import { expect } from 'chai';
import { streaks } from '../../src/progress/streaks.ts';
import { typeStats } from '../../src/progress/stats.ts';
import { heatmap } from '../../src/progress/heatmap.ts';

describe('progress streaks()', () => {
  const cases: { name: string; days: string[]; today: string; current: number; longest: number }[] = [
    { name: 'no solves', days: [], today: '2026-11-28', current: 0, longest: 0 },
    { name: 'solved today only', days: ['2026-11-28'], today: '2026-11-28', current: 1, longest: 1 },
    {
      name: 'three days up to today',
      days: ['2026-11-26', '2026-11-27', '2026-11-28'],
      today: '2026-11-28',
      current: 3,
      longest: 3,
    },
    {
      name: 'up to yesterday, nothing yet today – still current',
      days: ['2026-11-26', '2026-11-27'],
      today: '2026-11-28',
      current: 2,
      longest: 2,
    },
    {
      name: 'last solve two days ago – broken',
      days: ['2026-11-25', '2026-11-26'],
      today: '2026-11-28',
      current: 0,
      longest: 2,
    },
    {
      name: 'longer run earlier, gap, short run now',
      days: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-11-27', '2026-11-28'],
      today: '2026-11-28',
      current: 2,
      longest: 4,
    },
    {
      name: 'across a month and year end, unsorted with duplicates',
      days: ['2027-01-01', '2026-12-31', '2026-12-30', '2026-12-31'],
      today: '2027-01-01',
      current: 3,
      longest: 3,
    },
    {
      name: 'days after today are ignored',
      days: ['2026-11-28', '2026-11-29', '2026-11-30'],
      today: '2026-11-28',
      current: 1,
      longest: 1,
    },
    {
      name: 'one day without a solve between two – two runs of one day',
      days: ['2026-11-26', '2026-11-28'],
      today: '2026-11-28',
      current: 1,
      longest: 1,
    },
    {
      name: 'leap day joins February and March',
      days: ['2028-02-28', '2028-02-29', '2028-03-01'],
      today: '2028-03-01',
      current: 3,
      longest: 3,
    },
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
    expect(stats.get('graph')).to.deep.equal({
      solved: 2,
      total: 3,
      recommendedSolved: 1,
      recommendedTotal: 2,
      highestLevel: 14,
    });
    expect(stats.get('dp')).to.deep.equal({
      solved: 1,
      total: 2,
      recommendedSolved: 1,
      recommendedTotal: 1,
      highestLevel: 14,
    });
    expect(typeStats(entries, new Set()).get('dp')!.highestLevel).to.equal(0);
  });
});

describe('progress heatmap()', () => {
  it('heatmap() – a year up to Saturday 2026-11-28 – 53 Monday-first weeks, padded, months labelled at their first day', () => {
    const grid = heatmap(
      new Map([
        ['2026-11-28', 1],
        ['2026-11-27', 2],
        ['2026-11-20', 4],
        ['2025-11-29', 7],
        ['2025-11-28', 9],
      ]),
      '2026-11-28',
    );
    expect(grid.from).to.equal('2025-11-29');
    expect(grid.weeks).to.have.length(53);
    expect(grid.weeks.every((w) => w.length === 7)).to.equal(true);
    // 2025-11-29 is a Saturday: five empty cells before it; 2026-11-28 is a Saturday: one empty cell after it.
    expect(grid.weeks[0].slice(0, 5)).to.deep.equal([null, null, null, null, null]);
    expect(grid.weeks[0][5]).to.deep.equal({ day: '2025-11-29', count: 7, level: 4 });
    expect(grid.weeks[52][5]).to.deep.equal({ day: '2026-11-28', count: 1, level: 1 });
    expect(grid.weeks[52][6]).to.equal(null);
    expect(grid.weeks[52][4]).to.deep.equal({ day: '2026-11-27', count: 2, level: 2 });
    expect(grid.weeks[51][4]).to.deep.equal({ day: '2026-11-20', count: 4, level: 3 });
    expect(grid.total).to.equal(14); // the day before the window is not counted
    expect(grid.activeDays).to.equal(4);
    expect(grid.months).to.have.length(12);
    expect(grid.months[0]).to.deep.equal({ week: 1, month: '2025-12' }); // Mon 2025-12-01 opens the second column
    expect(grid.months.at(-1)).to.deep.equal({ week: 48, month: '2026-11' });
  });
});

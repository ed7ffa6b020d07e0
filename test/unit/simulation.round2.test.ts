import { expect } from 'chai';
import { calibrationCell, calibrationTable } from '../../bench/planner/calibration.ts';
import { coach, coachReviews, coachStaircase } from '../../bench/planner/coach.ts';
import type { RunSetup } from '../../bench/planner/planners.ts';
import { stabilityCounts } from '../../bench/planner/stability.ts';
import { indexCatalog } from '../../bench/planner/world.ts';
import type { HistoryAttempt } from '../../src/planner/types.ts';
import { tinyCatalog } from '../fixtures/simulation/catalog.ts';

const catalog = tinyCatalog({
  graph_traversal: [
    [1, 8, false],
    [2, 11, false],
    [3, 12, true],
    [4, 13, false],
    [5, 16, false],
  ],
  simulation: [
    [6, 11, false],
    [7, 12, false],
    [8, 14, false],
  ],
  math: [[9, 9, true]],
});

function setup(over: Partial<RunSetup> = {}): RunSetup {
  return {
    index: indexCatalog(catalog),
    profile: 'samsung',
    weights: new Map([
      ['graph_traversal', 0.6],
      ['simulation', 0.4],
      ['math', 0],
    ]),
    budget: 1000,
    days: 10,
    startDay: '2027-03-01',
    examDay: '2027-03-11',
    studyDays: [1, 2, 3, 4, 5, 6, 7],
    seed: 5,
    ...over,
  };
}

const at = (
  problem: number,
  day: string | null,
  outcome: HistoryAttempt['outcome'],
  origin = 'sim',
): HistoryAttempt => ({ problem: `boj:${problem}`, day, outcome, minutes: 20, origin });

describe('simulation – round 2: COACH, calibration, stability', () => {
  it('COACH staircase – starts at the exam’s lowest level without solves, +1 per solve, −1 per failure, a hint keeps it', () => {
    const history = [
      at(1, '2027-03-01', 'solved'),
      at(2, '2027-03-01', 'solved'),
      at(3, '2027-03-02', 'failed'),
      at(4, '2027-03-02', 'hint'),
    ];
    const stair = coachStaircase(setup(), history, 11);
    expect(stair.get('graph_traversal')).to.equal(11 + 1 + 1 - 1 + 0);
    expect(stair.get('simulation')).to.equal(11);
  });

  it('COACH staircase – imported solves: starts at their median level in the type', () => {
    const stair = coachStaircase(
      setup(),
      [at(1, null, 'solved', 'import'), at(4, null, 'solved', 'import'), at(5, null, 'solved', 'import')],
      11,
    );
    expect(stair.get('graph_traversal')).to.equal(13);
  });

  it('COACH reviews – a failure and a hint come back 3 days later, not before, and not once re-solved', () => {
    const history = [
      at(1, '2027-03-01', 'failed'),
      at(2, '2027-03-01', 'hint'),
      at(3, '2027-03-01', 'solved'),
      at(6, '2027-03-01', 'failed'),
      at(6, '2027-03-04', 'solved'),
    ];
    expect(coachReviews(history, '2027-03-03')).to.deep.equal([]);
    expect(coachReviews(history, '2027-03-04')).to.deep.equal(['boj:1', 'boj:2']);
  });

  it('COACH day – the type with the largest weighted deficit first, never a weight-0 type, at most 2 new per type', () => {
    // 2 graph solves imported: graph share 1 > 0.6, simulation share 0 < 0.4 → simulation first.
    const history = [at(1, null, 'solved', 'import'), at(2, null, 'solved', 'import')];
    const picks = coach(setup()).today({ dayIndex: 0, today: '2027-03-01', history });
    expect(picks[0]).to.match(/^boj:(6|7|8)$/);
    expect(picks).to.not.include('boj:9');
    const perType = (ids: number[]) => picks.filter((p) => ids.map((n) => `boj:${n}`).includes(p)).length;
    expect(perType([3, 4, 5])).to.be.at.most(2);
    expect(perType([6, 7, 8])).to.be.at.most(2);
  });

  it('COACH day – picks the unsolved problem nearest the staircase, reviews first, within the budget', () => {
    const history = [at(6, '2027-03-01', 'failed')];
    // simulation staircase 11 − 1 = 10 → nearest unsolved is boj:7 (12) vs boj:8 (14); boj:6 is a due review.
    const picks = coach(
      setup({
        budget: 80,
        weights: new Map([
          ['graph_traversal', 0],
          ['simulation', 1],
          ['math', 0],
        ]),
      }),
    ).today({ dayIndex: 3, today: '2027-03-04', history });
    expect(picks).to.deep.equal(['boj:6', 'boj:7']);
  });

  it('calibrationCell/Table – the means, the bias and the mean absolute gap per profile; runs without a projection left out', () => {
    const a = calibrationCell('a', 'samsung', [
      { projected: 0.8, pass: 0.6 },
      { projected: 0.6, pass: 0.6 },
      { projected: null, pass: 0 },
    ])!;
    const b = calibrationCell('b', 'samsung', [{ projected: 0.5, pass: 0.6 }])!;
    expect(a.projected).to.be.closeTo(0.7, 1e-12);
    expect(a.realised).to.be.closeTo(0.6, 1e-12);
    expect(a.n).to.equal(2);
    expect(calibrationCell('c', 'kakao', [{ projected: null, pass: 1 }])).to.equal(undefined);
    const [row] = calibrationTable([a, b]);
    expect(row.meanAbsGap).to.be.closeTo((0.1 + 0.1) / 2, 1e-12);
    expect(row.bias).to.be.closeTo(0.6 - 0.6, 1e-12);
  });

  it('stabilityCounts – next day kept on its own day; the week counted anywhere in D+2..D+7 and on the same day', () => {
    const plans: string[][][] = [];
    for (let t = 0; t < 9; t++) plans.push(Array.from({ length: 8 }, (_, k) => [`p${t + k}`]));
    // Morning 1 breaks its promise for day 1 (shows x instead of p1); morning 3 shows p4 a day early.
    plans[1][0] = ['x'];
    plans[3][0] = ['p4'];
    plans[4][0] = ['p3'];
    const c = stabilityCounts(plans);
    expect(c.nextTotal).to.equal(8);
    // Forecasts of day 1 (from morning 0), day 3 (morning 2) and day 4 (morning 3) were broken on their day.
    expect(c.nextKept).to.equal(8 - 3);
    // Week: morning 0 (days 2..7) and morning 1 (days 3..8): 12 items; p3/p4 swapped stay in the window.
    expect(c.weekTotal).to.equal(12);
    expect(c.weekKept).to.equal(12);
    expect(c.weekExactKept).to.equal(12 - 4);
  });
});

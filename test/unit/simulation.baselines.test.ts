import { expect } from 'chai';
import { BASELINES, fillBudget, g75Queue } from '../../bench/planner/baselines.ts';
import type { RunSetup } from '../../bench/planner/planners.ts';
import { estimatedMinutes, indexCatalog } from '../../bench/planner/world.ts';
import type { HistoryAttempt, PlannerCatalog } from '../../src/planner/types.ts';
import { tinyCatalog } from '../fixtures/simulation/catalog.ts';

const catalog = tinyCatalog({
  graph_traversal: [
    [1, 8, true],
    [2, 5, false],
    [3, 12, true],
  ],
  simulation: [
    [4, 11, false],
    [5, 6, true],
  ],
  math: [
    [6, 9, true],
    [7, 3, false],
  ],
});

function setup(over: Partial<RunSetup> = {}, cat: PlannerCatalog = catalog): RunSetup {
  return {
    index: indexCatalog(cat),
    profile: 'samsung',
    weights: new Map([
      ['graph_traversal', 0.5],
      ['simulation', 0.5],
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

const attempt = (problem: string, outcome: HistoryAttempt['outcome']): HistoryAttempt => ({
  problem,
  day: '2027-03-01',
  outcome,
  minutes: 30,
  origin: 'sim',
});
const day = (history: HistoryAttempt[] = [], dayIndex = 0) => ({ dayIndex, today: '2027-03-01', history });
const levelOf = (levels: Record<string, number>) => (id: string) => levels[id];

describe('simulation – baselines', () => {
  it('fillBudget() – a long problem in the way – passes over it and fills the day with the next that fit', () => {
    const levels = { a: 10, long: 20, b: 10, c: 10 };
    expect(fillBudget(['a', 'long', 'b', 'c'], levelOf(levels), 60)).to.deep.equal(['a', 'b']);
    expect(estimatedMinutes(10) * 2).to.be.at.most(66);
  });

  it('fillBudget() – nothing fits – still takes the first, so the plan never stalls', () => {
    expect(fillBudget(['long', 'a'], levelOf({ long: 25, a: 10 }), 30)).to.deep.equal(['long']);
  });

  it('SEQ – a hint and a failure logged – skips the hinted problem, retries the failed one first', () => {
    const planner = BASELINES.SEQ(setup());
    const picks = planner.today(day([attempt('boj:1', 'hint'), attempt('boj:2', 'failed')]));
    expect(picks).to.deep.equal(['boj:2', 'boj:3', 'boj:4', 'boj:5', 'boj:6', 'boj:7']);
  });

  it('SEQ – a small budget – takes the list prefix that fits', () => {
    const picks = BASELINES.SEQ(setup({ budget: 50 })).today(day());
    expect(picks).to.deep.equal(['boj:1', 'boj:2']);
  });

  it('SEQ-PROFILE – samsung weights – never offers a type the profile does not test', () => {
    const picks = BASELINES['SEQ-PROFILE'](setup()).today(day());
    expect(picks).to.deep.equal(['boj:1', 'boj:2', 'boj:3', 'boj:4', 'boj:5']);
  });

  it('RR – one problem a day – takes the easiest of each type in turn, and the turn carries to the next day', () => {
    const planner = BASELINES.RR(setup({ budget: 20 }));
    const history: HistoryAttempt[] = [];
    const picks: string[] = [];
    for (let t = 0; t < 4; t++) {
      const [p] = planner.today(day(history, t));
      picks.push(p);
      history.push(attempt(p, 'solved'));
    }
    expect(picks).to.deep.equal(['boj:2', 'boj:5', 'boj:7', 'boj:1']);
  });

  it('G75 – capacity for three problems – the prefix of recommended-then-list order that fits, sorted by level', () => {
    const s = setup({ days: 1, budget: estimatedMinutes(8) + estimatedMinutes(12) + estimatedMinutes(6) + 1 });
    expect(g75Queue(s, new Set())).to.deep.equal(['boj:5', 'boj:1', 'boj:3']);
    // without boj:1 the next recommended (boj:6, level 9) would overrun the capacity: the prefix ends before it
    expect(g75Queue(s, new Set(['boj:1']))).to.deep.equal(['boj:5', 'boj:3']);
  });

  it('TONY – a big budget – one pick ≤ 8, two 9–12, one 13–15, one 16–18, none harder; same seed, same picks', () => {
    const rows = Array.from({ length: 40 }, (_, i): [number, number, boolean] => [100 + i, 1 + (i % 20), false]);
    const cat = tinyCatalog({ math: rows });
    const s = setup({ budget: 600 }, cat);
    const picks = BASELINES.TONY(s).today(day());
    const levels = picks.map((p) => s.index.level.get(p)!);
    expect(levels.filter((l) => l <= 8)).to.have.length(1);
    expect(levels.filter((l) => l > 8 && l <= 12)).to.have.length(2);
    expect(levels.filter((l) => l > 12 && l <= 15)).to.have.length(1);
    expect(levels.filter((l) => l > 15 && l <= 18)).to.have.length(1);
    expect(levels.filter((l) => l > 18)).to.have.length(0);
    expect(BASELINES.TONY(s).today(day())).to.deep.equal(picks);
    expect(BASELINES.TONY(setup({ budget: 600, seed: 6 }, cat)).today(day())).to.not.deep.equal(picks);
  });

  it("TONY – 60 minutes – cuts the day's picks to the budget", () => {
    const rows = Array.from({ length: 40 }, (_, i): [number, number, boolean] => [100 + i, 1 + (i % 20), false]);
    const s = setup({ budget: 60 }, tinyCatalog({ math: rows }));
    const picks = BASELINES.TONY(s).today(day());
    const minutes = picks.reduce((sum, p) => sum + estimatedMinutes(s.index.level.get(p)!), 0);
    expect(picks.length).to.be.within(1, 4);
    expect(minutes).to.be.at.most(66);
  });
});

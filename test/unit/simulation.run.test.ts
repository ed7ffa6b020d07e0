import { expect } from 'chai';
import { BASELINES } from '../../bench/planner/baselines.ts';
import type { PlannerFactory } from '../../bench/planner/planners.ts';
import { simulateRun, type Cell } from '../../bench/planner/simulate.ts';
import { BASE_PARAMS, indexCatalog } from '../../bench/planner/world.ts';
import { tinyCatalog } from '../fixtures/simulation/catalog.ts';

const rows = (from: number, n: number, level: (i: number) => number) =>
  Array.from({ length: n }, (_, i): [number, number, boolean] => [from + i, level(i), i % 3 === 0]);
const index = indexCatalog(
  tinyCatalog({ implementation: rows(1000, 40, (i) => 4 + (i % 12)), math: rows(2000, 40, (i) => 5 + (i % 10)) }),
);
const cell: Cell = { profile: 'general', muPop: 10, days: 10, budget: 60 };

const nothing: PlannerFactory = () => ({ today: () => [] });
const everything: PlannerFactory = (setup) => ({ today: () => setup.index.catalog.problems.map((p) => p.id) });

describe('simulation – one run', () => {
  it('simulateRun() – same learner and planner twice – gives identical results', () => {
    expect(simulateRun(index, BASE_PARAMS, cell, 1, 3, BASELINES.SEQ)).to.deep.equal(
      simulateRun(index, BASE_PARAMS, cell, 1, 3, BASELINES.SEQ),
    );
  });

  it('simulateRun() – practice against none, same learners – never lowers P(pass) (gains are never negative)', () => {
    for (let learner = 0; learner < 5; learner++) {
      const idle = simulateRun(index, BASE_PARAMS, cell, 1, learner, nothing);
      const seq = simulateRun(index, BASE_PARAMS, cell, 1, learner, BASELINES.SEQ);
      expect(idle.attempts).to.equal(0);
      expect(seq.attempts).to.be.above(0);
      expect(seq.pass).to.be.at.least(idle.pass);
    }
  });

  it('simulateRun() – a planner that lists the whole catalog every day – the learner stops at 1.2 × budget and the rest is skipped', () => {
    const r = simulateRun(index, BASE_PARAMS, cell, 1, 0, everything);
    expect(r.skipped).to.be.above(0);
    expect(r.minutes).to.be.at.most(1.2 * cell.budget * cell.days);
    expect(r.attempts).to.be.at.least(cell.days);
  });

  it('simulateRun() – unknown or repeated problems in a day – are counted as invalid and not worked', () => {
    const junk: PlannerFactory = () => ({ today: () => ['boj:1', 'boj:1000', 'boj:1000'] });
    const r = simulateRun(index, BASE_PARAMS, cell, 1, 0, junk);
    expect(r.invalid).to.equal(2 * cell.days);
    expect(r.attempts).to.equal(cell.days);
  });
});

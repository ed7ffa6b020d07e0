import { expect } from 'chai';
import { listAvailable, loadCatalog } from '../../bench/planner/catalog.ts';
import { addDays } from '../../src/day.ts';
import { plan } from '../../src/planner/index.ts';
import { profileWeights } from '../../src/planner/profiles.ts';
import type { HistoryAttempt, PlannerCatalog } from '../../src/planner/types.ts';
import { checkPlan, emptyTruth } from '../../bench/planner/truth.ts';
import { BASE_PARAMS, indexCatalog, makeLearner, priorHistory } from '../../bench/planner/world.ts';
import { attempt, input } from './planner-support.ts';

/** Issue 20's new-input cells, through the pure planner on the real curated list (../shared/data). */
const TODAY = '2026-11-28';

describe('planner v3 – short budgets and the days before the exam (the real list)', () => {
  let real: PlannerCatalog;
  before(function () {
    if (!listAvailable()) this.skip();
    real = loadCatalog();
  });
  /** A learner who solved Gold V – Gold II problems of samsung's two heavy types (imported). */
  const solver = (): HistoryAttempt[] => {
    const ids = new Set(
      real.entries.filter((e) => ['graph_traversal', 'simulation'].includes(e.category)).map((e) => e.problem),
    );
    return real.problems
      .filter((p) => ids.has(p.id) && p.level >= 13 && p.level <= 16)
      .slice(0, 12)
      .map((p) => attempt(p.id, 'solved', null, 'import:csv'));
  };
  const samsung = (dailyMinutes: number) =>
    plan(
      input(
        real,
        { history: solver(), today: TODAY },
        { profile: 'samsung', dailyMinutes, examDate: addDays(TODAY, 30) },
      ),
    );

  it('15 minutes a day – each day starts one problem at the learner’s level, spread over the next study days, not a Bronze problem that fits', () => {
    const p = samsung(15);
    const weights = profileWeights('samsung', real);
    const [first] = p.days[0].items;
    expect(p.days[0].items).to.have.length(1);
    expect(first.reason.code).to.equal('split');
    expect(first.level).to.be.at.least(10);
    expect(first.predicted).to.be.within(0.25, 0.8);
    expect(weights[first.category]).to.be.at.least(0.1);
    const parts = Number(first.reason.params.parts);
    expect(parts).to.be.within(2, 4);
    expect(Number(first.reason.params.minutes)).to.be.above(15 * 1.1);
    for (const d of p.days.slice(1, parts)) expect(d.items.map((i) => i.problem)).to.include(first.problem);
    // Every study day holds work, and a long problem is never carried onto the exam's eve.
    for (const d of p.days) expect(d.items.length, d.day).to.be.above(0);
    for (const i of p.days.at(-1)!.items) expect(i.reason.code).to.not.equal('split_continue');
  });

  it('120 minutes a day – problems at the level fit the day, so nothing is split', () => {
    const p = samsung(120);
    for (const d of p.days) for (const i of d.items) expect(i.reason.code, d.day).to.not.match(/^split/);
  });

  it('a day runs longest first after its mock: what a long day leaves undone is the short work', () => {
    const p = samsung(180);
    let mixed = 0;
    for (const d of p.days.slice(0, -1)) {
      const mocks = d.items.filter((i) => i.kind === 'mock').length;
      expect(
        d.items.slice(0, mocks).every((i) => i.kind === 'mock'),
        d.day,
      ).to.equal(true);
      const rest = d.items.slice(mocks).map((i) => i.minutes);
      expect(rest, d.day).to.deep.equal([...rest].sort((a, b) => b - a));
      if (new Set(rest).size > 1) mixed++;
    }
    expect(mixed, 'days with items of different lengths').to.be.above(5);
  });

  it('reasons stay true after the reordering: "little practice yet" never follows the type’s second problem', () => {
    const index = indexCatalog(real);
    const truth = emptyTruth();
    for (const profile of ['samsung', 'kakao', 'general'])
      for (let key = 0; key < 6; key++) {
        const learner = makeLearner(index, BASE_PARAMS, 7, key, 10);
        const inp = input(
          real,
          { history: priorHistory(learner), today: TODAY },
          { profile, dailyMinutes: 120, examDate: addDays(TODAY, 30) },
        );
        checkPlan(plan(inp), inp, truth);
      }
    expect(truth.checked).to.be.above(1000);
    expect(truth.examples).to.deep.equal([]);
  });
});

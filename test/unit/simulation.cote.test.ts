import { expect } from 'chai';
import { coteFactory, standInPlanner, type AdapterStats } from '../../bench/planner/cote.ts';
import { learnerKey, simulateRun, type Cell } from '../../bench/planner/simulate.ts';
import { BASE_PARAMS, indexCatalog } from '../../bench/planner/world.ts';
import type { Plan, PlanInput } from '../../src/planner/types.ts';
import { tinyCatalog } from '../fixtures/simulation/catalog.ts';

const index = indexCatalog(
  tinyCatalog({
    implementation: Array.from({ length: 20 }, (_, i): [number, number, boolean] => [100 + i, 4 + (i % 10), i < 5]),
    math: Array.from({ length: 20 }, (_, i): [number, number, boolean] => [200 + i, 5 + (i % 8), i < 5]),
  }),
);
const cell: Cell = { profile: 'general', muPop: 10, days: 5, budget: 90 };

const emptyPlan = (input: PlanInput, items: string[] = []): Plan => ({
  today: input.today,
  exam: input.settings.examDate,
  days: [
    {
      day: input.today,
      rest: false,
      items: items.map((problem) => ({
        problem,
        kind: 'new',
        category: 'math',
        level: 5,
        minutes: 20,
        predicted: 0.7,
        reason: { code: '', params: {} },
      })),
    },
  ],
  readiness: [],
  verdict: 'on_track',
  pass: { p: 0.42, low: 0.3, high: 0.5, need: 2, of: 4 },
  advice: [],
});

describe('simulation – the cote adapter', () => {
  it('coteFactory() – each morning – calls plan() with the exam day, every weekday, the profile, horizonDays 1 and the history so far', () => {
    const inputs: PlanInput[] = [];
    const stats: AdapterStats = { errors: 0, notices: {} };
    const spy = (input: PlanInput) => {
      inputs.push(structuredClone(input));
      return emptyPlan(input, ['boj:200']);
    };
    const r = simulateRun(index, BASE_PARAMS, cell, 1, 0, coteFactory(spy, stats));
    // The first morning also plans to the exam once (horizon unset) for the projection of the calibration table.
    expect(inputs[0].horizonDays).to.equal(undefined);
    expect(r.projected).to.equal(0.42);
    inputs.shift();
    expect(inputs.map((i) => i.today)).to.deep.equal([
      '2027-03-01',
      '2027-03-02',
      '2027-03-03',
      '2027-03-04',
      '2027-03-05',
    ]);
    const first = inputs[0] as PlanInput & { horizonDays?: number };
    expect(first.settings).to.include({ examDate: '2027-03-06', dailyMinutes: 90, profile: 'general' });
    expect(first.settings.studyDays).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    expect(first.horizonDays).to.equal(1);
    expect(first.seed).to.equal(learnerKey(1, cell, 0));
    expect(first.history.every((a) => a.outcome === 'solved' && a.day === null)).to.equal(true);
    expect(inputs[1].history.length).to.equal(first.history.length + 1);
    expect(inputs[1].history.at(-1)).to.include({ problem: 'boj:200', day: '2027-03-01', origin: 'sim' });
    expect(r.attempts).to.equal(5);
  });

  it('a cell with study days Sat–Sun – the planner is asked and the learner works only on those days, told the same days', () => {
    const inputs: PlanInput[] = [];
    const spy = (input: PlanInput) => {
      inputs.push(structuredClone(input));
      return emptyPlan(input, ['boj:200']);
    };
    const r = simulateRun(
      index,
      BASE_PARAMS,
      { ...cell, days: 9, studyDays: [6, 7] },
      1,
      0,
      coteFactory(spy, { errors: 0, notices: {} }),
    );
    expect(inputs.filter((i) => i.horizonDays === 1).map((i) => i.today)).to.deep.equal(['2027-03-06', '2027-03-07']);
    expect(inputs[0].settings.studyDays).to.deep.equal([6, 7]);
    expect(r.attempts).to.equal(2);
  });

  it('a fresh learner – no imported solves in the history', () => {
    const inputs: PlanInput[] = [];
    const spy = (input: PlanInput) => {
      inputs.push(structuredClone(input));
      return emptyPlan(input, []);
    };
    simulateRun(index, BASE_PARAMS, { ...cell, fresh: true }, 1, 0, coteFactory(spy, { errors: 0, notices: {} }));
    expect(inputs[0].history).to.deep.equal([]);
  });

  it('coteFactory() – plan() throws or gives no day for today – counts the error and the learner rests', () => {
    const stats: AdapterStats = { errors: 0, notices: {} };
    const broken = () => {
      throw new Error('boom');
    };
    const r = simulateRun(index, BASE_PARAMS, cell, 1, 0, coteFactory(broken, stats));
    expect(stats.errors).to.equal(5);
    expect(stats.firstError).to.match(/boom/);
    expect(r.attempts).to.equal(0);
    const wrongDay = (input: PlanInput) => ({
      ...emptyPlan(input, ['boj:200']),
      days: [{ day: '2000-01-01', rest: false, items: [] }],
    });
    expect(simulateRun(index, BASE_PARAMS, cell, 1, 0, coteFactory(wrongDay, stats)).attempts).to.equal(0);
  });

  it('standInPlanner() – a learner with easy solves – offers unsolved problems near their level within the budget', () => {
    const plan = standInPlanner({
      catalog: index.catalog,
      history: [{ problem: 'boj:100', day: null, outcome: 'solved', minutes: null, origin: 'import' }],
      settings: {
        examDate: '2027-04-01',
        dailyMinutes: 60,
        studyDays: [1, 2, 3, 4, 5, 6, 7],
        profile: 'general',
        lang: 'en',
      },
      today: '2027-03-01',
    });
    const items = plan.days[0].items;
    expect(items.length).to.be.at.least(1);
    expect(items.map((i) => i.problem)).to.not.include('boj:100');
    expect(items.every((i) => i.level >= 2 && i.level <= 5)).to.equal(true);
  });
});

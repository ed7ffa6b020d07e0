import { expect } from 'chai';
import { Rng, uniformAt } from '../../bench/planner/rng.ts';
import {
  BASE_PARAMS,
  estimatedMinutes,
  indexCatalog,
  LearnerState,
  makeLearner,
  relatedCategories,
  sigmoid,
  type Learner,
  type SimParams,
} from '../../bench/planner/world.ts';
import { tinyCatalog } from '../fixtures/simulation/catalog.ts';

const catalog = tinyCatalog({
  implementation: [
    [1, 10, true],
    [2, 12, false],
    [3, 6, true],
  ],
  simulation: [
    [4, 11, true],
    [5, 14, false],
  ],
  math: [[6, 8, true]],
});
const index = indexCatalog(catalog);

/** A learner with chosen hidden traits: skill 10 everywhere, difficulties equal to the listed levels. */
function learner(overrides: Partial<Learner> = {}): Learner {
  return {
    key: 7,
    master: 1,
    mu: 10,
    pace: 1,
    base: new Map(catalog.categories.map((c) => [c.key, 10])),
    difficulty: new Map(catalog.problems.map((p) => [p.id, p.level])),
    priorSolved: [],
    ...overrides,
  };
}

const state = (params: SimParams = BASE_PARAMS, l = learner()) => new LearnerState(l, index, params);

describe('simulation – learner model', () => {
  it('relatedCategories() – the named relations – are symmetric and include the three-way search group', () => {
    expect(relatedCategories('graph_traversal').sort()).to.deep.equal(['shortest_path', 'topological_sorting', 'tree']);
    expect(relatedCategories('tree')).to.deep.equal(['graph_traversal']);
    expect(relatedCategories('two_pointer').sort()).to.deep.equal(['binary_search', 'prefix_sum']);
    expect(relatedCategories('math')).to.deep.equal([]);
  });

  it('attempt() – a first solve – adds Δg = 0.45·exp(−(d − s − 1)²/8)·m to its type and a quarter to the related type', () => {
    const s = state();
    const r = s.attempt('boj:2', 0); // d = 12, s = 10
    const m = r.outcome === 'hint' ? 0.6 : r.outcome === 'failed' ? 0.3 : 1;
    const delta = 0.45 * Math.exp(-((12 - 10 - 1) ** 2) / 8) * m;
    expect(s.skill('implementation', 0)).to.be.closeTo(10 + delta, 1e-12);
    expect(s.skill('simulation', 0)).to.be.closeTo(10 + 0.25 * delta, 1e-12);
    expect(s.skill('math', 0)).to.equal(10);
  });

  it("attempt() – best gap moved to 0 – a problem at the learner's own level teaches the most", () => {
    const gains = (bestGap: number) => {
      const s = state(
        { ...BASE_PARAMS, bestGap, learningRate: 1 },
        learner({ difficulty: new Map(catalog.problems.map((p) => [p.id, 10])) }),
      );
      const r = s.attempt('boj:1', 0);
      const m = r.outcome === 'hint' ? 0.6 : r.outcome === 'failed' ? 0.3 : 1;
      return (s.skill('implementation', 0) - 10) / m;
    };
    expect(gains(0)).to.be.closeTo(1, 1e-12);
    expect(gains(1)).to.be.closeTo(Math.exp(-1 / 8), 1e-12);
  });

  it('skill() – after practice – fades as (1 + (t − L)/(9·S))^−1 with S = 3·1.2 after one practice', () => {
    const s = state();
    s.attempt('boj:1', 0);
    const gain = s.skill('implementation', 0) - 10;
    expect(gain).to.be.above(0);
    const t = 9 * 3.6;
    expect(s.skill('implementation', t) - 10).to.be.closeTo(gain / 2, 1e-12);
    expect(s.skill('implementation', 100)).to.be.above(10);
  });

  it('skill() – a second practice on a later day – slows forgetting (S grows by 1 + 3(1 − R) + 0.2)', () => {
    const once = state();
    once.attempt('boj:1', 0);
    const twice = state();
    twice.attempt('boj:1', 0);
    twice.attempt('boj:3', 10);
    const keep = (s: LearnerState, from: number) =>
      (s.skill('implementation', from + 30) - 10) / (s.skill('implementation', from) - 10);
    expect(keep(twice, 10)).to.be.above(keep(once, 0));
  });

  it('skill() – forgetting switched off – keeps every gain', () => {
    const s = state({ ...BASE_PARAMS, forgetting: false });
    s.attempt('boj:1', 0);
    expect(s.skill('implementation', 365)).to.equal(s.skill('implementation', 0));
  });

  it('attempt() – the same learner under two planners – meets the same coin for the same problem and try', () => {
    const seq = ['boj:5', 'boj:5', 'boj:4', 'boj:6'];
    const replay = () => {
      const s = state();
      return seq.map((p, day) => s.attempt(p, day).outcome);
    };
    expect(replay()).to.deep.equal(replay());
    const u = uniformAt(1, 'solve', 7, 'boj:6', 0);
    for (const before of [[], ['boj:3'], ['boj:1', 'boj:2']]) {
      const s = state();
      for (const p of before) s.attempt(p, 0);
      const p = sigmoid(0.8 * (s.skill('math', 1) - 8));
      expect(s.attempt('boj:6', 1).solved).to.equal(u < p);
    }
  });

  it('nextMinutes() – first try and re-solve – t̂(d)·pace·lognormal noise, re-solves at 0.6', () => {
    const s = state(BASE_PARAMS, learner({ pace: 1.5 }));
    const noise = (n: number) => Math.exp(Rng.of(1, 'minutes', 7, 'boj:1', n).normal(0, 0.3));
    expect(s.nextMinutes('boj:1')).to.be.closeTo(estimatedMinutes(10) * 1.5 * noise(0), 1e-9);
    const r = s.attempt('boj:1', 0);
    if (r.outcome !== 'failed')
      expect(s.nextMinutes('boj:1')).to.be.closeTo(estimatedMinutes(10) * 1.5 * noise(1) * 0.6, 1e-9);
  });

  it('examSuccess() – flat skill 12, exam levels 10–10 – is σ(0.8·2) weighted over the tested types', () => {
    const s = state(BASE_PARAMS, learner({ base: new Map(catalog.categories.map((c) => [c.key, 12])) }));
    const w = new Map([
      ['implementation', 0.5],
      ['simulation', 0.5],
      ['math', 0],
    ]);
    expect(s.examSuccess(w, [10, 10], 0)).to.be.closeTo(sigmoid(1.6), 1e-12);
  });

  it('makeLearner() – same key – the same learner; prior solves favour problems the learner would solve', () => {
    const big = tinyCatalog({
      implementation: Array.from({ length: 60 }, (_, i): [number, number, boolean] => [100 + i, i % 2 ? 25 : 2, false]),
    });
    const bigIndex = indexCatalog(big);
    const a = makeLearner(bigIndex, BASE_PARAMS, 3, 11, 10);
    const b = makeLearner(bigIndex, BASE_PARAMS, 3, 11, 10);
    expect(a.priorSolved).to.deep.equal(b.priorSolved);
    expect(a.base).to.deep.equal(b.base);
    const easy = a.priorSolved.filter((p) => bigIndex.level.get(p) === 2).length;
    expect(easy).to.be.above(a.priorSolved.length * 0.7);
  });
});

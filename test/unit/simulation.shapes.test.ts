import { expect } from 'chai';
import { SHAPE_VARIANTS } from '../../bench/planner/grid.ts';
import { BASE_PARAMS, indexCatalog, LearnerState, type Learner, type SimParams } from '../../bench/planner/world.ts';
import { tinyCatalog } from '../fixtures/simulation/catalog.ts';

/** Worlds of another shape (PLANNER.md "Round 3"): the simulator's truth differs from the planner's model in form. */
const catalog = tinyCatalog({
  greedy: [
    [1, 10, true],
    [2, 10, false],
    [3, 10, true],
    [4, 10, false],
    [7, 10, true],
    [8, 10, false],
    [9, 10, true],
    [10, 10, false],
  ],
  math: [[5, 8, true]],
  implementation: [[6, 20, true]],
});
const index = indexCatalog(catalog);
const learner = (over: Partial<Learner> = {}): Learner => ({
  key: 3,
  master: 11,
  mu: 10,
  pace: 1,
  base: new Map(catalog.categories.map((c) => [c.key, 10])),
  difficulty: new Map(catalog.problems.map((p) => [p.id, p.level])),
  priorSolved: [],
  ...over,
});
const world = (params: Partial<SimParams>) => new LearnerState(learner(), index, { ...BASE_PARAMS, ...params });

describe('simulation – worlds of another shape', () => {
  it('success ramp – a floor of careless failures and a ceiling below 1, linear between (not logistic)', () => {
    const w = world({ success: 'ramp' });
    expect(w.pSolve(30, 0)).to.equal(0.9);
    expect(w.pSolve(0, 30)).to.equal(0.05);
    expect(w.pSolve(10, 10)).to.be.closeTo(0.5, 1e-12);
    expect(w.pSolve(11, 10) - w.pSolve(10, 10)).to.be.closeTo(w.pSolve(12, 10) - w.pSolve(11, 10), 1e-12);
    expect(world({}).pSolve(30, 0)).to.be.above(0.99);
  });

  it('heavy-tailed minutes – a concave median in the level and a tail: some attempts take 3× or more', () => {
    const draws = Array.from({ length: 400 }, (_, k) =>
      new LearnerState(learner({ key: k }), index, { ...BASE_PARAMS, minutes: 'heavytail' }).nextMinutes('boj:6'),
    ).sort((a, b) => a - b);
    const median = draws[200];
    expect(median).to.be.within(0.8 * 6 * 21 ** 0.75, 1.25 * 6 * 21 ** 0.75); // not 12·e^{0.1·20} ≈ 89
    expect(draws[396] / median).to.be.above(3);
  });

  it('step learning – little gain before the third solve of a type, a jump at it', () => {
    // Skill 20 at level-10 problems: ramp success 0.9, so the coins give three solves among eight tries.
    const strong = learner({ base: new Map(catalog.categories.map((c) => [c.key, c.key === 'greedy' ? 20 : 10])) });
    const w = new LearnerState(strong, index, {
      ...BASE_PARAMS,
      learning: 'steps',
      success: 'ramp',
      forgetting: false,
    });
    let solves = 0;
    let last = w.skill('greedy', 0);
    for (const [day, id] of [1, 2, 3, 4, 7, 8, 9, 10].entries()) {
      const r = w.attempt(`boj:${id}`, day);
      if (r.solved) solves++;
      const jump = w.skill('greedy', day) - last;
      last = w.skill('greedy', day);
      if (r.solved && solves === 3) expect(jump, `solve ${solves}`).to.be.above(1.4);
      else expect(jump, `attempt ${day}`).to.be.below(0.1);
    }
    expect(solves).to.be.at.least(3);
  });

  it('hidden transfer – practice lifts a type the planner thinks unrelated, and not the one it thinks related', () => {
    const w = world({ transfer: 'hidden' });
    w.attempt('boj:1', 0);
    expect(w.skill('math', 0)).to.be.above(10);
    const base = world({});
    base.attempt('boj:1', 0);
    expect(base.skill('math', 0)).to.equal(10);
  });

  it('SHAPE_VARIANTS – five worlds, each changing a shape the planner assumes, one all four at once', () => {
    expect(SHAPE_VARIANTS.map((v) => v.name)).to.deep.equal([
      'shape-minutes',
      'shape-success',
      'shape-steps',
      'shape-transfer',
      'shape-all',
    ]);
  });
});

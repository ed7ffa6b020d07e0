import { PROFILES } from '../../src/planner/profiles.ts';
import { expect } from 'chai';
import { EXAM_FORMATS, examWeights, passProbability } from '../../bench/planner/exam.ts';
import { shiftedWeights } from '../../bench/planner/simulate.ts';
import type { PlannerCatalog } from '../../src/planner/types.ts';

const KEYS = [
  'graph_traversal',
  'simulation',
  'implementation',
  'brute_force',
  'backtracking',
  'string',
  'two_pointer',
  'binary_search',
  'shortest_path',
  'trie',
  'math',
];

function catalogWithRecommended(counts: Record<string, number>): PlannerCatalog {
  const categories = KEYS.map((key, position) => ({ key, nameEn: key, nameKo: key, position }));
  const entries = KEYS.flatMap((key) =>
    Array.from({ length: 3 }, (_, i) => ({
      category: key,
      problem: `boj:${key}${i}`,
      position: i,
      recommended: i < (counts[key] ?? 0),
    })),
  );
  return {
    categories,
    entries,
    problems: entries.map((e) => ({ id: e.problem, title: e.problem, level: 10, tags: [] })),
  };
}

describe('simulation – exam', () => {
  const cases: Array<[number, number, number, number]> = [
    [2, 0.5, 1, 0.75],
    [4, 0.5, 2, 11 / 16],
    [7, 0.5, 4, 0.5],
    [2, 0.3, 1, 1 - 0.7 * 0.7],
    [4, 0.6, 2, 1 - 0.4 ** 4 - 4 * 0.6 * 0.4 ** 3],
    [7, 0, 4, 0],
    [7, 1, 4, 1],
  ];
  for (const [n, p, k, expected] of cases) {
    it(`passProbability() – ${k} of ${n} at p=${p} – is the exact binomial tail ${expected.toFixed(4)}`, () => {
      expect(passProbability(n, p, k)).to.be.closeTo(expected, 1e-12);
    });
  }

  it('passProbability() – rising p – never falls', () => {
    let last = -1;
    for (let p = 0; p <= 1; p += 0.05) {
      const v = passProbability(7, p, 4);
      expect(v).to.be.at.least(last);
      last = v;
    }
  });

  it('EXAM_FORMATS – the three profiles – pass at 1 of 2, 4 of 7 and 2 of 3 (the planner table agrees)', () => {
    expect([EXAM_FORMATS.samsung.toPass, EXAM_FORMATS.samsung.questions]).to.deep.equal([1, 2]);
    expect([EXAM_FORMATS.kakao.toPass, EXAM_FORMATS.kakao.questions]).to.deep.equal([4, 7]);
    expect([EXAM_FORMATS.general.toPass, EXAM_FORMATS.general.questions]).to.deep.equal([2, 3]);
    for (const key of ['samsung', 'kakao', 'general'] as const) {
      const f = PROFILES[key].format;
      expect([f.passCount, f.problems, f.minutes], key).to.deep.equal([
        EXAM_FORMATS[key].toPass,
        EXAM_FORMATS[key].questions,
        EXAM_FORMATS[key].minutes,
      ]);
    }
  });

  it('examWeights() – general – is proportional to the recommended counts and sums to 1', () => {
    const w = examWeights('general', catalogWithRecommended({ graph_traversal: 3, simulation: 1 }));
    expect(w.get('graph_traversal')).to.be.closeTo(0.75, 1e-12);
    expect(w.get('simulation')).to.be.closeTo(0.25, 1e-12);
    expect(w.get('math')).to.equal(0);
  });

  it('examWeights() – samsung – tests exactly its five types with the published weights', () => {
    const w = examWeights('samsung', catalogWithRecommended({}));
    expect([...w.values()].reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-12);
    expect(
      [...w]
        .filter(([, v]) => v > 0)
        .map(([k]) => k)
        .sort(),
    ).to.deep.equal(['backtracking', 'brute_force', 'graph_traversal', 'implementation', 'simulation']);
    expect(w.get('graph_traversal')).to.be.closeTo(0.45, 1e-12);
  });

  it('examWeights() – a profile type missing from the list – says which', () => {
    const catalog = catalogWithRecommended({});
    catalog.categories = catalog.categories.filter((c) => c.key !== 'trie');
    expect(() => examWeights('kakao', catalog)).to.throw(/trie/);
  });

  it('shiftedWeights() – 30 % exam shift – moves that share evenly onto every type and still sums to 1', () => {
    const w = shiftedWeights(examWeights('samsung', catalogWithRecommended({})), 0.3);
    expect([...w.values()].reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-12);
    expect(w.get('math')).to.be.closeTo(0.3 / KEYS.length, 1e-12);
    expect(w.get('graph_traversal')).to.be.closeTo(0.7 * 0.45 + 0.3 / KEYS.length, 1e-12);
  });
});

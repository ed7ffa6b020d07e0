import { expect } from 'chai';
import { plan } from '../../src/planner/index.ts';
import { planWords } from '../../src/plans/planWords.ts';
import { attempt, input, mixedCatalog, problemsOf } from './planner-support.ts';

const catalog = mixedCatalog();
const seeded = ['graph_traversal', 'simulation', 'implementation']
  .flatMap((c) => problemsOf(catalog, c).slice(0, 10))
  .map((p) => attempt(p, 'solved', null, 'import'));

describe('planner v2 – a calibrated verdict: P(pass), its 80 % interval, what passing means', () => {
  it('samsung – pass means ≥ 1 of 2; low ≤ P ≤ high, all in [0, 1]; the verdict follows P', () => {
    const p = plan(input(catalog, { history: seeded }, { profile: 'samsung' }));
    expect(p.pass).to.include({ need: 1, of: 2 });
    expect(p.pass!.low).to.be.at.most(p.pass!.p);
    expect(p.pass!.p).to.be.at.most(p.pass!.high);
    expect(p.pass!.high).to.be.at.most(1);
    expect(p.pass!.high - p.pass!.low, 'an interval, not a point').to.be.greaterThan(0.02);
    expect(p.verdict).to.equal(p.pass!.p >= 0.7 ? 'on_track' : 'behind');
  });

  it('kakao ≥ 4 of 7, general ≥ 2 of 3 (the documented default, profiles.ts)', () => {
    expect(plan(input(catalog, { history: seeded }, { profile: 'kakao' })).pass).to.include({ need: 4, of: 7 });
    expect(plan(input(catalog, { history: seeded }, { profile: 'general' })).pass).to.include({ need: 2, of: 3 });
  });

  it('more evidence narrows the interval (graded attempts in the exam’s types)', () => {
    // Mid-list imports and a mixed graded record keep both projections away from 0 and 1, where any interval is narrow
    // (a seed far from the list's middle is stretched further from it: TUNING.seedStretch).
    const harder = ['graph_traversal', 'simulation', 'implementation']
      .flatMap((c) => problemsOf(catalog, c).slice(10, 20))
      .map((p) => attempt(p, 'solved', null, 'import'));
    const few = plan(input(catalog, { history: harder }, { profile: 'samsung' })).pass!;
    const graded = ['graph_traversal', 'simulation']
      .flatMap((c) => problemsOf(catalog, c).slice(30, 40))
      .map((p, i) => attempt(p, i % 2 ? 'solved' : 'failed', '2026-11-20'));
    const many = plan(input(catalog, { history: [...harder, ...graded] }, { profile: 'samsung' })).pass!;
    expect(many.high - many.low).to.be.lessThan(few.high - few.low);
  });

  it('planWords.pass – the figure with its range and the rule; a new learner gets "too little evidence", no figure', () => {
    const words = planWords('en', catalog.categories);
    const p = plan(input(catalog, { history: seeded }, { profile: 'samsung' }));
    expect(words.pass(p)).to.equal(
      `Projected chance to pass: ${Math.round(p.pass!.p * 100)} % (80 % range ${Math.round(p.pass!.low * 100)}–${Math.round(p.pass!.high * 100)} %). Passing means solving at least 1 of 2 problems.`,
    );
    const fresh = plan(input(catalog, {}, { profile: 'kakao' }));
    expect(fresh.verdict).to.equal('uncertain');
    expect(words.pass(fresh)).to.equal(
      'No projected chance yet: too little evidence. Passing means solving at least 4 of 7 problems.',
    );
  });
});

import { expect } from 'chai';
import { catalogIndex, levelFromTries } from '../../src/planner/catalogIndex.ts';
import { chronological, learnerModel, ownSkill, thetaHat } from '../../src/planner/model.ts';
import { plan } from '../../src/planner/index.ts';
import { attempt, input, mixedCatalog, problemsOf, smallCatalog } from './planner-support.ts';

describe('planner v2 – seeding from the hardest solves; difficulty from average tries', () => {
  it('imported solves with two Gold problems among three Bronze – the type is seeded near Gold, not Bronze', () => {
    const catalog = smallCatalog({ graph_traversal: [3, 4, 5, 16, 17, 10, 11, 12], simulation: [5, 6, 7, 8, 9] });
    const index = catalogIndex(catalog);
    const g = problemsOf(catalog, 'graph_traversal');
    const history = [g[0], g[1], g[2], g[3], g[4], ...problemsOf(catalog, 'simulation').slice(0, 3)].map((p) =>
      attempt(p, 'solved', null, 'import'),
    );
    const theta = ownSkill(learnerModel(index, chronological(history)), index.catIndex.get('graph_traversal')!);
    // Hardest 17 → at most 2 under it (15), −1 for lucky solves: 14 (Gold V); the median of five alone was 5 − 1 = 4.
    expect(theta).to.be.at.least(13);
  });

  it('dated solves more than a year before the latest count a level lower (recency)', () => {
    const catalog = smallCatalog({ graph_traversal: [10, 10, 10, 10, 10] });
    const index = catalogIndex(catalog);
    const ids = problemsOf(catalog, 'graph_traversal');
    const recent = ids.map((p) => attempt(p, 'solved', '2026-11-01', 'import'));
    const old = ids.map((p, i) => attempt(p, 'solved', i === 0 ? '2026-11-01' : '2024-01-01', 'import'));
    const c = index.catIndex.get('graph_traversal')!;
    expect(thetaHat(learnerModel(index, chronological(old)), c)).to.be.lessThan(
      thetaHat(learnerModel(index, chronological(recent)), c),
    );
  });

  it('an unrated problem with 4.9 average tries – planned as about Gold IV, not "97 %, 20 min"', () => {
    expect(levelFromTries(4.9)).to.be.within(13, 14);
    expect(levelFromTries(null)).to.equal(5);
    const catalog = mixedCatalog();
    const unrated = catalog.problems.find((p) => p.id === problemsOf(catalog, 'graph_traversal')[0])!;
    unrated.level = 0;
    unrated.averageTries = 4.9;
    const p = plan(input(catalog, { history: [] }, { profile: 'samsung', examDate: '2027-01-28' }));
    const item = p.days.flatMap((d) => d.items).find((i) => i.problem === unrated.id);
    if (item) {
      expect(item.predicted).to.be.below(0.9);
      expect(item.minutes).to.be.above(30);
    }
    const index = catalogIndex(catalog);
    expect(index.level[index.byId.get(unrated.id)!]).to.be.within(13, 14);
  });
});

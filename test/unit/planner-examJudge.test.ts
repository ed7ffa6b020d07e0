import { expect } from 'chai';
import { plan } from '../../src/planner/index.ts';
import { input, mixedCatalog } from './planner-support.ts';
import type { PlannerCatalog } from '../../src/planner/types.ts';

/** The mixed catalog plus Programmers problems (unrated, as most Programmers lists give no level) in kakao's types. */
function withProgrammers(catalog: PlannerCatalog): PlannerCatalog {
  const copy: PlannerCatalog = {
    problems: [...catalog.problems],
    categories: [...catalog.categories],
    entries: [...catalog.entries],
  };
  for (const [i, category] of ['implementation', 'brute_force', 'graph_traversal', 'string']
    .flatMap((c) => [c, c, c])
    .entries()) {
    const id = `programmers:${42000 + i}`;
    copy.problems.push({ id, title: `p${i}`, level: 0, tags: [] });
    copy.entries.push({ category, problem: id, position: 100 + i, recommended: true });
  }
  return copy;
}

const mocksOf = (catalog: PlannerCatalog, profile: string) =>
  plan(input(catalog, {}, { profile, examDate: '2027-01-20', dailyMinutes: 300 }))
    .days.flatMap((d) => d.items)
    .filter((i) => i.kind === 'mock')
    .map((i) => i.problem);

describe('planner – the exam judge', () => {
  it('plan() – kakao, a catalog with Programmers problems – every mock problem is a Programmers problem', () => {
    const mocks = mocksOf(withProgrammers(mixedCatalog()), 'kakao');
    expect(mocks).to.not.be.empty;
    expect(mocks.filter((id) => !id.startsWith('programmers:'))).to.deep.equal([]);
  });

  it('plan() – kakao, no Programmers problem – mocks come from the problems there are', () => {
    const mocks = mocksOf(mixedCatalog(), 'kakao');
    expect(mocks).to.not.be.empty;
    expect(mocks.every((id) => id.startsWith('boj:'))).to.equal(true);
  });
});

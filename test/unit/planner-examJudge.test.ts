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

const planOf = (catalog: PlannerCatalog, profile: string) =>
  plan(input(catalog, {}, { profile, examDate: '2027-01-20', dailyMinutes: 300 }));
const mocksOf = (catalog: PlannerCatalog, profile: string) =>
  planOf(catalog, profile)
    .days.flatMap((d) => d.items)
    .filter((i) => i.kind === 'mock')
    .map((i) => i.problem);

describe('planner – the exam judge', () => {
  it('plan() – kakao, a catalog with Programmers problems – every mock problem is a Programmers problem', () => {
    const mocks = mocksOf(withProgrammers(mixedCatalog()), 'kakao');
    expect(mocks).to.not.be.empty;
    expect(mocks.filter((id) => !id.startsWith('programmers:'))).to.deep.equal([]);
  });

  it('plan() – kakao, 300 minutes – every mock is 7 problems in one box of 250–300 minutes', () => {
    const p = planOf(withProgrammers(mixedCatalog()), 'kakao');
    const days = p.days.filter((d) => d.items.some((i) => i.kind === 'mock'));
    expect(days).to.not.be.empty;
    for (const d of days) {
      const set = d.items.filter((i) => i.kind === 'mock');
      expect(set, d.day).to.have.length(7);
      expect(
        set.reduce((s, i) => s + i.minutes, 0),
        d.day,
      ).to.be.within(250, 300);
    }
  });

  it('plan() – kakao, no Programmers problem – mocks in the exam’s format from the problems there are, and the plan says the judge is missing', () => {
    const p = planOf(mixedCatalog(), 'kakao');
    const mocks = mocksOf(mixedCatalog(), 'kakao');
    expect(mocks).to.not.be.empty;
    expect(mocks.every((id) => id.startsWith('boj:'))).to.equal(true);
    expect(p.notice).to.deep.equal({ code: 'mock_off_judge', params: { judge: 'programmers' } });
  });
});

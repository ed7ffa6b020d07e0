import path from 'node:path';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { importAnyList } from '../../src/catalog/importAnyList.ts';
import { plannerCatalog } from '../../src/catalog/plannerCatalog.ts';
import { planFor } from '../../src/plans/planService.ts';
import { setPlanLists, type Learner } from '../../src/learners/learnerRepository.ts';
import type { Plan } from '../../src/planner/types.ts';

const TONY = path.resolve(import.meta.dirname, '../fixtures/planner/list');
const PROGRAMMERS = path.resolve(import.meta.dirname, '../fixtures/lists/programmers-kakao.md');
const TODAY = '2026-11-28';
const items = (plan: Plan, kind?: string) => plan.days.flatMap((d) => d.items).filter((i) => !kind || i.kind === kind);

describe('one plan over several lists', () => {
  let t: ReturnType<typeof testDeps>;
  let programmersKey: string;
  beforeEach(async () => {
    t = testDeps({}, new Date('2026-11-28T03:00:00Z'));
    await importList(t.deps.db, TONY);
    programmersKey = (await importAnyList(t.deps.db, PROGRAMMERS)).list;
  });
  afterEach(() => t.cleanup());

  const learner = (profile: string, dailyMinutes = '180'): Learner =>
    seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2027-01-20', dailyMinutes, profile });

  it('plannerCatalog() – two lists – one type per canonical type, each problem once, a shared problem one entry', () => {
    const catalog = plannerCatalog(t.deps.db);
    expect(catalog.categories.map((c) => c.key)).to.deep.equal([
      'graph_traversal',
      'simulation',
      'implementation',
      'brute_force',
    ]);
    const ids = catalog.problems.map((p) => p.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids.filter((id) => id.startsWith('programmers:'))).to.have.length(11);
    const shared = catalog.entries.filter((e) => e.problem === 'boj:2001');
    expect(shared.map((e) => [e.category, e.recommended])).to.deep.equal([['graph_traversal', true]]);
    expect(
      catalog.entries.filter((e) => e.category === 'graph_traversal' && e.problem.startsWith('programmers:')),
    ).to.have.length(4);
  });

  it('planFor() – a learner with two lists (default: all) – one plan with problems of both judges', () => {
    const plan = planFor(t.deps.db, learner('general'), TODAY, { store: false });
    const judges = new Set(items(plan).map((i) => i.problem.split(':')[0]));
    expect([...judges].sort()).to.deep.equal(['boj', 'programmers']);
    expect(plan.readiness.map((r) => r.category).sort()).to.deep.equal([
      'brute_force',
      'graph_traversal',
      'implementation',
      'simulation',
    ]);
  });

  it('planFor() – the learner picks one list – only its problems are planned', () => {
    const mina = learner('general');
    setPlanLists(t.deps.db, mina.id, [programmersKey]);
    const planned = items(planFor(t.deps.db, mina, TODAY, { store: false })).map((i) => i.problem);
    expect(planned).to.not.be.empty;
    expect(planned.filter((id) => !id.startsWith('programmers:') && id !== 'boj:2001')).to.deep.equal([]);
  });

  it('planFor() – kakao profile with a Programmers list – every mock set comes from Programmers problems', () => {
    // 300 minutes a day: the day holds kakao's box (7 problems, 250–300 minutes).
    const plan = planFor(t.deps.db, learner('kakao', '300'), TODAY, { store: false });
    const mocks = items(plan, 'mock');
    expect(mocks.filter((i) => !i.problem.startsWith('programmers:'))).to.deep.equal([]);
    // This small catalog (35 problems) is used up before the first mock day: the plan says the list is exhausted.
    if (mocks.length === 0) expect(plan.notice?.code).to.equal('list_exhausted');
  });
});

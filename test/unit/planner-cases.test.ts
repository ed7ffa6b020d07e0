import { expect } from 'chai';
import { plan } from '../../src/planner/index.ts';
import { planWords } from '../../src/plans/planWords.ts';
import { chronological, learnerModel, ownSkill, thetaHat } from '../../src/planner/model.ts';
import { catalogIndex } from '../../src/planner/catalogIndex.ts';
import type { PlanInput } from '../../src/planner/types.ts';
import { attempt, input, levels, mixedCatalog, problemsOf, smallCatalog } from './planner-support.ts';

const catalog = mixedCatalog();
const everything = catalog.problems.map((p) => attempt(p.id, 'solved', null, 'import:csv'));

describe('plan() – nothing to plan gives a clear notice, never a crash', () => {
  const cases: { name: string; input: PlanInput; code: string; days: 'none' | 'some' }[] = [
    { name: 'exam today', input: input(catalog, {}, { examDate: '2026-11-28' }), code: 'exam_today', days: 'none' },
    {
      name: 'exam in the past',
      input: input(catalog, {}, { examDate: '2026-11-01' }),
      code: 'exam_past',
      days: 'none',
    },
    { name: 'budget 0', input: input(catalog, {}, { dailyMinutes: 0 }), code: 'no_budget', days: 'none' },
    { name: 'no study days', input: input(catalog, {}, { studyDays: [] }), code: 'no_study_days', days: 'none' },
    {
      name: 'an empty list',
      input: input({ problems: [], categories: [], entries: [] }),
      code: 'empty_catalog',
      days: 'none',
    },
    {
      name: 'no exam date (plans 4 weeks ahead)',
      input: input(catalog, {}, { examDate: null }),
      code: 'no_exam',
      days: 'some',
    },
    { name: 'everything solved', input: input(catalog, { history: everything }), code: 'all_solved', days: 'some' },
  ];
  for (const c of cases) {
    for (const lang of ['en', 'ko'] as const) {
      it(`${c.name} (${lang}) – notice ${c.code} with a message`, () => {
        const p = plan({ ...c.input, settings: { ...c.input.settings, lang } });
        expect(p.notice?.code).to.equal(c.code);
        // The plan holds a code and parameters; the words come in the viewer's language when shown.
        const message = planWords(lang, c.input.catalog.categories).notice(p.notice);
        expect(message).to.be.a('string').with.length.above(10);
        expect(message).not.to.match(/planner\.notice|\{\w+\}/);
        if (lang === 'ko') expect(message).to.match(/[가-힣]/);
        if (c.days === 'none') expect(p.days).to.deep.equal([]);
        else expect(p.days.length).to.be.above(0);
      });
    }
  }

  it('everything solved – plans no new problem: the lapse re-solved, then re-solves and mocks of solved problems', () => {
    const p = plan(
      input(catalog, { history: [...everything, attempt(catalog.problems[3].id, 'failed', '2026-11-27')] }),
    );
    const items = p.days.flatMap((d) => d.items);
    expect(items.filter((i) => i.kind === 'new')).to.deep.equal([]);
    expect(items.filter((i) => i.reason.code === 'review').map((i) => i.problem)).to.deep.equal([
      catalog.problems[3].id,
    ]);
    expect(items.filter((i) => i.reason.code === 'resolve_solved').length).to.be.above(10);
    for (const d of p.days.slice(0, -1)) expect(d.items.length, d.day).to.be.above(0);
  });

  it('no exam date – 28 days, exam null', () => {
    const p = plan(input(catalog, {}, { examDate: null }));
    expect(p.exam).to.equal(null);
    expect(p.days).to.have.length(28);
  });
});

describe('plan() – today’s stored list', () => {
  const base = input(catalog, {}, { profile: 'samsung' });
  const first = plan(base);
  const stored = first.days[0].items;

  it('keeps the stored list as it was when nothing happened', () => {
    expect(plan({ ...base, todayItems: stored }).days[0].items).to.deep.equal(stored);
  });

  it('drops what was logged today and what was skipped, adds nothing in their place', () => {
    const history = [attempt(stored[0].problem, 'solved', '2026-11-28')];
    const p = plan({ ...base, history, todayItems: stored, excludeToday: [stored[1].problem] });
    expect(p.days[0].items.map((i) => i.problem)).to.deep.equal(stored.slice(2).map((i) => i.problem));
  });

  it('swap – replaces the item in place by a problem not on the list', () => {
    const p = plan({ ...base, todayItems: stored, swap: stored[0].problem, excludeToday: [stored[0].problem] });
    const ids = p.days[0].items.map((i) => i.problem);
    expect(ids).to.have.length(stored.length);
    expect(ids.slice(1)).to.deep.equal(stored.slice(1).map((i) => i.problem));
    expect(stored.map((i) => i.problem)).not.to.include(ids[0]);
  });

  it('less time today – keeps a prefix of the list that fits', () => {
    const p = plan({ ...base, todayItems: stored, minutesToday: stored[0].minutes });
    expect(p.days[0].items.map((i) => i.problem)).to.deep.equal([stored[0].problem]);
  });

  it('later days never repeat today’s items', () => {
    const p = plan({ ...base, todayItems: stored });
    const later = new Set(p.days.slice(1).flatMap((d) => d.items.map((i) => i.problem)));
    for (const i of stored) expect(later.has(i.problem)).to.equal(false);
  });

  it('less time today without a stored list – a shorter day 0', () => {
    const p = plan({ ...base, minutesToday: 30 });
    expect(p.days[0].items.reduce((s, i) => s + i.minutes, 0)).to.be.at.most(33);
    expect(p.days[1].items.reduce((s, i) => s + i.minutes, 0)).to.be.above(33);
  });
});

describe('learner model', () => {
  const one = smallCatalog({ graph_traversal: levels(1, 30, 0.5), string: levels(1, 30, 0.5) });
  const index = catalogIndex(one);
  const ids = problemsOf(one, 'graph_traversal');
  const model = (h: ReturnType<typeof attempt>[]) => learnerModel(index, chronological(h));

  it('imports seed a type from the median of its 5 hardest solves, one level lower (the hardest include lucky solves)', () => {
    const m = model([10, 12, 14, 16, 18, 20].map((i) => attempt(ids[i], 'solved', null, 'import:csv')));
    expect(ownSkill(m, 0)).to.equal(one.problems[16].level - 1);
  });

  it('graded failures lower the estimate, solves raise it', () => {
    const seed = [4, 6, 8].map((i) => attempt(ids[i], 'solved', null, 'import:csv'));
    const fail = model([...seed, ...[9, 10, 11].map((i) => attempt(ids[i], 'failed', '2026-11-20'))]);
    const win = model([...seed, ...[9, 10, 11].map((i) => attempt(ids[i], 'solved', '2026-11-20'))]);
    expect(thetaHat(fail, 0)).to.be.below(thetaHat(win, 0));
  });

  it('pace comes from logged minutes, clamped to [0.5, 2]', () => {
    expect(model([attempt(ids[5], 'solved', '2026-11-20', 'manual', 1)]).pace).to.equal(0.5);
    expect(model([attempt(ids[5], 'solved', '2026-11-20', 'manual', 999)]).pace).to.equal(2);
    expect(model([]).pace).to.equal(1);
  });
});

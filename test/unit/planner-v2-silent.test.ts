import { expect } from 'chai';
import { listAvailable, loadCatalog } from '../../bench/planner/catalog.ts';
import { addDays, isoWeekday } from '../../src/day.ts';
import { plan } from '../../src/planner/index.ts';
import { profileWeights } from '../../src/planner/profiles.ts';
import type { HistoryAttempt, Plan, PlanItem } from '../../src/planner/types.ts';
import { planWords } from '../../src/plans/planWords.ts';
import { attempt, input, mixedCatalog, problemsOf } from './planner-support.ts';

/** Issue 11, "silent empty plans" and "untruthful text": a plan is never empty without a reason, and says true things. */
const catalog = mixedCatalog();
const items = (p: Plan): PlanItem[] => p.days.flatMap((d) => d.items);
const studyDays = (p: Plan) => p.days.filter((d) => !d.rest);

/** 7 graded lapses on the easier problems of the Samsung types, a few days ago. */
function lapses(): HistoryAttempt[] {
  const types = [
    'graph_traversal',
    'simulation',
    'implementation',
    'brute_force',
    'backtracking',
    'graph_traversal',
    'simulation',
  ];
  return types.map((t, i) =>
    attempt(problemsOf(catalog, t)[i + 1], i % 2 ? 'hint' : 'failed', addDays('2026-11-28', -1 - (i % 3))),
  );
}

describe('plan() – never silent', () => {
  it('15 minutes a day – every study day has work and all 7 lapses are re-solved (was: 60 empty days, 0 of 7)', () => {
    const p = plan(
      input(
        catalog,
        { history: lapses() },
        { profile: 'samsung', dailyMinutes: 15, examDate: addDays('2026-11-28', 30) },
      ),
    );
    for (const d of studyDays(p)) expect(d.items.length, d.day).to.be.above(0);
    const reviewed = new Set(
      items(p)
        .filter((i) => i.kind === 'review')
        .map((i) => i.problem),
    );
    for (const a of lapses()) expect(reviewed.has(a.problem), a.problem).to.equal(true);
  });

  it('10 minutes a day, nothing to re-solve – the best problem for the level split over the study days it needs, said so', () => {
    const p = plan(input(catalog, {}, { profile: 'samsung', dailyMinutes: 10, examDate: addDays('2026-11-28', 10) }));
    const first = p.days[0].items;
    expect(first.map((i) => i.reason.code)).to.deep.equal(['split']);
    const parts = Number(first[0].reason.params.parts);
    expect(parts).to.be.within(2, 4);
    for (const d of p.days.slice(1, parts))
      expect(d.items.map((i) => [i.problem, i.reason.code])).to.deep.equal([[first[0].problem, 'split_continue']]);
    expect(p.days[parts].items.map((i) => i.problem)).to.not.include(first[0].problem);
    expect(planWords('en', catalog.categories).reason(first[0].reason)).to.match(new RegExp(`${parts} study days`));
  });

  it('10 minutes a day, the exam tomorrow – the problem is started, not promised over 2 study days that do not exist', () => {
    const p = plan(input(catalog, {}, { profile: 'samsung', dailyMinutes: 10, examDate: addDays('2026-11-28', 1) }));
    expect(p.days).to.have.length(1);
    const [only] = p.days[0].items;
    expect(p.days[0].items).to.have.length(1);
    expect(only.reason.code).to.equal('split_last');
    expect(only.minutes).to.be.at.most(10);
    for (const lang of ['en', 'ko'] as const) {
      const words = planWords(lang, catalog.categories).reason(only.reason);
      expect(words, lang).to.not.match(/2 study days|2일에 걸쳐/);
      expect(words, lang).to.match(lang === 'en' ? /as far as you can/ : /할 수 있는 데까지/);
    }
  });

  it('10 minutes a day, the exam in 2 days – split over today and tomorrow, the last study day', () => {
    const p = plan(input(catalog, {}, { profile: 'samsung', dailyMinutes: 10, examDate: addDays('2026-11-28', 2) }));
    const [first, second] = [p.days[0].items, p.days[1].items];
    expect(first.map((i) => i.reason.code)).to.deep.equal(['split']);
    expect(second.map((i) => [i.problem, i.reason.code])).to.deep.equal([[first[0].problem, 'split_continue']]);
  });

  for (const days of [1, 2, 3]) {
    it(`a new learner with the exam in ${days} day(s) – warm-ups in weighted types every day, not empty`, () => {
      const p = plan(
        input(catalog, {}, { profile: 'samsung', examDate: addDays('2026-11-28', days), dailyMinutes: 90 }),
      );
      const weights = profileWeights('samsung', catalog);
      expect(p.days).to.have.length(days);
      for (const d of p.days) {
        expect(d.items.length, d.day).to.be.above(0);
        for (const i of d.items) expect(weights[i.category], i.category).to.be.above(0);
      }
      for (const i of p.days[days - 1].items) expect(i.reason.code).to.equal('warmup');
    });
  }

  it('weekend-only study, exam on a Wednesday – the last session (Sunday) is the warm-up, not a new hard problem', () => {
    const history = lapses();
    const p = plan(
      input(catalog, { history }, { profile: 'samsung', studyDays: [6, 7], examDate: '2026-12-16', dailyMinutes: 120 }),
    );
    const last = studyDays(p).at(-1)!;
    expect(isoWeekday(last.day)).to.equal(7);
    const fresh = last.items.filter((i) => i.kind === 'new');
    expect(fresh.length).to.be.above(0);
    for (const i of fresh) {
      expect(i.reason.code).to.equal('warmup');
      expect(i.predicted).to.be.at.least(0.6);
    }
    expect(last.items.reduce((s, i) => s + i.minutes, 0)).to.be.at.most(120 * 0.55);
  });
});

describe('plan() – truthful text', () => {
  it('a mock says the number of problems and minutes it holds', () => {
    for (const minutes of [60, 90, 180, 300]) {
      const p = plan(
        input(
          catalog,
          { history: lapses() },
          { profile: 'samsung', dailyMinutes: minutes, examDate: addDays('2026-11-28', 45) },
        ),
      );
      for (const d of p.days) {
        const set = d.items.filter((i) => i.kind === 'mock');
        if (set.length === 0) continue;
        expect(set.length, d.day).to.be.at.least(2);
        for (const i of set) {
          expect(i.reason.params.count, d.day).to.equal(set.length);
          expect(
            Math.abs(Number(i.reason.params.minutes) - set.reduce((s, x) => s + x.minutes, 0)),
            d.day,
          ).to.be.at.most(set.length);
        }
      }
    }
  });

  it('"nearly ready, keeping it fresh" only with readiness ≥ 0.8 and predicted success ≥ 60 %; hard problems are stretches', () => {
    const strong = catalog.problems
      .filter((p) => p.level <= 12)
      .map((p) => attempt(p.id, 'solved', null, 'import:csv'));
    for (const profile of ['samsung', 'kakao', 'general']) {
      const p = plan(input(catalog, { history: strong }, { profile, dailyMinutes: 120 }));
      for (const i of items(p)) {
        if (i.reason.code === 'maintain') {
          expect(Number(i.reason.params.readiness)).to.be.at.least(0.8);
          expect(Number(i.reason.params.success)).to.be.at.least(60);
        }
        if (i.kind === 'new' && i.predicted < 0.35 && i.reason.code !== 'split')
          expect(i.reason.code, `${i.problem} ${i.predicted}`).to.equal('stretch');
      }
    }
  });

  it('the exam-eve warm-up is never a type the exam does not weigh', () => {
    for (const profile of ['samsung', 'kakao']) {
      const weights = profileWeights(profile, catalog);
      for (const days of [2, 5, 14, 30]) {
        const p = plan(
          input(catalog, { history: lapses() }, { profile, dailyMinutes: 120, examDate: addDays('2026-11-28', days) }),
        );
        for (const i of p.days.at(-1)!.items)
          expect(weights[i.category], `${profile} ${days} ${i.category}`).to.be.above(0);
      }
    }
  });

  it('a fresh learner with no evidence – "not enough evidence yet", not "on track"', () => {
    const p = plan(input(catalog, {}, { profile: 'general', dailyMinutes: 600, examDate: addDays('2026-11-28', 60) }));
    expect(p.verdict).to.equal('uncertain');
    const graded = problemsOf(catalog, 'implementation')
      .slice(0, 6)
      .map((id, i) => attempt(id, 'solved', addDays('2026-11-20', i)));
    expect(
      plan(
        input(
          catalog,
          { history: graded },
          { profile: 'general', dailyMinutes: 600, examDate: addDays('2026-11-28', 60) },
        ),
      ).verdict,
    ).not.to.equal('uncertain');
  });
});

(listAvailable() ? describe : describe.skip)('plan() on the real list – an exhausted list', function () {
  this.timeout(60_000);
  it('978 of 993 solved – no empty day: re-solves and mocks drawn from solved problems, and a notice saying why', () => {
    const real = loadCatalog();
    const hardest = [...real.problems]
      .sort((a, b) => b.level - a.level)
      .slice(0, 15)
      .map((p) => p.id);
    const history = real.problems
      .filter((p) => !hardest.includes(p.id))
      .map((p) => attempt(p.id, 'solved', null, 'import:csv'));
    expect(history).to.have.length(real.problems.length - 15);
    const p = plan(
      input(real, { history }, { profile: 'samsung', dailyMinutes: 180, examDate: addDays('2026-11-28', 30) }),
    );
    for (const d of studyDays(p)) expect(d.items.length, d.day).to.be.above(0);
    expect(items(p).some((i) => i.reason.code === 'resolve_solved')).to.equal(true);
    expect(items(p).some((i) => i.reason.code === 'mock_resolve')).to.equal(true);
    expect(p.notice?.code).to.equal('list_exhausted');
  });
});

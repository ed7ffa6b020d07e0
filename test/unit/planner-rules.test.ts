import { expect } from 'chai';
import { addDays, daysBetween, isoWeekday } from '../../src/day.ts';
import { plan } from '../../src/planner/index.ts';
import { planWords } from '../../src/plans/planWords.ts';
import { profileWeights } from '../../src/planner/profiles.ts';
import { createContext } from '../../src/planner/context.ts';
import { dayRules, newItems } from '../../src/planner/newItems.ts';
import { newCap } from '../../src/planner/choose.ts';
import type { HistoryAttempt, Plan, PlanItem } from '../../src/planner/types.ts';
import { attempt, input, levels, mixedCatalog, problemsOf, smallCatalog } from './planner-support.ts';

const catalog = mixedCatalog();
const allItems = (p: Plan): PlanItem[] => p.days.flatMap((d) => d.items);
const minutesOf = (items: PlanItem[]) => items.reduce((s, i) => s + i.minutes, 0);
/** A re-solve of a solved problem, or a mock drawn from solved problems: only once nothing new is within reach. */
/** Re-solves of solved (or earlier planned) problems: the list used up, leftover minutes, the eve's warm-ups, mocks. */
const RESOLVE_CODES = ['resolve_solved', 'resolve_leftover', 'resolve_planned', 'warmup_resolve', 'mock_resolve'];
const fromSolved = (i: PlanItem) => RESOLVE_CODES.includes(i.reason.code);
const levelOf = new Map(catalog.problems.map((p) => [p.id, p.level]));

/** Imports of the easier half of every category, plus a few graded lapses. */
function someHistory(): HistoryAttempt[] {
  const history: HistoryAttempt[] = [];
  for (const c of catalog.categories) {
    for (const id of problemsOf(catalog, c.key).slice(0, 6)) history.push(attempt(id, 'solved', null, 'import:csv'));
  }
  history.push(attempt(problemsOf(catalog, 'graph_traversal')[8], 'failed', '2026-11-25', 'manual', 70));
  history.push(attempt(problemsOf(catalog, 'simulation')[9], 'hint', '2026-11-26', 'manual', 50));
  history.push(attempt(problemsOf(catalog, 'string')[7], 'solved_slow', '2026-11-27', 'manual', 60));
  return history;
}

const scenarios = [
  { name: 'general, 30 days, 120 min', profile: 'general', exam: '2026-12-28', minutes: 120 },
  { name: 'samsung, 14 days, 60 min', profile: 'samsung', exam: '2026-12-12', minutes: 60 },
  { name: 'kakao, 60 days, 180 min', profile: 'kakao', exam: '2027-01-27', minutes: 180 },
  { name: 'samsung, 5 days, 45 min', profile: 'samsung', exam: '2026-12-03', minutes: 45 },
  { name: 'general, 2 days, 90 min', profile: 'general', exam: '2026-11-30', minutes: 90 },
];

describe('plan() – the rules every plan keeps', () => {
  for (const s of scenarios) {
    describe(s.name, () => {
      const history = someHistory();
      const p = plan(input(catalog, { history }, { profile: s.profile, examDate: s.exam, dailyMinutes: s.minutes }));
      const solved = new Set(history.filter((a) => a.outcome !== 'failed').map((a) => a.problem));
      const attempted = new Set(history.map((a) => a.problem));

      it('plans every day from today up to the day before the exam, none after', () => {
        expect(p.days.map((d) => d.day)).to.deep.equal(
          Array.from({ length: daysBetween('2026-11-28', s.exam) }, (_, i) => addDays('2026-11-28', i)),
        );
      });

      it('never offers an already attempted problem except as a review', () => {
        for (const item of allItems(p).filter((i) => i.kind !== 'review' && !fromSolved(i)))
          expect(attempted.has(item.problem), item.problem).to.equal(false);
        for (const item of allItems(p).filter((i) => i.kind === 'review' && !fromSolved(i)))
          expect(attempted.has(item.problem)).to.equal(true);
      });

      it('offers no problem twice (re-solves of solved problems once the list is used up aside)', () => {
        const ids = allItems(p)
          .filter((i) => !fromSolved(i))
          .map((i) => i.problem);
        expect(new Set(ids).size).to.equal(ids.length);
      });

      it('stays within the day’s budget (10 % slack)', () => {
        for (const d of p.days) expect(minutesOf(d.items), d.day).to.be.at.most(s.minutes * 1.1);
      });

      it('re-solves every lapse before the exam', () => {
        const lapses = history.filter((a) => a.outcome !== 'solved').map((a) => a.problem);
        const reviewed = new Set(
          allItems(p)
            .filter((i) => i.kind === 'review')
            .map((i) => i.problem),
        );
        for (const id of lapses) expect(reviewed.has(id), id).to.equal(true);
      });

      it('puts at most 2 new problems of one type on a day (more only for a type that weighs much on a long day)', () => {
        const weights = profileWeights(s.profile, catalog);
        for (const d of p.days) {
          const perType = new Map<string, number>();
          for (const i of d.items.filter((x) => x.kind === 'new'))
            perType.set(i.category, (perType.get(i.category) ?? 0) + 1);
          for (const [type, n] of perType)
            expect(n, `${d.day} ${type}`).to.be.at.most(
              Math.max(2, Math.round(weights[type] * Math.max(6, (1.5 * s.minutes) / 25))),
            );
        }
      });

      it('mixes at least 2 types on a day with 3 or more problems (re-solves of solved problems aside)', () => {
        for (const d of p.days) {
          const items = d.items.filter((i) => !fromSolved(i));
          if (items.length >= 3) expect(new Set(items.map((i) => i.category)).size, d.day).to.be.at.least(2);
        }
      });

      it('gives every item a reason in words and a positive estimate', () => {
        for (const item of allItems(p)) {
          const text = planWords('en', catalog.categories).reason(item.reason);
          expect(text).to.match(/\w{3,}/);
          expect(text, item.reason.code).not.to.match(/planner\.reason|\{\w+\}/);
          expect(item.minutes).to.be.above(0);
        }
        expect(solved.size).to.be.above(0);
      });

      it('keeps the last day light: at most half the budget, warm-ups and reviews only', () => {
        const last = p.days[p.days.length - 1];
        expect(minutesOf(last.items)).to.be.at.most(s.minutes * 0.55);
        // Warm-ups: 85 % or more, or — when no such problem is left — the easiest weighted ones still in reach.
        for (const item of last.items.filter((i) => i.kind === 'new')) expect(item.predicted).to.be.at.least(0.6);
        for (const item of last.items.filter((i) => i.kind === 'new')) expect(item.reason.code).to.equal('warmup');
      });
    });
  }
});

describe('plan() – choosing by the exam', () => {
  it('samsung, 14 days – the heavy types (graph traversal, simulation) get most new problems', () => {
    const p = plan(input(catalog, {}, { profile: 'samsung', examDate: '2026-12-12', dailyMinutes: 90 }));
    const fresh = allItems(p).filter((i) => i.kind === 'new');
    const heavy = fresh.filter((i) => i.category === 'graph_traversal' || i.category === 'simulation');
    expect(heavy.length).to.be.above(fresh.length / 2);
  });

  it('kakao, 14 days – types outside the profile get less than a fifth of new problems', () => {
    const p = plan(input(catalog, {}, { profile: 'kakao', examDate: '2026-12-12', dailyMinutes: 90 }));
    const fresh = allItems(p).filter((i) => i.kind === 'new');
    const outside = fresh.filter(
      (i) => !['implementation', 'string', 'brute_force', 'graph_traversal'].includes(i.category),
    );
    expect(outside.length).to.be.below(fresh.length / 5);
  });

  it('custom weights – an all-string profile puts at least 2 strings on every day, and most of the day is strings', () => {
    const p = plan(
      input(catalog, {}, { profile: 'custom', customWeights: { string: 1 }, examDate: '2026-12-05', dailyMinutes: 90 }),
    );
    // (The miniature list has 20 strings: by day 5 those within reach are used up.)
    for (const d of p.days.slice(0, 4)) {
      const strings = d.items.filter((i) => i.category === 'string');
      expect(strings.length, d.day).to.be.at.least(2);
      expect(minutesOf(strings), d.day).to.be.at.least(0.65 * minutesOf(d.items));
    }
    // Issue 11: all weight on one type → at least 70 % of the new minutes there (over the days with strings in reach).
    const fresh = p.days
      .slice(0, 4)
      .flatMap((d) => d.items)
      .filter((i) => i.kind === 'new');
    expect(minutesOf(fresh.filter((i) => i.category === 'string'))).to.be.at.least(0.7 * minutesOf(fresh));
  });

  it('one type over 30 days – difficulty rises step by step, the day’s hardest never more than 2 levels up', () => {
    const oneType = smallCatalog({ graph_traversal: levels(1, 120, 0.2) });
    const p = plan(input(oneType, { history: [] }, { profile: 'general' }));
    // A sole type may fill the day (no 2-a-day cap), with a shorter filler last: compare each day's hardest.
    // A mock day is the exam's box (general: 120 minutes) with at most a short filler: not a step of the staircase.
    const seq = p.days
      .filter((d) => !d.items.some((i) => i.kind === 'mock'))
      .map((d) => Math.max(0, ...d.items.filter((i) => i.kind === 'new').map((i) => i.level)))
      .filter((l) => l > 0);
    expect(seq.length).to.be.above(15);
    // Against the hardest day so far (a day of easier leftovers, when a level's problems are used up, is no step down).
    let top = seq[0];
    for (let i = 1; i < seq.length - 1; i++) {
      expect(seq[i] - top, `step ${i}: ${seq.join(',')}`).to.be.at.most(2);
      top = Math.max(top, seq[i]);
    }
    // (The last study day holds warm-ups, not a step.)
    expect(seq[seq.length - 2]).to.be.above(seq[0]);
  });

  it('a strong learner (hard imports) – starts at harder problems than a beginner', () => {
    const strong = problemsOf(catalog, 'graph_traversal')
      .slice(20, 26)
      .map((id) => attempt(id, 'solved', null, 'import:csv'));
    const mean = (p: Plan) => {
      const fresh = p.days[0].items.filter((i) => i.kind === 'new');
      return fresh.reduce((s, i) => s + (levelOf.get(i.problem) ?? 0), 0) / fresh.length;
    };
    expect(mean(plan(input(catalog, { history: strong }, { profile: 'samsung' })))).to.be.above(
      mean(plan(input(catalog, {}, { profile: 'samsung' }))),
    );
  });

  it('exam in 3 days – introduces no new type', () => {
    const history = problemsOf(catalog, 'implementation')
      .slice(0, 4)
      .map((id) => attempt(id, 'solved', null, 'import:csv'));
    const p = plan(input(catalog, { history }, { examDate: '2026-12-01' }));
    for (const item of allItems(p)) expect(item.category).to.equal('implementation');
  });

  it('phase B – with graph traversal on the day, shortest path (confusable) beats an otherwise equal greedy', () => {
    const mix = smallCatalog({
      graph_traversal: levels(4, 30, 0.2),
      greedy: levels(4, 30, 0.2),
      shortest_path: levels(4, 30, 0.2),
    });
    const pick = (phase: 'A' | 'B', onDay: string[]) => {
      const ctx = createContext(
        input(mix, {}, { profile: 'custom', customWeights: { graph_traversal: 2, greedy: 1, shortest_path: 1 } }),
        '2026-12-28',
      );
      const rules = dayRules(ctx, phase, 30, false, null);
      const graph = ctx.index.catIndex.get('graph_traversal')!;
      rules.newToday[graph] = newCap(ctx, graph);
      const items = onDay.map((category) => ({
        problem: 'x',
        kind: 'new' as const,
        category,
        level: 5,
        minutes: 20,
        predicted: 0.7,
        reason: { code: '', params: {} },
      }));
      newItems(ctx, items, rules, 60, false, 1);
      return items[items.length - 1].category;
    };
    expect(pick('B', ['graph_traversal'])).to.equal('shortest_path');
    expect(pick('A', ['graph_traversal'])).to.equal('greedy');
    expect(pick('B', [])).to.equal('greedy');
  });

  it('samsung, 30 days – holds a mock in the exam format: at most 2 problems, Gold V–I', () => {
    const p = plan(input(catalog, {}, { profile: 'samsung', dailyMinutes: 180 }));
    const mocks = p.days.filter((d) => d.items.some((i) => i.kind === 'mock'));
    expect(mocks.length).to.be.at.least(1);
    for (const d of mocks) {
      const set = d.items.filter((i) => i.kind === 'mock');
      expect(set.length).to.be.within(1, 2);
      for (const i of set) expect(i.level).to.be.within(11, 15);
    }
  });

  it('reviews take at most 30 % of a day before the final phase (or a single review)', () => {
    const history = problemsOf(catalog, 'implementation')
      .slice(0, 12)
      .map((id) => attempt(id, 'failed', '2026-11-27'));
    const p = plan(input(catalog, { history }, { examDate: '2027-01-27' }));
    for (const d of p.days.slice(0, 40)) {
      const reviews = d.items.filter((i) => i.kind === 'review' && !fromSolved(i));
      if (reviews.length > 1) expect(minutesOf(reviews), d.day).to.be.at.most(120 * 0.3);
    }
  });

  it('20 lapses, 10 days, 60 min a day – every one is still re-solved before the exam (reviews spread over the days)', () => {
    const lapses = [
      ...problemsOf(catalog, 'implementation').slice(0, 10),
      ...problemsOf(catalog, 'string').slice(0, 10),
    ];
    const history = lapses.map((id, i) => attempt(id, i % 2 ? 'hint' : 'failed', '2026-11-27'));
    const p = plan(input(catalog, { history }, { examDate: '2026-12-08', dailyMinutes: 60 }));
    const reviewed = new Set(
      allItems(p)
        .filter((i) => i.kind === 'review')
        .map((i) => i.problem),
    );
    expect(lapses.filter((id) => !reviewed.has(id))).to.deep.equal([]);
    for (const d of p.days) expect(minutesOf(d.items)).to.be.at.most(66);
  });

  it('study weekdays Monday–Friday – weekends are rest days with no items', () => {
    const p = plan(input(catalog, {}, { studyDays: [1, 2, 3, 4, 5] }));
    for (const d of p.days) {
      const weekend = isoWeekday(d.day) >= 6;
      expect(d.rest, d.day).to.equal(weekend);
      if (weekend) expect(d.items).to.deep.equal([]);
      else expect(d.items.length, d.day).to.be.above(0);
    }
  });

  it('the same input – the same plan (deterministic)', () => {
    const history = someHistory();
    const a = plan(input(catalog, { history }, { profile: 'kakao' }));
    const b = plan(structuredClone(input(catalog, { history }, { profile: 'kakao' })));
    expect(b).to.deep.equal(a);
  });

  it('reasons are codes rendered in the viewer’s language: the same item in Korean and in English', () => {
    const p = plan(input(catalog, {}, { profile: 'samsung', lang: 'en' }));
    const reason = p.days[0].items[0].reason;
    expect(planWords('ko', catalog.categories).reason(reason)).to.match(/[가-힣]/);
    expect(planWords('en', catalog.categories).reason(reason)).not.to.match(/[가-힣]/);
    expect(planWords('ko', catalog.categories).reason('an old stored sentence')).to.equal('an old stored sentence');
  });

  it('the readiness at the exam is never below now, and weights sum to 1', () => {
    const p = plan(input(catalog, { history: someHistory() }, { profile: 'samsung' }));
    for (const r of p.readiness) expect(r.atExam).to.be.at.least(r.now);
    expect(p.readiness.reduce((s, r) => s + r.weight, 0)).to.be.closeTo(1, 0.01);
    expect(p.readiness.find((r) => r.category === 'graph_traversal')?.weight).to.be.closeTo(0.45, 0.001);
  });
});

describe('profileWeights()', () => {
  it('general – proportional to the recommended counts of the list', () => {
    const c = smallCatalog({ a: [1, 2, 3, 4], b: [1, 2] });
    expect(profileWeights('general', c)).to.deep.equal({ a: 2 / 3, b: 1 / 3 });
  });

  it('kakao on a list without some of its types – the rest renormalised', () => {
    const c = smallCatalog({ implementation: [1], string: [1], math: [1] });
    const w = profileWeights('kakao', c);
    expect(w.implementation).to.be.closeTo(0.2 / 0.35, 1e-9);
    expect(w.math).to.equal(0);
  });

  it('custom weights all zero – falls back to the profile', () => {
    const c = smallCatalog({ graph_traversal: [1], simulation: [1] });
    expect(profileWeights('samsung', c, { graph_traversal: 0 })).to.deep.equal({
      graph_traversal: 0.45 / 0.8,
      simulation: 0.35 / 0.8,
    });
  });
});

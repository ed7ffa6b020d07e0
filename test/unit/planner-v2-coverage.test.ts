import { expect } from 'chai';
import { listAvailable, loadCatalog } from '../../bench/planner/catalog.ts';
import { addDays } from '../../src/day.ts';
import { plan } from '../../src/planner/index.ts';
import type { HistoryAttempt, Plan, PlanItem, PlannerCatalog } from '../../src/planner/types.ts';
import { attempt, input } from './planner-support.ts';

/**
 * Issue 11, "lopsided types", measured on the real curated list: new problems shared in proportion to the weights,
 * every heavy type (π ≥ 0.1) given a new problem in every 7 study days, custom weights honoured.
 */
const freshItems = (p: Plan): PlanItem[] => p.days.flatMap((d) => d.items).filter((i) => i.kind !== 'review');

/** 40 imported solves over the list's easier problems, then failures and hints in graph traversal and DP. */
function strugglingHistory(catalog: PlannerCatalog): HistoryAttempt[] {
  const level = new Map(catalog.problems.map((p) => [p.id, p.level]));
  const inType = (key: string) => catalog.entries.filter((e) => e.category === key).map((e) => e.problem);
  const history: HistoryAttempt[] = [];
  for (const c of catalog.categories) {
    for (const id of inType(c.key)
      .filter((id) => (level.get(id) ?? 0) <= 8)
      .slice(0, 3))
      history.push(attempt(id, 'solved', null, 'import:csv'));
  }
  const hard = (key: string) =>
    inType(key)
      .filter((id) => (level.get(id) ?? 0) >= 11)
      .slice(0, 3);
  for (const [i, id] of hard('graph_traversal').entries()) {
    history.push(attempt(id, i === 1 ? 'hint' : 'failed', addDays('2026-11-28', -3 + i)));
  }
  for (const [i, id] of hard('dynamic_programming_1').entries())
    history.push(attempt(id, 'failed', addDays('2026-11-28', -3 + i)));
  return history;
}

/** 40 imported solves: the list's first problems of Bronze to Silver IV. */
function easyImports(catalog: PlannerCatalog): HistoryAttempt[] {
  return catalog.problems
    .filter((p) => p.level <= 7)
    .slice(0, 40)
    .map((p) => attempt(p.id, 'solved', null, 'import:csv'));
}

(listAvailable() ? describe : describe.skip)(
  'plan() on the real list – every heavy type covered, weights honoured',
  function () {
    this.timeout(60_000);
    const catalog = loadCatalog();

    it('kakao, 60 days × 60 min, failures in graph and DP – graph traversal gets new problems (issue: 0 in 60 days)', () => {
      const p = plan(
        input(
          catalog,
          { history: strugglingHistory(catalog) },
          { profile: 'kakao', examDate: addDays('2026-11-28', 60), dailyMinutes: 60 },
        ),
      );
      const fresh = freshItems(p);
      expect(fresh.filter((i) => i.category === 'graph_traversal').length).to.be.at.least(6);
    });

    it('kakao, 60 days × 60 min – every type of weight ≥ 0.1 has a new problem in every window of 7 study days', () => {
      const p = plan(
        input(
          catalog,
          { history: strugglingHistory(catalog) },
          { profile: 'kakao', examDate: addDays('2026-11-28', 60), dailyMinutes: 60 },
        ),
      );
      // trie has 9 problems, 7 of them Gold IV or harder: out of this learner's reach once its two easy ones are done
      // (one of them imported); the easy one left must be planned.
      const heavy = [
        'implementation',
        'string',
        'brute_force',
        'graph_traversal',
        'two_pointer',
        'binary_search',
        'shortest_path',
      ];
      const level = new Map(catalog.problems.map((x) => [x.id, x.level]));
      const solved = new Set(strugglingHistory(catalog).map((a) => a.problem));
      const easyTries = catalog.entries.filter(
        (e) => e.category === 'trie' && (level.get(e.problem) ?? 99) <= 9 && !solved.has(e.problem),
      );
      expect(easyTries).to.have.length(1);
      expect(freshItems(p).map((i) => i.problem)).to.include(easyTries[0].problem);
      const days = p.days.filter((d) => !d.rest).slice(0, -3);
      // A problem listed under two types (a shortest-path problem in graph traversal too) is practice of both.
      const typesOf = (id: string) => catalog.entries.filter((e) => e.problem === id).map((e) => e.category);
      for (let start = 0; start + 7 <= days.length; start++) {
        const window = new Set(
          days
            .slice(start, start + 7)
            .flatMap((d) => d.items.filter((i) => i.kind !== 'review').flatMap((i) => typesOf(i.problem))),
        );
        for (const type of heavy)
          expect(window.has(type), `${type} in the 7 study days from ${days[start].day}`).to.equal(true);
      }
    });

    it('kakao, 60 days × 60 min – the five 0.10 types (half the exam) get 35–65 % of the new problems (was 8 of 61)', () => {
      const p = plan(
        input(
          catalog,
          { history: strugglingHistory(catalog) },
          { profile: 'kakao', examDate: addDays('2026-11-28', 60), dailyMinutes: 60 },
        ),
      );
      const fresh = freshItems(p);
      const tenths = fresh.filter((i) =>
        ['graph_traversal', 'two_pointer', 'binary_search', 'shortest_path', 'trie'].includes(i.category),
      );
      // The five 0.10 types are half the exam: their share of new problems is near half (issue: 8 of 61).
      expect(tenths.length / fresh.length).to.be.within(0.35, 0.65);
    });

    for (const [days, minutes] of [
      [30, 120],
      [14, 180],
    ]) {
      it(`custom weights all on DP, ${days} days × ${minutes} min – at least 70 % of the new minutes go to DP (was 58 % / 39 %)`, () => {
        const dp = { dynamic_programming_1: 1, dynamic_programming_2: 1 };
        const p = plan(
          input(
            catalog,
            { history: easyImports(catalog) },
            { profile: 'custom', customWeights: dp, examDate: addDays('2026-11-28', days), dailyMinutes: minutes },
          ),
        );
        const fresh = freshItems(p);
        const sum = (items: PlanItem[]) => items.reduce((s, i) => s + i.minutes, 0);
        expect(sum(fresh.filter((i) => i.category.startsWith('dynamic_programming'))) / sum(fresh)).to.be.at.least(0.7);
      });
    }

    it('samsung – the new problems follow the weights, not their squares (graph .45 : simulation .35)', () => {
      const p = plan(
        input(
          catalog,
          { history: strugglingHistory(catalog) },
          { profile: 'samsung', examDate: addDays('2026-11-28', 30), dailyMinutes: 120 },
        ),
      );
      const fresh = freshItems(p);
      const share = (type: string) => fresh.filter((i) => i.category === type).length / fresh.length;
      // Squared weights gave the three light types ~4 % together; proportional gives them 20 % (more while the
      // simulation problems are out of this learner's reach).
      expect(share('implementation') + share('brute_force') + share('backtracking')).to.be.within(0.12, 0.5);
      expect(share('graph_traversal') + share('simulation')).to.be.at.least(0.5);
    });
  },
);

import { expect } from 'chai';
import { catalogIndex } from '../../src/planner/catalogIndex.ts';
import { plan } from '../../src/planner/index.ts';
import { learnerModel, minutesFor, predicted, thetaHat } from '../../src/planner/model.ts';
import type { HistoryAttempt, Outcome, Plan, PlanItem, PlannerCatalog } from '../../src/planner/types.ts';
import { attempt, input, levels, problemsOf, smallCatalog } from './planner-support.ts';

/**
 * Shaped like the real list where it hurt a new learner: the heavy Samsung types start above the easy end
 * (graph traversal at Silver III, simulation with a gap after its two Silver IV problems), the light ones below.
 */
const catalog: PlannerCatalog = smallCatalog({
  graph_traversal: levels(8, 40, 0.2),
  simulation: [7, 7, 9, 10, ...levels(11, 30, 0.15)],
  implementation: levels(1, 30, 0.3),
  brute_force: levels(3, 30, 0.3),
  backtracking: levels(8, 20, 0.3),
  string: levels(1, 25, 0.3),
  greedy: levels(4, 25, 0.3),
  two_pointer: levels(6, 20, 0.3),
  binary_search: levels(6, 20, 0.3),
  shortest_path: levels(9, 20, 0.3),
  trie: [7, 9, 12, 12, 13, 16],
});
const levelOf = new Map(catalog.problems.map((p) => [p.id, p.level]));
const categoryOf = new Map(catalog.entries.map((e) => [e.problem, e.category]));
const TODAY = '2026-11-28';
const items = (p: Plan): PlanItem[] => p.days.flatMap((d) => d.items);

function countBy(p: Plan, logged: HistoryAttempt[] = [], days = p.days.length): Map<string, number> {
  const counts = new Map<string, number>();
  const planned = p.days.slice(0, days).flatMap((d) => d.items);
  for (const key of [...logged.map((a) => categoryOf.get(a.problem) ?? ''), ...planned.map((i) => i.category)])
    counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const newLearnerPlan = (profile: string, examDate: string, minutes: number, history: HistoryAttempt[] = []) =>
  plan(input(catalog, { history, today: TODAY }, { profile, examDate, dailyMinutes: minutes }));

const setups = [
  {
    name: 'samsung, 22 days, 120 min',
    profile: 'samsung',
    exam: '2026-12-20',
    minutes: 120,
    heaviest: 'graph_traversal',
    heavy: ['graph_traversal', 'simulation'],
    heavyWeight: 0.8,
  },
  {
    name: 'samsung, 12 days, 60 min',
    profile: 'samsung',
    exam: '2026-12-10',
    minutes: 60,
    heaviest: 'graph_traversal',
    heavy: ['graph_traversal', 'simulation'],
    heavyWeight: 0.8,
  },
  {
    name: 'samsung, 60 days, 180 min',
    profile: 'samsung',
    exam: '2027-01-27',
    minutes: 180,
    heaviest: 'graph_traversal',
    heavy: ['graph_traversal', 'simulation'],
    heavyWeight: 0.8,
  },
  {
    name: 'kakao, 22 days, 120 min',
    profile: 'kakao',
    exam: '2026-12-20',
    minutes: 120,
    heaviest: 'implementation',
    heavy: ['implementation', 'string', 'brute_force'],
    heavyWeight: 0.5,
  },
];

describe('plan() – a new learner (empty history)', () => {
  for (const s of setups) {
    const p = newLearnerPlan(s.profile, s.exam, s.minutes);
    const counts = countBy(p, [], 7);
    const total = p.days.slice(0, 7).reduce((sum, d) => sum + d.items.length, 0);

    it(`empty history, ${s.name} – heavy types get most problems of the first week, the heaviest the most`, () => {
      const heavy = s.heavy.reduce((sum, c) => sum + (counts.get(c) ?? 0), 0);
      // At least the heavy types' share of the exam's weight, within two problems (samsung 0.8, kakao 0.5).
      expect(heavy / total).to.be.at.least(s.heavyWeight - 2 / total);
      // (One problem either way: kakao's implementation weighs 0.2 against brute force's 0.15.)
      for (const [category, n] of counts) expect(counts.get(s.heaviest), category).to.be.at.least(n - 1);
    });

    it(`empty history, ${s.name} – the first day starts in a comfortable success band`, () => {
      const first = p.days[0].items.filter((i) => i.kind === 'new');
      expect(first.length).to.be.at.least(2);
      for (const it of first.slice(0, 3)) expect(it.predicted, it.problem).to.be.within(0.6, 0.9);
      const mean = first.reduce((sum, it) => sum + it.predicted, 0) / first.length;
      expect(mean).to.be.within(0.6, 0.85);
    });

    it(`empty history, ${s.name} – the heaviest type is on the first day`, () => {
      expect(p.days[0].items.map((i) => i.category)).to.include(s.heaviest);
    });
  }

  it('empty history – readiness now is the same guess for every type, not ~0', () => {
    const p = newLearnerPlan('samsung', '2026-12-20', 120);
    const now = new Set(p.readiness.map((r) => r.now));
    expect(now.size).to.equal(1);
    expect([...now][0]).to.be.greaterThan(0.03);
  });
});

describe('plan() – a new learner logs one attempt in a heavy type', () => {
  // `keeps`: the share of the type's problems that must stay. A failure on the easiest simulation problem puts the
  // next ones (the list jumps from Silver II to Gold V) below the 10 % floor for a while: fewer, but never none.
  const cases: {
    name: string;
    profile: string;
    exam: string;
    minutes: number;
    category: string;
    outcome: Outcome;
    keeps: number;
  }[] = [
    {
      name: 'samsung, 22 days, 120 min, hint in graph traversal',
      profile: 'samsung',
      exam: '2026-12-20',
      minutes: 120,
      category: 'graph_traversal',
      outcome: 'hint',
      keeps: 1,
    },
    // A failure lowers the type's estimate by the Elo step, and the forecast's first week now moves the estimates as
    // the logged days will (issue 11, stability): the other types climb with their predicted solves, this one does
    // not, so it keeps most (≥ 80 %) of its problems rather than all.
    {
      name: 'samsung, 22 days, 120 min, failed in graph traversal',
      profile: 'samsung',
      exam: '2026-12-20',
      minutes: 120,
      category: 'graph_traversal',
      outcome: 'failed',
      keeps: 0.8,
    },
    {
      name: 'samsung, 22 days, 120 min, hint in simulation',
      profile: 'samsung',
      exam: '2026-12-20',
      minutes: 120,
      category: 'simulation',
      outcome: 'hint',
      keeps: 1,
    },
    {
      name: 'samsung, 22 days, 120 min, failed in simulation',
      profile: 'samsung',
      exam: '2026-12-20',
      minutes: 120,
      category: 'simulation',
      outcome: 'failed',
      keeps: 0.6,
    },
    {
      name: 'samsung, 12 days, 60 min, hint in graph traversal',
      profile: 'samsung',
      exam: '2026-12-10',
      minutes: 60,
      category: 'graph_traversal',
      outcome: 'hint',
      keeps: 1,
    },
    {
      name: 'samsung, 12 days, 60 min, failed in graph traversal',
      profile: 'samsung',
      exam: '2026-12-10',
      minutes: 60,
      category: 'graph_traversal',
      outcome: 'failed',
      keeps: 1,
    },
    {
      name: 'kakao, 22 days, 120 min, hint in implementation',
      profile: 'kakao',
      exam: '2026-12-20',
      minutes: 120,
      category: 'implementation',
      outcome: 'hint',
      keeps: 1,
    },
  ];
  for (const c of cases) {
    const before = newLearnerPlan(c.profile, c.exam, c.minutes);
    const first = items(before).find((i) => i.category === c.category);
    const logged = first ? [attempt(first.problem, c.outcome, TODAY, 'plan', first.minutes)] : [];
    const after = newLearnerPlan(c.profile, c.exam, c.minutes, logged);

    it(`${c.name} – the type keeps ${c.keeps === 1 ? '(or gains) its' : 'most of its'} problems over the plan`, () => {
      expect(first, 'the empty plan has the type').to.not.equal(undefined);
      // (At most 15 % fewer: a lapse lowers the type’s estimate, and its projected gains level off.)
      expect(countBy(after, logged).get(c.category) ?? 0).to.be.at.least(
        Math.floor(0.85 * c.keeps * (countBy(before).get(c.category) ?? 0)),
      );
    });

    it(`${c.name} – the type is back within two days, no harder than before (day 1: one level) and still in reach`, () => {
      const next = after.days
        .slice(0, 2)
        .flatMap((d) => d.items)
        .find((i) => i.category === c.category && i.kind === 'new');
      expect(next, 'a new problem of the type in the first two days').to.not.equal(undefined);
      // On day 0 no harder than before; on day 1 the forecast counts day 0's predicted solves (as the log will),
      // so one level more is the staircase, not a jump.
      expect(next!.level).to.be.at.most(first!.level + (after.days[0].items.includes(next!) ? 0 : 1));
      // (A new learner starts at P* 0.75; one level under a lapsed problem may read 0.92.)
      expect(next!.predicted).to.be.within(0.4, 0.95);
    });
  }

  it('one hint logged – a type the learner never tried is not favoured over the one tried (no −1 for untried types without solves)', () => {
    const index = catalogIndex(catalog);
    const graph = problemsOf(catalog, 'graph_traversal')[0];
    const model = learnerModel(index, [attempt(graph, 'hint', TODAY, 'plan', 30)]);
    const g = index.catIndex.get('graph_traversal')!;
    const s = index.catIndex.get('simulation')!;
    expect(thetaHat(model, g)).to.be.at.least(thetaHat(model, s) - 1e-9);
  });

  it('one solve logged vs one hint vs one failure – the estimate orders solved > hint > failed', () => {
    const index = catalogIndex(catalog);
    const graph = problemsOf(catalog, 'graph_traversal')[0];
    const g = index.catIndex.get('graph_traversal')!;
    const level = levelOf.get(graph)!;
    const p = (o: Outcome) =>
      predicted(thetaHat(learnerModel(index, [attempt(graph, o, TODAY, 'plan', 30)]), g), level);
    expect(p('solved')).to.be.greaterThan(p('hint'));
    expect(p('hint')).to.be.greaterThan(p('failed'));
  });
});

describe('learner model – a new learner who only logs graded attempts', () => {
  const index = catalogIndex(catalog);
  const graph = problemsOf(catalog, 'graph_traversal');
  const g = index.catIndex.get('graph_traversal')!;
  const day = (i: number) => `2026-11-${String(1 + i).padStart(2, '0')}`;
  const cases: { name: string; outcome: Outcome; direction: 'up' | 'down' }[] = [
    {
      name: 'one solve a day, six days – the estimate rises after every solve (no drop when a third solve would seed it)',
      outcome: 'solved',
      direction: 'up',
    },
    {
      name: 'one failure a day, six days – the estimate falls after every failure',
      outcome: 'failed',
      direction: 'down',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const estimates = [0, 1, 2, 3, 4, 5, 6].map((k) =>
        thetaHat(
          learnerModel(
            index,
            graph.slice(0, k).map((id, i) => attempt(id, c.outcome, day(i), 'plan')),
          ),
          g,
        ),
      );
      for (let k = 1; k < estimates.length; k++) {
        if (c.direction === 'up') expect(estimates[k], `after ${k}`).to.be.greaterThan(estimates[k - 1]);
        else expect(estimates[k], `after ${k}`).to.be.lessThan(estimates[k - 1]);
      }
    });
  }
});

describe('learner model – pace from few timed attempts', () => {
  const index = catalogIndex(catalog);
  const ids = problemsOf(catalog, 'brute_force');
  const slow = (count: number) =>
    ids
      .slice(0, count)
      .map((id, i) =>
        attempt(
          id,
          'solved',
          `2026-11-${String(1 + i).padStart(2, '0')}`,
          'plan',
          1.5 * minutesFor(levelOf.get(id)!, 1),
        ),
      );

  const cases = [
    {
      name: 'one timed attempt 1.5× the estimate – the pace moves only a quarter of the way (log scale)',
      count: 1,
      lo: 1.05,
      hi: 1.15,
    },
    { name: 'three timed attempts 1.5× the estimate – half of the way', count: 3, lo: 1.2, hi: 1.25 },
    { name: 'twenty timed attempts 1.5× the estimate – nearly all of the way', count: 20, lo: 1.4, hi: 1.5 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(learnerModel(index, slow(c.count)).pace).to.be.within(c.lo, c.hi);
    });
  }
});

describe('plan() – the new-learner rules stay out of a seeded history', () => {
  it('3+ imported solves – the skill is seeded from them, untried types one level below, as before', () => {
    const index = catalogIndex(catalog);
    const solved = problemsOf(catalog, 'implementation')
      .slice(10, 15)
      .map((id) => attempt(id, 'solved', null, 'import:csv'));
    const model = learnerModel(index, solved);
    expect(model.prior).to.equal(false);
    const g = index.catIndex.get('graph_traversal')!;
    expect(thetaHat(model, g)).to.equal(model.thetaG - 1);
  });
});

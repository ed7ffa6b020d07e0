import { expect } from 'chai';
import { listAvailable, loadCatalog } from '../../bench/planner/catalog.ts';
import { addDays } from '../../src/day.ts';
import { plan } from '../../src/planner/index.ts';
import { profileWeights } from '../../src/planner/profiles.ts';
import type { HistoryAttempt, Plan, PlanItem, PlannerCatalog } from '../../src/planner/types.ts';
import { attempt, input } from './planner-support.ts';

/** Issue 20's "Done when", through the pure planner on the real curated list (../shared/data). */
const TODAY = '2026-11-28';
const items = (p: Plan): PlanItem[] => p.days.flatMap((d) => d.items);

describe('planner v3 – a coach a learner can trust (the real list)', () => {
  let real: PlannerCatalog;
  before(function () {
    if (!listAvailable()) this.skip();
    real = loadCatalog();
  });
  const inType = (type: string) => {
    const ids = new Set(real.entries.filter((e) => e.category === type).map((e) => e.problem));
    return real.problems.filter((p) => ids.has(p.id) && p.level > 0).sort((a, b) => a.level - b.level);
  };

  it('three hard graph solves and six easy string solves – no practised type reads below an untried one', () => {
    const graph = inType('graph_traversal').slice(-3);
    const strings = inType('string').slice(0, 6);
    const history = [...graph, ...strings].map((p) => attempt(p.id, 'solved', null, 'import:csv'));
    const p = plan(input(real, { history, today: TODAY }, { profile: 'general' }));
    const untried = p.readiness.filter((r) => r.noEvidence);
    const practised = p.readiness.filter((r) => !r.noEvidence);
    expect(practised.map((r) => r.category).sort()).to.deep.equal(['graph_traversal', 'string']);
    expect(untried.length).to.be.above(10);
    const top = Math.max(...untried.map((r) => r.now));
    for (const r of practised) expect(r.now, r.category).to.be.at.least(top);
  });

  it('one more easy solve never lowers a type (an old one neither)', () => {
    const strings = inType('string');
    const base = strings.slice(-4).map((p) => attempt(p.id, 'solved', '2026-10-01', 'import:csv'));
    const more = [...base, attempt(strings[0].id, 'solved', '2023-01-01', 'import:csv')];
    const now = (h: HistoryAttempt[]) =>
      plan(input(real, { history: h, today: TODAY }, { profile: 'general' })).readiness.find(
        (r) => r.category === 'string',
      )!.now;
    expect(now(more)).to.be.at.least(now(base));
  });

  it('off-list solves with a level count as evidence', () => {
    const offList = [18, 18, 17, 17, 16].map(
      (level, i): HistoryAttempt => ({
        problem: `codeforces:${1000 + i}A`,
        day: '2026-11-01',
        outcome: 'solved',
        minutes: null,
        origin: 'import:history',
        level,
        categories: ['dynamic_programming_1'],
      }),
    );
    const dp = (h: HistoryAttempt[]) =>
      plan(input(real, { history: h, today: TODAY }, { profile: 'general' })).readiness.find(
        (r) => r.category === 'dynamic_programming_1',
      )!;
    expect(dp([]).noEvidence).to.equal(true);
    expect(dp(offList).noEvidence).to.equal(false);
    expect(dp(offList).now).to.be.above(dp([]).now + 0.2);
  });

  it('kakao, 60 days × 45 min, easy imports and recent lapses – no new minutes on types kakao weighs 0 (was 10 %)', () => {
    const weights = profileWeights('kakao', real);
    const imports = real.categories
      .flatMap((c) =>
        inType(c.key)
          .filter((p) => p.level <= 5)
          .slice(0, 4),
      )
      .map((p) => attempt(p.id, 'solved', null, 'import:csv'));
    const lapses = ['implementation', 'string', 'graph_traversal', 'brute_force'].map((t, i) =>
      attempt(inType(t)[8].id, i % 2 ? 'hint' : 'failed', addDays(TODAY, -1 - i)),
    );
    const p = plan(
      input(
        real,
        { history: [...imports, ...lapses], today: TODAY },
        { profile: 'kakao', dailyMinutes: 45, examDate: addDays(TODAY, 60) },
      ),
    );
    const fresh = items(p).filter((i) => i.kind === 'new');
    const off = fresh.filter((i) => !(weights[i.category] > 0));
    expect(fresh.length).to.be.above(50);
    expect(off.map((i) => `${i.category} ${i.problem}`)).to.deep.equal([]);
  });

  it('kakao, 60 days × 60 min, recent lapses – at most 5 % of new minutes on types kakao weighs 0', () => {
    const weights = profileWeights('kakao', real);
    const lapses = ['implementation', 'string', 'graph_traversal', 'brute_force'].map((t, i) =>
      attempt(inType(t)[3].id, i % 2 ? 'hint' : 'failed', addDays(TODAY, -1 - i)),
    );
    const p = plan(
      input(
        real,
        { history: lapses, today: TODAY },
        { profile: 'kakao', dailyMinutes: 60, examDate: addDays(TODAY, 60) },
      ),
    );
    const fresh = items(p).filter((i) => i.kind === 'new');
    const total = fresh.reduce((s, i) => s + i.minutes, 0);
    const off = fresh.filter((i) => !(weights[i.category] > 0)).reduce((s, i) => s + i.minutes, 0);
    expect(total).to.be.above(1000);
    expect(off / total).to.be.at.most(0.05);
    // Every type kakao weighs ≥ 0.1 gets work (a new problem, a mock or a re-solve) in every 7 study days.
    for (const [type, w] of Object.entries(weights)) {
      if (w < 0.1 - 1e-9) continue;
      for (let start = 0; start + 7 <= 56; start += 7) {
        const week = p.days.slice(start, start + 7).flatMap((d) => d.items);
        expect(
          week.some((i) => i.category === type),
          `${type} in days ${start}–${start + 6}`,
        ).to.equal(true);
      }
    }
    // The advice never tells the learner to set a type that already weighs 0 to 0.
    for (const a of p.advice.filter((x) => x.code === 'drop_light'))
      for (const c of String(a.params.categories).split(',')) expect(weights[c], c).to.be.above(0);
  });

  it('samsung, a learner who failed the easiest problems of every type it weighs – stretches in those types, no new minutes on others', () => {
    const weights = profileWeights('samsung', real);
    const failures = Object.keys(weights)
      .filter((t) => weights[t] > 0)
      .flatMap((t) => inType(t).slice(0, 4))
      .map((p, i) => attempt(p.id, 'failed', addDays(TODAY, -1 - (i % 10))));
    const p = plan(
      input(
        real,
        { history: failures, today: TODAY },
        { profile: 'samsung', dailyMinutes: 120, examDate: addDays(TODAY, 21) },
      ),
    );
    const fresh = items(p).filter((i) => i.kind === 'new');
    expect(fresh.length).to.be.above(10);
    expect(fresh.filter((i) => !(weights[i.category] > 0)).map((i) => `${i.category} ${i.problem}`)).to.deep.equal([]);
  });

  it('a fresh learner with 600 minutes – day one is a short diagnostic (≤ 12 items) across the heavy types', () => {
    const p = plan(
      input(real, { today: TODAY }, { profile: 'samsung', dailyMinutes: 600, examDate: addDays(TODAY, 60) }),
    );
    const first = p.days[0].items;
    expect(first.length).to.be.within(4, 12);
    const types = new Set(first.map((i) => i.category));
    expect(types).to.include('graph_traversal');
    expect(types).to.include('simulation');
  });

  it('an exam 700 days away – no study day is empty', () => {
    const history = inType('implementation')
      .slice(0, 5)
      .map((p) => attempt(p.id, 'solved', null, 'import:csv'));
    const p = plan(
      input(real, { history, today: TODAY }, { profile: 'samsung', dailyMinutes: 120, examDate: addDays(TODAY, 700) }),
    );
    const empty = p.days.filter((d) => !d.rest && d.items.length === 0).map((d) => d.day);
    expect(empty).to.deep.equal([]);
  });

  it('samsung – every mock is 2 problems in one box of 150–210 minutes whose items sum to it', () => {
    const p = plan(
      input(real, { today: TODAY }, { profile: 'samsung', dailyMinutes: 180, examDate: addDays(TODAY, 45) }),
    );
    const mockDays = p.days.filter((d) => d.items.some((i) => i.kind === 'mock'));
    expect(mockDays.length).to.be.at.least(2);
    for (const d of mockDays) {
      const mock = d.items.filter((i) => i.kind === 'mock');
      expect(mock, d.day).to.have.length(2);
      const sum = mock.reduce((s, i) => s + i.minutes, 0);
      expect(sum, d.day).to.be.within(150, 210);
      for (const i of mock) expect(i.mockMinutes, d.day).to.equal(sum);
      for (const i of mock) expect(i.reason.params.minutes, d.day).to.equal(sum);
    }
  });

  it('samsung at 60 minutes a day – no mock fits the 180-minute box, and the plan says so naming the learner’s 60 minutes (not the day’s slack)', () => {
    const p = plan(
      input(real, { today: TODAY }, { profile: 'samsung', dailyMinutes: 60, examDate: addDays(TODAY, 45) }),
    );
    expect(items(p).filter((i) => i.kind === 'mock')).to.deep.equal([]);
    expect(p.notice).to.deep.equal({ code: 'mock_too_long', params: { minutes: 180, budget: 60 } });
  });

  it('samsung, exam tomorrow – warm-ups from graph traversal and simulation (80 % of the exam), not implementation only', () => {
    const history = ['graph_traversal', 'simulation', 'implementation'].flatMap((t) =>
      inType(t)
        .slice(0, 12)
        .map((p) => attempt(p.id, 'solved', null, 'import:csv')),
    );
    const p = plan(
      input(real, { history, today: TODAY }, { profile: 'samsung', dailyMinutes: 120, examDate: addDays(TODAY, 1) }),
    );
    const eve = p.days[0].items;
    const types = new Set(eve.map((i) => i.category));
    expect(types).to.include('graph_traversal');
    expect(types).to.include('simulation');
    for (const i of eve) expect(i.reason.code, i.problem).to.match(/^warmup/);
  });

  it('samsung, exam tomorrow, a fresh learner – the eve holds both heavy types, and a short day starts the heaviest', () => {
    const eve = (dailyMinutes: number) =>
      plan(input(real, { today: TODAY }, { profile: 'samsung', dailyMinutes, examDate: addDays(TODAY, 1) })).days[0]
        .items;
    const types = new Set(eve(120).map((i) => i.category));
    expect([...types].sort()).to.deep.equal(['graph_traversal', 'simulation']);
    // 15 minutes: no warm-up fits half of it, so one problem of the heaviest type is started, not the shortest of any.
    const [short] = eve(15);
    expect(short.category).to.equal('graph_traversal');
    expect(short.reason.code).to.equal('split_last');
    // 30 minutes: the same problem fits the whole day: a warm-up, not "shorter than a problem, finish it over 1 day".
    const [fits] = eve(30);
    expect(fits.category).to.equal('graph_traversal');
    expect(fits.minutes).to.be.at.most(30 * 1.1);
    expect(fits.reason.code).to.equal('warmup');
  });

  it('reasons speak of readiness now: no "nearly ready" item on a type whose current readiness is under 0.8', () => {
    const p = plan(
      input(
        real,
        { today: TODAY },
        {
          profile: 'custom',
          customWeights: { dynamic_programming_1: 1 },
          dailyMinutes: 120,
          examDate: addDays(TODAY, 30),
        },
      ),
    );
    const now = new Map(p.readiness.map((r) => [r.category, r.now]));
    for (const i of items(p).filter((x) => x.reason.code === 'maintain'))
      expect(now.get(i.category), i.problem).to.be.at.least(0.8);
    for (const i of items(p).filter((x) => typeof x.reason.params.readiness === 'number'))
      expect(i.reason.params.readiness).to.equal(now.get(String(i.reason.params.category)));
  });
});

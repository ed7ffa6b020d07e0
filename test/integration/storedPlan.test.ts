import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type request from 'supertest';
import { testCliContext, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { runCli } from '../../src/cli.ts';
import { importAnyList } from '../../src/catalog/importAnyList.ts';
import { importList } from '../../src/catalog/importList.ts';
import { digestView } from '../../src/digest/view.ts';
import { learnerById, type Learner } from '../../src/learners/learnerRepository.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';
import { planDayOf } from '../../src/plans/planDayRepository.ts';
import { plannerRunsDuring } from '../support/plannerRuns.ts';
import { lastStoredPlan, storedPlanFor, type StoredPlan } from '../../src/plans/storedPlan.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');
const PROGRAMMERS = path.resolve(import.meta.dirname, '../fixtures/lists/programmers-kakao.md');
// 03:00 UTC = 12:00 in Seoul on Saturday 2026-11-28.
const START = new Date('2026-11-28T03:00:00Z');
const TODAY = '2026-11-28';

/** The problems of today's list in page order, with their kind and status. */
function listed(html: string): { problem: string; kind: string; status: string }[] {
  return [...html.matchAll(/<li class="plan-item plan-(\w+) plan-status-(\w+)" data-problem="([^"]+)"/g)].map((m) => ({
    problem: m[3],
    kind: m[1],
    status: m[2],
  }));
}
const ids = (items: { problem: string }[]) => items.map((i) => i.problem);

const runsDuring = plannerRunsDuring;

describe('the plan stored once per learner and change', () => {
  let t: ReturnType<typeof testDeps>;
  let mina: Learner;
  let agent: ReturnType<typeof request.agent>;
  let csrf: string;
  const computedAt = () =>
    t.deps.db.prepare('SELECT computed_at FROM learner_plans WHERE learner_id = ?').pluck().get(mina.id) as
      | string
      | undefined;
  const fresh = () => learnerById(t.deps.db, mina.id)!;

  beforeEach(async () => {
    t = testDeps({ SMTP_URL: '' }, START);
    await importList(t.deps.db, LIST, { now: () => new Date('2026-11-01T00:00:00Z') });
    mina = seedLearner(t.deps.db, 'mina', {
      language: 'en',
      examDate: '2026-12-28',
      dailyMinutes: '120',
      profile: 'samsung',
    });
    ({ agent, csrf } = await loggedIn(t.app(), 'mina'));
  });
  afterEach(() => t.cleanup());

  it('a page view runs no planner when nothing changed and stores nothing; a write stores the plan and the list', async () => {
    expect(await runsDuring(() => agent.get('/plan/today').expect(200))).to.equal(1);
    expect(computedAt(), 'a GET stores no plan').to.equal(undefined);
    expect(planDayOf(t.deps.db, mina.id, TODAY), 'a GET stores no list').to.equal(undefined);
    t.clock.set('2026-11-28T09:00:00Z'); // 18:00 in Seoul, the same day
    const runs = await runsDuring(async () => {
      for (const page of ['/plan/today', '/plan', '/plan/today', '/plan']) await agent.get(page).expect(200);
    });
    expect(runs).to.equal(0);
    const shown = listed((await agent.get('/plan/today')).text);
    await agent.post('/plan/today/skip').type('form').send({ _csrf: csrf, problem: shown[0].problem }).expect(302);
    expect(ids(planDayOf(t.deps.db, mina.id, TODAY)!.items), 'the list stored is the one shown').to.deep.equal(
      ids(shown),
    );
    const first = computedAt();
    expect(first).to.equal('2026-11-28T09:00:00.000Z');
    expect(await runsDuring(() => agent.get('/plan').expect(200))).to.equal(0);
    expect(computedAt()).to.equal(first);
  });

  it('/plan, then /plan/today, then /digest/preview – one stored plan, the planner runs once', async () => {
    const runs = await runsDuring(async () => {
      await agent.get('/plan').expect(200);
      await agent.get('/plan/today').expect(200);
      await agent.get('/digest/preview').expect(200);
    });
    expect(runs).to.equal(1);
  });

  describe('each kind of change – exactly one recompute on the next view, none on the view after', () => {
    const day = { day: TODAY };
    const settings = (changes: Record<string, unknown>) => ({
      name: 'Learner mina',
      email: 'mina@example.com',
      timezone: 'Asia/Seoul',
      language: 'en',
      examDate: '2026-12-28',
      dailyMinutes: '120',
      profile: 'samsung',
      studyDays: ['1', '2', '3', '4', '5', '6', '7'],
      ...changes,
    });
    const firstItem = async () => listed((await agent.get('/plan/today')).text)[0].problem;
    const logSomething = () =>
      agent
        .post('/attempts')
        .type('form')
        .send({ _csrf: csrf, problem: 'boj:2023', outcome: 'solved', ...day })
        .expect(302);
    const lastAttemptId = () => attemptsForLearner(t.deps.db, mina.id).at(-1)!.id;
    const cases: [string, () => Promise<unknown>][] = [
      [
        'an item logged on the Today page',
        async () =>
          agent
            .post('/plan/today/log')
            .type('form')
            .send({ _csrf: csrf, problem: await firstItem(), outcome: 'hint' })
            .expect(302),
      ],
      [
        'an attempt logged on the checklist',
        () =>
          agent
            .post('/attempts')
            .type('form')
            .send({ _csrf: csrf, problem: 'boj:2024', outcome: 'failed', ...day })
            .expect(302),
      ],
      [
        'an attempt logged from the CLI',
        async () =>
          expect(
            await runCli(
              ['node', 'cote', 'solve', 'boj:2024', '--learner', 'mina', '--outcome', 'solved'],
              testCliContext(t).cli,
            ),
          ).to.equal(0),
      ],
      [
        'an attempt edited',
        async () => {
          await logSomething();
          await agent.get('/plan/today');
          await agent
            .post(`/attempts/${lastAttemptId()}`)
            .type('form')
            .send({ _csrf: csrf, outcome: 'failed', minutes: '30', note: '', ...day })
            .expect(302);
        },
      ],
      [
        'an attempt deleted',
        async () => {
          await logSomething();
          await agent.get('/plan/today');
          await agent.post(`/attempts/${lastAttemptId()}/delete`).type('form').send({ _csrf: csrf }).expect(302);
        },
      ],
      [
        'a deleted attempt restored',
        async () => {
          await logSomething();
          await agent.post(`/attempts/${lastAttemptId()}/delete`).type('form').send({ _csrf: csrf }).expect(302);
          await agent.get('/plan/today');
          await agent.post('/attempts/restore').type('form').send({ _csrf: csrf }).expect(302);
        },
      ],
      [
        'a CSV import',
        () =>
          agent
            .post('/history/import')
            .type('form')
            .send({ _csrf: csrf, csv: 'problem,day,outcome,minutes\nboj:2024,2026-11-20,solved,30\n' })
            .expect(200),
      ],
      [
        'an attempt another code path wrote (a sync)',
        async () => {
          t.deps.db
            .prepare(
              "INSERT INTO attempts (learner_id, problem_id, day, outcome, origin, external_key, created_at) VALUES (?, 'boj:2024', ?, 'solved', 'sync:codeforces', 'k1', ?)",
            )
            .run(mina.id, TODAY, START.toISOString());
        },
      ],
      [
        'the exam date',
        () =>
          agent
            .post('/settings')
            .type('form')
            .send({ _csrf: csrf, ...settings({ examDate: '2027-01-15' }) })
            .expect(302),
      ],
      [
        'the daily budget',
        () =>
          agent
            .post('/settings')
            .type('form')
            .send({ _csrf: csrf, ...settings({ dailyMinutes: '60' }) })
            .expect(302),
      ],
      [
        'the profile',
        () =>
          agent
            .post('/settings')
            .type('form')
            .send({ _csrf: csrf, ...settings({ profile: 'general' }) })
            .expect(302),
      ],
      [
        'the study days',
        () =>
          agent
            .post('/settings')
            .type('form')
            .send({ _csrf: csrf, ...settings({ studyDays: ['1', '2', '3', '4', '5'] }) })
            .expect(302),
      ],
      [
        'custom weights',
        () =>
          agent
            .post('/settings/weights')
            .type('form')
            .send({ _csrf: csrf, w_graph_traversal: '0', w_simulation: '0', w_implementation: '100' })
            .expect(302),
      ],
      [
        'custom weights edited again (the profile already custom)',
        async () => {
          const weights = (w: Record<string, string>) =>
            agent
              .post('/settings/weights')
              .type('form')
              .send({ _csrf: csrf, ...w })
              .expect(302);
          await weights({ w_graph_traversal: '0', w_simulation: '0', w_implementation: '100' });
          await agent.get('/plan/today').expect(200);
          await weights({ w_graph_traversal: '100', w_simulation: '0', w_implementation: '0' });
        },
      ],
      [
        'the chosen lists',
        async () => {
          await importAnyList(t.deps.db, PROGRAMMERS);
          await agent.get('/plan/today');
          await agent
            .post('/lists/plan')
            .type('form')
            .send({ _csrf: csrf, lists: ['tony9402-baekjoon'] })
            .expect(303);
        },
      ],
      [
        'a catalog refresh that changed the list',
        async () => {
          const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-list-'));
          try {
            fs.cpSync(LIST, copy, { recursive: true });
            const readme = path.join(copy, 'algorithms/implementation/README.md');
            fs.writeFileSync(readme, fs.readFileSync(readme, 'utf8').replace(/^.*problem\/2024.*\n/m, ''));
            await importList(t.deps.db, copy, { now: () => new Date('2026-11-28T02:00:00Z') });
          } finally {
            fs.rmSync(copy, { recursive: true, force: true });
          }
        },
      ],
      [
        'a type mapping',
        async () => {
          t.deps.db
            .prepare("INSERT INTO type_aliases (name, type_key, created_at) VALUES ('완전탐색', 'brute_force', ?)")
            .run(START.toISOString());
        },
      ],
    ];
    // A learner's own write refreshes the stored plan after it (in the background; at once in tests): the next view
    // runs no planner. A change made elsewhere (the CLI, a sync, a list refresh) is planned by the next view, in memory.
    const elsewhere = new Set([
      'an attempt logged from the CLI',
      'an attempt another code path wrote (a sync)',
      'a catalog refresh that changed the list',
      'a type mapping',
    ]);
    for (const [name, change] of cases) {
      it(name, async () => {
        await agent.get('/plan/today').expect(200);
        const before = computedAt();
        const runs = await runsDuring(change);
        const next = await runsDuring(() => agent.get('/plan/today').expect(200));
        if (elsewhere.has(name)) {
          expect(next, 'the next view').to.equal(1);
        } else {
          expect(runs, 'the write').to.be.at.least(1);
          expect(next, 'the next view').to.equal(0);
          expect(computedAt(), 'stored by the write').not.to.equal(before);
        }
        expect(await runsDuring(() => agent.get('/plan').expect(200)), 'the view after').to.equal(0);
      });
    }

    it('a catalog refresh that found the list unchanged – no recompute', async () => {
      await agent.get('/plan/today').expect(200);
      await importList(t.deps.db, LIST, { now: () => new Date('2026-11-28T02:00:00Z') });
      expect(await runsDuring(() => agent.get('/plan/today').expect(200))).to.equal(0);
    });

    it('the language – no recompute (reasons are codes, rendered per viewer)', async () => {
      await agent.get('/plan/today').expect(200);
      await agent.post('/language').type('form').send({ _csrf: csrf, lang: 'ko', back: '/' }).expect(302);
      const runs = await runsDuring(async () => {
        const page = await agent.get('/plan/today').expect(200);
        expect(page.text).to.contain('오늘');
      });
      expect(runs).to.equal(0);
    });
  });

  it('a new day in the learner’s zone – recomputed; before midnight there – not (Seoul and Los Angeles)', async () => {
    // Weekdays only: Saturday and Sunday are rest days, with no stored list whose change could give the day away.
    t.deps.db.prepare("UPDATE learners SET study_days = '12345' WHERE id = ?").run(mina.id);
    seedLearner(t.deps.db, 'lee', { language: 'en', examDate: '2026-12-28', timezone: 'America/Los_Angeles' });
    const lee = await loggedIn(t.app(), 'lee');
    t.clock.set('2026-11-28T14:50:00Z'); // 23:50 in Seoul, 06:50 in Los Angeles
    await agent.get('/plan/today').expect(200);
    await lee.agent.get('/plan/today').expect(200);
    t.clock.set('2026-11-28T15:10:00Z'); // 00:10 on 11-29 in Seoul, 07:10 on 11-28 in Los Angeles
    let page = '';
    expect(await runsDuring(async () => (page = (await agent.get('/plan/today')).text))).to.equal(1);
    expect(page).to.contain('D-29');
    expect(page).to.contain('2026-11-29');
    expect(lastStoredPlan(t.deps.db, mina.id)?.today, 'a view stores nothing').not.to.equal('2026-11-29');
    expect(await runsDuring(() => lee.agent.get('/plan/today'))).to.equal(0);
    t.clock.set('2026-11-29T08:10:00Z'); // 00:10 on 11-29 in Los Angeles
    expect(await runsDuring(async () => (page = (await lee.agent.get('/plan/today')).text))).to.equal(1);
    expect(page).to.contain('D-29');
  });

  it('less time today – the shrunk list planned once, the plan refreshed once (pending comes from the stored plan)', async () => {
    await agent.post('/language').type('form').send({ _csrf: csrf, lang: 'en', back: '/' }).expect(302);
    expect(
      await runsDuring(() =>
        agent.post('/plan/today/less').type('form').send({ _csrf: csrf, minutes: '30' }).expect(302),
      ),
    ).to.equal(2);
    expect(planDayOf(t.deps.db, mina.id, TODAY)!.minutesToday).to.equal(30);
  });

  it('storedPlanFor() – the planner’s choice for other features, from the same stored plan', async () => {
    await agent.post('/language').type('form').send({ _csrf: csrf, lang: 'en', back: '/' }).expect(302);
    let stored: StoredPlan | undefined;
    expect(await runsDuring(async () => (stored = storedPlanFor(t.deps, fresh(), t.clock.get())))).to.equal(0);
    expect(stored!.today).to.equal(TODAY);
    expect(stored!.plan.days[0].items.map((i) => i.problem)).to.deep.equal(
      planDayOf(t.deps.db, mina.id, TODAY)!.items.map((i) => i.problem),
    );
  });

  describe('today’s stored list', () => {
    it('settings change (custom weights) – rebuilt: logged and skipped items stay, the rest follows the new weights', async () => {
      const before = listed((await agent.get('/plan/today')).text);
      expect(before.length).to.be.at.least(3);
      await agent.post('/language').type('form').send({ _csrf: csrf, lang: 'en', back: '/' }).expect(302);
      const categoryOf = new Map(planDayOf(t.deps.db, mina.id, TODAY)!.items.map((i) => [i.problem, i.category]));
      const types = ['graph_traversal', 'simulation', 'implementation'];
      const count = (items: { problem: string }[], type: string) =>
        items.filter((i) => categoryOf.get(i.problem) === type).length;
      const pendingBefore = before.slice(2);
      const target = [...types].sort((a, b) => count(pendingBefore, a) - count(pendingBefore, b))[0];
      await agent
        .post('/plan/today/log')
        .type('form')
        .send({ _csrf: csrf, problem: before[0].problem, outcome: 'solved', minutes: '20' })
        .expect(302);
      await agent.post('/plan/today/skip').type('form').send({ _csrf: csrf, problem: before[1].problem }).expect(302);
      const weights = Object.fromEntries(types.map((type) => [`w_${type}`, type === target ? '100' : '0']));
      await agent
        .post('/settings/weights')
        .type('form')
        .send({ _csrf: csrf, ...weights })
        .expect(302);

      const after = listed((await agent.get('/plan/today')).text);
      expect(after.slice(0, 2)).to.deep.equal([
        { ...before[0], status: 'done' },
        { ...before[1], status: 'skipped' },
      ]);
      const pending = after.filter((i) => i.status === 'todo');
      expect(pending.length).to.be.greaterThan(0);
      for (const item of planDayOf(t.deps.db, mina.id, TODAY)!.items) categoryOf.set(item.problem, item.category);
      expect(count(pending, target), `more ${target} problems than before`).to.be.greaterThan(
        count(pendingBefore, target),
      );
      expect(ids(pending)).to.deep.equal(lastStoredPlan(t.deps.db, mina.id)!.plan.days[0].items.map((i) => i.problem));
    });

    it('a problem swapped in, then a history import of other problems lands – the swapped-in problem stays on the list', async () => {
      const before = listed((await agent.get('/plan/today')).text);
      const out = before.find((i) => i.kind === 'new')!;
      await agent.post('/plan/today/swap').type('form').send({ _csrf: csrf, problem: out.problem }).expect(302);
      const swapped = listed((await agent.get('/plan/today')).text);
      const swappedIn = swapped.find((i) => !ids(before).includes(i.problem))!;
      expect(swappedIn, 'a replacement came in').to.not.equal(undefined);
      // Solves of other problems of the swapped-in problem's type: the planner alone would now pick another type.
      const listedNow = ids(swapped);
      const sameType = t.deps.db
        .prepare(
          'SELECT e.problem_id FROM entries e JOIN entries s ON s.category_id = e.category_id WHERE s.problem_id = ?',
        )
        .pluck()
        .all(swappedIn.problem) as string[];
      const others = sameType.filter((id) => !listedNow.includes(id) && id !== out.problem).slice(0, 6);
      const csv = `problem,day,outcome,minutes\n${others.map((id) => `${id},2026-11-20,solved,25`).join('\n')}\n`;
      await agent.post('/history/import').type('form').send({ _csrf: csrf, csv }).expect(200);
      const after = listed((await agent.get('/plan/today')).text);
      // Kept in its place, like a logged item (an unmarked one would be planned again and move or go).
      expect(ids(after).indexOf(swappedIn.problem)).to.equal(ids(swapped).indexOf(swappedIn.problem));
      expect(ids(after)).not.to.include(out.problem);
    });

    it('a planned problem solved by an import – stays on the list marked “already solved” (en, ko), not “new” to do', async () => {
      const before = listed((await agent.get('/plan/today')).text);
      const target = before.find((i) => i.kind === 'new')!;
      const csv = `problem,day,outcome,minutes\n${target.problem},2026-11-27,solved,25\n`;
      await agent.post('/history/import').type('form').send({ _csrf: csrf, csv }).expect(200);
      const page = (await agent.get('/plan/today')).text;
      expect(listed(page).find((i) => i.problem === target.problem)?.status).to.equal('already_solved');
      expect(page).to.contain('already solved · CSV import');
      expect(lastStoredPlan(t.deps.db, mina.id)!.plan.days[0].items.map((i) => i.problem)).not.to.include(
        target.problem,
      );
      await agent.post('/language').type('form').send({ _csrf: csrf, lang: 'ko', back: '/' }).expect(302);
      expect((await agent.get('/plan/today')).text).to.contain('이미 풀었음 · CSV에서 가져옴');
    });

    it('a planned problem logged today on the checklist (or as the group mission) – marked “logged: solved”, not “already solved”; the list stays as it was', async () => {
      const before = listed((await agent.get('/plan/today')).text);
      const target = before.find((i) => i.kind === 'new')!;
      await agent
        .post('/attempts')
        .type('form')
        .send({ _csrf: csrf, problem: target.problem, outcome: 'solved', day: TODAY })
        .expect(302);
      const after = listed((await agent.get('/plan/today')).text);
      expect(ids(after)).to.deep.equal(ids(before));
      expect(after.find((i) => i.problem === target.problem)?.status).to.equal('done');
      expect((await agent.get('/plan/today')).text)
        .to.contain('✓ logged: solved')
        .and.not.contain('already solved');
    });
  });

  describe('the nightly email’s “tomorrow” is the next morning’s Today page', () => {
    async function digestThenMorning() {
      t.clock.set('2026-11-28T12:00:00Z'); // 21:00 in Seoul
      const view = digestView(
        t.deps.db,
        { ...t.deps.config, baseUrl: 'http://cote.test' },
        fresh(),
        TODAY,
        t.clock.get(),
      );
      t.clock.set('2026-11-28T23:00:00Z'); // 08:00 on 11-29 in Seoul, nothing logged since
      let morning: ReturnType<typeof listed> = [];
      const runs = await runsDuring(async () => (morning = listed((await agent.get('/plan/today')).text)));
      return { view, morning, runs };
    }

    it('with part of today done and one skipped – the same problems in the same order; today’s undone new problems roll over first', async () => {
      t.clock.set('2026-11-28T00:00:00Z'); // 09:00 in Seoul
      const today = listed((await agent.get('/plan/today')).text);
      await agent
        .post('/plan/today/log')
        .type('form')
        .send({ _csrf: csrf, problem: today[0].problem, outcome: 'solved', minutes: '30' })
        .expect(302);
      await agent.post('/plan/today/skip').type('form').send({ _csrf: csrf, problem: today[1].problem }).expect(302);
      const { view, morning, runs } = await digestThenMorning();
      expect(view.tomorrow.items.length).to.be.greaterThan(0);
      expect(ids(morning.filter((i) => i.kind !== 'review'))).to.deep.equal(view.tomorrow.items.map((i) => i.id));
      expect(ids(morning.filter((i) => i.kind === 'review'))).to.deep.equal(view.reviews.map((i) => i.id));
      const undone = today.slice(2).filter((i) => i.kind === 'new');
      expect(
        ids(morning.filter((i) => i.kind !== 'review').slice(0, undone.length)),
        'undone new problems roll over, first',
      ).to.deep.equal(ids(undone));
      expect(runs).to.be.at.most(1);
    });

    it('without opening Today that day – the same problems in the same order', async () => {
      const { view, morning } = await digestThenMorning();
      expect(morning.length).to.be.greaterThan(0);
      expect(ids(morning.filter((i) => i.kind !== 'review'))).to.deep.equal(view.tomorrow.items.map((i) => i.id));
      expect(ids(morning.filter((i) => i.kind === 'review'))).to.deep.equal(view.reviews.map((i) => i.id));
    });
  });
});

import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';
import { learnerById, type Learner } from '../../src/learners/learnerRepository.ts';
import { planDayOf } from '../../src/plans/planDayRepository.ts';
import { planFor } from '../../src/plans/planService.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');
// 03:00 UTC = 12:00 in Seoul on 2026-11-28.
const START = new Date('2026-11-28T03:00:00Z');

/** The problems of today's list in page order. */
function listed(html: string): string[] {
  return [...html.matchAll(/<li class="plan-item [^"]*" data-problem="([^"]+)"/g)].map((m) => m[1]);
}

describe('planner pages over HTTP', () => {
  let t: ReturnType<typeof testDeps>;
  let mina: Learner;
  beforeEach(async () => {
    t = testDeps({}, START);
    await importList(t.deps.db, LIST);
    mina = seedLearner(t.deps.db, 'mina', {
      language: 'en',
      examDate: '2026-12-28',
      dailyMinutes: '120',
      profile: 'samsung',
    });
  });
  afterEach(() => t.cleanup());

  it('GET /plan/today – not logged in – redirects to the login', async () => {
    const res = await request(t.app()).get('/plan/today');
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal('/login?next=%2Fplan%2Ftoday');
  });

  it('GET /plan/today – shows D-30 and a list with type, tier, minutes and a reason; stored and stable through the day', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const first = await agent.get('/plan/today');
    expect(first.status).to.equal(200);
    expect(first.text).to.contain('D-30');
    const items = listed(first.text);
    expect(items.length).to.be.at.least(2);
    expect(first.text).to.match(/Gold|Silver|Bronze/);
    expect(first.text).to.match(/predicted success \d+ %/);
    // Stored by the learner's first write of the day (a view stores nothing), as it was shown.
    expect(planDayOf(t.deps.db, mina.id, '2026-11-28')).to.equal(undefined);
    await agent.post('/language').type('form').send({ _csrf: csrf, lang: 'en', back: '/' }).expect(302);
    expect(planDayOf(t.deps.db, mina.id, '2026-11-28')?.items.map((i) => i.problem)).to.deep.equal(items);
    t.clock.set('2026-11-28T10:00:00Z');
    expect(listed((await agent.get('/plan/today')).text)).to.deep.equal(items);
  });

  it('logging an item in place – stored as a plan attempt, shown as done, and tomorrow is planned from it', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const items = listed((await agent.get('/plan/today')).text);
    const forecast = planFor(t.deps.db, learnerById(t.deps.db, mina.id)!, '2026-11-28', {
      store: false,
    }).days[1].items.map((i) => i.problem);
    expect(forecast).not.to.include(items[0]);

    const res = await agent
      .post('/plan/today/log')
      .type('form')
      .send({ _csrf: csrf, problem: items[0], outcome: 'failed', minutes: '70' });
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal('/plan/today');
    expect(
      attemptsForLearner(t.deps.db, mina.id).map((a) => [a.problemId, a.day, a.outcome, a.minutes, a.origin]),
    ).to.deep.equal([[items[0], '2026-11-28', 'failed', 70, 'plan']]);
    const after = await agent.get('/plan/today');
    expect(after.text).to.match(new RegExp(`plan-status-done" data-problem="${items[0]}"`));
    expect(listed(after.text)).to.deep.equal(items);

    t.clock.set('2026-11-29T03:00:00Z');
    const tomorrow = await agent.get('/plan/today');
    expect(tomorrow.text).to.contain('D-29');
    expect(tomorrow.text).to.match(new RegExp(`plan-review plan-status-todo" data-problem="${items[0]}"`));
  });

  it('a skipped item – “Undo skip” offers it again; un-skipping an item that is not skipped – 404 with the message', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const items = listed((await agent.get('/plan/today')).text);
    await agent.post('/plan/today/skip').type('form').send({ _csrf: csrf, problem: items[0] }).expect(302);
    const skipped = (await agent.get('/plan/today')).text;
    expect(skipped).to.match(/action="\/plan\/today\/unskip"[\s\S]*Undo skip/);
    await agent.post('/plan/today/unskip').type('form').send({ _csrf: csrf, problem: items[0] }).expect(302);
    const again = (await agent.get('/plan/today')).text;
    expect(again).to.match(new RegExp(`plan-status-todo" data-problem="${items[0]}"`));
    expect(listed(again)).to.deep.equal(items);
    expect(planDayOf(t.deps.db, mina.id, '2026-11-28')!.skipped).to.deep.equal([]);
    const wrong = await agent.post('/plan/today/unskip').type('form').send({ _csrf: csrf, problem: items[1] });
    expect(wrong.status).to.equal(404);
    expect(wrong.text).to.contain(`Problem ${items[1]} is not a skipped item of today’s list.`);
  });

  it('skip, swap and less time today change the stored list; nothing else moves', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const items = listed((await agent.get('/plan/today')).text);
    await agent.post('/plan/today/skip').type('form').send({ _csrf: csrf, problem: items[0] }).expect(302);
    const skipped = await agent.get('/plan/today');
    expect(skipped.text).to.match(new RegExp(`plan-status-skipped" data-problem="${items[0]}"`));

    await agent.post('/plan/today/swap').type('form').send({ _csrf: csrf, problem: items[1] }).expect(302);
    const swapped = listed((await agent.get('/plan/today')).text);
    expect(swapped[0]).to.equal(items[0]);
    expect(swapped[1]).not.to.be.oneOf(items);
    expect(swapped.slice(2)).to.deep.equal(items.slice(2));

    await agent.post('/plan/today/less').type('form').send({ _csrf: csrf, minutes: '10' }).expect(302);
    const stored = planDayOf(t.deps.db, mina.id, '2026-11-28')!;
    expect(stored.minutesToday).to.equal(10);
    expect(stored.items.map((i) => i.problem)).to.deep.equal([items[0]]);
  });

  for (const [name, action, fields, status, message] of [
    [
      'a problem not on the list',
      'log',
      { problem: 'boj:9999', outcome: 'solved' },
      404,
      'Problem boj:9999 is not on today’s list.',
    ],
    ['an unknown outcome', 'log', { outcome: 'aced' }, 422, 'aced'],
    [
      'minutes above the budget',
      'less',
      { minutes: '500' },
      422,
      'Minutes must be a whole number from 0 to 120, not “500”.',
    ],
    ['skipping a problem not on the list', 'skip', { problem: 'boj:1' }, 404, 'boj:1'],
  ] as const) {
    it(`POST /plan/today/${action} – ${name} – ${status} with the message on the page, nothing stored`, async () => {
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      const items = listed((await agent.get('/plan/today')).text);
      const res = await agent
        .post(`/plan/today/${action}`)
        .type('form')
        .send({ _csrf: csrf, problem: items[0], ...fields });
      expect(res.status).to.equal(status);
      expect(res.text).to.contain(message);
      expect(attemptsForLearner(t.deps.db, mina.id)).to.deep.equal([]);
      expect(planDayOf(t.deps.db, mina.id, '2026-11-28')?.skipped).to.deep.equal([]);
    });
  }

  it('POST without a CSRF token – refused, nothing stored', async () => {
    const { agent } = await loggedIn(t.app(), 'mina');
    const items = listed((await agent.get('/plan/today')).text);
    const res = await agent.post('/plan/today/log').type('form').send({ problem: items[0] });
    expect(res.status).to.equal(403);
    expect(attemptsForLearner(t.deps.db, mina.id)).to.deep.equal([]);
  });

  it('GET /plan – every day to the exam with rest days, readiness per type with its weight, and a verdict', async () => {
    t.deps.db.prepare("UPDATE learners SET study_days = '12345' WHERE id = ?").run(mina.id);
    const { agent } = await loggedIn(t.app(), 'mina');
    const res = await agent.get('/plan');
    expect(res.status).to.equal(200);
    // Two weeks a page, the rest on the next pages.
    const pages = [res.text, (await agent.get('/plan?page=2')).text, (await agent.get('/plan?page=3')).text];
    const all = pages.join('');
    expect([...all.matchAll(/<article class="plan-day[^"]*" data-day="/g)]).to.have.length(30);
    expect([...all.matchAll(/<article class="plan-day rest"/g)]).to.have.length(10); // 2026-11-28 is a Saturday: 5 weekends
    expect(res.text).to.match(/<tr data-category="graph_traversal" class="heavy">/);
    expect(res.text).to.match(/On track|Behind|Not enough evidence yet/);
  });

  it('an exam date in the past – Today and Plan show the notice, not an empty page', async () => {
    t.deps.db.prepare("UPDATE learners SET exam_date = '2026-11-01' WHERE id = ?").run(mina.id);
    const { agent } = await loggedIn(t.app(), 'mina');
    for (const page of ['/plan/today', '/plan']) {
      const res = await agent.get(page);
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('The exam date (2026-11-01) has passed.');
    }
  });

  it('/settings/weights – saving sets the profile to custom and the plan follows; a bad number is a 422 naming the type', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const page = await agent.get('/settings/weights');
    expect(page.text).to.match(/name="w_graph_traversal"[^>]*value="50"/);
    const bad = await agent.post('/settings/weights').type('form').send({ _csrf: csrf, w_graph_traversal: 'lots' });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.contain('The weight of graph_traversal must be a number from 0 to 100, not “lots”.');
    expect(learnerById(t.deps.db, mina.id)?.profile).to.equal('samsung');
    const ok = await agent
      .post('/settings/weights')
      .type('form')
      .send({ _csrf: csrf, w_graph_traversal: '0', w_simulation: '0', w_implementation: '100' });
    expect(ok.status).to.equal(302);
    const saved = learnerById(t.deps.db, mina.id)!;
    expect(saved.profile).to.equal('custom');
    expect(saved.customWeights).to.deep.equal({ graph_traversal: 0, simulation: 0, implementation: 1 });
    const plan = planFor(t.deps.db, saved, '2026-11-28', { store: false });
    expect(plan.days[0].items.some((i) => i.category === 'implementation')).to.equal(true);
  });
});

describe('planner pages – before any list is imported', () => {
  it('GET /plan/today and /plan – the empty-list notice with a link to the lists page, status 200', async () => {
    const t = testDeps({}, START);
    try {
      seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2026-12-28' });
      const { agent } = await loggedIn(t.app(), 'mina');
      for (const page of ['/plan/today', '/plan']) {
        const res = await agent.get(page);
        expect(res.status).to.equal(200);
        expect(res.text).to.contain('The problem list is empty.');
        expect(res.text).to.match(/notice-empty_catalog[^<]*<a href="\/lists">Lists<\/a>/);
      }
    } finally {
      t.cleanup();
    }
  });
});

import { expect } from 'chai';
import * as cheerio from 'cheerio';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner, seedProblems } from '../support/progress.ts';
import { attemptsForLearner, recordAttempt, type Attempt } from '../../src/progress/attemptRepository.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';

describe('history entries: delete asks first and can be undone; origins in words', () => {
  let ctx: ReturnType<typeof testDeps>;
  let mina: Learner;
  let entry: Attempt;
  beforeEach(() => {
    ctx = testDeps({}, new Date('2026-11-28T03:00:00Z'));
    seedProblems(ctx.deps.db);
    mina = seedLearner(ctx.deps.db, 'mina', { language: 'en' });
    seedLearner(ctx.deps.db, 'joon', { language: 'en' });
    entry = recordAttempt(ctx.deps.db, {
      learnerId: mina.id,
      problemId: 'boj:1260',
      day: '2026-11-27',
      outcome: 'hint',
      minutes: 45,
      note: 'BFS from every cell',
      origin: 'import:baekjoonhub',
      externalKey: 'hub:1260',
      createdAt: '2026-11-27T10:00:00Z',
    });
  });
  afterEach(() => ctx.cleanup());
  const fields = (a: Attempt) => [
    a.problemId,
    a.day,
    a.outcome,
    a.minutes,
    a.note,
    a.origin,
    a.externalKey,
    a.createdAt,
  ];

  it("GET /history – an entry's Delete – is a link to a confirmation page, and following it deletes nothing", async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    const $ = cheerio.load((await a.agent.get('/history?day=2026-11-27')).text);
    const item = $(`.entries [data-attempt="${entry.id}"]`).first();
    expect(item.find('form[action$="/delete"]').length).to.equal(0);
    const href = item.find('a.entry-delete').attr('href')!;
    expect(href).to.match(new RegExp(`^/attempts/${entry.id}/delete\\?back=`));
    const confirm = await a.agent.get(href);
    expect(confirm.status).to.equal(200);
    const $c = cheerio.load(confirm.text);
    expect($c('h1').text()).to.equal('Delete this entry?');
    expect($c('.attempt-delete .entry-title').text()).to.equal('DFS와 BFS');
    const form = $c(`form[method=post][action="/attempts/${entry.id}/delete"]`);
    expect(form.find('input[name=_csrf]').attr('value')).to.be.a('string').and.not.equal('');
    expect(form.find('input[name=back]').attr('value')).to.equal('/history?day=2026-11-27');
    expect(attemptsForLearner(ctx.deps.db, mina.id)).to.have.length(1);
  });

  it('GET /history – the day shown and the other recent days – each entry listed once', async () => {
    const today = recordAttempt(ctx.deps.db, {
      learnerId: mina.id,
      problemId: 'boj:1000',
      day: '2026-11-28',
      outcome: 'solved',
      createdAt: '2026-11-28T02:00:00Z',
    });
    const a = await loggedIn(ctx.app(), 'mina');
    for (const [url, shown, other] of [
      ['/history', today.id, entry.id],
      ['/history?day=2026-11-27', entry.id, today.id],
    ] as const) {
      const $ = cheerio.load((await a.agent.get(url)).text);
      expect($(`.entries [data-attempt="${shown}"]`).length, `${url}: the day's entry`).to.equal(1);
      expect($(`.entries [data-attempt="${other}"]`).length, `${url}: the other day's entry`).to.equal(1);
    }
    // The undated page lists every recent day below it.
    const $u = cheerio.load((await a.agent.get('/history?day=unknown')).text);
    expect($u('.entries [data-attempt]').length).to.equal(2);
  });

  it('POST /attempts/:id/delete, then the undo on /history – the entry comes back with every field as it was', async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    const del = await a.agent
      .post(`/attempts/${entry.id}/delete`)
      .type('form')
      .send({ _csrf: a.csrf, back: '/history?day=2026-11-27' });
    expect(del.status).to.equal(302);
    expect(del.headers.location).to.equal('/history?day=2026-11-27');
    expect(attemptsForLearner(ctx.deps.db, mina.id)).to.deep.equal([]);
    const $ = cheerio.load((await a.agent.get(del.headers.location)).text);
    const undo = $('form.undo-delete[action="/attempts/restore"]');
    expect(undo.length).to.equal(1);
    expect(undo.text()).to.contain('DFS와 BFS');
    const restored = await a.agent
      .post('/attempts/restore')
      .type('form')
      .send({ _csrf: undo.find('input[name=_csrf]').attr('value') });
    expect(restored.status).to.equal(302);
    expect(restored.headers.location).to.equal('/history?day=2026-11-27');
    expect(attemptsForLearner(ctx.deps.db, mina.id).map(fields)).to.deep.equal([fields(entry)]);
    const page = cheerio.load((await a.agent.get('/history?day=2026-11-27')).text);
    expect(page('form.undo-delete').length).to.equal(0);
    expect(page('.flash').text()).to.contain('Brought back DFS와 BFS');
    // A second undo has nothing left to bring back: no duplicate.
    await a.agent.post('/attempts/restore').type('form').send({ _csrf: a.csrf });
    expect(attemptsForLearner(ctx.deps.db, mina.id)).to.have.length(1);
  });

  it('the undo of a delete – offered with its deadline (12:10 in Seoul) until then; 10 minutes later gone and refused', async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    await a.agent.post(`/attempts/${entry.id}/delete`).type('form').send({ _csrf: a.csrf }).expect(302);
    ctx.clock.set('2026-11-28T03:09:00Z');
    const $ = cheerio.load((await a.agent.get('/history')).text);
    expect($('form.undo-delete').attr('data-expires')).to.equal('2026-11-28T03:10:00.000Z');
    expect($('form.undo-delete').text()).to.contain('possible until 12:10');
    ctx.clock.set('2026-11-28T03:10:01Z');
    expect(cheerio.load((await a.agent.get('/history')).text)('form.undo-delete').length).to.equal(0);
    await a.agent.post('/attempts/restore').type('form').send({ _csrf: a.csrf }).expect(302);
    expect(attemptsForLearner(ctx.deps.db, mina.id)).to.deep.equal([]);
  });

  it("delete and undo – another learner – 404 on the confirmation page and the delete; their undo restores nothing of mina's", async () => {
    const b = await loggedIn(ctx.app(), 'joon');
    expect((await b.agent.get(`/attempts/${entry.id}/delete`)).status).to.equal(404);
    expect((await b.agent.post(`/attempts/${entry.id}/delete`).type('form').send({ _csrf: b.csrf })).status).to.equal(
      404,
    );
    const a = await loggedIn(ctx.app(), 'mina');
    await a.agent.post(`/attempts/${entry.id}/delete`).type('form').send({ _csrf: a.csrf });
    expect((await b.agent.post('/attempts/restore').type('form').send({ _csrf: b.csrf })).status).to.equal(302);
    expect(attemptsForLearner(ctx.deps.db, mina.id)).to.deep.equal([]);
    expect(attemptsForLearner(ctx.deps.db, 2)).to.deep.equal([]);
  });

  it('delete and undo – without a CSRF token – 403, nothing deleted or restored', async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    expect((await a.agent.post(`/attempts/${entry.id}/delete`).type('form').send({})).status).to.equal(403);
    expect(attemptsForLearner(ctx.deps.db, mina.id)).to.have.length(1);
    await a.agent.post(`/attempts/${entry.id}/delete`).type('form').send({ _csrf: a.csrf });
    expect((await a.agent.post('/attempts/restore').type('form').send({})).status).to.equal(403);
    expect(attemptsForLearner(ctx.deps.db, mina.id)).to.deep.equal([]);
  });

  it('GET /history – origins – shown in the page language, not as stored codes', async () => {
    recordAttempt(ctx.deps.db, {
      learnerId: mina.id,
      problemId: 'boj:1000',
      day: '2026-11-27',
      outcome: 'solved',
      origin: 'import:csv',
      createdAt: '2026-11-27T11:00:00Z',
    });
    recordAttempt(ctx.deps.db, {
      learnerId: mina.id,
      problemId: 'boj:17453',
      day: '2026-11-27',
      outcome: 'failed',
      origin: 'sync:codeforces',
      createdAt: '2026-11-27T12:00:00Z',
    });
    const a = await loggedIn(ctx.app(), 'mina');
    const badges = async (lang: string) => {
      await a.agent.post('/language').type('form').send({ _csrf: a.csrf, lang, back: '/history' });
      const $ = cheerio.load((await a.agent.get('/history?day=2026-11-27')).text);
      return $('h2#day + ul .badge.origin')
        .map((_i, el) => $(el).text())
        .get();
    };
    expect(await badges('en')).to.deep.equal(['BaekjoonHub import', 'CSV import', 'synced from Codeforces']);
    expect(await badges('ko')).to.deep.equal(['BaekjoonHub에서 가져옴', 'CSV에서 가져옴', 'Codeforces에서 동기화']);
  });
});

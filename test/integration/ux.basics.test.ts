import { expect } from 'chai';
import * as cheerio from 'cheerio';
import request from 'supertest';
import { csrfFrom, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner, seedProblems } from '../support/progress.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';

describe('a new user: favicon, setup language, language switch', () => {
  let ctx: ReturnType<typeof testDeps>;
  beforeEach(() => (ctx = testDeps()));
  afterEach(() => ctx.cleanup());

  it('GET /favicon.ico and the icon every page links – answered, an SVG, no 404', async () => {
    const app = ctx.app();
    const page = await request(app).get('/setup');
    const href = cheerio.load(page.text)('link[rel=icon]').attr('href');
    expect(href).to.be.a('string');
    const icon = await request(app).get(href!);
    expect(icon.status).to.equal(200);
    expect(icon.headers['content-type']).to.match(/^image\/svg\+xml/);
    const ico = await request(app).get('/favicon.ico').redirects(1);
    expect(ico.status).to.equal(200);
    expect(ico.headers['content-type']).to.match(/^image\/svg\+xml/);
  });

  it('GET /setup – an English browser – the page and its language field are English; q=0 refuses a language', async () => {
    const res = await request(ctx.app()).get('/setup').set('Accept-Language', 'en-US,en;q=0.9');
    const $ = cheerio.load(res.text);
    expect($('html').attr('lang')).to.equal('en');
    expect($('select[name=language] option[selected]').attr('value')).to.equal('en');
    const ko = await request(ctx.app()).get('/setup').set('Accept-Language', 'ko-KR,ko;q=0.9,en;q=0.5');
    expect(cheerio.load(ko.text)('select[name=language] option[selected]').attr('value')).to.equal('ko');
    // q=0 means "not acceptable": a browser that refuses English and asks for French gets the Korean default.
    const refused = await request(ctx.app()).get('/setup').set('Accept-Language', 'fr, en;q=0');
    expect(cheerio.load(refused.text)('html').attr('lang')).to.equal('ko');
    const second = await request(ctx.app()).get('/setup').set('Accept-Language', 'fr, en;q=0.1');
    expect(cheerio.load(second.text)('html').attr('lang')).to.equal('en');
  });

  it('POST /setup – an English browser sends no language field – the first learner is stored in English', async () => {
    const agent = request.agent(ctx.app());
    const page = await agent.get('/setup').set('Accept-Language', 'en-US');
    const res = await agent
      .post('/setup')
      .set('Accept-Language', 'en-US')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        login: 'amy',
        password: 'long enough pw',
        name: 'Amy',
        email: 'amy@example.com',
        dailyMinutes: '60',
      });
    expect(res.status).to.equal(302);
    expect(learnerByLogin(ctx.deps.db, 'amy')?.language).to.equal('en');
  });

  it('GET and POST /learners – the admin adds a member from an English page – the member defaults to English', async () => {
    seedLearner(ctx.deps.db, 'admin', { language: 'en' });
    const a = await loggedIn(ctx.app(), 'admin');
    const page = await a.agent.get('/learners').set('Accept-Language', 'en');
    expect(cheerio.load(page.text)('select[name=language] option[selected]').attr('value')).to.equal('en');
    const res = await a.agent.post('/learners').type('form').send({
      _csrf: a.csrf,
      login: 'bob',
      password: 'long enough pw',
      name: 'Bob',
      email: 'bob@example.com',
      dailyMinutes: '60',
    });
    expect(res.status).to.equal(302);
    expect(learnerByLogin(ctx.deps.db, 'bob')?.language).to.equal('en');
  });

  it('the language switch on a page re-rendered after a POST (a bad edit, 422) – goes back to a page that exists', async () => {
    seedProblems(ctx.deps.db);
    const mina = seedLearner(ctx.deps.db, 'mina', { language: 'en' });
    const attempt = recordAttempt(ctx.deps.db, {
      learnerId: mina.id,
      problemId: 'boj:1260',
      day: '2026-11-20',
      outcome: 'solved',
      createdAt: '2026-11-20T00:00:00Z',
    });
    const a = await loggedIn(ctx.app(), 'mina');
    const bad = await a.agent
      .post(`/attempts/${attempt.id}`)
      .type('form')
      .send({ _csrf: a.csrf, day: 'someday', outcome: 'solved' });
    expect(bad.status).to.equal(422);
    const back = cheerio.load(bad.text)('form.lang-switch input[name=back]').attr('value');
    const switched = await a.agent.post('/language').type('form').send({ _csrf: a.csrf, lang: 'ko', back });
    expect(switched.status).to.equal(302);
    const landed = await a.agent.get(switched.headers.location);
    expect(landed.status).to.equal(200);
    expect(switched.headers.location).to.equal(`/attempts/${attempt.id}/edit`);
  });

  for (const [posted, page] of [
    ['/attempts', '/'],
    ['/attempts/undo', '/'],
    ['/attempts/restore', '/history'],
    ['/plan/today/log', '/plan/today'],
    ['/plan/today/less', '/plan/today'],
    ['/history/import/baekjoonhub', '/history/import'],
    ['/lists/import', '/lists'],
    ['/settings/password', '/settings'],
    ['/settings/email/test', '/settings/email'],
    ['/logout', '/'],
  ] as const) {
    it(`POST /language – back is the POST-only path ${posted} – redirects to its page ${page}, which answers 200`, async () => {
      seedLearner(ctx.deps.db, 'mina', { language: 'en' });
      const a = await loggedIn(ctx.app(), 'mina');
      const res = await a.agent.post('/language').type('form').send({ _csrf: a.csrf, lang: 'en', back: posted });
      expect(res.headers.location).to.equal(page);
      expect((await a.agent.get(res.headers.location)).status).to.equal(200);
    });
  }

  it('POST /language – a GET page with its query – goes back to it unchanged', async () => {
    seedLearner(ctx.deps.db, 'mina', { language: 'en' });
    const a = await loggedIn(ctx.app(), 'mina');
    const res = await a.agent
      .post('/language')
      .type('form')
      .send({ _csrf: a.csrf, lang: 'ko', back: '/history?day=2026-11-01' });
    expect(res.headers.location).to.equal('/history?day=2026-11-01');
  });
});

import { expect } from 'chai';
import request from 'supertest';
import { csrfFrom, testDeps } from '../support/app.ts';
import { loggedIn, PASSWORD, seedLearner } from '../support/progress.ts';

describe('redirects to user-given targets', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => {
    t = testDeps();
    seedLearner(t.deps.db, 'mina');
  });
  afterEach(() => t.cleanup());

  it('GET /login?next=/%5Chost/x – logging in lands on Today, never on another host', async () => {
    const agent = request.agent(t.app());
    const page = await agent.get('/login?next=/%5Cevil.example/x');
    expect(page.status).to.equal(200);
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), login: 'mina', password: PASSWORD, next: '/\\evil.example/x' });
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal('/plan/today');
    // Already logged in: GET /login follows ?next= at once, by the same rule.
    for (const next of ['/%5Cevil.example/x', '//evil.example', '/%09/evil.example', 'https://evil.example']) {
      const again = await agent.get(`/login?next=${next}`);
      expect(again.headers.location, next).to.equal('/plan/today');
    }
    expect((await agent.get('/login?next=/history')).headers.location).to.equal('/history');
  });

  it('the language switch – back=/\\host or //host – goes back to / instead', async () => {
    for (const back of ['/\\evil.example', '//evil.example', '/%5Cevil.example']) {
      const res = await request(t.app()).get('/language').query({ lang: 'en', back });
      expect(res.status).to.equal(302);
      expect(res.headers.location, back).to.equal('/');
    }
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const posted = await agent
      .post('/language')
      .type('form')
      .send({ _csrf: csrf, lang: 'en', back: '/\\evil.example/x' });
    expect(posted.headers.location).to.equal('/');
    const fine = await agent.post('/language').type('form').send({ _csrf: csrf, lang: 'en', back: '/history' });
    expect(fine.headers.location).to.equal('/history');
  });

  it('GET /language?lang=en – an anonymous visitor – switches by cookie, with no session stored', async () => {
    const res = await request(t.app()).get('/language?lang=en&back=/lists');
    expect(res.headers.location).to.equal('/lists');
    expect(String(res.headers['set-cookie'])).to.contain('cote_lang=en');
    const page = await request(t.app()).get('/lists').set('Cookie', 'cote_lang=en');
    expect(page.text).to.contain('<html lang="en">');
    expect(page.text).to.match(/<form method="get" action="\/language"/);
    expect(t.deps.db.prepare('SELECT count(*) FROM sessions').pluck().get()).to.equal(0);
  });
});

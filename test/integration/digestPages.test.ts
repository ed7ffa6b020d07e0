import { expect } from 'chai';
import request from 'supertest';
import { csrfFrom, testDeps } from '../support/app.ts';
import { sendDueDigests } from '../../src/digest/delivery.ts';
import { createMailer } from '../../src/digest/transport.ts';
import { learnerById } from '../../src/learners/learnerRepository.ts';
import { addLearner, addProblem, addSolve, loggedIn, startSmtp } from './digest.support.ts';

describe('digest pages', () => {
  let ctx: ReturnType<typeof testDeps>;
  beforeEach(() => (ctx = testDeps({ SMTP_URL: '' }, new Date('2026-11-28T11:00:00Z'))));
  afterEach(() => ctx.cleanup());

  it('GET /digest/preview – logged out – redirects to the login', async () => {
    const res = await request(ctx.app()).get('/digest/preview');
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.match(/^\/login/);
  });

  it("GET /digest/preview – tonight's digest with escaped titles, and the learner's own outbox files only", async () => {
    const app = ctx.app();
    const { agent, learner } = await loggedIn(app, ctx.deps.db, 'ana', { language: 'en' });
    const other = addLearner(ctx.deps.db, 'bo');
    addProblem(ctx.deps.db, 'boj:9999', '<script>alert(1)</script>');
    addSolve(ctx.deps.db, learner.id, 'boj:9999', '2026-11-28');
    await sendDueDigests({ ...ctx.deps, mailer: createMailer(ctx.deps.config) }, new Date('2026-11-28T12:00:00Z'));

    const res = await agent.get('/digest/preview');
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('[cote] 1 solved today');
    expect(res.text).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).not.to.contain('<script>alert(1)');
    expect(res.text).to.contain(`digest-${learner.id}-2026-11-28.eml`);
    expect(res.text).not.to.contain(`digest-${other.id}-2026-11-28.eml`);
    expect((await agent.get(`/digest/outbox/digest-${learner.id}-2026-11-28.eml`)).text).to.contain(
      'Message-ID: <digest-',
    );
    expect((await agent.get(`/digest/outbox/digest-${other.id}-2026-11-28.eml`)).status).to.equal(404);
  });

  it('POST /settings/email – a bad time – 422 with the message, nothing saved', async () => {
    const { agent, learner } = await loggedIn(ctx.app(), ctx.deps.db, 'ana', { language: 'en' });
    const page = await agent.get('/settings/email');
    const res = await agent
      .post('/settings/email')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), time: '25:00' });
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('The time must be HH:MM');
    expect(learnerById(ctx.deps.db, learner.id)).to.include({ digestEnabled: true, digestTime: '21:00' });
  });

  it('POST /settings/email – switched off at 07:30 – saved, flashed, redirected', async () => {
    const { agent, learner } = await loggedIn(ctx.app(), ctx.deps.db, 'ana', { language: 'en' });
    const page = await agent.get('/settings/email');
    const res = await agent
      .post('/settings/email')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), time: '07:30' });
    expect(res.status).to.equal(302);
    expect(learnerById(ctx.deps.db, learner.id)).to.include({ digestEnabled: false, digestTime: '07:30' });
    expect((await agent.get('/settings/email')).text).to.contain('Email settings saved.');
  });

  it('POST /settings/email – without the CSRF token – 403', async () => {
    const { agent } = await loggedIn(ctx.app(), ctx.deps.db, 'ana');
    expect((await agent.post('/settings/email').type('form').send({ enabled: 'on', time: '20:00' })).status).to.equal(
      403,
    );
  });

  it('GET /settings/email – a digest that failed – listed with its error', async () => {
    const { agent, learner } = await loggedIn(ctx.app(), ctx.deps.db, 'ana', { language: 'en' });
    ctx.deps.db
      .prepare(
        "INSERT INTO digests (learner_id, day, status, attempts, last_error, created_at) VALUES (?, '2026-11-27', 'failed', 5, 'smtp: connect ECONNREFUSED', '2026-11-27T12:00:00Z')",
      )
      .run(learner.id);
    const res = await agent.get('/settings/email');
    expect(res.text).to.contain('Digests that could not be sent');
    expect(res.text).to.match(/data-failed-day="2026-11-27"><strong>2026-11-27<\/strong> — smtp: connect ECONNREFUSED/);
  });

  it('GET /unsubscribe/:token – asks first; the button turns the digest off without a session', async () => {
    const ana = addLearner(ctx.deps.db, 'ana', { language: 'en' });
    const page = await request(ctx.app()).get(`/unsubscribe/${ana.unsubscribeToken}`).set('Accept-Language', 'en');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Stop the nightly digest for ana?');
    expect(learnerById(ctx.deps.db, ana.id)?.digestEnabled).to.equal(true);

    const res = await request(ctx.app()).post(`/unsubscribe/${ana.unsubscribeToken}`).set('Accept-Language', 'en');
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('no longer gets the nightly digest');
    expect(learnerById(ctx.deps.db, ana.id)?.digestEnabled).to.equal(false);
  });

  it('POST /unsubscribe/:token – RFC 8058 one-click from a mail provider – 200 and off', async () => {
    const ana = addLearner(ctx.deps.db, 'ana');
    const res = await request(ctx.app())
      .post(`/unsubscribe/${ana.unsubscribeToken}`)
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(res.status).to.equal(200);
    expect(learnerById(ctx.deps.db, ana.id)?.digestEnabled).to.equal(false);
  });

  it('/unsubscribe/:token – unknown token – 404, nobody changed', async () => {
    const ana = addLearner(ctx.deps.db, 'ana');
    expect((await request(ctx.app()).get('/unsubscribe/nope')).status).to.equal(404);
    expect((await request(ctx.app()).post('/unsubscribe/nope')).status).to.equal(404);
    expect(learnerById(ctx.deps.db, ana.id)?.digestEnabled).to.equal(true);
  });
});

describe('digest unsubscribe round trip', () => {
  it("the email's List-Unsubscribe address, POSTed one-click – the next evening sends nothing", async () => {
    const smtp = await startSmtp();
    const ctx = testDeps({ SMTP_URL: smtp.url, COTE_BASE_URL: 'https://cote.example.test' });
    const mailer = createMailer(ctx.deps.config);
    try {
      addLearner(ctx.deps.db, 'ana');
      await sendDueDigests({ ...ctx.deps, mailer }, new Date('2026-11-28T12:00:00Z'));
      const header = smtp.received[0].headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
      const url = new URL(/<([^>]+)>/.exec(header)![1]);
      expect(url.origin).to.equal('https://cote.example.test');

      const res = await request(ctx.app()).post(url.pathname).type('form').send('List-Unsubscribe=One-Click');
      expect(res.status).to.equal(200);
      await sendDueDigests({ ...ctx.deps, mailer }, new Date('2026-11-29T12:00:00Z'));
      expect(smtp.received).to.have.length(1);
    } finally {
      mailer.close();
      ctx.cleanup();
      await smtp.close();
    }
  });
});

describe('digest test email', () => {
  it('POST /settings/email/test – SMTP server up – the test email arrives and the page says so', async () => {
    const smtp = await startSmtp();
    const ctx = testDeps({ SMTP_URL: smtp.url });
    try {
      const { agent } = await loggedIn(ctx.app(), ctx.deps.db, 'ana', { language: 'en' });
      const page = await agent.get('/settings/email');
      const res = await agent
        .post('/settings/email/test')
        .type('form')
        .send({ _csrf: csrfFrom(page.text) });
      expect(res.status).to.equal(302);
      await smtp.waitFor(1);
      expect(smtp.received[0].subject).to.equal('[cote] Test email');
      expect((await agent.get('/settings/email')).text).to.contain('Test email sent to ana@example.test.');
    } finally {
      ctx.cleanup();
      await smtp.close();
    }
  });
});

import { expect } from 'chai';
import request from 'supertest';
import { csrfFrom, testDeps } from '../support/app.ts';
import { loggedIn, PASSWORD, seedLearner } from '../support/progress.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';

describe('progress auth and settings', () => {
  let ctx: ReturnType<typeof testDeps>;
  beforeEach(() => (ctx = testDeps()));
  afterEach(() => ctx.cleanup());

  it('GET /login – no learner yet – redirects to /setup', async () => {
    const res = await request(ctx.app()).get('/login');
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal('/setup');
  });

  it('POST /setup – first learner – creates an admin with a scrypt hash and logs in', async () => {
    const agent = request.agent(ctx.app());
    const page = await agent.get('/setup');
    expect(page.status).to.equal(200);
    const res = await agent
      .post('/setup')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        login: 'mina',
        password: 'long enough pw',
        name: 'Mina',
        email: 'mina@example.com',
        timezone: 'Asia/Seoul',
        language: 'ko',
        examDate: '2027-03-01',
        dailyMinutes: '90',
        studyDays: ['1', '3', '5'],
        profile: 'samsung',
      });
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal('/plan/today');
    const mina = learnerByLogin(ctx.deps.db, 'mina')!;
    expect(mina).to.deep.include({ isAdmin: true, examDate: '2027-03-01', dailyMinutes: 90, profile: 'samsung' });
    expect(mina.studyDays).to.deep.equal([1, 3, 5]);
    const hash = ctx.deps.db
      .prepare('SELECT password_hash FROM learners WHERE login = ?')
      .pluck()
      .get('mina') as string;
    expect(hash).to.match(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.to.contain('long enough pw');
    expect((await agent.get('/settings')).status).to.equal(200);
    // Setup is closed once a learner exists.
    expect((await request(ctx.app()).get('/setup')).headers.location).to.equal('/login');
  });

  it('POST /setup – bad time zone – re-renders with 422 naming the value and creates nobody', async () => {
    const agent = request.agent(ctx.app());
    const page = await agent.get('/setup');
    const res = await agent
      .post('/setup')
      .type('form')
      .set('Accept-Language', 'en')
      .send({
        _csrf: csrfFrom(page.text),
        login: 'mina',
        password: 'long enough pw',
        name: 'Mina',
        email: 'mina@example.com',
        timezone: 'Mars/Olympus',
        dailyMinutes: '60',
      });
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('Mars/Olympus');
    expect(res.text).to.contain('value="mina"');
    expect(learnerByLogin(ctx.deps.db, 'mina')).to.equal(undefined);
  });

  it('POST /login – wrong password and unknown login – the same generic 401 message', async () => {
    seedLearner(ctx.deps.db, 'mina');
    const agent = request.agent(ctx.app());
    const csrf = csrfFrom((await agent.get('/login')).text);
    const wrong = await agent
      .post('/login')
      .type('form')
      .set('Accept-Language', 'en')
      .send({ _csrf: csrf, login: 'mina', password: 'nope nope nope' });
    const unknown = await agent
      .post('/login')
      .type('form')
      .set('Accept-Language', 'en')
      .send({ _csrf: csrf, login: 'nobody', password: PASSWORD });
    for (const res of [wrong, unknown]) {
      expect(res.status).to.equal(401);
      expect(res.text).to.contain('Wrong login or password.');
    }
  });

  it('POST /login – success – regenerates the session id and follows a same-site ?next only', async () => {
    seedLearner(ctx.deps.db, 'mina');
    const agent = request.agent(ctx.app());
    const page = await agent.get('/login?next=/history');
    expect(String(page.headers['set-cookie']), 'no session before a login').not.to.contain('cote.sid=');
    const res = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), login: 'MINA', password: PASSWORD, next: '/history' });
    expect(res.headers.location).to.equal('/history');
    const first = /cote\.sid=([^;]+)/.exec(String(res.headers['set-cookie']))![1];
    // Logging in again from a live session (say a planted one) gives it a new id.
    const settings = await agent.get('/settings');
    const again = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(settings.text), login: 'mina', password: PASSWORD });
    const second = /cote\.sid=([^;]+)/.exec(String(again.headers['set-cookie']))![1];
    expect(second).not.to.equal(first);
    const other = request.agent(ctx.app());
    const page2 = await other.get('/login');
    const res2 = await other
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(page2.text), login: 'mina', password: PASSWORD, next: '//evil.example/x' });
    expect(res2.headers.location).to.equal('/plan/today');
  });

  it('POST /login – eleven failures in a row – the eleventh is refused with 429', async () => {
    seedLearner(ctx.deps.db, 'mina');
    const agent = request.agent(ctx.app());
    const csrf = csrfFrom((await agent.get('/login')).text);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await agent
            .post('/login')
            .type('form')
            .send({ _csrf: csrf, login: 'mina', password: `wrong ${i} xxxx` })
        ).status,
      );
    expect(statuses.slice(0, 10)).to.deep.equal(Array(10).fill(401));
    expect(statuses[10]).to.equal(429);
    const right = await agent.post('/login').type('form').send({ _csrf: csrf, login: 'mina', password: PASSWORD });
    expect(right.status, 'even the right password waits').to.equal(429);
  });

  it('a logged-in session – the server restarts (a new app on the same database) – is still logged in', async () => {
    seedLearner(ctx.deps.db, 'mina');
    const { agent } = await loggedIn(ctx.app(), 'mina');
    const cookie = (await agent.get('/settings')).request.cookies;
    const restarted = await request(ctx.app()).get('/settings').set('Cookie', cookie);
    expect(restarted.status).to.equal(200);
    expect(restarted.text).to.contain('value="Learner mina"');
  });

  it('POST /logout – ends the session – learner pages redirect to /login again', async () => {
    seedLearner(ctx.deps.db, 'mina');
    const { agent, csrf } = await loggedIn(ctx.app(), 'mina');
    expect((await agent.post('/logout').type('form').send({ _csrf: csrf })).headers.location).to.equal('/login');
    const res = await agent.get('/history');
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal('/login?next=%2Fhistory');
  });

  it('POST /settings – valid change – saved; invalid budget – 422 and nothing changed', async () => {
    seedLearner(ctx.deps.db, 'mina');
    const { agent, csrf } = await loggedIn(ctx.app(), 'mina');
    const ok = await agent
      .post('/settings')
      .type('form')
      .send({
        _csrf: csrf,
        name: 'Mina K',
        email: 'mk@example.com',
        timezone: 'America/New_York',
        language: 'en',
        examDate: '',
        dailyMinutes: '45',
        studyDays: ['6', '7'],
        profile: 'kakao',
      });
    expect(ok.status).to.equal(302);
    expect(learnerByLogin(ctx.deps.db, 'mina')).to.deep.include({
      name: 'Mina K',
      timezone: 'America/New_York',
      examDate: null,
      dailyMinutes: 45,
      profile: 'kakao',
    });
    const bad = await agent.post('/settings').type('form').set('Accept-Language', 'en').send({
      _csrf: csrf,
      name: 'X',
      email: 'mk@example.com',
      timezone: 'UTC',
      dailyMinutes: '-3',
      profile: 'general',
    });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.contain('“-3”');
    expect(learnerByLogin(ctx.deps.db, 'mina')).to.deep.include({ name: 'Mina K', dailyMinutes: 45 });
  });

  it('POST /settings/password – wrong current password – 422; right one – the new password logs in', async () => {
    seedLearner(ctx.deps.db, 'mina');
    const { agent, csrf } = await loggedIn(ctx.app(), 'mina');
    const bad = await agent
      .post('/settings/password')
      .type('form')
      .send({ _csrf: csrf, current: 'not it at all', password: 'new password 1', confirm: 'new password 1' });
    expect(bad.status).to.equal(422);
    const ok = await agent
      .post('/settings/password')
      .type('form')
      .send({ _csrf: csrf, current: PASSWORD, password: 'new password 1', confirm: 'new password 1' });
    expect(ok.status).to.equal(302);
    await loggedIn(ctx.app(), 'mina', 'new password 1');
  });

  it('GET/POST /learners – admin adds a learner; a non-admin is refused with 403', async () => {
    seedLearner(ctx.deps.db, 'mina');
    seedLearner(ctx.deps.db, 'joon');
    const admin = await loggedIn(ctx.app(), 'mina');
    const res = await admin.agent.post('/learners').type('form').send({
      _csrf: admin.csrf,
      login: 'sora',
      password: 'sora password',
      name: 'Sora',
      email: 'sora@example.com',
      timezone: 'Asia/Seoul',
      dailyMinutes: '60',
      studyDays: '1',
      profile: 'general',
    });
    expect(res.status).to.equal(302);
    expect(learnerByLogin(ctx.deps.db, 'sora')).to.deep.include({ isAdmin: false, studyDays: [1] });
    const taken = await admin.agent.post('/learners').type('form').set('Accept-Language', 'en').send({
      _csrf: admin.csrf,
      login: 'sora',
      password: 'sora password',
      name: 'Sora',
      email: 'sora@example.com',
      dailyMinutes: '60',
    });
    expect(taken.status).to.equal(422);
    expect(taken.text).to.contain('“sora”');
    const joon = await loggedIn(ctx.app(), 'joon');
    expect((await joon.agent.get('/learners')).status).to.equal(403);
    expect(
      (
        await joon.agent.post('/learners').type('form').send({
          _csrf: joon.csrf,
          login: 'x1',
          password: 'xxxxxxxxxx',
          name: 'X',
          email: 'x@example.com',
          dailyMinutes: '1',
        })
      ).status,
    ).to.equal(403);
  });
});

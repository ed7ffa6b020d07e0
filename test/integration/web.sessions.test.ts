import { expect } from 'chai';
import request from 'supertest';
import { csrfFrom, testCliContext, testDeps } from '../support/app.ts';
import { runCli } from '../../src/cli.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';
import { loggedIn, PASSWORD, seedLearner } from '../support/progress.ts';
import { sessionCount } from '../../src/learners/sessionRepository.ts';
import { SqliteSessionStore } from '../../src/web/sessionStore.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('sessions', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => {
    t = testDeps();
    seedLearner(t.deps.db, 'mina');
  });
  afterEach(() => t.cleanup());
  const rows = () =>
    t.deps.db.prepare('SELECT sid, expires_at AS expiresAt, learner_id AS learnerId FROM sessions').all() as {
      sid: string;
      expiresAt: number;
      learnerId: number | null;
    }[];

  it('cookieless GETs of pages without a form (/, /plan/today, /lists, /static, a 404, the language link) – store no session', async () => {
    const app = t.app();
    for (let i = 0; i < 15; i++) {
      for (const path of [
        '/',
        '/plan/today',
        '/history',
        '/lists',
        '/static/style.css',
        '/nope',
        '/language?lang=en&back=/lists',
      ]) {
        const res = await request(app).get(path);
        expect(res.status, path).to.be.oneOf([200, 302, 404]);
        expect(String(res.headers['set-cookie'] ?? ''), path).not.to.contain('cote.sid=');
      }
    }
    expect(sessionCount(t.deps.db)).to.equal(0);
  });

  it('60 cookieless GET /login and /setup (forms needing a CSRF token) – store no session; each carries a signed form token', async () => {
    const app = t.app();
    const tokens = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const res = await request(app).get(i % 2 ? '/login' : '/setup');
      if (res.status === 302) continue;
      expect(res.status).to.equal(200);
      expect(String(res.headers['set-cookie'] ?? '')).not.to.contain('cote.sid=');
      expect(String(res.headers['set-cookie'] ?? '')).to.match(/cote\.form=[\w-]{32}; Path=\/; HttpOnly; SameSite=Lax/);
      tokens.add(csrfFrom(res.text));
    }
    expect(tokens.size, 'a token per visitor').to.equal(30);
    expect(rows()).to.deep.equal([]);
  });

  it('an anonymous form token – works only with the cookie it was signed for, and never cross-site', async () => {
    const app = t.app();
    const login = async () => {
      const page = await request(app).get('/login');
      const cookie = String(page.headers['set-cookie']).split(';')[0];
      return { cookie, token: csrfFrom(page.text) };
    };
    const a = await login();
    const b = await login();
    const post = (cookie: string, token: string, extra: Record<string, string> = {}) =>
      request(app)
        .post('/login')
        .set('Cookie', cookie)
        .set(extra)
        .type('form')
        .send({ _csrf: token, login: 'mina', password: PASSWORD });
    expect((await post(a.cookie, b.token)).status, "another visitor's token").to.equal(403);
    expect((await post('', a.token)).status, 'no cookie').to.equal(403);
    expect((await post(a.cookie, '')).status, 'no token').to.equal(403);
    expect((await post(a.cookie, a.token, { 'Sec-Fetch-Site': 'cross-site' })).status, 'cross-site').to.equal(403);
    const ok = await post(a.cookie, a.token, { 'Sec-Fetch-Site': 'same-origin' });
    expect(ok.status).to.equal(302);
    expect(rows().filter((r) => r.learnerId !== null)).to.have.length(1);
  });

  it('logging in – still works, and the logged-in session lasts 30 days from the last request', async () => {
    const { agent } = await loggedIn(t.app(), 'mina');
    expect((await agent.get('/settings')).status).to.equal(200);
    const mine = rows().filter((r) => r.learnerId !== null);
    expect(mine).to.have.length(1);
    expect(mine[0].expiresAt).to.be.within(Date.now() + 30 * DAY - 60_000, Date.now() + 30 * DAY + 60_000);
  });

  it('60 page views by one logged-in learner – no session write; an expiry stale by 2 h – renewed by one write', async () => {
    const { agent } = await loggedIn(t.app(), 'mina');
    const db = t.deps.db;
    db.exec(`CREATE TABLE session_writes (n INTEGER);
      CREATE TRIGGER count_session_updates AFTER UPDATE ON sessions BEGIN INSERT INTO session_writes VALUES (1); END;
      CREATE TRIGGER count_session_inserts AFTER INSERT ON sessions BEGIN INSERT INTO session_writes VALUES (1); END;`);
    const writes = () => db.prepare('SELECT count(*) FROM session_writes').pluck().get() as number;
    for (let i = 0; i < 20; i++) {
      for (const path of ['/', '/plan/today', '/settings']) expect((await agent.get(path)).status, path).to.equal(200);
    }
    expect(writes(), 'writes for 60 page views').to.equal(0);
    // The stored expiry (row and cookie data) made stale by two hours: the next view renews both, once.
    const mine = rows().find((r) => r.learnerId !== null)!;
    const data = JSON.parse(db.prepare('SELECT data FROM sessions WHERE sid = ?').pluck().get(mine.sid) as string);
    data.cookie.expires = new Date(mine.expiresAt - 2 * HOUR).toISOString();
    db.prepare('UPDATE sessions SET data = ?, expires_at = ? WHERE sid = ?').run(
      JSON.stringify(data),
      mine.expiresAt - 2 * HOUR,
      mine.sid,
    );
    const before = writes();
    const renewed = await agent.get('/');
    expect(String(renewed.headers['set-cookie'] ?? ''), 'a renewed cookie').to.contain('cote.sid=');
    for (let i = 0; i < 5; i++) await agent.get('/');
    expect(writes() - before).to.equal(1);
    expect(rows().find((r) => r.learnerId !== null)!.expiresAt).to.be.within(
      Date.now() + 30 * DAY - 60_000,
      Date.now() + 30 * DAY,
    );
  });

  it('the store – prunes expired rows and keeps at most the newest N anonymous sessions, never a logged-in one', async () => {
    const store = new SqliteSessionStore(t.deps.db, { maxAnonymous: 3 });
    const mina = t.deps.db.prepare("SELECT id FROM learners WHERE login = 'mina'").pluck().get() as number;
    const cookie = (ms: number) => ({ originalMaxAge: ms, expires: new Date(Date.now() + ms) }) as never;
    store.set('learner', { cookie: cookie(30 * DAY), learnerId: mina });
    for (let i = 0; i < 6; i++) store.set(`anon-${i}`, { cookie: cookie(HOUR + i * 1000) });
    expect(
      rows()
        .map((r) => r.sid)
        .sort(),
    ).to.deep.equal(['anon-3', 'anon-4', 'anon-5', 'learner']);
    expect(store.prune(Date.now() + 2 * HOUR)).to.equal(3);
    expect(rows().map((r) => r.sid)).to.deep.equal(['learner']);
    store.close();
  });
});

describe('password changes and rules', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => (t = testDeps()));
  afterEach(() => t.cleanup());

  it("POST /settings/password – success – ends the learner's other sessions, keeps this one and other learners'", async () => {
    seedLearner(t.deps.db, 'mina');
    seedLearner(t.deps.db, 'joon');
    const phone = await loggedIn(t.app(), 'mina');
    const laptop = await loggedIn(t.app(), 'mina');
    const joon = await loggedIn(t.app(), 'joon');
    const res = await laptop.agent
      .post('/settings/password')
      .type('form')
      .send({ _csrf: laptop.csrf, current: PASSWORD, password: 'a new passphrase', confirm: 'a new passphrase' });
    expect(res.status).to.equal(302);
    expect((await laptop.agent.get('/settings')).status, 'the session that changed it').to.equal(200);
    const phonePage = await phone.agent.get('/settings');
    expect(phonePage.status, 'the other session').to.equal(302);
    expect(phonePage.headers.location).to.match(/^\/login/);
    expect((await joon.agent.get('/settings')).status, "another learner's session").to.equal(200);
    await loggedIn(t.app(), 'mina', 'a new passphrase');
  });

  const refused: [string, string, string][] = [
    ['blank', '          ', 'The password must not be only spaces.'],
    ['one repeated character', 'zzzzzzzzzz', 'The password must not be one character repeated.'],
    ['too short', 'abc1234', 'The password must have at least 8 characters.'],
  ];
  for (const [name, password, message] of refused) {
    it(`a ${name} password – refused with 422 by /settings/password, /setup and /learners`, async () => {
      const setup = request.agent(t.app());
      const setupPage = await setup.get('/setup');
      const fields = { name: 'Mina', email: 'mina@example.com', timezone: 'Asia/Seoul', dailyMinutes: '60' };
      const first = await setup
        .post('/setup')
        .type('form')
        .set('Accept-Language', 'en')
        .send({ _csrf: csrfFrom(setupPage.text), login: 'mina', password, ...fields });
      expect(first.status).to.equal(422);
      expect(first.text).to.contain(message);
      expect(t.deps.db.prepare('SELECT count(*) FROM learners').pluck().get()).to.equal(0);

      seedLearner(t.deps.db, 'mina', { language: 'en' });
      const { agent, csrf } = await loggedIn(t.app(), 'mina');
      const hash = () => t.deps.db.prepare("SELECT password_hash FROM learners WHERE login = 'mina'").pluck().get();
      const before = hash();
      const change = await agent
        .post('/settings/password')
        .type('form')
        .send({ _csrf: csrf, current: PASSWORD, password, confirm: password });
      expect(change.status).to.equal(422);
      expect(change.text).to.contain(message);
      expect(hash()).to.equal(before);

      const add = await agent
        .post('/learners')
        .type('form')
        .send({ _csrf: csrf, login: 'sora', password, ...fields });
      expect(add.status).to.equal(422);
      expect(add.text).to.contain(message);
      expect(t.deps.db.prepare("SELECT count(*) FROM learners WHERE login = 'sora'").pluck().get()).to.equal(0);
    });
  }
});

describe('login limits', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => {
    t = testDeps();
    seedLearner(t.deps.db, 'mina');
  });
  afterEach(() => t.cleanup());

  it('POST /login – padded and case-varied spellings of one login – share one limit: the 11th try is 429', async () => {
    const agent = request.agent(t.app());
    const csrf = csrfFrom((await agent.get('/login')).text);
    const spellings = [
      ' mina',
      'mina ',
      'MINA',
      '\tMina\t',
      '  mInA  ',
      'mina\n',
      'Mina',
      ' MINA ',
      'mina',
      '\u3000mina',
    ];
    for (const [i, login] of spellings.entries()) {
      const res = await agent
        .post('/login')
        .type('form')
        .send({ _csrf: csrf, login, password: `wrong guess ${i}` });
      expect(res.status, JSON.stringify(login)).to.equal(401);
    }
    const right = await agent.post('/login').type('form').send({ _csrf: csrf, login: ' Mina ', password: PASSWORD });
    expect(right.status, 'the 11th, even with the right password').to.equal(429);
  });

  it('POST /settings/password – the current password guessed wrong 5 times – the 6th check is 429, even when right', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const change = (current: string) =>
      agent
        .post('/settings/password')
        .type('form')
        .set('Accept-Language', 'en')
        .send({ _csrf: csrf, current, password: 'a new passphrase', confirm: 'a new passphrase' });
    // A mismatched confirmation is not a guess of the current password: it does not count.
    const mismatch = await agent
      .post('/settings/password')
      .type('form')
      .send({ _csrf: csrf, current: PASSWORD, password: 'a new passphrase', confirm: 'another one!' });
    expect(mismatch.status).to.equal(422);
    for (let i = 0; i < 5; i++) expect((await change(`wrong guess ${i}`)).status).to.equal(422);
    const limited = await change(PASSWORD);
    expect(limited.status).to.equal(429);
    expect(limited.text).to.contain('현재 비밀번호가 너무 많이 틀렸습니다');
    expect(await agent.get('/settings').then((r) => r.status)).to.equal(200);
  });
});

describe('cote learner add / password – the same password rules; a new password ends every session', () => {
  let t: ReturnType<typeof testDeps>;
  let stdin = '';
  beforeEach(() => {
    t = testDeps();
    stdin = '';
  });
  afterEach(() => t.cleanup());

  async function cote(...args: string[]) {
    const { cli, out, err } = testCliContext(t, () => stdin);
    const code = await runCli(['node', 'cote', ...args], cli);
    return { code, out, err };
  }

  for (const [name, password, why] of [
    ['blank', '          ', 'only spaces'],
    ['one repeated character', 'xxxxxxxxxxxx', 'one character repeated'],
  ]) {
    it(`a ${name} password on stdin – exit 1 with one line, nothing stored`, async () => {
      stdin = `${password}\n`;
      const added = await cote(
        'learner',
        'add',
        '--login',
        'mina',
        '--name',
        'Mina',
        '--email',
        'm@example.com',
        '--password-stdin',
      );
      expect(added.code).to.equal(1);
      expect(added.err).to.have.length(1);
      expect(added.err[0]).to.contain(why);
      expect(learnerByLogin(t.deps.db, 'mina')).to.equal(undefined);

      seedLearner(t.deps.db, 'mina');
      const before = t.deps.db.prepare("SELECT password_hash FROM learners WHERE login = 'mina'").pluck().get();
      const changed = await cote('learner', 'password', 'mina', '--password-stdin');
      expect(changed.code).to.equal(1);
      expect(changed.err).to.have.length(1);
      expect(changed.err[0]).to.contain(why);
      expect(t.deps.db.prepare("SELECT password_hash FROM learners WHERE login = 'mina'").pluck().get()).to.equal(
        before,
      );
    });
  }

  it('cote learner password – logs the learner out everywhere; the new password logs in', async () => {
    seedLearner(t.deps.db, 'mina');
    const { agent } = await loggedIn(t.app(), 'mina');
    stdin = 'a new passphrase\n';
    expect((await cote('learner', 'password', 'mina', '--password-stdin')).code).to.equal(0);
    expect((await agent.get('/settings')).status).to.equal(302);
    await loggedIn(t.app(), 'mina', 'a new passphrase');
  });
});

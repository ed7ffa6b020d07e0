import { expect } from 'chai';
import request from 'supertest';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { cfHistory, FAST_GAP, fakeServer, type FakeServer } from '../support/syncServer.ts';
import { accountsOf } from '../../src/sync/syncRepository.ts';
import { syncInFlight } from '../../src/sync/syncNow.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';
import { setLearnerLanguage, type Learner } from '../../src/learners/learnerRepository.ts';

describe("/settings/accounts – the learner's accounts, sync now and its progress", () => {
  let t: ReturnType<typeof testDeps>;
  let cf: FakeServer;
  let mina: Learner;
  let joon: Learner;

  beforeEach(async () => {
    cf = await fakeServer((req) =>
      req.query.handle === 'tourist'
        ? { body: { status: 'OK', result: cfHistory() } }
        : {
            status: 400,
            body: { status: 'FAILED', comment: `handle: User with handle ${req.query.handle} not found` },
          },
    );
    t = testDeps(
      { COTE_CODEFORCES_API: `${cf.url}/api`, COTE_CODEFORCES_GAP_MS: FAST_GAP },
      new Date('2026-03-02T03:00:00Z'),
    );
    mina = seedLearner(t.deps.db, 'mina', { language: 'en' });
    joon = seedLearner(t.deps.db, 'joon', { language: 'en' });
  });
  afterEach(async () => {
    t.cleanup();
    await cf.close();
  });

  const handles = (l: Learner) => accountsOf(t.deps.db, l.id).map((a) => `${a.source} ${a.handle}`);
  const save = (a: Awaited<ReturnType<typeof loggedIn>>, form: Record<string, string>) =>
    a.agent
      .post('/settings/accounts')
      .type('form')
      .send({ _csrf: a.csrf, codeforces: '', leetcode: '', solvedac: '', repos: '', ...form });

  it('GET and POST – saved, shown to its learner only; another learner sees neither the handles nor their status', async () => {
    const a = await loggedIn(t.app(), 'mina');
    const saved = await save(a, {
      codeforces: 'tourist',
      leetcode: 'mina_lc',
      repos: 'https://github.com/mina/baekjoon\r\n\r\nhttps://github.com/mina/programmers\n',
      solvedac: 'mina_boj',
    });
    expect(saved.status).to.equal(303);
    expect(saved.headers.location).to.equal('/settings/accounts');
    expect(handles(mina)).to.deep.equal([
      'codeforces tourist',
      'leetcode mina_lc',
      'git https://github.com/mina/baekjoon',
      'git https://github.com/mina/programmers',
      'solvedac mina_boj',
    ]);
    const page = await a.agent.get('/settings/accounts');
    expect(page.status).to.equal(200);
    expect(page.text)
      .to.contain('value="tourist"')
      .and.contain('https://github.com/mina/programmers')
      .and.contain('Accounts saved.');
    // Next try: tonight, 15 minutes before the 21:00 digest.
    expect(page.text).to.contain('2026-03-02 20:45 Asia/Seoul');

    const b = await loggedIn(t.app(), 'joon');
    const other = await b.agent.get('/settings/accounts');
    expect(other.text).not.to.contain('tourist');
    expect(other.text).not.to.contain('github.com/mina');
    const api = await b.agent.get('/api/sync');
    expect(api.body).to.deep.equal({ running: false, accounts: [] });
    // Saving joon's form never touches mina's accounts.
    await save(b, { codeforces: 'jiangly' });
    expect(handles(mina)).to.have.length(5);
    expect(handles(joon)).to.deep.equal(['codeforces jiangly']);
  });

  it('without a login – sent to the login page; /api/sync – 401', async () => {
    const anon = request(t.app());
    expect((await anon.get('/settings/accounts')).headers.location).to.match(/^\/login/);
    expect((await anon.get('/api/sync')).status).to.equal(401);
  });

  it('POST without a CSRF token – 403, nothing saved', async () => {
    const a = await loggedIn(t.app(), 'mina');
    const res = await a.agent.post('/settings/accounts').type('form').send({ codeforces: 'tourist' });
    expect(res.status).to.equal(403);
    expect(handles(mina)).to.deep.equal([]);
  });

  const invalid: [string, Record<string, string>, string, string][] = [
    [
      'a bad handle',
      { codeforces: 'no spaces allowed' },
      '"no spaces allowed" is not a valid codeforces name',
      '"no spaces allowed"은(는) 올바른 codeforces 이름이 아닙니다',
    ],
    [
      'a file:// repository',
      { repos: 'file:///etc' },
      'is not a public http(s) repository URL: file is not http or https',
      'file is not http or https',
    ],
    [
      'an ssh repository',
      { repos: 'git@github.com:me/x.git' },
      'is not a public http(s) repository URL: not a URL',
      '공개 http(s) 저장소 URL이 아닙니다',
    ],
    [
      'a private address',
      { repos: 'http://127.0.0.1:8080/x.git' },
      'a private or local address',
      'a private or local address',
    ],
    [
      'eleven repositories',
      { repos: Array.from({ length: 11 }, (_, i) => `https://github.com/me/r${i}`).join('\n') },
      '11 repositories: at most 10.',
      '저장소가 11개입니다',
    ],
  ];
  for (const [what, form, en, ko] of invalid) {
    it(`POST ${what} – 422 with the message in the learner's language, nothing saved`, async () => {
      const a = await loggedIn(t.app(), 'mina');
      await save(a, { codeforces: 'tourist' });
      const res = await save(a, { leetcode: 'changed', ...form });
      expect(res.status).to.equal(422);
      expect(res.text).to.contain(en.replace(/"/g, '&#34;'));
      expect(handles(mina)).to.deep.equal(['codeforces tourist']);
      setLearnerLanguage(t.deps.db, mina.id, 'ko');
      const again = await save(a, { leetcode: 'changed', ...form });
      expect(again.status).to.equal(422);
      expect(again.text).to.contain(ko.replace(/"/g, '&#34;'));
    });
  }

  it('sync now – runs in the background, /api/sync shows it running, then the page shows the last success and counts; an unknown handle shows its error in Korean', async () => {
    const a = await loggedIn(t.app(), 'mina');
    await save(a, { codeforces: 'tourist' });
    cf.queue.push({ body: { status: 'OK', result: cfHistory() }, delayMs: 700 });
    const started = await a.agent.post('/settings/accounts/sync').type('form').send({ _csrf: a.csrf });
    expect(started.status).to.equal(303);
    const running = await a.agent.get('/api/sync');
    expect(running.body.running).to.equal(true);
    expect(running.body.accounts[0]).to.deep.include({ source: 'codeforces', handle: 'tourist', running: true });
    const page = await a.agent.get('/settings/accounts');
    expect(page.text).to.contain('data-sync-status="running"').and.contain('http-equiv="refresh"');
    // A second press while it runs: 409, said on the page.
    const twice = await a.agent.post('/settings/accounts/sync').type('form').send({ _csrf: a.csrf });
    expect(twice.status).to.equal(409);
    expect(twice.text).to.contain('A sync is already running');
    await syncInFlight(mina.id);
    const done = await a.agent.get('/api/sync');
    expect(done.body.running).to.equal(false);
    expect(done.body.accounts[0]).to.deep.include({
      lastSuccess: '2026-03-02 12:00 Asia/Seoul',
      counts: '4 new over 4 days (10 read, 1 skipped)',
      error: '',
    });
    expect(attemptsForLearner(t.deps.db, mina.id)).to.have.length(4);

    await save(a, { codeforces: 'ghost_user' });
    setLearnerLanguage(t.deps.db, mina.id, 'ko');
    await a.agent.post('/settings/accounts/sync').type('form').send({ _csrf: a.csrf });
    await syncInFlight(mina.id);
    const failed = await a.agent.get('/settings/accounts');
    expect(failed.text).to.contain('Codeforces에 &#34;ghost_user&#34; 핸들의 사용자가 없습니다.');
    expect(attemptsForLearner(t.deps.db, mina.id)).to.have.length(4);
  });

  it('sync now without accounts – 422 with the reason on the page', async () => {
    const a = await loggedIn(t.app(), 'joon');
    const res = await a.agent.post('/settings/accounts/sync').type('form').send({ _csrf: a.csrf });
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('There is nothing to sync yet: add an account first.');
  });
});

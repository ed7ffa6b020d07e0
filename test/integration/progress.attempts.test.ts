import { expect } from 'chai';
import request from 'supertest';
import { csrfFrom, testDeps } from '../support/app.ts';
import { hubClone, loggedIn, seedLearner, seedProblems } from '../support/progress.ts';
import { attemptsForLearner, recordAttempt } from '../../src/progress/attemptRepository.ts';
import { ensureProblem, problemById } from '../../src/catalog/problemRepository.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';

describe('progress attempt log over HTTP', () => {
  let ctx: ReturnType<typeof testDeps>;
  let mina: Learner;
  let joon: Learner;
  beforeEach(() => {
    ctx = testDeps({}, new Date('2026-03-01T15:30:00Z')); // 2026-03-02 00:30 in Seoul, 2026-03-01 10:30 in New York
    seedProblems(ctx.deps.db);
    mina = seedLearner(ctx.deps.db, 'mina');
    joon = seedLearner(ctx.deps.db, 'joon', { timezone: 'America/New_York' });
  });
  afterEach(() => ctx.cleanup());
  const count = (learner: Learner) => attemptsForLearner(ctx.deps.db, learner.id).length;

  it("POST /attempts – no day given – logs on the learner's own today (00:30 KST is that KST day; New York its own date)", async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    const res = await a.agent
      .post('/attempts')
      .type('form')
      .send({ _csrf: a.csrf, problem: 'boj:1260', back: '/?type=graph' });
    expect(res.status).to.equal(302);
    expect(res.headers.location).to.equal('/?type=graph');
    const b = await loggedIn(ctx.app(), 'joon');
    await b.agent
      .post('/attempts')
      .type('form')
      .send({ _csrf: b.csrf, problem: '1260', outcome: 'hint', minutes: '40', note: 'BFS' });
    expect(attemptsForLearner(ctx.deps.db, mina.id).map((x) => [x.problemId, x.day, x.outcome])).to.deep.equal([
      ['boj:1260', '2026-03-02', 'solved'],
    ]);
    expect(
      attemptsForLearner(ctx.deps.db, joon.id).map((x) => [x.problemId, x.day, x.outcome, x.minutes, x.note]),
    ).to.deep.equal([['boj:1260', '2026-03-01', 'hint', 40, 'BFS']]);
  });

  for (const [name, fields, expected] of [
    ['a future day', { day: '2026-03-03' }, '2026-03-03'],
    ['an impossible date', { day: '2026-02-30' }, '2026-02-30'],
    ['a malformed date', { day: '3/1/2026' }, '3/1/2026'],
    ['an unknown problem', { problem: 'boj:424242' }, 'boj:424242'],
    ['an unknown outcome', { outcome: 'aced' }, 'aced'],
    ['negative minutes', { minutes: '-10' }, '-10'],
  ] as const) {
    it(`POST /attempts – ${name} – 422 naming it, nothing stored`, async () => {
      const a = await loggedIn(ctx.app(), 'mina');
      const res = await a.agent
        .post('/attempts')
        .type('form')
        .send({ _csrf: a.csrf, problem: 'boj:1260', ...fields });
      expect(res.status).to.equal(422);
      expect(res.text).to.contain(expected);
      expect(count(mina)).to.equal(0);
    });
  }

  it('POST /attempts – with JS (JSON + x-csrf-token header) – answers the new status; undo removes it again', async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    const res = await a.agent
      .post('/attempts')
      .set('Accept', 'application/json')
      .set('x-csrf-token', a.csrf)
      .type('form')
      .send({ problem: 'boj:1000', outcome: 'failed', day: '2026-02-27' });
    expect(res.status).to.equal(200);
    expect(res.body.status).to.deep.equal({ state: 'attempted', lastDay: '2026-02-27', lastOutcome: 'failed' });
    await a.agent
      .post('/attempts')
      .set('Accept', 'application/json')
      .set('x-csrf-token', a.csrf)
      .type('form')
      .send({ problem: 'boj:1000' });
    const undo = await a.agent
      .post('/attempts/undo')
      .set('Accept', 'application/json')
      .set('x-csrf-token', a.csrf)
      .type('form')
      .send({ problem: 'boj:1000' });
    expect(undo.body.status).to.deep.equal({ state: 'attempted', lastDay: '2026-02-27', lastOutcome: 'failed' });
    const bad = await a.agent
      .post('/attempts')
      .set('Accept', 'application/json')
      .set('x-csrf-token', a.csrf)
      .type('form')
      .send({ problem: 'boj:1000', minutes: 'lots' });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.code).to.equal('progress.bad_minutes');
    expect(count(mina)).to.equal(1);
  });

  it('POST /attempts – without a CSRF token – 403 and nothing stored', async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    const res = await a.agent.post('/attempts').type('form').send({ problem: 'boj:1260' });
    expect(res.status).to.equal(403);
    expect(count(mina)).to.equal(0);
  });

  it("learner routes – joon asks for mina's attempt by id – 404 for read, edit and delete; the attempt is unchanged", async () => {
    const own = recordAttempt(ctx.deps.db, {
      learnerId: mina.id,
      problemId: 'boj:1260',
      day: '2026-03-01',
      outcome: 'solved',
      note: 'mine',
      createdAt: '2026-03-01T00:00:00Z',
    });
    const b = await loggedIn(ctx.app(), 'joon');
    expect((await b.agent.get(`/attempts/${own.id}/edit`)).status).to.equal(404);
    expect(
      (
        await b.agent
          .post(`/attempts/${own.id}`)
          .type('form')
          .send({ _csrf: b.csrf, day: '2026-02-01', outcome: 'failed', note: 'pwned' })
      ).status,
    ).to.equal(404);
    expect((await b.agent.post(`/attempts/${own.id}/delete`).type('form').send({ _csrf: b.csrf })).status).to.equal(
      404,
    );
    expect((await b.agent.post('/attempts/undo').type('form').send({ _csrf: b.csrf })).status).to.equal(302);
    expect(attemptsForLearner(ctx.deps.db, mina.id).map((x) => [x.day, x.outcome, x.note])).to.deep.equal([
      ['2026-03-01', 'solved', 'mine'],
    ]);
    expect((await b.agent.get('/history?day=2026-03-01')).text).not.to.contain('mine');
    expect((await b.agent.get('/export.json')).body.attempts).to.deep.equal([]);
  });

  it('learner routes – no session – pages redirect to /login, JSON gets 401, posts with a valid token still need a login', async () => {
    for (const path of [
      '/history',
      '/history/import',
      '/settings',
      '/learners',
      '/export.csv',
      '/export.json',
      '/attempts/1/edit',
    ]) {
      const res = await request(ctx.app()).get(path);
      expect(res.status, path).to.equal(302);
      expect(res.headers.location, path).to.equal(`/login?next=${encodeURIComponent(path)}`);
    }
    expect((await request(ctx.app()).get('/export.json').set('Accept', 'application/json')).status).to.equal(401);
    const anon = request.agent(ctx.app());
    const csrf = csrfFrom((await anon.get('/login')).text);
    for (const path of [
      '/attempts',
      '/attempts/undo',
      '/attempts/1',
      '/attempts/1/delete',
      '/history/import',
      '/settings',
      '/learners',
    ]) {
      const res = await anon
        .post(path)
        .type('form')
        .send({ _csrf: csrf, problem: 'boj:1260', csv: 'problem,day,outcome,minutes\n1260,,,' });
      expect(res.status, path).to.equal(302);
      expect(res.headers.location, path).to.match(/^\/login/);
    }
    expect(count(mina) + count(joon)).to.equal(0);
  });

  it('edit and delete on the history page – own attempt – changed, then gone; a bad edit is 422 and keeps it', async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    await a.agent.post('/attempts').type('form').send({ _csrf: a.csrf, problem: 'boj:1260', day: '2026-02-28' });
    const [attempt] = attemptsForLearner(ctx.deps.db, mina.id);
    const form = await a.agent.get(`/attempts/${attempt.id}/edit`);
    expect(form.status).to.equal(200);
    const bad = await a.agent
      .post(`/attempts/${attempt.id}`)
      .type('form')
      .send({ _csrf: a.csrf, day: '2027-01-01', outcome: 'solved' });
    expect(bad.status).to.equal(422);
    const ok = await a.agent
      .post(`/attempts/${attempt.id}`)
      .type('form')
      .send({ _csrf: a.csrf, day: '2026-02-26', outcome: 'solved_slow', minutes: '75', note: 'slow' });
    expect(ok.headers.location).to.equal('/history?day=2026-02-26');
    expect(attemptsForLearner(ctx.deps.db, mina.id).map((x) => [x.day, x.outcome, x.minutes, x.note])).to.deep.equal([
      ['2026-02-26', 'solved_slow', 75, 'slow'],
    ]);
    await a.agent.post(`/attempts/${attempt.id}/delete`).type('form').send({ _csrf: a.csrf, back: '/history' });
    expect(count(mina)).to.equal(0);
  });

  it('GET /history – solves on several days – grass cells carry the counts, streaks follow, notes are escaped', async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    for (const [problem, day] of [
      ['boj:1260', '2026-02-28'],
      ['boj:1000', '2026-03-01'],
      ['boj:17453', '2026-03-01'],
      ['boj:1260', '2026-03-02'],
    ]) {
      await a.agent
        .post('/attempts')
        .type('form')
        .send({ _csrf: a.csrf, problem, day, note: '<script>alert(1)</script>' });
    }
    const res = await a.agent.get('/history?day=2026-03-01');
    expect(res.status).to.equal(200);
    expect(res.text).to.match(/data-day="2026-03-01" data-count="2"/);
    expect(res.text).to.match(/data-day="2026-03-02" data-count="1"/);
    expect(res.text).to.match(/data-day="2026-02-27" data-count="0"/);
    expect(res.text).to.contain('2026-03-01: 2');
    expect(res.text).to.match(/class="streak-current">[^<]*3/);
    expect(res.text).not.to.contain('<script>alert(1)</script>');
    expect(res.text).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it("GET /export.csv and /export.json – the learner's attempts; the CSV imports back without duplicates", async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    await a.agent
      .post('/attempts')
      .type('form')
      .send({ _csrf: a.csrf, problem: 'boj:1260', day: '2026-02-28', minutes: '30', note: 'a, "quoted" note' });
    const csv = await a.agent.get('/export.csv');
    expect(csv.headers['content-type']).to.match(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).to.equal('problem,day,outcome,minutes,note,origin,title');
    expect(csv.text).to.contain('boj:1260,2026-02-28,solved,30,"a, ""quoted"" note",manual,DFS와 BFS');
    const json = await a.agent.get('/export.json');
    expect(json.body.attempts).to.deep.equal([
      {
        problem: 'boj:1260',
        title: 'DFS와 BFS',
        day: '2026-02-28',
        outcome: 'solved',
        minutes: 30,
        note: 'a, "quoted" note',
        origin: 'manual',
        loggedAt: '2026-03-01T15:30:00.000Z',
      },
    ]);
    const back = await a.agent.post('/history/import').type('form').send({ _csrf: a.csrf, csv: csv.text });
    expect(back.status).to.equal(200);
    expect(count(mina)).to.equal(2); // the manual one and its imported copy (another origin)
    await a.agent.post('/history/import').type('form').send({ _csrf: a.csrf, csv: csv.text });
    expect(count(mina)).to.equal(2);
  });

  it('POST /history/import – a CSV with a bad row – 422 listing it, nothing imported; with partial – the good rows, a problem on no list kept off-list', async () => {
    const a = await loggedIn(ctx.app(), 'mina');
    const csv =
      'problem,day,outcome,minutes\nboj:1260,2026-02-01,solved,20\nboj:1000,2026-13-01,solved,5\nprogrammers:12951,,hint,\n';
    const bad = await a.agent.post('/history/import').type('form').send({ _csrf: a.csrf, csv });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.contain('line 3');
    expect(bad.text).to.contain('2026-13-01');
    // A problem on no list is no bad row: it is kept as mina's off-list problem, never on a list.
    expect(bad.text).not.to.contain('line 4');
    expect(count(mina)).to.equal(0);
    const partial = await a.agent.post('/history/import').type('form').send({ _csrf: a.csrf, csv, partial: '1' });
    expect(partial.status).to.equal(200);
    expect(attemptsForLearner(ctx.deps.db, mina.id).map((x) => [x.problemId, x.day])).to.deep.equal([
      ['programmers:12951', null],
      ['boj:1260', '2026-02-01'],
    ]);
    expect(problemById(ctx.deps.db, 'programmers:12951')).to.deep.include({ title: 'programmers:12951' });
  });

  it('POST /history/import/baekjoonhub – a non-admin – 403; an admin with a folder that is not a repository – 422', async () => {
    const b = await loggedIn(ctx.app(), 'joon');
    expect(
      (await b.agent.post('/history/import/baekjoonhub').type('form').send({ _csrf: b.csrf, dir: '/tmp' })).status,
    ).to.equal(403);
    const a = await loggedIn(ctx.app(), 'mina');
    const res = await a.agent.post('/history/import/baekjoonhub').type('form').send({ _csrf: a.csrf, dir: '/etc' });
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('BaekjoonHub');
  });

  it('POST /history/import/baekjoonhub – an admin with a clone – imports it; titles are escaped on the history page', async () => {
    const hub = hubClone();
    // The clone's problems, as if a list had them (an import never adds problems); one title holds markup.
    ensureProblem(ctx.deps.db, { id: 'boj:1874', title: '스택 수열', level: 9 });
    ensureProblem(ctx.deps.db, { id: 'boj:99999', title: '<b>새</b> 문제＋', level: 3 });
    ensureProblem(ctx.deps.db, { id: 'programmers:12924', title: '숫자의 표현' });
    try {
      const a = await loggedIn(ctx.app(), 'mina');
      const res = await a.agent.post('/history/import/baekjoonhub').type('form').send({ _csrf: a.csrf, dir: hub.dir });
      expect(res.status).to.equal(200);
      expect(res.text).to.match(/class="flash flash-ok"[^>]*>[^<]*4/);
      expect(count(mina)).to.equal(4);
      const page = await a.agent.get('/history?day=2025-12-31');
      expect(page.text).to.contain('&lt;b&gt;새&lt;/b&gt; 문제＋');
      expect(page.text).not.to.contain('<b>새</b>');
    } finally {
      hub.cleanup();
    }
  });
});

import { expect } from 'chai';
import { loadConfig } from '../../src/config.ts';
import { testCliContext, testDeps } from '../support/app.ts';
import { seedLearner, seedProblems } from '../support/progress.ts';
import { cfHistory, cfSubmission, FAST_GAP, fakeServer, type FakeServer } from '../support/syncServer.ts';
import { runCli } from '../../src/cli.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';
import { accountsOf } from '../../src/sync/syncRepository.ts';
import { syncLearner } from '../../src/sync/runSync.ts';
import { USER_AGENT } from '../../src/catalog/source.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';

describe('sync from Codeforces – over real HTTP against a local server', () => {
  let t: ReturnType<typeof testDeps>;
  let cf: FakeServer;
  const history = () => cfHistory();

  beforeEach(async () => {
    cf = await fakeServer((req) =>
      req.query.handle === 'tourist'
        ? { body: { status: 'OK', result: history() } }
        : {
            status: 400,
            body: { status: 'FAILED', comment: `handle: User with handle ${req.query.handle} not found` },
          },
    );
    t = testDeps(
      { COTE_CODEFORCES_API: `${cf.url}/api`, COTE_CODEFORCES_GAP_MS: FAST_GAP },
      new Date('2026-03-02T03:00:00Z'),
    );
    seedProblems(t.deps.db);
    seedLearner(t.deps.db, 'mina');
  });
  afterEach(async () => {
    t.cleanup();
    await cf.close();
  });

  const cli = async (...args: string[]) => {
    const c = testCliContext(t);
    const code = await runCli(['node', 'cote', ...args], c.cli);
    return { code, out: c.out.join('\n'), err: c.err };
  };
  const attempts = (login = 'mina') =>
    attemptsForLearner(t.deps.db, learnerByLogin(t.deps.db, login)!.id).map((a) => [
      a.problemId,
      a.day,
      a.outcome,
      a.origin,
    ]);
  const problemRow = (id: string) =>
    t.deps.db.prepare('SELECT id, title, level, off_list FROM problems WHERE id = ?').get(id);

  it('cote sync --json – accepted, rejected, duplicates, 23:50 and 00:10 KST, running and broken records – one attempt per problem and local day', async () => {
    expect((await cli('learner', 'set', 'mina', '--codeforces', 'tourist')).code).to.equal(0);
    const run = await cli('sync', '--learner', 'mina', '--json');
    expect(run.code, run.err.join('\n')).to.equal(0);
    expect(JSON.parse(run.out)).to.deep.equal({
      sources: [{ source: 'codeforces', fetched: 10, imported: 4, skipped: 1, days: 4, error: null }],
    });
    expect(attempts()).to.deep.equal([
      ['cf:1520F2', '2026-02-10', 'solved', 'sync:codeforces'],
      ['cf:4A', '2026-02-25', 'failed', 'sync:codeforces'],
      ['cf:1352A', '2026-03-01', 'solved', 'sync:codeforces'],
      ['cf:1352A', '2026-03-02', 'solved', 'sync:codeforces'],
    ]);
    // The request: the documented path and parameters, an honest User-Agent.
    expect(cf.requests).to.have.length(1);
    expect(cf.requests[0].path).to.equal('/api/user.status');
    expect(cf.requests[0].query).to.deep.include({ handle: 'tourist', from: '1' });
    expect(cf.requests[0].headers['user-agent'])
      .to.equal(USER_AGENT)
      .and.match(/^cote\//);
    // Off the lists: kept as off-list problems with the judge's level; the shared row's title is neutral (its id),
    // the judge's name is the syncing learner's own.
    expect(problemRow('cf:1352A')).to.deep.equal({
      id: 'cf:1352A',
      title: 'cf:1352A',
      level: 6,
      off_list: 1,
    });
    expect(
      attemptsForLearner(t.deps.db, learnerByLogin(t.deps.db, 'mina')!.id).find((a) => a.problemId === 'cf:1352A')!
        .title,
    ).to.equal('Sum of Round Numbers');
    expect(problemRow('cf:1520F2')).to.deep.include({ level: 0, off_list: 1 });
    const account = accountsOf(t.deps.db, learnerByLogin(t.deps.db, 'mina')!.id)[0];
    expect(account).to.deep.include({
      source: 'codeforces',
      handle: 'tourist',
      lastError: null,
      lastSuccessAt: '2026-03-02T03:00:00.000Z',
    });
  });

  it('cote sync – run again, and again after a new solve – imports nothing twice', async () => {
    await cli('learner', 'set', 'mina', '--codeforces', 'tourist');
    await cli('sync', '--learner', 'mina');
    const again = await cli('sync', '--learner', 'mina', '--json');
    expect(JSON.parse(again.out).sources[0]).to.deep.include({
      fetched: 10,
      imported: 0,
      skipped: 5,
      days: 0,
      error: null,
    });
    expect(attempts()).to.have.length(4);
    const more = cfSubmission(11, 4, 'A', '2026-03-02T01:00:00Z', 'OK', { name: 'Watermelon' });
    cf.fallback = () => ({ body: { status: 'OK', result: [more, ...cfHistory()] } });
    const third = await cli('sync', '--learner', 'mina', '--json');
    expect(JSON.parse(third.out).sources[0]).to.deep.include({ imported: 1, days: 1 });
    // The failed day stays in the history; the new solve is its own attempt.
    expect(attempts().filter((a) => a[0] === 'cf:4A')).to.deep.equal([
      ['cf:4A', '2026-02-25', 'failed', 'sync:codeforces'],
      ['cf:4A', '2026-03-02', 'solved', 'sync:codeforces'],
    ]);
  });

  it('a learner in UTC – 23:50 and 00:10 KST are the same UTC day – one solve', async () => {
    seedLearner(t.deps.db, 'utc', { timezone: 'UTC' });
    await cli('learner', 'set', 'utc', '--codeforces', 'tourist');
    await cli('sync', '--learner', 'utc');
    expect(attempts('utc').filter((a) => a[0] === 'cf:1352A')).to.deep.equal([
      ['cf:1352A', '2026-03-01', 'solved', 'sync:codeforces'],
    ]);
  });

  it('a problem on a list and a solve already logged by hand – the list problem is not made off-list, the logged day not doubled', async () => {
    cf.fallback = () => ({
      body: { status: 'OK', result: [cfSubmission(1, 1000, 'A', '2026-03-01T03:00:00Z', 'OK')] },
    });
    t.deps.db
      .prepare("INSERT INTO problems (id, judge, number, title, level) VALUES ('cf:1000A', 'cf', '1000A', 'Listed', 7)")
      .run();
    await cli('learner', 'set', 'mina', '--codeforces', 'tourist');
    await cli('solve', 'cf:1000A', '--learner', 'mina', '--day', '2026-03-01');
    const run = await cli('sync', '--learner', 'mina', '--json');
    expect(JSON.parse(run.out).sources[0]).to.deep.include({ imported: 0, skipped: 1 });
    expect(problemRow('cf:1000A')).to.deep.include({ title: 'Listed', off_list: 0 });
    expect(attempts()).to.deep.equal([['cf:1000A', '2026-03-01', 'solved', 'manual']]);
  });

  it('an unknown handle – Codeforces answers FAILED "not found" – a clear line, exit 1, nothing written, the error kept on the account', async () => {
    await cli('learner', 'set', 'mina', '--codeforces', 'nobody_here');
    const run = await cli('sync', '--learner', 'mina');
    expect(run.code).to.equal(1);
    expect(run.err).to.deep.equal(['cote: codeforces: Codeforces has no user with handle "nobody_here"']);
    expect(attempts()).to.deep.equal([]);
    const account = accountsOf(t.deps.db, learnerByLogin(t.deps.db, 'mina')!.id)[0];
    expect(account).to.deep.include({ lastErrorCode: 'sync.cf_unknown_handle', lastSuccessAt: null });
  });

  const failures: [string, () => void, RegExp][] = [
    ['malformed JSON', () => cf.queue.push({ body: '{"status":"OK","result":[{"id":1,' }), /malformed JSON/],
    [
      'an HTML page instead of JSON',
      () => cf.queue.push({ body: '<!DOCTYPE html><html><body>Codeforces is temporarily unavailable</body></html>' }),
      /HTML page/,
    ],
    [
      'a 503',
      () =>
        cf.queue.push(
          { status: 503, body: '<html>Service Unavailable</html>' },
          { status: 503, body: '<html>Service Unavailable</html>' },
        ),
      /HTTP 503/,
    ],
    [
      'Call limit exceeded every time',
      () =>
        cf.queue.push(
          ...[1, 2].map(() => ({ status: 503, body: { status: 'FAILED', comment: 'Call limit exceeded' } })),
        ),
      /Call limit exceeded/,
    ],
    ['a timeout', () => cf.queue.push({ body: {}, delayMs: Infinity }), /did not answer within 0\.5 s/],
    ['JSON of another shape', () => cf.queue.push({ body: { result: 'nope' } }), /without "status": "OK"/],
  ];
  for (const [what, arrange, message] of failures) {
    it(`${what} – a clear error on the account, nothing half-written, the earlier success kept`, async () => {
      const mina = learnerByLogin(t.deps.db, 'mina')!;
      await cli('learner', 'set', 'mina', '--codeforces', 'tourist');
      await cli('sync', '--learner', 'mina');
      const before = attempts();
      cf.fallback = () => ({
        body: { status: 'OK', result: [cfSubmission(99, 2000, 'A', '2026-03-02T01:00:00Z', 'OK'), ...cfHistory()] },
      });
      arrange();
      const [result] = await syncLearner(t.deps, mina, ['codeforces'], {
        retries: 1,
        backoffMs: 10,
        gapMs: 10,
        callTimeoutMs: 500,
      });
      expect(result.failed).to.equal(true);
      expect(result.error).to.match(message);
      expect(result.imported).to.equal(0);
      expect(attempts()).to.deep.equal(before);
      const account = accountsOf(t.deps.db, mina.id)[0];
      expect(account.lastError).to.match(message);
      expect(account.lastSuccessAt).to.equal('2026-03-02T03:00:00.000Z');
      expect(account.runningSince).to.equal(null);
    });
  }

  it('pages – at most one call per 2 s to the host, a 429 is retried after its Retry-After, then every page is read', async function () {
    this.timeout(30_000);
    const all = cfHistory();
    cf.fallback = (req) => ({
      body: {
        status: 'OK',
        result: all.slice(Number(req.query.from) - 1, Number(req.query.from) - 1 + Number(req.query.count)),
      },
    });
    cf.queue.push({
      status: 429,
      body: { status: 'FAILED', comment: 'Call limit exceeded' },
      headers: { 'Retry-After': '1' },
    });
    const mina = learnerByLogin(t.deps.db, 'mina')!;
    await cli('learner', 'set', 'mina', '--codeforces', 'tourist');
    // The default gap (the other tests here take 20 ms): what an operator gets without COTE_CODEFORCES_GAP_MS.
    const polite = loadConfig({ COTE_DATA_DIR: t.deps.config.dataDir }).codeforcesGapMs;
    expect(polite).to.equal(2_000);
    const deps = { ...t.deps, config: { ...t.deps.config, codeforcesGapMs: polite } };
    const [result] = await syncLearner(deps, mina, ['codeforces'], { pageSize: 6, backoffMs: 10 });
    expect(result).to.deep.include({ fetched: 10, imported: 4, error: null });
    expect(cf.requests.map((r) => r.query.from)).to.deep.equal(['1', '1', '7']);
    const gaps = cf.requests.slice(1).map((r, i) => r.at - cf.requests[i].at);
    for (const gap of gaps) expect(gap).to.be.at.least(1990);
  });

  it('COTE_CODEFORCES_GAP_MS=20 (a local mirror) – pages 20 ms apart, not 2 s', async () => {
    const all = cfHistory();
    cf.fallback = (req) => ({
      body: {
        status: 'OK',
        result: all.slice(Number(req.query.from) - 1, Number(req.query.from) - 1 + Number(req.query.count)),
      },
    });
    await cli('learner', 'set', 'mina', '--codeforces', 'tourist');
    const [result] = await syncLearner(t.deps, learnerByLogin(t.deps.db, 'mina')!, ['codeforces'], { pageSize: 4 });
    expect(result).to.deep.include({ fetched: 10, error: null });
    const gaps = cf.requests.slice(1).map((r, i) => r.at - cf.requests[i].at);
    expect(gaps).to.have.length(2);
    for (const gap of gaps) expect(gap).to.be.within(15, 1_000);
  });

  it('cote learner set – a bad handle is refused with one line; --codeforces "" clears the account', async () => {
    const bad = await cli('learner', 'set', 'mina', '--codeforces', 'a b/../c');
    expect(bad.code).to.equal(1);
    expect(bad.err).to.deep.equal(['cote: "a b/../c" is not a Codeforces handle: letters, digits, _ . - only']);
    await cli('learner', 'set', 'mina', '--codeforces', 'tourist');
    await cli('learner', 'set', 'mina', '--codeforces', '');
    expect(accountsOf(t.deps.db, learnerByLogin(t.deps.db, 'mina')!.id)).to.deep.equal([]);
    const none = await cli('sync', '--learner', 'mina');
    expect(none.code).to.equal(1);
    expect(none.err[0]).to.match(/has no accounts to sync/);
  });

  it('sync edges – an OK on pretests is not solved until final tests say so; acmsguru and gym problems are problems like any other', async () => {
    const pretest = { ...cfSubmission(20, 2000, 'B', '2026-03-01T03:00:00Z', 'OK'), testset: 'PRETESTS' };
    const guru = cfSubmission(21, undefined, '100', '2026-02-28T03:00:00Z', 'OK', { name: 'A+B' });
    const guruRecord = { ...guru, problem: { ...guru.problem, problemsetName: 'acmsguru', contestId: undefined } };
    const gym = cfSubmission(22, 102222, 'C', '2026-02-27T03:00:00Z', 'OK', { name: 'Gym task' });
    let answer: unknown[] = [pretest, guruRecord, gym];
    cf.fallback = () => ({ body: { status: 'OK', result: answer } });
    await cli('learner', 'set', 'mina', '--codeforces', 'tourist');
    const first = await cli('sync', '--learner', 'mina', '--json');
    expect(JSON.parse(first.out).sources[0]).to.deep.include({ fetched: 3, imported: 2, error: null });
    expect(attempts()).to.deep.equal([
      ['cf:102222C', '2026-02-27', 'solved', 'sync:codeforces'],
      ['cf:acmsguru/100', '2026-02-28', 'solved', 'sync:codeforces'],
    ]);
    const links = await import('../../src/judges/links.ts');
    expect(links.problemLinks('cf:acmsguru/100').url).to.equal(
      'https://codeforces.com/problemsets/acmsguru/problem/99999/100',
    );
    expect(links.problemLinks('cf:102222C').url).to.equal('https://codeforces.com/gym/102222/problem/C');
    // System tests fail the pretest OK: the next sync reads it again and stores the failure, never a solve.
    answer = [{ ...pretest, verdict: 'WRONG_ANSWER', testset: 'TESTS' }, guruRecord, gym];
    await cli('sync', '--learner', 'mina', '--json');
    expect(attempts()).to.deep.include(['cf:2000B', '2026-03-01', 'failed', 'sync:codeforces']);
    expect(attempts().filter(([id]) => id === 'cf:2000B')).to.have.length(1);
  });
});

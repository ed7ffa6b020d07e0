import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { seedLearner } from '../support/progress.ts';
import { fakeServer, seconds, type FakeServer } from '../support/syncServer.ts';
import { runCli } from '../../src/cli.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';
import { syncLearner } from '../../src/sync/runSync.ts';

const ac = (id: string, slug: string, title: string, iso: string) => ({
  id,
  title,
  titleSlug: slug,
  timestamp: String(seconds(iso)),
  lang: 'python3',
});

/** The last accepted submissions, newest first: duplicates, 23:50 and 00:10 KST, one record without a timestamp. */
const RECENT = [
  ac('9', 'two-sum', 'Two Sum', '2026-03-01T15:10:00Z'), // 00:10 KST 03-02
  ac('8', 'two-sum', 'Two Sum', '2026-03-01T14:50:00Z'), // 23:50 KST 03-01
  ac('7', 'two-sum', 'Two Sum', '2026-03-01T14:49:00Z'),
  ac('6', 'valid-parentheses', 'Valid Parentheses', '2026-02-20T03:00:00Z'),
  { id: '5', title: 'No Time', titleSlug: 'no-time', lang: 'java' },
];

describe('sync from LeetCode – GraphQL over real HTTP against a local server', () => {
  let t: ReturnType<typeof testDeps>;
  let lc: FakeServer;

  beforeEach(async () => {
    lc = await fakeServer((req) => {
      const { variables } = JSON.parse(req.body) as { variables: { username: string } };
      if (variables.username === 'mina_lc') return { body: { data: { recentAcSubmissionList: RECENT } } };
      return {
        body: {
          errors: [{ message: 'That user does not exist.', path: ['recentAcSubmissionList'] }],
          data: { recentAcSubmissionList: null },
        },
      };
    });
    t = testDeps({ COTE_LEETCODE_GRAPHQL: `${lc.url}/graphql` }, new Date('2026-03-02T03:00:00Z'));
    seedLearner(t.deps.db, 'mina');
  });
  afterEach(async () => {
    t.cleanup();
    await lc.close();
  });

  const cli = async (...args: string[]) => {
    const c = testCliContext(t);
    const code = await runCli(['node', 'cote', ...args], c.cli);
    return { code, out: c.out.join('\n'), err: c.err };
  };
  const mina = () => learnerByLogin(t.deps.db, 'mina')!;
  const attempts = () =>
    attemptsForLearner(t.deps.db, mina().id).map((a) => [a.problemId, a.day, a.outcome, a.origin, a.title]);

  it('cote sync --source leetcode – one solve per problem and KST day, a record without a timestamp skipped; again imports nothing', async () => {
    await cli('learner', 'set', 'mina', '--leetcode', 'mina_lc');
    const run = await cli('sync', '--learner', 'mina', '--source', 'leetcode', '--json');
    expect(run.code, run.err.join('\n')).to.equal(0);
    expect(JSON.parse(run.out)).to.deep.equal({
      sources: [{ source: 'leetcode', fetched: 5, imported: 3, skipped: 1, days: 3, error: null }],
    });
    expect(attempts()).to.deep.equal([
      ['leetcode:valid-parentheses', '2026-02-20', 'solved', 'sync:leetcode', 'Valid Parentheses'],
      ['leetcode:two-sum', '2026-03-01', 'solved', 'sync:leetcode', 'Two Sum'],
      ['leetcode:two-sum', '2026-03-02', 'solved', 'sync:leetcode', 'Two Sum'],
    ]);
    const [request] = lc.requests;
    expect(request.method).to.equal('POST');
    expect(request.headers['content-type']).to.match(/^application\/json/);
    expect(request.headers.referer).to.equal('https://leetcode.com');
    const body = JSON.parse(request.body);
    expect(body.query).to.contain('recentAcSubmissionList(username: $username, limit: $limit)');
    expect(body.variables).to.deep.equal({ username: 'mina_lc', limit: 20 });
    const again = await cli('sync', '--learner', 'mina', '--json');
    expect(JSON.parse(again.out).sources[0]).to.deep.include({ imported: 0, error: null });
  });

  it('an unknown user – a clear line, exit 1, nothing written', async () => {
    await cli('learner', 'set', 'mina', '--leetcode', 'ghost');
    const run = await cli('sync', '--learner', 'mina');
    expect(run.code).to.equal(1);
    expect(run.err).to.deep.equal(['cote: leetcode: LeetCode has no user "ghost"']);
    expect(attempts()).to.deep.equal([]);
  });

  it('an unknown user answered as an empty list (matchedUser null, as LeetCode answers) – "no such user", not success', async () => {
    lc.fallback = () => ({
      body: {
        errors: [{ message: 'That user does not exist.', path: ['matchedUser'] }],
        data: { matchedUser: null, recentAcSubmissionList: [] },
      },
    });
    await cli('learner', 'set', 'mina', '--leetcode', 'ghost');
    const run = await cli('sync', '--learner', 'mina');
    expect(run.code).to.equal(1);
    expect(run.err).to.deep.equal(['cote: leetcode: LeetCode has no user "ghost"']);
    expect(JSON.parse(lc.requests[0].body).query).to.match(/matchedUser\(username: \$username\)/);
    // A known user with no recent solves is a success with nothing to import.
    lc.fallback = () => ({ body: { data: { matchedUser: { username: 'ghost' }, recentAcSubmissionList: [] } } });
    const quiet = await cli('sync', '--learner', 'mina', '--json');
    expect(quiet.code).to.equal(0);
    expect(JSON.parse(quiet.out).sources[0]).to.deep.include({ fetched: 0, imported: 0, error: null });
  });

  const failures: [string, () => void, RegExp][] = [
    [
      'malformed JSON',
      () => lc.queue.push({ body: '{"data": {"recentAcSubmissionList": [' }),
      /LeetCode answered with malformed JSON/,
    ],
    [
      'an HTML page',
      () => lc.queue.push({ status: 403, body: '<!DOCTYPE html><title>Just a moment...</title>' }),
      /LeetCode answered HTTP 403/,
    ],
    [
      'a 503 twice',
      () => lc.queue.push({ status: 503, body: 'busy' }, { status: 503, body: 'busy' }),
      /LeetCode answered HTTP 503/,
    ],
    ['a timeout', () => lc.queue.push({ body: {}, delayMs: Infinity }), /LeetCode did not answer within 0\.5 s/],
    [
      'a GraphQL error',
      () => lc.queue.push({ body: { errors: [{ message: 'rate limited' }] } }),
      /LeetCode refused the request: rate limited/,
    ],
  ];
  for (const [what, arrange, message] of failures) {
    it(`${what} – a clear error, nothing written`, async () => {
      await cli('learner', 'set', 'mina', '--leetcode', 'mina_lc');
      arrange();
      const [result] = await syncLearner(t.deps, mina(), undefined, {
        retries: 1,
        backoffMs: 10,
        gapMs: 10,
        callTimeoutMs: 500,
      });
      expect(result).to.deep.include({ source: 'leetcode', failed: true, imported: 0 });
      expect(result.error).to.match(message);
      expect(attempts()).to.deep.equal([]);
    });
  }

  it('a failed source never blocks another – LeetCode down and solved.ac unavailable, Codeforces still syncs', async () => {
    const cf = await fakeServer(() => ({ body: { status: 'OK', result: [] } }));
    try {
      t.deps.config.codeforcesApi = `${cf.url}/api`;
      lc.fallback = () => ({ status: 500, body: '<html>oops</html>' });
      await cli('learner', 'set', 'mina', '--leetcode', 'mina_lc', '--codeforces', 'tourist', '--solvedac', 'mina_boj');
      const [c, l, s] = await syncLearner(t.deps, mina(), undefined, { retries: 0 });
      expect(c).to.deep.include({ source: 'codeforces', failed: false, error: null });
      expect(l).to.deep.include({ source: 'leetcode', failed: true });
      expect(s).to.deep.include({ source: 'solvedac', failed: true, fetched: 0 });
      expect(s.error).to.match(/^solved\.ac is not answering plain clients/);
    } finally {
      await cf.close();
    }
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { seedLearner } from '../support/progress.ts';
import { cfSubmission, fakeServer, seconds, type FakeServer } from '../support/syncServer.ts';
import { listen, staticServerProcess, staysResponsive, UNLIMITED_PROBES } from './support.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';
import { syncLearner } from '../../src/sync/runSync.ts';
import { accountsOf, replaceAccounts } from '../../src/sync/syncRepository.ts';
import { inWorker } from '../../src/sync/worker.ts';

// Hardening issue, findings 2 (answers far larger than asked for) and 9 (timestamps that abort a sync or store
// impossible days), through fake Codeforces and LeetCode servers on 127.0.0.1.

describe('attack: judge answers built to freeze the server or write wrong days', function () {
  // The probes measure wall-clock time on a shared machine: a try may be unlucky; a real stall fails all three.
  this.retries(2);
  let t: ReturnType<typeof testDeps>;
  let app: Awaited<ReturnType<typeof listen>>;
  let judge: FakeServer;

  beforeEach(async () => {
    judge = await fakeServer();
    t = testDeps(
      {
        COTE_CODEFORCES_API: `${judge.url}/api`,
        COTE_LEETCODE_GRAPHQL: `${judge.url}/graphql`,
        ...UNLIMITED_PROBES,
      },
      new Date('2026-03-02T03:00:00Z'),
    );
    seedLearner(t.deps.db, 'mina');
    app = await listen(t.app());
  });
  afterEach(async () => {
    await app.close();
    await judge.close();
    t.cleanup();
  });

  const mina = () => learnerByLogin(t.deps.db, 'mina')!;
  const fast = { gapMs: 0, backoffMs: 1 };
  /** A small sync first, outside the measured window: a running server has its code loaded and compiled. */
  const warmUp = async (source: 'codeforces' | 'leetcode') => {
    const handle = `warm${source}`;
    judge.queue.push(
      source === 'codeforces'
        ? { body: { status: 'OK', result: [cfSubmission(1, 1, 'A', '2026-01-01T03:00:00Z', 'WRONG_ANSWER')] } }
        : { body: { data: { matchedUser: { username: handle }, recentAcSubmissionList: [] } } },
    );
    const learner = seedLearner(t.deps.db, handle);
    replaceAccounts(t.deps.db, learner.id, source, [handle], t.clock.get());
    await syncLearner(t.deps, learner, [source], fast);
    await inWorker('plan', { submissions: [], timeZone: 'Asia/Seoul', today: '2026-03-02' });
    judge.requests.length = 0;
  };
  const days = () => attemptsForLearner(t.deps.db, mina().id).map((a) => `${a.problemId} ${a.day} ${a.outcome}`);

  it('finding 2: Codeforces answers 30,000 submissions to a page of 1,000 – one call, 1,000 read; 12 MB – refused, one call', async () => {
    // The fields cote reads, so that 30,000 fit under the page cap; 20 problems, so storing them costs little.
    const many = Array.from({ length: 30_000 }, (_, i) => ({
      creationTimeSeconds: seconds('2026-02-01T03:00:00Z'),
      problem: { contestId: 1 + (i % 20), index: 'A' },
      verdict: 'WRONG_ANSWER',
      testset: 'TESTS',
    }));
    // Served by a separate process, so that sending megabytes costs this process nothing: the probes measure cote.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-cf-'));
    fs.mkdirSync(path.join(root, 'api'));
    fs.writeFileSync(path.join(root, 'api', 'user.status'), JSON.stringify({ status: 'OK', result: many }));
    const cf = await staticServerProcess(root);
    try {
      await warmUp('codeforces');
      t.deps.config.codeforcesApi = `${cf.url}/api`;
      replaceAccounts(t.deps.db, mina().id, 'codeforces', ['tourist'], t.clock.get());
      const [result] = await staysResponsive(app.url, () => syncLearner(t.deps, mina(), ['codeforces'], fast));
      expect(cf.requests().filter((r) => r.includes('handle=tourist'))).to.have.length(1);
      expect(result).to.deep.include({ fetched: 1000, imported: 20, error: null });

      const full = Array.from({ length: 30_000 }, (_, i) => cfSubmission(i, 1 + i, 'A', '2026-02-01T03:00:00Z', 'OK'));
      fs.writeFileSync(path.join(root, 'api', 'user.status'), JSON.stringify({ status: 'OK', result: full }));
      const [big] = await staysResponsive(app.url, () => syncLearner(t.deps, mina(), ['codeforces'], fast));
      expect(cf.requests().filter((r) => r.includes('handle=tourist'))).to.have.length(2);
      expect(big.error).to.equal('Codeforces sent more than 8 MB in one answer');
      expect(days()).to.have.length(20);
    } finally {
      await cf.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('finding 2: LeetCode answers 30,000 submissions to a limit of 20 – 20 read', async () => {
    const many = Array.from({ length: 30_000 }, (_, i) => ({
      id: String(i),
      title: `P ${i}`,
      titleSlug: `p-${i}`,
      timestamp: String(seconds('2026-02-01T03:00:00Z')),
      lang: 'cpp',
    }));
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-lc-'));
    fs.writeFileSync(
      path.join(root, 'graphql'),
      JSON.stringify({ data: { matchedUser: { username: 'mina' }, recentAcSubmissionList: many } }),
    );
    const lc = await staticServerProcess(root);
    try {
      await warmUp('leetcode');
      t.deps.config.leetcodeGraphql = `${lc.url}/graphql`;
      replaceAccounts(t.deps.db, mina().id, 'leetcode', ['mina'], t.clock.get());
      const [result] = await staysResponsive(app.url, () => syncLearner(t.deps, mina(), ['leetcode'], fast));
      expect(lc.requests()).to.deep.equal(['/graphql']);
      expect(result).to.deep.include({ fetched: 20, imported: 20, error: null });
    } finally {
      await lc.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('finding 9: a 1e13 timestamp, year 9999 and 1970 – each skipped; the good solve is kept, no impossible day stored', async () => {
    const good = cfSubmission(4, 4, 'A', '2026-03-01T03:00:00Z', 'OK');
    const huge = { ...cfSubmission(3, 71, 'A', '2026-03-01T03:00:00Z', 'OK'), creationTimeSeconds: 1e13 };
    const y9999 = cfSubmission(2, 1, 'A', '9999-12-31T23:00:00Z', 'OK');
    const y1970 = { ...cfSubmission(1, 2, 'A', '2026-03-01T03:00:00Z', 'OK'), creationTimeSeconds: 1 };
    await warmUp('codeforces');
    judge.fallback = () => ({ body: { status: 'OK', result: [good, huge, y9999, y1970] } });
    replaceAccounts(t.deps.db, mina().id, 'codeforces', ['tourist'], t.clock.get());
    const [result] = await staysResponsive(app.url, () => syncLearner(t.deps, mina(), ['codeforces'], fast));
    expect(result).to.deep.include({ fetched: 4, imported: 1, skipped: 3, error: null });
    expect(days()).to.deep.equal(['cf:4A 2026-03-01 solved']);
    expect(accountsOf(t.deps.db, mina().id)[0].lastError).to.equal(null);
  });
});

import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { seedLearner } from '../support/progress.ts';
import { cfSubmission, FAST_GAP, fakeServer, type FakeServer } from '../support/syncServer.ts';
import { startSmtp, type TestSmtp } from './digest.support.ts';
import { JOBS } from '../../src/jobs/jobs.ts';
import { createMailer } from '../../src/digest/transport.ts';
import { setAccounts } from '../../src/sync/accounts.ts';
import { accountsOf } from '../../src/sync/syncRepository.ts';
import { nextNightly, nightlyTime } from '../../src/sync/nightly.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';

describe('nightly sync job – an injected clock', () => {
  let t: ReturnType<typeof testDeps>;
  let cf: FakeServer;
  let lc: FakeServer;
  let smtp: TestSmtp;
  let mina: Learner;

  beforeEach(async () => {
    // A solve at 19:30 KST today (2026-03-02).
    cf = await fakeServer(() => ({
      body: {
        status: 'OK',
        result: [cfSubmission(1, 1352, 'A', '2026-03-02T10:30:00Z', 'OK', { name: 'Sum of Round Numbers' })],
      },
    }));
    lc = await fakeServer(() => ({ status: 403, body: '<html>Just a moment...</html>' }));
    smtp = await startSmtp();
    t = testDeps(
      {
        COTE_CODEFORCES_API: `${cf.url}/api`,
        COTE_CODEFORCES_GAP_MS: FAST_GAP,
        COTE_LEETCODE_GRAPHQL: `${lc.url}/graphql`,
        SMTP_URL: smtp.url,
      },
      new Date('2026-03-02T11:00:00Z'),
    );
    mina = seedLearner(t.deps.db, 'mina', { language: 'en' });
    setAccounts(
      t.deps.db,
      mina.id,
      { codeforces: 'tourist', leetcode: 'mina_lc' },
      { allowPrivate: true, now: t.clock.get() },
    );
  });
  afterEach(async () => {
    t.cleanup();
    await Promise.all([cf.close(), lc.close(), smtp.close()]);
  });

  const job = (name: string) => JOBS.find((j) => j.name === name)!;

  it('runs once a night 15 minutes before the digest, LeetCode failing does not stop Codeforces or the digest, which counts the synced solve', async function () {
    this.timeout(60_000);
    const ctx = { deps: t.deps, mailer: createMailer(t.deps.config) };
    try {
      expect(nightlyTime(mina)).to.equal('20:45');
      // 20:44 KST: not yet.
      t.clock.set('2026-03-02T11:44:00Z');
      await job('sync').run(ctx, t.clock.get());
      expect(cf.requests).to.have.length(0);
      expect(nextNightly(mina, accountsOf(t.deps.db, mina.id), t.clock.get()).toISOString()).to.equal(
        '2026-03-02T11:45:00.000Z',
      );
      // 20:46 KST: due; LeetCode's refusal is recorded on its account.
      t.clock.set('2026-03-02T11:46:00Z');
      await job('sync').run(ctx, t.clock.get());
      expect(cf.requests).to.have.length(1);
      expect(lc.requests.length).to.be.at.least(1);
      expect(attemptsForLearner(t.deps.db, mina.id).map((a) => [a.problemId, a.day, a.origin])).to.deep.equal([
        ['cf:1352A', '2026-03-02', 'sync:codeforces'],
      ]);
      const [codeforces, leetcode] = accountsOf(t.deps.db, mina.id);
      expect(codeforces).to.deep.include({ lastError: null, nightlyDay: '2026-03-02' });
      expect(leetcode).to.deep.include({ lastError: 'LeetCode answered HTTP 403', nightlyDay: '2026-03-02' });
      // Tonight's ran: the next is tomorrow's, and later ticks ask nobody again (no retry loop).
      expect(nextNightly(mina, accountsOf(t.deps.db, mina.id), t.clock.get()).toISOString()).to.equal(
        '2026-03-03T11:45:00.000Z',
      );
      const asked = lc.requests.length;
      t.clock.set('2026-03-02T11:55:00Z');
      await job('sync').run(ctx, t.clock.get());
      expect(cf.requests).to.have.length(1);
      expect(lc.requests).to.have.length(asked);
      // 21:00 KST: the digest counts the solve the sync brought.
      t.clock.set('2026-03-02T12:00:30Z');
      await job('digests').run(ctx, t.clock.get());
      expect(smtp.received).to.have.length(1);
      expect(smtp.received[0].subject).to.contain('1 solved today');
      expect(smtp.received[0].text).to.contain('Sum of Round Numbers');
      // The next night it runs again.
      t.clock.set('2026-03-03T11:46:00Z');
      await job('sync').run(ctx, t.clock.get());
      expect(cf.requests).to.have.length(2);
    } finally {
      ctx.mailer.close();
    }
  });

  it('nightlyTime() – 15 minutes before the digest time, never before 00:00 of the same day', () => {
    expect(nightlyTime({ digestTime: '00:05' })).to.equal('00:00');
    expect(nightlyTime({ digestTime: '21:10' })).to.equal('20:55');
  });
});

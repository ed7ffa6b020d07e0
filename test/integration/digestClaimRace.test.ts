import path from 'node:path';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { openDatabase, type Db } from '../../src/db/connection.ts';
import { deliverDigest, sendDueDigests, type DigestDeps } from '../../src/digest/delivery.ts';
import { claimDigest, digestFor } from '../../src/digest/digestRepository.ts';
import { CLAIM_STALE_MS } from '../../src/digest/schedule.ts';
import { createMailer, type Mailer } from '../../src/digest/transport.ts';
import { learnerById } from '../../src/learners/learnerRepository.ts';
import { addLearner, addProblem, addSolve, startSmtp, type TestSmtp } from './digest.support.ts';

// 21:00 in Seoul on 2026-11-28: ana's digest is due.
const DUE = new Date('2026-11-28T12:00:00Z');
const DAY = '2026-11-28';

describe('digest: two senders racing for one digest', () => {
  let ctx: ReturnType<typeof testDeps>;
  let smtp: TestSmtp;
  let mailers: Mailer[];
  let second: Db;
  const senderOn = (db: Db): DigestDeps => {
    const mailer = createMailer(ctx.deps.config, { pool: false });
    mailers.push(mailer);
    return { db, config: ctx.deps.config, logger: ctx.deps.logger, mailer };
  };

  beforeEach(async () => {
    smtp = await startSmtp();
    ctx = testDeps({ SMTP_URL: smtp.url });
    // Each sender has its own connection to the one database file, as two processes would.
    second = openDatabase(path.join(ctx.deps.config.dataDir, 'cote.db'));
    mailers = [];
  });
  afterEach(async () => {
    for (const m of mailers) m.close();
    second.close();
    ctx.cleanup();
    await smtp.close();
  });

  it('the first sender stalls past the stale limit, the second takes the digest over and sends it: the first, resuming, sends nothing – one email', async () => {
    const ana = addLearner(ctx.deps.db, 'ana', { examDate: '2026-12-10' });
    addProblem(ctx.deps.db, 'boj:1260', 'DFS와 BFS');
    addSolve(ctx.deps.db, ana.id, 'boj:1260', DAY);
    const first = senderOn(ctx.deps.db);
    const other = senderOn(second);

    // Sender 1 claims the digest, then stalls (a long render, a paused process) before handing it to SMTP.
    const stalled = claimDigest(first.db, ana.id, DAY, DUE, new Date(DUE.getTime() - CLAIM_STALE_MS));
    expect(stalled).to.not.equal(undefined);
    // Sender 2 (the other process's nightly run) finds the claim stale and sends the digest itself.
    const later = new Date(DUE.getTime() + CLAIM_STALE_MS + 60_000);
    expect(await sendDueDigests(other, later)).to.include({ due: 1, sent: 1 });
    await smtp.waitFor(1);

    // Sender 1 wakes up holding a claim that is no longer its own.
    const outcome = await deliverDigest(
      first,
      learnerById(first.db, ana.id)!,
      stalled!,
      new Date(later.getTime() + 1000),
    );

    // A send resolves only once the SMTP server has accepted the message: a second copy would be here already.
    expect(smtp.received.map((m) => m.messageId)).to.have.length(1);
    expect(outcome).to.equal('lost');
    expect(digestFor(second, ana.id, DAY)).to.include({ status: 'sent', attempts: 2 });
  });
});

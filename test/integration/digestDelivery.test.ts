import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { simpleParser } from 'mailparser';
import { testDeps } from '../support/app.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { sendDueDigests, type DigestDeps } from '../../src/digest/delivery.ts';
import { claimDigest, digestFor } from '../../src/digest/digestRepository.ts';
import { createMailer, outboxDir, type Mailer } from '../../src/digest/transport.ts';
import { setDigestSettings } from '../../src/learners/learnerRepository.ts';
import { addLearner, addProblem, addSolve, startSmtp, type TestSmtp } from './digest.support.ts';

// 2026-11-28 21:00 in Seoul (UTC+9) is 12:00 UTC; in New York (UTC-5 in November) it is 02:00 UTC on the 29th.
const SEOUL_21 = '2026-11-28T12:00:00Z';

describe('digest delivery over SMTP', () => {
  let ctx: ReturnType<typeof testDeps>;
  let smtp: TestSmtp;
  let mailers: Mailer[];
  const digestDeps = (db = ctx.deps.db): DigestDeps => {
    const mailer = createMailer(ctx.deps.config);
    mailers.push(mailer);
    return { db, config: ctx.deps.config, logger: ctx.deps.logger, mailer };
  };

  beforeEach(async () => {
    smtp = await startSmtp();
    ctx = testDeps({ SMTP_URL: smtp.url, COTE_BASE_URL: 'https://cote.example.test' });
    mailers = [];
  });
  afterEach(async () => {
    for (const m of mailers) m.close();
    ctx.cleanup();
    await smtp.close();
  });

  it('sendDueDigests – Seoul learner at 21:00 – sends one email with both parts, the solves, escaped titles and unsubscribe headers', async () => {
    const db = ctx.deps.db;
    const ana = addLearner(db, 'ana', { language: 'en', examDate: '2026-12-10' });
    addProblem(db, 'boj:1260', 'DFS와 BFS');
    addProblem(db, 'boj:9999', '<script>alert(1)</script> & co');
    addSolve(db, ana.id, 'boj:1260', '2026-11-27');
    addSolve(db, ana.id, 'boj:1260', '2026-11-28');
    addSolve(db, ana.id, 'boj:9999', '2026-11-28', 'solved_slow');

    const summary = await sendDueDigests(digestDeps(), new Date(SEOUL_21));

    expect(summary).to.include({ due: 1, sent: 1 });
    await smtp.waitFor(1);
    const mail = smtp.received[0];
    expect(mail.subject).to.equal('[cote] D-12 · 2 solved today · 2-day streak');
    expect(mail.to && !Array.isArray(mail.to) && mail.to.text).to.equal('ana@example.test');
    expect(mail.messageId).to.equal(`<digest-${ana.id}-2026-11-28@cote.example.test>`);
    expect(mail.date?.toISOString()).to.equal('2026-11-28T12:00:00.000Z');
    const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe-post')).to.equal('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).to.equal(
      `List-Unsubscribe: <https://cote.example.test/unsubscribe/${ana.unsubscribeToken}>`,
    );
    expect(mail.text).to.contain('DFS와 BFS').and.to.contain('<script>alert(1)</script> & co');
    expect(mail.text).to.contain(`/unsubscribe/${ana.unsubscribeToken}`);
    const html = String(mail.html);
    expect(html).to.contain('DFS와 BFS');
    expect(html).to.contain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).not.to.contain('<script>');
    expect(html).to.contain(`https://cote.example.test/unsubscribe/${ana.unsubscribeToken}`);
    expect(digestFor(db, ana.id, '2026-11-28')).to.include({ status: 'sent', attempts: 1 });
  });

  it('sendDueDigests – Korean learner – Korean subject', async () => {
    const db = ctx.deps.db;
    const min = addLearner(db, 'min', { language: 'ko', examDate: '2026-12-10' });
    addProblem(db, 'boj:1000', 'A+B');
    addProblem(db, 'boj:1001', 'A-B');
    addProblem(db, 'boj:1002', '터렛');
    for (const day of ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) addSolve(db, min.id, 'boj:1000', day);
    for (const p of ['boj:1000', 'boj:1001', 'boj:1002']) addSolve(db, min.id, p, '2026-11-28');

    await sendDueDigests(digestDeps(), new Date(SEOUL_21));

    await smtp.waitFor(1);
    expect(smtp.received[0].subject).to.equal('[cote] D-12 · 오늘 3문제 · 5일 연속');
    expect(smtp.received[0].text).to.contain('오늘 푼 문제');
  });

  it('sendDueDigests – before the digest time, then run again after sending – sends exactly one', async () => {
    addLearner(ctx.deps.db, 'ana');
    const deps = digestDeps();
    expect((await sendDueDigests(deps, new Date('2026-11-28T11:59:00Z'))).due).to.equal(0);
    await sendDueDigests(deps, new Date('2026-11-28T12:01:00Z'));
    await sendDueDigests(deps, new Date('2026-11-28T12:05:00Z'));
    await sendDueDigests(deps, new Date('2026-11-28T14:59:00Z'));
    expect(smtp.received).to.have.length(1);
  });

  it('learners in New York and Seoul – each gets theirs at their own 21:00', async () => {
    const seoul = addLearner(ctx.deps.db, 'seoul', { timezone: 'Asia/Seoul' });
    const ny = addLearner(ctx.deps.db, 'ny', { timezone: 'America/New_York' });
    const deps = digestDeps();

    await sendDueDigests(deps, new Date(SEOUL_21));
    expect(smtp.received.map((m) => m.messageId)).to.deep.equal([`<digest-${seoul.id}-2026-11-28@cote.example.test>`]);

    await sendDueDigests(deps, new Date('2026-11-29T01:59:00Z'));
    expect(smtp.received).to.have.length(1);

    await sendDueDigests(deps, new Date('2026-11-29T02:00:00Z'));
    expect(smtp.received.map((m) => m.messageId)).to.deep.equal([
      `<digest-${seoul.id}-2026-11-28@cote.example.test>`,
      `<digest-${ny.id}-2026-11-28@cote.example.test>`,
    ]);
  });

  it('digest switched off, or no email address – skipped', async () => {
    const off = addLearner(ctx.deps.db, 'off');
    setDigestSettings(ctx.deps.db, off.id, { enabled: false, time: '21:00' });
    addLearner(ctx.deps.db, 'mute', { email: '' });
    const summary = await sendDueDigests(digestDeps(), new Date(SEOUL_21));
    expect(summary.due).to.equal(0);
    expect(smtp.received).to.have.length(0);
  });

  it('cote down at digest time – sends at start-up while the day lasts, never once it is over', async () => {
    const late = addLearner(ctx.deps.db, 'late');
    const gone = addLearner(ctx.deps.db, 'gone', { timezone: 'America/New_York' });
    // 23:50 in Seoul: the Seoul day is not over. For New York it is the 28th, 09:50, not yet due.
    await sendDueDigests(digestDeps(), new Date('2026-11-28T14:50:00Z'));
    expect(smtp.received.map((m) => m.messageId)).to.deep.equal([`<digest-${late.id}-2026-11-28@cote.example.test>`]);
    // New York's 28th ends at 05:00 UTC on the 29th; started at 05:10 UTC, its 28th is over and today's 21:00 is ahead.
    await sendDueDigests(digestDeps(), new Date('2026-11-29T05:10:00Z'));
    expect(smtp.received).to.have.length(1);
    expect(digestFor(ctx.deps.db, gone.id, '2026-11-28')).to.equal(undefined);
  });

  it('restart between "due" and "sent" – a claim never handed to SMTP – is taken over after it goes stale: one email', async () => {
    const ana = addLearner(ctx.deps.db, 'ana');
    const now = new Date(SEOUL_21);
    // The first process claimed the row and died before handing the message over.
    expect(claimDigest(ctx.deps.db, ana.id, '2026-11-28', now, now)).to.not.equal(undefined);
    const restarted = openDatabase(path.join(ctx.deps.config.dataDir, 'cote.db'));
    try {
      await sendDueDigests(digestDeps(restarted), new Date('2026-11-28T12:01:00Z'));
      expect(smtp.received).to.have.length(0);
      await sendDueDigests(digestDeps(restarted), new Date('2026-11-28T12:03:00Z'));
      await sendDueDigests(digestDeps(restarted), new Date('2026-11-28T12:20:00Z'));
      expect(smtp.received).to.have.length(1);
      expect(digestFor(restarted, ana.id, '2026-11-28')).to.include({ status: 'sent', attempts: 2 });
    } finally {
      restarted.close();
    }
  });

  it('restart while the SMTP server had the message – never sent again: one email, marked failed', async () => {
    const ana = addLearner(ctx.deps.db, 'ana');
    const real = createMailer(ctx.deps.config, { pool: false });
    mailers.push(real);
    // The process dies after the server took the message but before cote recorded it: send() never comes back.
    const dying: Mailer = { kind: 'smtp', send: (m) => real.send(m).then(() => new Promise(() => {})), close() {} };
    void sendDueDigests({ ...digestDeps(), mailer: dying }, new Date(SEOUL_21));
    await smtp.waitFor(1);
    expect(digestFor(ctx.deps.db, ana.id, '2026-11-28')?.status).to.equal('sending');

    const restarted = openDatabase(path.join(ctx.deps.config.dataDir, 'cote.db'));
    try {
      for (const at of [
        '2026-11-28T12:01:00Z',
        '2026-11-28T12:05:00Z',
        '2026-11-28T12:11:00Z',
        '2026-11-28T12:30:00Z',
      ]) {
        await sendDueDigests(digestDeps(restarted), new Date(at));
      }
      expect(smtp.received).to.have.length(1);
      const row = digestFor(restarted, ana.id, '2026-11-28');
      expect(row?.status).to.equal('failed');
      expect(row?.lastError).to.match(/interrupted while sending/);
    } finally {
      restarted.close();
    }
  });

  it('SMTP refusing then accepting – retried after the backoff: one email', async () => {
    const ana = addLearner(ctx.deps.db, 'ana');
    smtp.refuseNext(1);
    const deps = digestDeps();
    expect(await sendDueDigests(deps, new Date(SEOUL_21))).to.include({ retry: 1, sent: 0 });
    const pending = digestFor(ctx.deps.db, ana.id, '2026-11-28');
    expect(pending).to.include({ status: 'pending', attempts: 1, nextAttemptAt: '2026-11-28T12:02:00.000Z' });
    expect(pending?.lastError).to.match(/451/);

    await sendDueDigests(deps, new Date('2026-11-28T12:01:00Z'));
    expect(smtp.received).to.have.length(0);
    await sendDueDigests(deps, new Date('2026-11-28T12:02:00Z'));
    await sendDueDigests(deps, new Date('2026-11-28T12:10:00Z'));
    expect(smtp.refused).to.equal(1);
    expect(smtp.received).to.have.length(1);
    expect(digestFor(ctx.deps.db, ana.id, '2026-11-28')).to.include({ status: 'sent', attempts: 2 });
  });

  it('SMTP server down, then up again – retried after the backoff: one email', async () => {
    const ana = addLearner(ctx.deps.db, 'ana');
    const port = smtp.port;
    await smtp.close();
    const deps = digestDeps();
    expect(await sendDueDigests(deps, new Date(SEOUL_21))).to.include({ retry: 1 });
    expect(digestFor(ctx.deps.db, ana.id, '2026-11-28')?.lastError).to.match(/ECONNREFUSED/);
    smtp = await startSmtp(port);
    await sendDueDigests(deps, new Date('2026-11-28T12:02:00Z'));
    expect(smtp.received).to.have.length(1);
    expect(digestFor(ctx.deps.db, ana.id, '2026-11-28')).to.include({ status: 'sent', attempts: 2 });
  });

  it('SMTP refusing every try – gives up after 5 tries over about an hour, marked failed', async () => {
    const ana = addLearner(ctx.deps.db, 'ana');
    smtp.refuseNext(100);
    const deps = digestDeps();
    let at = new Date(SEOUL_21).getTime();
    for (let i = 0; i < 30; i++, at += 3 * 60_000) await sendDueDigests(deps, new Date(at));
    expect(smtp.refused).to.equal(5);
    expect(smtp.received).to.have.length(0);
    expect(digestFor(ctx.deps.db, ana.id, '2026-11-28')).to.include({ status: 'failed', attempts: 5 });
  });
});

describe('digest delivery without SMTP', () => {
  let ctx: ReturnType<typeof testDeps>;
  beforeEach(() => (ctx = testDeps({ SMTP_URL: '' })));
  afterEach(() => ctx.cleanup());

  it('SMTP_URL empty – writes one .eml per digest to <dataDir>/outbox', async () => {
    const ana = addLearner(ctx.deps.db, 'ana', { language: 'en' });
    const deps = {
      db: ctx.deps.db,
      config: ctx.deps.config,
      logger: ctx.deps.logger,
      mailer: createMailer(ctx.deps.config),
    };
    await sendDueDigests(deps, new Date(SEOUL_21));
    await sendDueDigests(deps, new Date('2026-11-28T12:30:00Z'));
    const dir = outboxDir(ctx.deps.config);
    expect(fs.readdirSync(dir)).to.deep.equal([`digest-${ana.id}-2026-11-28.eml`]);
    const mail = await simpleParser(fs.readFileSync(path.join(dir, `digest-${ana.id}-2026-11-28.eml`)));
    expect(mail.subject).to.equal('[cote] nothing solved today');
    expect(mail.html).to.be.a('string');
    expect(digestFor(ctx.deps.db, ana.id, '2026-11-28')?.status).to.equal('sent');
  });
});

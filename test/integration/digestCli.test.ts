import fs from 'node:fs';
import { expect } from 'chai';
import { testCliContext as cliContext, testDeps } from '../support/app.ts';
import { runCli } from '../../src/cli.ts';
import { digestFor } from '../../src/digest/digestRepository.ts';
import { outboxDir } from '../../src/digest/transport.ts';
import { addLearner, addProblem, addSolve, startSmtp } from './digest.support.ts';

describe('cote digest', () => {
  let ctx: ReturnType<typeof testDeps>;
  beforeEach(() => (ctx = testDeps({ SMTP_URL: '' }, new Date('2026-11-28T09:00:00Z'))));
  afterEach(() => ctx.cleanup());

  it('cote digest --dry-run – prints the message and records nothing', async () => {
    const ana = addLearner(ctx.deps.db, 'ana', { language: 'en' });
    addProblem(ctx.deps.db, 'boj:1260', 'DFS와 BFS');
    addSolve(ctx.deps.db, ana.id, 'boj:1260', '2026-11-28');
    const { cli, out } = cliContext(ctx);
    expect(await runCli(['node', 'cote', 'digest', '--learner', 'ana', '--dry-run'], cli)).to.equal(0);
    expect(out.join('\n')).to.contain('Subject: [cote] 1 solved today').and.to.contain('- DFS와 BFS (boj:1260)');
    expect(digestFor(ctx.deps.db, ana.id, '2026-11-28')).to.equal(undefined);
    expect(fs.existsSync(outboxDir(ctx.deps.config))).to.equal(false);
  });

  it('cote digest --dry-run --json --day – the documented shape, for that day', async () => {
    const ana = addLearner(ctx.deps.db, 'ana', { language: 'ko' });
    const { cli, out } = cliContext(ctx);
    expect(
      await runCli(
        ['node', 'cote', 'digest', '--learner', String(ana.id), '--day', '2026-11-20', '--dry-run', '--json'],
        cli,
      ),
    ).to.equal(0);
    const json = JSON.parse(out.join('\n'));
    expect(Object.keys(json)).to.deep.equal([
      'learner',
      'day',
      'dryRun',
      'sent',
      'transport',
      'messageId',
      'date',
      'to',
      'subject',
      'text',
      'html',
    ]);
    expect(json).to.deep.include({
      day: '2026-11-20',
      dryRun: true,
      sent: false,
      transport: null,
      to: 'ana@example.test',
      subject: '[cote] 오늘 푼 문제 없음',
    });
    expect(json.messageId).to.match(new RegExp(`^<digest-${ana.id}-2026-11-20@`));
  });

  it('cote digest – no SMTP – writes the outbox file and records it; a second run refuses', async () => {
    const ana = addLearner(ctx.deps.db, 'ana');
    const { cli, out, err } = cliContext(ctx);
    expect(await runCli(['node', 'cote', 'digest', '--learner', 'ana'], cli)).to.equal(0);
    expect(out[0]).to.match(/^sent the digest for ana on 2026-11-28 \(outbox\)/);
    expect(fs.readdirSync(outboxDir(ctx.deps.config))).to.deep.equal([`digest-${ana.id}-2026-11-28.eml`]);
    expect(digestFor(ctx.deps.db, ana.id, '2026-11-28')?.status).to.equal('sent');

    expect(await runCli(['node', 'cote', 'digest', '--learner', 'ana'], cli)).to.equal(1);
    expect(err).to.have.length(1);
    expect(err[0]).to.match(/^cote: the digest for ana on 2026-11-28 was already sent/);
  });

  it('cote digest – unknown learner, or a bad --day – one line on stderr, exit 1', async () => {
    addLearner(ctx.deps.db, 'ana');
    const { cli, err } = cliContext(ctx);
    expect(await runCli(['node', 'cote', 'digest', '--learner', 'nobody', '--dry-run'], cli)).to.equal(1);
    expect(
      await runCli(['node', 'cote', 'digest', '--learner', 'ana', '--day', '2026-02-30', '--dry-run'], cli),
    ).to.equal(1);
    expect(err).to.deep.equal([
      'cote: there is no learner "nobody"',
      'cote: --day "2026-02-30" is not a date: use YYYY-MM-DD',
    ]);
  });
});

describe('cote digest over SMTP', () => {
  it('cote digest – SMTP refusing – exit 2 naming the error; the job retries later', async () => {
    const smtp = await startSmtp();
    const ctx = testDeps({ SMTP_URL: smtp.url }, new Date('2026-11-28T09:00:00Z'));
    try {
      const ana = addLearner(ctx.deps.db, 'ana');
      smtp.refuseNext(1);
      const { cli, err } = cliContext(ctx);
      expect(await runCli(['node', 'cote', 'digest', '--learner', 'ana'], cli)).to.equal(2);
      expect(err[0]).to.match(
        /^cote: the digest for ana on 2026-11-28 was not sent: smtp: .*451.*; the job retries at 2026-11-28T09:02:00.000Z$/,
      );
      expect(digestFor(ctx.deps.db, ana.id, '2026-11-28')).to.include({ status: 'pending', attempts: 1 });
      expect(await runCli(['node', 'cote', 'digest', '--learner', 'ana'], cli)).to.equal(0);
      expect(smtp.received).to.have.length(1);
    } finally {
      ctx.cleanup();
      await smtp.close();
    }
  });
});

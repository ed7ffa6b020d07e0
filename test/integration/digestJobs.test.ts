import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { startJobs } from '../../src/jobs/scheduler.ts';
import { safeRunner } from '../../src/jobs/runner.ts';
import type { Job } from '../../src/jobs/jobs.ts';
import { createLogger } from '../../src/log.ts';
import { createMailer } from '../../src/digest/transport.ts';
import { addLearner, startSmtp, type TestSmtp } from './digest.support.ts';

describe('digest jobs', () => {
  let ctx: ReturnType<typeof testDeps>;
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startSmtp();
    ctx = testDeps({ SMTP_URL: smtp.url }, new Date('2026-11-28T13:30:00Z'));
  });
  afterEach(async () => {
    ctx.cleanup();
    await smtp.close();
  });

  it('startJobs() – started after the digest time – the start-up run sends the missed digest once', async () => {
    addLearner(ctx.deps.db, 'ana');
    const jobs = startJobs(ctx.deps);
    try {
      await jobs.startup;
      expect(smtp.received).to.have.length(1);
    } finally {
      await jobs.stop();
    }
    const again = startJobs(ctx.deps);
    await again.startup;
    await again.stop();
    expect(smtp.received).to.have.length(1);
  });

  it('safeRunner() – a job that throws – logs it and resolves; a tick during a run is skipped', async () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    let release!: () => void;
    let runs = 0;
    const slow: Job = {
      name: 'slow',
      schedule: '* * * * *',
      runAtStart: false,
      run: () => {
        runs++;
        return new Promise<void>((r) => (release = r));
      },
    };
    const broken: Job = {
      name: 'broken',
      schedule: '* * * * *',
      runAtStart: false,
      run: async () => Promise.reject(new Error('boom')),
    };
    const jobCtx = { deps: ctx.deps, mailer: createMailer(ctx.deps.config) };

    await safeRunner(broken, jobCtx, logger)();
    const run = safeRunner(slow, jobCtx, logger);
    const first = run();
    await run();
    release();
    await first;
    jobCtx.mailer.close();

    expect(runs).to.equal(1);
    expect(lines.map((l) => JSON.parse(l).msg)).to.deep.equal([
      'jobs: broken failed',
      'jobs: slow: previous run still going, tick skipped',
    ]);
    expect(lines[0]).to.contain('boom');
  });
});

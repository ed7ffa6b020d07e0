import cron from 'node-cron';
import { createMailer } from '../digest/transport.ts';
import type { AppDeps } from '../context.ts';
import { JOBS, type Job } from './jobs.ts';
import { safeRunner } from './runner.ts';

export interface RunningJobs {
  /** No new runs; the mailer closes once the runs in flight are over (closing it under a send would turn a sent message into a retried one). */
  stop(): Promise<void>;
  /** Resolves when the start-up runs are over (tests wait on it). */
  startup: Promise<void>;
}

/** Schedules every job with node-cron and starts the catch-up runs. */
export function startJobs(deps: AppDeps, jobs: Job[] = JOBS): RunningJobs {
  const ctx = { deps, mailer: createMailer(deps.config) };
  const inFlight = new Set<Promise<void>>();
  const track = (run: () => Promise<void>) => () => {
    const p = run().finally(() => inFlight.delete(p));
    inFlight.add(p);
    return p;
  };
  const startupRuns: Promise<void>[] = [];
  const tasks = jobs.map((job) => {
    const run = track(safeRunner(job, ctx, deps.logger));
    if (job.runAtStart) startupRuns.push(run());
    return cron.schedule(job.schedule, () => run(), { name: job.name });
  });
  return {
    startup: Promise.all(startupRuns).then(() => undefined),
    async stop() {
      await Promise.all(tasks.map((task) => task.destroy()));
      await Promise.all(inFlight);
      ctx.mailer.close();
    },
  };
}

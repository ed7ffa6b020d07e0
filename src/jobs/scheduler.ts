import cron from 'node-cron';
import { createMailer } from '../digest/transport.ts';
import type { AppDeps } from '../web/deps.ts';
import { JOBS, type Job } from './jobs.ts';
import { safeRunner } from './runner.ts';

export interface RunningJobs {
  stop(): void;
  /** Resolves when the start-up runs are over (tests wait on it). */
  startup: Promise<void>;
}

/** Schedules every job with node-cron and starts the catch-up runs; `stop()` ends them and closes the mailer. */
export function startJobs(deps: AppDeps, jobs: Job[] = JOBS): RunningJobs {
  const ctx = { deps, mailer: createMailer(deps.config) };
  const startupRuns: Promise<void>[] = [];
  const tasks = jobs.map((job) => {
    const run = safeRunner(job, ctx, deps.logger);
    if (job.runAtStart) startupRuns.push(run());
    return cron.schedule(job.schedule, () => run(), { name: job.name });
  });
  return {
    startup: Promise.all(startupRuns).then(() => undefined),
    stop() {
      for (const task of tasks) void task.destroy();
      ctx.mailer.close();
    },
  };
}

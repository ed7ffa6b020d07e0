import type { Logger } from '../log.ts';
import type { Job, JobContext } from './jobs.ts';

/**
 * Wraps a job for node-cron: one run at a time (a tick that finds the previous run still going is skipped), and
 * every failure is logged and swallowed — a job never throws into node-cron and never takes the server down.
 * The returned function resolves when the run is over.
 */
export function safeRunner(job: Job, ctx: JobContext, logger: Logger): () => Promise<void> {
  let running = false;
  return async () => {
    if (running) {
      logger.warn(`jobs: ${job.name}: previous run still going, tick skipped`);
      return;
    }
    running = true;
    try {
      await job.run(ctx, ctx.deps.now());
    } catch (error) {
      logger.error(`jobs: ${job.name} failed`, { error: error instanceof Error ? error.stack : String(error) });
    } finally {
      running = false;
    }
  };
}

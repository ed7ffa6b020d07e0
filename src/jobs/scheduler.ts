import type { AppDeps } from '../web/deps.ts';

/** Starts the scheduled jobs; `stop()` ends them. */
export function startJobs(_deps: AppDeps): { stop(): void } {
  return { stop() {} };
}

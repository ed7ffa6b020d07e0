import { sendDueDigests } from '../digest/delivery.ts';
import { sendDueGroupPosts } from '../groups/webhookDelivery.ts';
import { runNightlySyncs } from '../sync/nightly.ts';
import type { Mailer } from '../digest/transport.ts';
import type { AppDeps } from '../context.ts';

/** What a job gets: the app's dependencies and the one mailer the process shares. */
export interface JobContext {
  deps: AppDeps;
  mailer: Mailer;
}

export interface Job {
  name: string;
  /** node-cron expression (server time; jobs that care about learners' zones work that out themselves). */
  schedule: string;
  /** Also run once at start-up: catches up on work missed while cote was down. */
  runAtStart: boolean;
  run(ctx: JobContext, now: Date): Promise<unknown>;
}

/** Every scheduled job of cote. Each is also runnable once from the CLI (`cote digest`). */
export const JOBS: Job[] = [
  {
    // Each learner's solves from Codeforces, LeetCode and their repositories, once a night LEAD_MINUTES before their
    // digest (so the email counts them); a run with nothing due reads one row per learner with accounts. `cote sync`.
    name: 'sync',
    schedule: '* * * * *',
    runAtStart: true,
    run: ({ deps }, now) => runNightlySyncs(deps, now),
  },
  {
    // Wakes every minute so a digest leaves within a minute of the learner's time; a run with nothing due reads
    // one row per learner and sends nothing.
    name: 'digests',
    schedule: '* * * * *',
    runAtStart: true,
    run: ({ deps, mailer }, now) =>
      sendDueDigests({ db: deps.db, config: deps.config, logger: deps.logger, mailer }, now),
  },
  {
    // Each group's morning and evening posts to its webhooks, within a minute of the group's times; a run with
    // nothing due reads the groups that have webhooks and posts nothing. `cote group notify` posts by hand.
    name: 'group-posts',
    schedule: '* * * * *',
    runAtStart: true,
    run: ({ deps }, now) => sendDueGroupPosts({ db: deps.db, config: deps.config, logger: deps.logger }, now),
  },
];

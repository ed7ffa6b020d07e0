import { positive } from '../pages/options.ts';
/** What one run of `npm run bench:group` measures, read from the environment and the command line. */
export interface GroupOptions {
  /** The 10,000-learner database (BENCH_DB_LEARNERS defaults to 10,000); the loop still runs `group` learners. */
  scale: boolean;
  /** Learners looping at once, each in their own session (the study group). */
  group: number;
  /** Learners in the database (the first `group` of them loop). */
  dbLearners: number;
  attemptsPerLearner: number;
  /** Seconds each server is measured. */
  seconds: number;
  /** Share of loops that log a solve (1: every loop writes, 0: views only). */
  writeShare: number;
  /** Sent with every request: brotli, as browsers ask. */
  acceptEncoding: string;
  /** Extra node arguments for the cote server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
  serverNodeArgs: string[];
  /** Write bench/results/ (BENCH_WRITE=0 prints only). */
  write: boolean;
}

/**
 * Environment: BENCH_GROUP (20), BENCH_DB_LEARNERS (= BENCH_GROUP; 10,000 with --scale), BENCH_ATTEMPTS (300),
 * BENCH_SECONDS (20), BENCH_WRITE_SHARE (1), BENCH_ACCEPT_ENCODING ("br, gzip, deflate"), BENCH_SERVER_NODE_ARGS,
 * BENCH_WRITE=0; argument --scale.
 */
export function groupOptions(
  env: NodeJS.ProcessEnv = process.env,
  argv: string[] = process.argv.slice(2),
): GroupOptions {
  for (const arg of argv)
    if (arg !== '--scale') throw new Error(`unknown argument ${JSON.stringify(arg)}: expected --scale or nothing`);
  const scale = argv.includes('--scale') || /^(1|true|yes)$/i.test(env.BENCH_SCALE ?? '');
  const group = positive(env, 'BENCH_GROUP', 20);
  const dbLearners = positive(env, 'BENCH_DB_LEARNERS', scale ? 10_000 : group);
  if (dbLearners < group) throw new Error(`BENCH_DB_LEARNERS=${dbLearners} is smaller than BENCH_GROUP=${group}`);
  const share = Number(env.BENCH_WRITE_SHARE ?? '1');
  if (!(share >= 0 && share <= 1))
    throw new Error(`BENCH_WRITE_SHARE=${JSON.stringify(env.BENCH_WRITE_SHARE)} is invalid: expected 0 to 1`);
  return {
    scale,
    group,
    dbLearners,
    attemptsPerLearner: positive(env, 'BENCH_ATTEMPTS', 300),
    seconds: positive(env, 'BENCH_SECONDS', 20),
    writeShare: share,
    acceptEncoding: env.BENCH_ACCEPT_ENCODING ?? 'br, gzip, deflate',
    serverNodeArgs: (env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
    write: env.BENCH_WRITE !== '0',
  };
}

/** What one run of `npm run bench:pages` measures, read from the environment and the command line. */
export interface BenchOptions {
  /** The scale run: many learners in one database, a shorter load per page, and the nightly digest for all. */
  scale: boolean;
  pages: string[];
  /** autocannon's fixed duration per page and server, in seconds. */
  seconds: number;
  connections: number;
  /** A request slower than this counts as a timeout (the 2.7 MB checklist takes many seconds under 50 connections). */
  timeoutSeconds: number;
  learners: number;
  attemptsPerLearner: number;
  /** Days from today to the page learner's exam. */
  examInDays: number;
  /** Run the nightly digest for every learner (scale run only). */
  digest: boolean;
  /** Sent as accept-encoding with every request (empty: none, so nothing is compressed). */
  acceptEncoding: string;
  /** Extra node arguments for the cote server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
  serverNodeArgs: string[];
  /** Write bench/results/ (BENCH_WRITE=0 prints only: for trial and profiling runs). */
  write: boolean;
}

export const DEFAULT_PAGES = ['/', '/plan/today', '/plan', '/history'];

/**
 * Environment: BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_TIMEOUT_SECONDS, BENCH_PAGES (comma list), BENCH_SCALE=1
 * (or --scale), BENCH_LEARNERS, BENCH_ATTEMPTS, BENCH_EXAM_DAYS, BENCH_DIGEST=0 (skip the scale run's digest),
 * BENCH_ACCEPT_ENCODING (e.g. "gzip, br" to measure compressed pages), BENCH_SERVER_NODE_ARGS, BENCH_WRITE=0.
 */
export function benchOptions(
  env: NodeJS.ProcessEnv = process.env,
  argv: string[] = process.argv.slice(2),
): BenchOptions {
  for (const arg of argv)
    if (arg !== '--scale') throw new Error(`unknown argument ${JSON.stringify(arg)}: expected --scale or nothing`);
  const scale = argv.includes('--scale') || /^(1|true|yes)$/i.test(env.BENCH_SCALE ?? '');
  return {
    scale,
    pages: env.BENCH_PAGES
      ? env.BENCH_PAGES.split(',')
          .map((p) => p.trim())
          .filter(Boolean)
      : DEFAULT_PAGES,
    seconds: positive(env, 'BENCH_SECONDS', scale ? 5 : 10),
    connections: positive(env, 'BENCH_CONNECTIONS', 50),
    timeoutSeconds: positive(env, 'BENCH_TIMEOUT_SECONDS', 30),
    learners: positive(env, 'BENCH_LEARNERS', scale ? 10_000 : 1),
    attemptsPerLearner: positive(env, 'BENCH_ATTEMPTS', scale ? 300 : 250),
    examInDays: positive(env, 'BENCH_EXAM_DAYS', 60),
    digest: scale && env.BENCH_DIGEST !== '0',
    acceptEncoding: env.BENCH_ACCEPT_ENCODING ?? '',
    serverNodeArgs: (env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
    write: env.BENCH_WRITE !== '0',
  };
}

/** A whole number > 0 from the environment variable `name`, else `fallback`; anything else fails naming it. */
export function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name}=${JSON.stringify(raw)} is invalid: expected a whole number > 0`);
  return n;
}

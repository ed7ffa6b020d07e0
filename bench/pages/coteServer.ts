import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopChild, track, waitForLine } from './children.ts';
import { startCommand } from './startScript.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `npm run build`: the benchmark measures the compiled server (dist/), as `npm start` runs it. */
export function buildCote(): number {
  const start = performance.now();
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status}):\n${result.stderr}`);
  return Math.round(performance.now() - start);
}

export interface CoteServer {
  url: string;
  pid: number;
  /** How it was started: the environment `npm start` sets, node's flags and the script. */
  command: string;
  /** warn/error lines the server logged since it started (a clean run has none). */
  problems: string[];
  stop(): Promise<void>;
}

/**
 * Starts `node dist/main.js` on 127.0.0.1 and a free port, on `dataDir`, without the first-start import and with no
 * SMTP (digests, if any were due, would go to the outbox). LOG_LEVEL=info because the "listening" line that carries
 * the port is an info line; cote logs nothing per request, so this costs the measured requests nothing. `nodeArgs` go
 * to node after `npm start`'s own flags (e.g. --cpu-prof to see where the time goes; a later V8 flag wins). The server
 * runs as package.json's start script runs it (its malloc settings and heap flags); BENCH_PLAIN_NODE=1 runs it with
 * node's and glibc's defaults instead, to measure what those settings change.
 */
export async function startCote(dataDir: string, nodeArgs: string[] = []): Promise<CoteServer> {
  const plain = process.env.BENCH_PLAIN_NODE === '1';
  const start = plain ? { env: {}, nodeArgs: [], script: 'dist/main.js' } : startCommand(ROOT);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COTE_DATA_DIR: dataDir,
    COTE_AUTO_IMPORT: 'false',
    LOG_LEVEL: 'info',
    PORT: '0',
    HOST: '127.0.0.1',
    SMTP_URL: '',
    ...start.env,
  };
  delete env.NODE_OPTIONS; // the plain node the server runs with in production, no loaders inherited from tsx
  // BENCH_SERVER_STDOUT=<file> keeps what node prints on stdout (e.g. --trace-gc's lines), else it is dropped.
  const stdout = process.env.BENCH_SERVER_STDOUT ? fs.openSync(process.env.BENCH_SERVER_STDOUT, 'w') : 'ignore';
  const child = track(
    spawn(process.execPath, [...start.nodeArgs, ...nodeArgs, path.join(ROOT, start.script)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', stdout, 'pipe'],
    }),
  );
  const problems: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n'))
      if (/"level":"(warn|error)"|^cote:/.test(line)) problems.push(line);
  });
  const url = await waitForLine(child, 'stderr', (line) => /cote listening on (http:\/\/[\d.]+:\d+)/.exec(line)?.[1]);
  const command = [
    ...Object.entries(start.env).map(([name, value]) => `${name}=${value}`),
    'node',
    ...start.nodeArgs,
    ...nodeArgs,
    start.script,
  ].join(' ');
  return { url, pid: child.pid!, command, problems, stop: () => stopChild(child) };
}

// npm run bench:import — a full import of the tony9402 snapshot over local HTTP into a fresh SQLite file, against
// the same downloads with axios alone. Prints both medians and their ratio; writes bench/results/import.json.
// Targets: a full import under 1.5 s and under 3× the bare downloads. The files are served by a child process (like a
// remote host, so parsing here does not slow the server down), and imports and bare downloads alternate, so both see
// the same machine load.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axios from 'axios';
import { openDatabase } from '../src/db/connection.ts';
import { importList } from '../src/catalog/importList.ts';
import { serveDirectory } from '../test/fixtures/catalog/staticServer.ts';
import { SHARED_LIST_DIR, hasSharedList } from '../test/support/app.ts';

const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 7);
const RESULTS = path.resolve(import.meta.dirname, 'results/import.json');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

/** Child mode: serve the directory and report the URL and the requested paths to the parent. */
async function serve(dir: string) {
  const server = await serveDirectory(dir);
  process.send!({ url: server.url });
  process.on('message', (message) => {
    if (message === 'paths') process.send!({ paths: server.requests.map((r) => r.path) });
    if (message === 'clear') server.requests.length = 0;
    if (message === 'stop') void server.close().then(() => process.exit(0));
  });
}

function startServer(): Promise<{
  url: string;
  child: ChildProcess;
  paths(): Promise<string[]>;
  clear(): void;
  stop(): void;
}> {
  const child = fork(import.meta.filename, ['--serve', SHARED_LIST_DIR], { execArgv: ['--import', 'tsx'] });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  return next<{ url: string }>().then(({ url }) => ({
    url,
    child,
    paths: () => {
      const answer = next<{ paths: string[] }>();
      child.send('paths');
      return answer.then((m) => m.paths);
    },
    clear: () => child.send('clear'),
    stop: () => child.send('stop'),
  }));
}

async function main() {
  if (!hasSharedList) throw new Error(`the list snapshot is missing: expected ${SHARED_LIST_DIR}/README.md`);
  const server = await startServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-bench-import-'));
  try {
    const importOnce = async (n: number) => {
      const db = openDatabase(path.join(tmp, `run-${n}.db`));
      try {
        return await timed(() => importList(db, server.url));
      } finally {
        db.close();
      }
    };
    server.clear();
    const [coldMs, summary] = await importOnce(0);
    const files = await server.paths();
    const bare = axios.create({ responseType: 'text', transformResponse: (d: unknown) => d });
    const downloadAll = () => Promise.all(files.map((file) => bare.get(new URL(file.slice(1), server.url).toString())));
    await downloadAll();
    const imports: number[] = [];
    const downloads: number[] = [];
    for (let i = 1; i <= REPETITIONS; i++) {
      imports.push((await importOnce(i))[0]);
      downloads.push((await timed(downloadAll))[0]);
    }

    const importMs = median(imports);
    const downloadMs = median(downloads);
    const result = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      // Other work on the machine stretches the CPU-bound import (parsing, SQLite) more than the downloads: say how busy it was.
      loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
      repetitions: REPETITIONS,
      files: files.length,
      list: {
        categories: summary.categories,
        problems: summary.problems,
        entries: summary.entries,
        recommended: summary.recommended,
      },
      coldImportMs: round(coldMs),
      importMedianMs: round(importMs),
      importRunsMs: imports.map(round),
      bareDownloadMedianMs: round(downloadMs),
      bareDownloadRunsMs: downloads.map(round),
      ratio: Math.round((importMs / downloadMs) * 100) / 100,
      targets: { importUnderMs: 1500, ratioUnder: 3 },
    };
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `full import (${files.length} files over local HTTP into a fresh SQLite file), median of ${REPETITIONS}: ${round(importMs)} ms (cold first run ${round(coldMs)} ms)`,
    );
    console.log(
      `the same ${files.length} downloads with axios alone, median of ${REPETITIONS}: ${round(downloadMs)} ms`,
    );
    console.log(
      `ratio import/downloads: ${result.ratio}× — targets: < 1500 ms ${importMs < 1500 ? 'met' : 'MISSED'}, < 3× ${result.ratio < 3 ? 'met' : 'MISSED'} (load average ${result.loadAverage1m} on ${result.cpus} CPUs)`,
    );
    console.log(`written to ${path.relative(process.cwd(), RESULTS)}`);
  } finally {
    server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const run = process.argv[2] === '--serve' ? serve(process.argv[3]) : main();
run.catch((error) => {
  console.error(`bench:import: ${(error as Error).message}`);
  process.exitCode = 1;
});

/**
 * npm run bench:pages [-- --scale] — each page of a logged-in learner (/, /plan/today, /plan, /history) under
 * 50 connections for a fixed time, against the compiled cote server (started as `npm start` starts it, in its own
 * process) and a bare Node http server sending the same bytes from memory, side by side; then the same page asked
 * again with the ETag of the first view (If-None-Match: the 304 a browser's repeated view gets, reported for context).
 * Reports req/s, p50/p99, their ratio, failures and cote's resident memory after each page; writes
 * bench/results/pages.json (the scale run: pages-scale.json) and pages.md. Targets (issue 10): ratio ≥ 0.5, p99 ≤ 50 ms,
 * RSS ≤ 150 MB; the scale run also times the nightly digest for all learners (target: 60 s per 1,000). Settings: see
 * bench/pages/options.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseFile, openDatabase } from '../src/db/connection.ts';
import { localDay } from '../src/day.ts';
import { startBare } from './pages/bare.ts';
import { runBench, stopAllChildren } from './pages/children.ts';
import { buildCote, startCote } from './pages/coteServer.ts';
import { cpuMs, residentMemory } from './pages/procStats.ts';
import { runNightlyDigest } from './pages/digestRun.ts';
import { runLoad, type LoadSettings } from './pages/load.ts';
import { benchOptions, type BenchOptions } from './pages/options.ts';
import {
  pageResult,
  pageTable,
  runSummary,
  TARGETS,
  writeResults,
  type PageResult,
  type RunResult,
} from './pages/report.ts';
import { PAGE_LEARNER, seedDatabase, type SeedSummary } from './pages/seed.ts';
import { fetchPage, logIn, waitUntilIdle } from './pages/session.ts';

const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);
/** CPU ms per request, to 2 decimals. */
const perRequest = (ms: number, requests: number) => (requests > 0 ? Math.round((ms / requests) * 100) / 100 : 0);
const log = (line: string) => console.log(`[bench:pages] ${line}`);

async function seed(dataDir: string, options: BenchOptions): Promise<SeedSummary & { dbBytes: number }> {
  const db = openDatabase(databaseFile(dataDir));
  try {
    const now = new Date();
    const summary = await seedDatabase(db, options, localDay(now, 'Asia/Seoul'), now);
    return { ...summary, dbBytes: fs.statSync(databaseFile(dataDir)).size };
  } finally {
    db.close();
  }
}

/** Starts cote on the seeded data, logs in, then measures every page against the bare server. */
async function measurePages(dataDir: string, options: BenchOptions) {
  const cote = await startCote(dataDir, options.serverNodeArgs);
  try {
    const { acceptEncoding } = options;
    const cookie = await logIn(cote.url, PAGE_LEARNER.login, PAGE_LEARNER.password);
    const headers: Record<string, string> = {
      cookie,
      accept: 'text/html',
      ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
    };
    const rssAtStart = residentMemory(cote.pid);
    const fetched = [];
    for (const page of options.pages) {
      const answer = await fetchPage(cote.url, page, headers);
      if (answer.status !== 200)
        throw new Error(`GET ${page} answered ${answer.status}, expected 200 (is the session still valid?)`);
      log(
        `GET ${page}: ${answer.status}, ${answer.body.length.toLocaleString('en-US')} bytes, ${answer.contentType}, first view ${answer.ms} ms`,
      );
      fetched.push(answer);
    }
    const bare = await startBare(fetched, path.join(dataDir, 'bare'));
    const settings: LoadSettings = {
      seconds: options.seconds,
      connections: options.connections,
      timeoutSeconds: options.timeoutSeconds,
      headers,
    };
    const pages: PageResult[] = [];
    try {
      for (const page of fetched) {
        const loadAverage1m = loadAverage()[0];
        const coteCpu = cpuMs(cote.pid);
        const coteLoad = await runLoad(new URL(page.path, cote.url).toString(), settings);
        const drainMs = await waitUntilIdle(cote.url);
        const coteCpuMs = cpuMs(cote.pid) - coteCpu;
        const rss = residentMemory(cote.pid);
        const repeatCpu = cpuMs(cote.pid);
        const repeatLoad = await runLoad(new URL(page.path, cote.url).toString(), {
          ...settings,
          headers: { ...headers, 'if-none-match': page.etag },
        });
        await waitUntilIdle(cote.url);
        const repeat = { load: repeatLoad, cpuMsPerRequest: perRequest(cpuMs(cote.pid) - repeatCpu, repeatLoad.sent) };
        const bareCpu = cpuMs(bare.pid);
        const bareLoad = await runLoad(new URL(page.path, bare.url).toString(), settings);
        const cpuMsPerRequest = {
          cote: perRequest(coteCpuMs, coteLoad.sent),
          bare: perRequest(cpuMs(bare.pid) - bareCpu, bareLoad.sent),
        };
        const result = pageResult({
          cpuMsPerRequest,
          path: page.path,
          status: page.status,
          bytes: page.body.length,
          contentType: page.contentType,
          contentEncoding: page.contentEncoding,
          firstViewMs: page.ms,
          loadAverage1m,
          cote: coteLoad,
          bare: bareLoad,
          repeat,
          rss,
          drainMs,
        });
        log(
          `${page.path}: cote ${coteLoad.reqPerSec} req/s (p99 ${coteLoad.p99} ms), bare ${bareLoad.reqPerSec} req/s, ratio ${result.ratio}, CPU/request ${cpuMsPerRequest.cote} vs ${cpuMsPerRequest.bare} ms, RSS peak ${rss.peakMb} MB; repeated view (If-None-Match) ${repeatLoad.reqPerSec} req/s, ${JSON.stringify(repeatLoad.statusCodes)} (p99 ${repeatLoad.p99} ms, CPU/request ${repeat.cpuMsPerRequest} ms)`,
        );
        pages.push(result);
      }
    } finally {
      await bare.stop();
    }
    return { pages, rssAtStart, acceptEncoding, serverWarnings: cote.problems };
  } finally {
    await cote.stop();
  }
}

async function main() {
  const options = benchOptions();
  const start = loadAverage();
  log(
    `${options.scale ? 'scale' : 'normal'} run: ${options.learners} learner(s) × ${options.attemptsPerLearner} attempts, pages ${options.pages.join(' ')}, ${options.connections} connections × ${options.seconds} s (load average ${start.join(' ')})`,
  );
  const buildMs = buildCote();
  log(`npm run build: ${buildMs} ms`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-bench-pages-'));
  try {
    const seeded = await seed(dataDir, options);
    log(
      `seeded ${seeded.attempts.toLocaleString('en-US')} attempts of ${seeded.learners} learner(s) in ${seeded.learnersMs} ms (catalog ${seeded.catalogMs} ms); database ${(seeded.dbBytes / 1e6).toFixed(1)} MB`,
    );
    const measured = await measurePages(dataDir, options);
    let digest: RunResult['digest'];
    if (options.digest) {
      log(`nightly digest for ${seeded.learners} learners…`);
      const db = openDatabase(databaseFile(dataDir));
      try {
        const run = await runNightlyDigest(db, dataDir, seeded.today, (n, all, ms) =>
          log(`digest: ${n} of ${all} sent after ${Math.round(ms / 1000)} s`),
        );
        digest = { ...run, met: run.msPer1000 <= TARGETS.digestMsPer1000 };
      } finally {
        db.close();
      }
    }
    const pagesMet = measured.pages.every((p) => Object.values(p.met).every(Boolean));
    const result: RunResult = {
      run: options.scale ? 'scale' : options.acceptEncoding ? 'compressed' : 'normal',
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: { start, end: loadAverage() },
      settings: {
        seconds: options.seconds,
        connections: options.connections,
        timeoutSeconds: options.timeoutSeconds,
        acceptEncoding: measured.acceptEncoding,
      },
      seed: seeded,
      buildMs,
      rssAtStart: measured.rssAtStart,
      pages: measured.pages,
      digest,
      serverWarnings: measured.serverWarnings,
      allTargetsMet: pagesMet && (digest?.met ?? true),
    };
    console.log(`\n${runSummary(result)}\n\n${pageTable(result.pages)}\n`);
    if (options.write)
      log(
        `written to ${writeResults(result)
          .map((f) => path.relative(process.cwd(), f))
          .join(', ')}`,
      );
  } finally {
    await stopAllChildren();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runBench('bench:pages', main);

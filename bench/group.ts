/**
 * npm run bench:group [-- --scale] — a study group's evening (issue 21): N learners (BENCH_GROUP, default 20), each
 * with their own history and session, loop Today → log a solve (POST /attempts) → checklist → plan → history as fast
 * as the server answers, against the compiled cote server, then the same loop against a bare Node server answering
 * every step with the very bytes cote sent (brotli, as browsers ask), in one run. Reports views/s, p50/p99 per step,
 * CPU per request and peak RSS; writes bench/results/group.json (--scale: group-scale.json, a 10,000-learner
 * database) and group.md. Targets: views/s ≥ 0.2 of bare, p99 ≤ 150 ms, CPU ≤ 3 ms per request, peak RSS ≤ 150 MB.
 * Settings: bench/group/options.ts.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { databaseFile, openDatabase } from '../src/db/connection.ts';
import { localDay } from '../src/day.ts';
import { hashPassword } from '../src/learners/password.ts';
import { runBench, stopAllChildren, stopChild, track, waitForLine } from './pages/children.ts';
import { buildCote, startCote } from './pages/coteServer.ts';
import { cpuMs, residentMemory } from './pages/procStats.ts';
import { seedDatabase } from './pages/seed.ts';
import type { BenchOptions } from './pages/options.ts';
import { logIn, waitUntilIdle } from './pages/session.ts';
import { groupOptions, type GroupOptions } from './group/options.ts';
import { logStep, PAGE_STEPS, runGroupLoop, send, type GroupLearner, type Step } from './group/loop.ts';
import { judge, serverFigures, summary, table, writeGroupResults, type GroupResult } from './group/report.ts';
import { spawn } from 'node:child_process';

const log = (line: string) => console.log(`[bench:group] ${line}`);
const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);
const PASSWORD = 'bench-password-1';

async function seed(dataDir: string, options: GroupOptions) {
  const db = openDatabase(databaseFile(dataDir));
  try {
    const now = new Date();
    const today = localDay(now, 'Asia/Seoul');
    const seedOptions = {
      learners: options.dbLearners,
      attemptsPerLearner: options.attemptsPerLearner,
      examInDays: 60,
    };
    const summary = await seedDatabase(db, seedOptions as BenchOptions, today, now);
    // The looping learners log in like anyone else: one password hash shared by all of them.
    const logins = db.prepare('SELECT login FROM learners ORDER BY id LIMIT ?').pluck().all(options.group) as string[];
    db.prepare(`UPDATE learners SET password_hash = ? WHERE login IN (${logins.map(() => '?').join(',')})`).run(
      hashPassword(PASSWORD),
      ...logins,
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { ...summary, logins, dbBytes: fs.statSync(databaseFile(dataDir)).size };
  } finally {
    db.close();
  }
}

/** Logs each learner in and reads their CSRF token and today's problems from their Today page. */
async function groupOf(baseUrl: string, logins: string[], catalog: string[]): Promise<GroupLearner[]> {
  const learners: GroupLearner[] = [];
  for (const [i, login] of logins.entries()) {
    const cookie = await logIn(baseUrl, login, PASSWORD);
    const agent = new http.Agent({ keepAlive: false });
    const page = await send(baseUrl, agent, PAGE_STEPS.today, { cookie, accept: 'text/html' });
    const html = page.body.toString('utf8');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (page.status !== 200 || !csrf)
      throw new Error(`GET /plan/today for ${login} answered ${page.status} without a form`);
    const listed = [...new Set([...html.matchAll(/name="problem" value="([^"]+)"/g)].map((m) => m[1]))];
    // Today's problems first, then others spread over the list (each learner their own slice).
    const others = catalog.filter((_, k) => k % logins.length === i);
    learners.push({ login, cookie, csrf, problems: [...listed, ...others] });
  }
  return learners;
}

interface Captured {
  label: string;
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One pass of the loop as the first learner, kept byte for byte for the bare server. */
async function capture(baseUrl: string, learner: GroupLearner, acceptEncoding: string): Promise<Captured[]> {
  const agent = new http.Agent({ keepAlive: false });
  const headers = { cookie: learner.cookie, accept: 'text/html', 'accept-encoding': acceptEncoding };
  const steps: Step[] = [
    PAGE_STEPS.today,
    logStep(learner, learner.problems[0]),
    PAGE_STEPS.checklist,
    PAGE_STEPS.plan,
    PAGE_STEPS.history,
  ];
  const out: Captured[] = [];
  for (const step of steps) {
    const answer = await send(baseUrl, agent, step, headers);
    const kept: Record<string, string> = {};
    for (const name of ['content-type', 'content-encoding', 'location', 'etag', 'cache-control', 'vary'])
      if (typeof answer.headers[name] === 'string') kept[name] = answer.headers[name] as string;
    out.push({
      label: step.label,
      method: step.method,
      path: step.path,
      status: answer.status,
      headers: kept,
      body: answer.body,
    });
  }
  return out;
}

/** One unmeasured pass of the loop per learner, all at once. */
async function warmUp(baseUrl: string, learners: GroupLearner[], acceptEncoding: string): Promise<void> {
  await Promise.all(
    learners.map(async (learner) => {
      const agent = new http.Agent({ keepAlive: false });
      const headers = { cookie: learner.cookie, accept: 'text/html', 'accept-encoding': acceptEncoding };
      const problem = learner.problems.shift() ?? '';
      for (const step of [
        PAGE_STEPS.today,
        logStep(learner, problem),
        PAGE_STEPS.checklist,
        PAGE_STEPS.plan,
        PAGE_STEPS.history,
      ])
        await send(baseUrl, agent, step, headers);
    }),
  );
}

async function startBare(answers: Captured[], dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = answers.map((a, i) => {
    const file = path.join(dir, `answer-${i}.body`);
    fs.writeFileSync(file, a.body);
    return { method: a.method, path: a.path, status: a.status, headers: a.headers, file };
  });
  const manifestFile = path.join(dir, 'manifest.json');
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const script = path.join(import.meta.dirname, 'group/bareServer.mjs');
  const child = track(spawn(process.execPath, [script, manifestFile], { env, stdio: ['ignore', 'pipe', 'inherit'] }));
  const url = await waitForLine(child, 'stdout', (line) => /bare listening on (http:\/\/[\d.]+:\d+)/.exec(line)?.[1]);
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}

async function main() {
  const options = groupOptions();
  const start = loadAverage();
  log(
    `${options.scale ? 'scale' : 'normal'} run: ${options.group} learners looping ${options.seconds} s per server, write share ${options.writeShare}, database of ${options.dbLearners} learners × ${options.attemptsPerLearner} attempts (load average ${start.join(' ')})`,
  );
  log(`npm run build: ${buildCote()} ms`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-bench-group-'));
  try {
    const seedStart = performance.now();
    const seeded = await seed(dataDir, options);
    log(
      `seeded in ${Math.round((performance.now() - seedStart) / 1000)} s; database ${(seeded.dbBytes / 1e6).toFixed(1)} MB`,
    );
    const catalogDb = openDatabase(databaseFile(dataDir));
    const catalog = catalogDb.prepare('SELECT id FROM problems ORDER BY id').pluck().all() as string[];
    catalogDb.close();

    const cote = await startCote(dataDir, options.serverNodeArgs);
    const learners = await groupOf(cote.url, seeded.logins, catalog);
    const captured = await capture(cote.url, learners[0], options.acceptEncoding);
    for (const c of captured)
      log(
        `${c.label}: ${c.status}, ${c.body.length.toLocaleString('en-US')} bytes ${c.headers['content-encoding'] ?? ''}`,
      );
    // The evening, not the morning: each learner has been through the loop once today (their list is stored).
    await warmUp(cote.url, learners, options.acceptEncoding);
    await waitUntilIdle(cote.url);

    const cpuBefore = cpuMs(cote.pid);
    const coteTally = await runGroupLoop(cote.url, learners, options);
    await waitUntilIdle(cote.url);
    const coteFigures = serverFigures(
      coteTally,
      options.seconds,
      cpuMs(cote.pid) - cpuBefore,
      residentMemory(cote.pid).peakMb,
    );
    await cote.stop();
    log(
      `cote: ${coteFigures.viewsPerSec} views/s, p99 ${coteFigures.p99} ms, ${coteFigures.cpuMsPerRequest} ms CPU/request, peak RSS ${coteFigures.peakRssMb} MB, ${coteFigures.failures} failures`,
    );

    const bare = await startBare(captured, path.join(dataDir, 'bare'));
    const bareCpu = cpuMs(bare.pid);
    const bareTally = await runGroupLoop(bare.url, learners, options);
    const bareFigures = serverFigures(
      bareTally,
      options.seconds,
      cpuMs(bare.pid) - bareCpu,
      residentMemory(bare.pid).peakMb,
    );
    await bare.stop();
    log(
      `bare: ${bareFigures.viewsPerSec} views/s, p99 ${bareFigures.p99} ms, ${bareFigures.cpuMsPerRequest} ms CPU/request`,
    );

    const result: GroupResult = {
      run: options.scale ? 'scale' : 'normal',
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: { start, end: loadAverage() },
      settings: {
        group: options.group,
        dbLearners: options.dbLearners,
        attemptsPerLearner: options.attemptsPerLearner,
        seconds: options.seconds,
        writeShare: options.writeShare,
        acceptEncoding: options.acceptEncoding,
        server: cote.command,
      },
      dbBytes: seeded.dbBytes,
      pageBytes: Object.fromEntries(captured.map((c) => [c.label, c.body.length])),
      cote: coteFigures,
      bare: bareFigures,
      ...judge(coteFigures, bareFigures),
      serverWarnings: cote.problems,
    };
    console.log(`\n${summary(result)}\n\n${table(result)}\n`);
    if (coteFigures.failureSamples.length) log(`failures: ${coteFigures.failureSamples.join('; ')}`);
    if (options.write)
      log(
        `written to ${writeGroupResults(result)
          .map((f) => path.relative(process.cwd(), f))
          .join(', ')}`,
      );
  } finally {
    await stopAllChildren();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runBench('bench:group', main);

/**
 * npm run bench:digest — 1,000 learners with history, all due at the same minute, sent by sendDueDigests() to an
 * SMTP server in this process; then nodemailer alone sending 1,000 pre-rendered messages to the same server.
 * Each is measured with a pooled transport (5 connections reused) and without a pool (a connection per message).
 * Writes bench/results/digest.json. Target: under 60 s in all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSink } from './smtpSink.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { openDatabase, type Db } from '../src/db/connection.ts';
import { addDays } from '../src/day.ts';
import { importList } from '../src/catalog/importList.ts';
import { plannerCatalog } from '../src/catalog/plannerCatalog.ts';
import { createLearner, learnerById } from '../src/learners/learnerRepository.ts';
import { DEFAULT_SETTINGS } from '../src/learners/learnerSettings.ts';
import { silentLogger } from '../src/log.ts';
import { sendDueDigests } from '../src/digest/delivery.ts';
import { composeDigest } from '../src/digest/sendNow.ts';
import { createMailer, type Mailer } from '../src/digest/transport.ts';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 1000);
const TODAY = '2026-11-28';
const NOW = new Date('2026-11-28T12:00:00Z'); // 21:00 in Seoul: every learner is due
const LIST_DIR = path.resolve(import.meta.dirname, '../../shared/data/tony9402-baekjoon');

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same history. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seedCatalog(db: Db): Promise<string[]> {
  if (fs.existsSync(path.join(LIST_DIR, 'README.md'))) {
    await importList(db, LIST_DIR);
  } else {
    const insert = db.prepare("INSERT INTO problems (id, judge, number, title, level) VALUES (?, 'boj', ?, ?, ?)");
    for (let i = 0; i < 1000; i++) insert.run(`boj:${1000 + i}`, String(1000 + i), `Problem ${1000 + i}`, 1 + (i % 20));
  }
  const ids = plannerCatalog(db).problems.map((p) => p.id);
  return ids.length > 0 ? ids : (db.prepare('SELECT id FROM problems').pluck().all() as string[]);
}

/** 1,000 learners, each with 20–80 attempts over the last 45 days, a few today, exams 10–90 days away. */
function seedLearners(db: Db, problems: string[]): number {
  const random = rng(42);
  const insertAttempt = db.prepare(
    'INSERT INTO attempts (learner_id, problem_id, day, outcome, minutes, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const outcomes = ['solved', 'solved', 'solved', 'solved_slow', 'hint', 'failed'] as const;
  let attempts = 0;
  db.transaction(() => {
    for (let i = 0; i < LEARNERS; i++) {
      const learner = createLearner(
        db,
        {
          ...DEFAULT_SETTINGS,
          login: `learner${i}`,
          name: `Learner ${i}`,
          email: `learner${i}@bench.test`,
          language: i % 2 === 0 ? 'ko' : 'en',
          examDate: addDays(TODAY, 10 + Math.floor(random() * 80)),
          passwordHash: null,
          isAdmin: false,
        },
        new Date('2026-10-01T00:00:00Z'),
      );
      const n = 20 + Math.floor(random() * 60);
      for (let k = 0; k < n; k++) {
        const day = k < 3 ? TODAY : addDays(TODAY, -1 - Math.floor(random() * 45));
        insertAttempt.run(
          learner.id,
          problems[Math.floor(random() * problems.length)],
          day,
          outcomes[Math.floor(random() * outcomes.length)],
          10 + Math.floor(random() * 80),
          `${day}T10:00:00.000Z`,
        );
        attempts++;
      }
    }
  })();
  return attempts;
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: Math.round(performance.now() - start), result };
}

async function sendAll(
  mailer: Mailer,
  messages: ReturnType<typeof composeDigest>[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < messages.length) await mailer.send(messages[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-bench-digest-'));
  const sink = await startSink();
  try {
    const config: Config = loadConfig({
      COTE_DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      LOG_LEVEL: 'silent',
      COTE_BASE_URL: 'https://cote.bench.test',
    });
    const db = openDatabase(path.join(dataDir, 'cote.db'));
    const seed = await timed(async () => {
      const problems = await seedCatalog(db);
      return { problems: problems.length, attempts: seedLearners(db, problems) };
    });
    console.log(
      `seeded ${LEARNERS} learners, ${seed.result.attempts} attempts over ${seed.result.problems} problems in ${seed.ms} ms`,
    );

    const runs: Record<string, { ms: number; sent: number }> = {};
    for (const pool of [true, false]) {
      db.exec('DELETE FROM digests');
      const before = sink.count();
      const mailer = createMailer(config, { pool });
      const run = await timed(() => sendDueDigests({ db, config, logger: silentLogger, mailer }, NOW));
      mailer.close();
      if (run.result.sent !== LEARNERS || sink.count() - before !== LEARNERS)
        throw new Error(`expected ${LEARNERS} sent, got ${JSON.stringify(run.result)}`);
      runs[pool ? 'pooled' : 'unpooled'] = { ms: run.ms, sent: run.result.sent };
      console.log(`sendDueDigests, ${pool ? 'pooled' : 'unpooled'} SMTP: ${LEARNERS} digests in ${run.ms} ms`);
    }

    const learners = db.prepare('SELECT id FROM learners ORDER BY id').pluck().all() as number[];
    const render = await timed(() =>
      learners.map((id) => composeDigest({ db, config }, learnerById(db, id)!, TODAY, NOW)),
    );
    console.log(`rendering alone (view + HTML + text): ${LEARNERS} in ${render.ms} ms`);

    const alone: Record<string, number> = {};
    for (const pool of [true, false]) {
      const mailer = createMailer(config, { pool });
      const sent = await timed(() => sendAll(mailer, render.result, 5));
      mailer.close();
      alone[pool ? 'pooled' : 'unpooled'] = sent.ms;
      console.log(
        `nodemailer alone, ${pool ? 'pooled' : 'unpooled'}: ${LEARNERS} pre-rendered messages in ${sent.ms} ms`,
      );
    }

    const result = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      learners: LEARNERS,
      attempts: seed.result.attempts,
      problems: seed.result.problems,
      seedMs: seed.ms,
      totalMs: { pooled: runs.pooled.ms, unpooled: runs.unpooled.ms },
      renderMs: render.ms,
      nodemailerAloneMs: alone,
      concurrency: 5,
      targetMs: 60_000,
      withinTarget: runs.pooled.ms < 60_000,
    };
    fs.mkdirSync(path.resolve(import.meta.dirname, 'results'), { recursive: true });
    fs.writeFileSync(path.resolve(import.meta.dirname, 'results/digest.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `total (pooled, the default): ${runs.pooled.ms} ms — target under 60000 ms: ${result.withinTarget ? 'met' : 'MISSED'}`,
    );
    db.close();
  } finally {
    await sink.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

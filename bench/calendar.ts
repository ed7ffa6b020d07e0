/**
 * npm run bench:calendar — what a calendar app polling a learner's feed costs: one learner with 90 days of history
 * over the real curated list, the app on 127.0.0.1, then 300 GETs that revalidate (If-None-Match → 304), 300 that
 * fetch the whole feed (200, plan already stored) and the first GET after a logged solve (the plan made again); then
 * the route's own work without HTTP: the ETag alone (all a 304 costs) and the feed.
 * Writes bench/results/calendar.json.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { importList } from '../src/catalog/importList.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connection.ts';
import { addDays } from '../src/day.ts';
import { addLearner } from '../src/learners/addLearner.ts';
import { silentLogger } from '../src/log.ts';
import { learnerById } from '../src/learners/learnerRepository.ts';
import { newCalendarToken } from '../src/plans/calendarRepository.ts';
import { calendarEtag, calendarOf } from '../src/plans/calendarService.ts';
import { recordAttempt } from '../src/progress/attemptRepository.ts';

const LIST_DIR = path.resolve(import.meta.dirname, '../../shared/data/tony9402-baekjoon');
const FIXTURE = path.resolve(import.meta.dirname, '../test/fixtures/catalog/v1');
const NOW = new Date('2026-11-28T03:00:00Z');
const ROUNDS = 300;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-bench-cal-'));
// One address asking 600 times a minute would be an anonymous flood (COTE_ANONYMOUS_REQUESTS_PER_MINUTE): off here.
const config = loadConfig({
  COTE_DATA_DIR: dir,
  COTE_AUTO_IMPORT: 'false',
  LOG_LEVEL: 'silent',
  COTE_ANONYMOUS_REQUESTS_PER_MINUTE: '0',
});
const db = openDatabase(path.join(dir, 'cote.db'));
const list = fs.existsSync(path.join(LIST_DIR, 'README.md')) ? LIST_DIR : FIXTURE;
await importList(db, list);
const learner = addLearner(
  db,
  { login: 'ana', name: 'Ana', email: 'ana@example.com', password: 'bench-password-1', examDate: '2027-02-20' },
  { isAdmin: true, now: NOW },
);
const problems = db.prepare('SELECT id FROM problems ORDER BY id LIMIT 200').pluck().all() as string[];
for (let i = 0; i < 150; i++) {
  recordAttempt(db, {
    learnerId: learner.id,
    problemId: problems[(i * 7) % problems.length],
    day: addDays('2026-11-27', -(i % 90)),
    outcome: i % 5 === 0 ? 'failed' : 'solved',
    note: '',
    createdAt: NOW.toISOString(),
  });
}
const { token } = newCalendarToken(db, learner.id, NOW);
let now = NOW;
const server = http.createServer(
  createApp({ db, config, logger: silentLogger, now: () => now, sessionSecret: 'bench' }),
);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar/${token}.ics`;

const get = async (etag?: string) => {
  const start = process.hrtime.bigint();
  const res = await fetch(url, { headers: etag ? { 'If-None-Match': etag } : {} });
  const bytes = (await res.arrayBuffer()).byteLength;
  return {
    ms: Number(process.hrtime.bigint() - start) / 1e6,
    status: res.status,
    etag: res.headers.get('etag')!,
    bytes,
  };
};
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 100) / 100;
  return { median: at(0.5), p99: at(0.99) };
};

const first = await get();
const revalidate: number[] = [];
const full: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const r = await get(first.etag);
  if (r.status !== 304) throw new Error(`expected 304, got ${r.status}`);
  revalidate.push(r.ms);
}
for (let i = 0; i < ROUNDS; i++) full.push((await get()).ms);
now = new Date(NOW.getTime() + 3_600_000);
recordAttempt(db, {
  learnerId: learner.id,
  problemId: problems[1],
  day: '2026-11-28',
  outcome: 'solved',
  note: '',
  createdAt: now.toISOString(),
});
const afterSolve = await get(first.etag);
// The route's own work, without HTTP: what a 304 computes (the ETag) and what a 200 adds (the feed itself).
const inProcess = (work: () => unknown) => {
  const ms: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    work();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return stats(ms);
};
const stored = learnerById(db, learner.id)!;
const etagOnlyMs = inProcess(() => calendarEtag(db, config, stored, now));
const feedOnlyMs = inProcess(() => calendarOf(db, config, stored, now));
const result = {
  list: path.basename(list),
  problems: db.prepare('SELECT count(*) FROM problems').pluck().get(),
  feedBytes: first.bytes,
  events: (await (await fetch(url)).text()).split('BEGIN:VEVENT').length - 1,
  firstGetMs: Math.round(first.ms * 100) / 100,
  revalidate304Ms: stats(revalidate),
  full200Ms: stats(full),
  afterSolve: { status: afterSolve.status, ms: Math.round(afterSolve.ms * 100) / 100 },
  etagOnlyMs,
  feedOnlyMs,
};
console.log(JSON.stringify(result, null, 2));
fs.mkdirSync(path.resolve(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.resolve(import.meta.dirname, 'results/calendar.json'), `${JSON.stringify(result, null, 2)}\n`);
server.close();
db.close();
fs.rmSync(dir, { recursive: true, force: true });

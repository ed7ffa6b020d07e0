/**
 * npm run bench:pagecost — CPU per request of each step of bench:group's loop, one step at a time: one learner with 300
 * attempts, one request after another on a fresh connection each, against the compiled server. A change to one page
 * shows in that page's line (bench:group, with its 20 learners at once, is the headline). The CPU is split between the
 * server's main thread (JavaScript) and its other threads (garbage collection, brotli). Prints only; run it twice
 * around a change, or alternately against another checkout's build, on a machine as quiet as you can get.
 * Environment: BENCH_REQUESTS (300 per step), BENCH_ONLY (comma-separated step labels), BENCH_ENCODING
 * ("br, gzip, deflate"), BENCH_BUILD=0 (use dist/ as it is), BENCH_SERVER_NODE_ARGS, BENCH_SAVE (a folder: each step's
 * last answer is also fetched uncompressed and written there, to see what a page is made of).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { databaseFile, openDatabase } from '../src/db/connection.ts';
import { localDay } from '../src/day.ts';
import { hashPassword } from '../src/learners/password.ts';
import { runBench } from './pages/children.ts';
import { buildCote, startCote } from './pages/coteServer.ts';
import { threadCpuMs } from './pages/procStats.ts';
import { seedDatabase } from './pages/seed.ts';
import { positive, type BenchOptions } from './pages/options.ts';
import { logIn } from './pages/session.ts';
import { logStep, PAGE_STEPS, send, type Step } from './group/loop.ts';

const PASSWORD = 'bench-password-1';

async function main() {
  const requests = positive(process.env, 'BENCH_REQUESTS', 300);
  const only = process.env.BENCH_ONLY?.split(',');
  const encoding = process.env.BENCH_ENCODING ?? 'br, gzip, deflate';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-pagecost-'));
  try {
    const db = openDatabase(databaseFile(dir));
    const now = new Date();
    const seed = { learners: 2, attemptsPerLearner: 300, examInDays: 60 } as BenchOptions;
    await seedDatabase(db, seed, localDay(now, 'Asia/Seoul'), now);
    const login = db.prepare('SELECT login FROM learners ORDER BY id LIMIT 1').pluck().get() as string;
    db.prepare('UPDATE learners SET password_hash = ? WHERE login = ?').run(hashPassword(PASSWORD), login);
    const catalog = db.prepare('SELECT id FROM problems ORDER BY id').pluck().all() as string[];
    db.close();
    if (process.env.BENCH_BUILD !== '0') buildCote();
    const server = await startCote(dir, (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean));
    try {
      const cookie = await logIn(server.url, login, PASSWORD);
      const agent = new http.Agent({ keepAlive: false });
      const headers = { cookie, accept: 'text/html', 'accept-encoding': encoding };
      const first = await send(server.url, agent, PAGE_STEPS.today, { ...headers, 'accept-encoding': 'identity' });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(first.body.toString('utf8'))?.[1];
      if (!csrf) throw new Error(`GET /plan/today answered ${first.status} without a form`);
      const learner = { login, cookie, csrf, problems: catalog };
      let logged = 0;
      const steps: [string, () => Step][] = [
        ...Object.values(PAGE_STEPS).map((step): [string, () => Step] => [step.label, () => step]),
        ['POST /attempts', () => logStep(learner, catalog[logged++ % catalog.length])],
        ['GET /healthz (404)', () => ({ label: '404', method: 'GET', path: '/healthz' })],
      ];
      for (const [label, step] of steps.filter(([l]) => !only || only.includes(l))) {
        for (let i = 0; i < 30; i++) await send(server.url, agent, step(), headers);
        const before = threadCpuMs(server.pid);
        let last = { status: 0, bytes: 0 };
        for (let i = 0; i < requests; i++) {
          const answer = await send(server.url, agent, step(), headers);
          last = { status: answer.status, bytes: answer.body.length };
        }
        const after = threadCpuMs(server.pid);
        if (process.env.BENCH_SAVE) {
          const plain = await send(server.url, agent, step(), { ...headers, 'accept-encoding': 'identity' });
          fs.mkdirSync(process.env.BENCH_SAVE, { recursive: true });
          fs.writeFileSync(path.join(process.env.BENCH_SAVE, `${label.replace(/\W+/g, '_')}.html`), plain.body);
        }
        const main = (after.main - before.main) / requests;
        const other = (after.other - before.other) / requests;
        console.log(
          `${label.padEnd(20)} ${(main + other).toFixed(2)} ms CPU per request (main thread ${main.toFixed(2)}, other threads ${other.toFixed(2)}); ${last.status}, ${last.bytes} bytes`,
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runBench('bench:pagecost', main);

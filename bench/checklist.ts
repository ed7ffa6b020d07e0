// npx tsx bench/checklist.ts — the checklist (`GET /`) on the full tony9402 snapshot for a learner with 300 attempts:
// its HTML size (plain and gzip), the server's time per view, and first contentful paint in Chromium (median of
// several loads, cold cache each). Writes bench/results/checklist.json. Targets: HTML ≤ 150 KB, FCP ≤ 1 s.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { importList } from '../src/catalog/importList.ts';
import { recordAttempt } from '../src/progress/attemptRepository.ts';
import { SHARED_LIST_DIR, hasSharedList, testDeps } from '../test/support/app.ts';
import { CHROMIUM } from '../test/support/browser.ts';
import { PASSWORD, seedLearner } from '../test/support/progress.ts';

const LOADS = Number(process.env.BENCH_REPETITIONS ?? 5);
const RESULTS = path.resolve(import.meta.dirname, 'results/checklist.json');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (!hasSharedList) throw new Error(`the list snapshot is missing: expected ${SHARED_LIST_DIR}/README.md`);
  const t = testDeps();
  await importList(t.deps.db, SHARED_LIST_DIR);
  const learner = seedLearner(t.deps.db, 'bench', { language: 'en' });
  // 300 attempts over every third problem of the list, on days spread over the last year; one in five failed.
  const ids = t.deps.db.prepare('SELECT id FROM problems ORDER BY id').pluck().all() as string[];
  for (let i = 0; i < 300; i++) {
    const day = new Date(Date.UTC(2025, 11, 1) + (i % 360) * 86_400_000).toISOString().slice(0, 10);
    const outcome = i % 5 === 0 ? 'failed' : i % 7 === 0 ? 'solved_slow' : 'solved';
    recordAttempt(t.deps.db, {
      learnerId: learner.id,
      problemId: ids[(i * 3) % ids.length],
      day,
      outcome,
      createdAt: `${day}T12:00:00Z`,
    });
  }
  const server = http.createServer(t.app());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await chromium.launchPersistentContext(fs.mkdtempSync('/tmp/cote-bench-'), {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    baseURL: base,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(180_000);
    await page.goto('/login');
    await page.fill('input[name=login]', 'bench');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('button[type=submit].primary')]);
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

    const serverMs: number[] = [];
    let html = '';
    for (let i = 0; i < LOADS; i++) {
      const start = performance.now();
      html = await (await fetch(`${base}/`, { headers: { cookie, 'accept-encoding': 'identity' } })).text();
      serverMs.push(performance.now() - start);
    }
    const bytes = Buffer.byteLength(html);
    const largest = t.deps.db
      .prepare(
        'SELECT c.key FROM entries e JOIN categories c ON c.id = e.category_id GROUP BY c.id ORDER BY count(*) DESC LIMIT 1',
      )
      .pluck()
      .get() as string;
    const typeHtml = await (
      await fetch(`${base}/?type=${largest}`, { headers: { cookie, 'accept-encoding': 'identity' } })
    ).text();
    const gzipBytes = zlib.gzipSync(html).length;

    const paints = async (url: string) => {
      const fcp: number[] = [];
      const load: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const session = await context.newCDPSession(page);
        await session.send('Network.clearBrowserCache');
        await page.goto(url, { waitUntil: 'load' });
        // The paint entry is recorded a little after the paint: wait for it (buffered, so an early one counts).
        const timing = await page.evaluate(
          () =>
            new Promise<{ fcp: number; load: number }>((resolve) => {
              const load = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
              new PerformanceObserver((list) => {
                const entry = list.getEntriesByName('first-contentful-paint')[0];
                if (entry) resolve({ fcp: entry.startTime, load });
              }).observe({ type: 'paint', buffered: true });
            }),
        );
        fcp.push(timing.fcp);
        load.push(timing.load);
      }
      return { fcp, load };
    };
    const { fcp, load } = await paints('/');
    const typePage = await paints(`/?type=${largest}`);
    const result = {
      at: new Date().toISOString(),
      list: 'tony9402-baekjoon',
      attempts: 300,
      htmlBytes: bytes,
      htmlGzipBytes: gzipBytes,
      forms: (html.match(/<form/g) ?? []).length,
      largestType: largest,
      largestTypeHtmlBytes: Buffer.byteLength(typeHtml),
      serverMsMedian: Math.round(median(serverMs) * 10) / 10,
      fcpMsMedian: Math.round(median(fcp)),
      loadMsMedian: Math.round(median(load)),
      fcpMs: fcp.map(Math.round),
      largestTypeFcpMsMedian: Math.round(median(typePage.fcp)),
      largestTypeLoadMsMedian: Math.round(median(typePage.load)),
    };
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await context.close();
    server.closeAllConnections();
    server.close();
    t.cleanup();
  }
}

await main();

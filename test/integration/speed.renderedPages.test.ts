import http from 'node:http';
import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { csrfFrom, testDeps } from '../support/app.ts';
import { seedLearner, PASSWORD } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { createApp } from '../../src/app.ts';
import { databaseFile, openDatabase } from '../../src/db/connection.ts';
import { logAttempt } from '../../src/progress/logAttempt.ts';
import { plannerRunCount } from '../../src/plans/planService.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';

const V1 = path.resolve(import.meta.dirname, '../fixtures/catalog/v1');
// 03:00 UTC is 12:00 in Seoul on 2026-11-28, 30 days before the exam.
const START = new Date('2026-11-28T03:00:00Z');
const PAGES = ['/', '/?type=graph_traversal', '/types/graph_traversal/rows', '/plan/today', '/plan', '/history'];

/** A listening server: the Host header (part of a kept page's key) stays the same from one request to the next. */
type App = http.Server;

async function listening(handler: http.RequestListener): Promise<App> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const close = (server: App) => {
  server.closeAllConnections();
  server.close();
};

async function logIn(app: App, login: string): Promise<string> {
  const page = await request(app).get('/login');
  const anonymous = page.headers['set-cookie'][0].split(';')[0];
  const res = await request(app)
    .post('/login')
    .set('Cookie', anonymous)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), login, password: PASSWORD });
  expect(res.status, 'login').to.equal(302);
  return res.headers['set-cookie'][0].split(';')[0];
}

describe('rendered pages kept while nothing changed (issue 10)', () => {
  let t: ReturnType<typeof testDeps>;
  let mina: Learner;
  /** The app as it runs, with its rendered pages kept. */
  let app: App;
  /** The same app on the same database keeping nothing: what a kept page must always equal. */
  let renderedEachTime: App;
  let cookie: string;

  const get = (url: string, extra: Record<string, string> = {}, on = app) =>
    request(on).get(url).set('Cookie', cookie).set('Accept-Language', 'en').set(extra);
  /** Views `url` until an answer comes from the kept pages (a first view may store a plan: that one is not kept). */
  async function keptView(url: string) {
    for (let view = 1; view <= 3; view++) {
      const res = await get(url);
      expect(res.status, url).to.equal(200);
      if (res.headers.age !== undefined) return res;
    }
    throw new Error(`${url} was rendered three times in a row with nothing changed: not kept`);
  }

  beforeEach(async () => {
    t = testDeps({}, START);
    await importList(t.deps.db, V1);
    mina = seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2026-12-28', dailyMinutes: '120' });
    app = await listening(t.app());
    renderedEachTime = await listening(createApp({ ...t.deps, config: { ...t.deps.config, pageCacheMb: 0 } }));
    cookie = await logIn(app, 'mina');
  });
  afterEach(() => {
    close(app);
    close(renderedEachTime);
    t.cleanup();
  });

  it('a repeated view of each page is answered from memory (Age), byte for byte what a fresh render sends', async () => {
    for (const url of PAGES) {
      const kept = await keptView(url);
      const fresh = await get(url, {}, renderedEachTime);
      expect(fresh.headers.age, url).to.equal(undefined);
      expect(kept.text, url).to.equal(fresh.text);
      for (const header of ['content-type', 'content-security-policy', 'cache-control', 'etag', 'x-frame-options'])
        expect(kept.headers[header], `${url} ${header}`).to.equal(fresh.headers[header]);
      expect(kept.headers['set-cookie'], url).to.equal(undefined);
    }
  });

  it('a kept view runs neither the planner nor a template: 20 views of /plan cost no planner run', async () => {
    await keptView('/plan');
    const before = plannerRunCount();
    for (let i = 0; i < 20; i++) expect((await get('/plan')).headers.age).to.not.equal(undefined);
    expect(plannerRunCount() - before).to.equal(0);
  });

  it('logging a solve through the app – every page is rendered again and shows it', async () => {
    for (const url of PAGES) await keptView(url);
    const before = await get('/history');
    const checklist = await get('/?type=graph_traversal');
    const csrf = csrfFrom(checklist.text);
    const logged = await request(app)
      .post('/attempts')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, problem: 'boj:1260' });
    expect(logged.status).to.equal(302);
    // The redirect's page shows the flash (read once): the pages are compared after it.
    expect((await get('/')).text).to.include('Logged DFS와 BFS');
    for (const url of PAGES) {
      const after = await get(url);
      expect(after.headers.age, url).to.equal(undefined);
      expect(after.text, url).to.equal((await get(url, {}, renderedEachTime)).text);
    }
    expect((await get('/history')).text).to.not.equal(before.text);
  });

  it('another process writes the database (the CLI, a second connection) – the next view is rendered again', async () => {
    const kept = await keptView('/history');
    const other = openDatabase(databaseFile(t.deps.config.dataDir));
    try {
      logAttempt(other, mina, { problem: 'boj:1260' }, START);
    } finally {
      other.close();
    }
    const after = await get('/history');
    expect(after.headers.age).to.equal(undefined);
    expect(after.text).to.not.equal(kept.text);
    expect(after.text).to.equal((await get('/history', {}, renderedEachTime)).text);
  });

  it('the learner’s midnight – kept at 23:59 KST, rendered again at 00:00:30 KST with the new D-day', async () => {
    t.clock.set('2026-11-28T14:59:00Z');
    const late = await keptView('/plan/today');
    expect(late.text).to.include('D-30');
    t.clock.set('2026-11-28T15:00:30Z');
    const next = await get('/plan/today');
    expect(next.headers.age).to.equal(undefined);
    expect(next.text).to.include('D-29');
  });

  it('another session, a logged-out cookie, a HEAD or another language never get the kept page', async () => {
    const kept = await keptView('/plan');
    const second = await logIn(app, 'mina');
    expect((await request(app).get('/plan').set('Cookie', second).set('Accept-Language', 'en')).headers.age).to.equal(
      undefined,
    );
    expect((await get('/plan', { 'Accept-Language': 'ko' })).headers.age).to.equal(undefined);
    expect((await request(app).head('/plan').set('Cookie', cookie).set('Accept-Language', 'en')).headers.age).to.equal(
      undefined,
    );
    const logout = await request(app)
      .post('/logout')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfFrom(kept.text) });
    expect(logout.status).to.equal(302);
    const after = await get('/plan');
    expect(after.status).to.equal(302);
    expect(after.headers.location).to.match(/^\/login/);
  });

  it('a page kept brotli-compressed – a client that asked for no encoding gets it uncompressed, rendered again', async () => {
    const br = { 'Accept-Encoding': 'br' };
    let kept = await get('/plan', br);
    for (let view = 1; view < 3 && kept.headers.age === undefined; view++) kept = await get('/plan', br);
    expect(kept.headers.age, 'kept').to.not.equal(undefined);
    expect(kept.headers['content-encoding']).to.equal('br');
    const plain = await get('/plan', { 'Accept-Encoding': 'identity' });
    expect(plain.status).to.equal(200);
    expect(plain.headers['content-encoding']).to.equal(undefined);
    expect(plain.headers.age).to.equal(undefined);
    expect(plain.text).to.contain('</html>');
  });

  it('a flash message is shown once and never kept', async () => {
    await keptView('/plan/today');
    const today = await get('/plan/today');
    const problem = /data-problem="([^"]+)"/.exec(today.text)?.[1];
    expect(problem, 'a problem on today’s list').to.be.a('string');
    const skipped = await request(app)
      .post('/plan/today/skip')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfFrom(today.text), problem });
    expect(skipped.status).to.equal(302);
    const withFlash = await get('/plan/today');
    expect(withFlash.headers.age).to.equal(undefined);
    expect(withFlash.text).to.match(/class="flash/);
    const again = await keptView('/plan/today');
    expect(again.text).to.not.match(/class="flash/);
  });

  it('If-None-Match with the kept ETag – 304 without a body', async () => {
    const kept = await keptView('/history');
    const res = await get('/history', { 'If-None-Match': kept.headers.etag });
    expect(res.status).to.equal(304);
    expect(res.headers.age).to.not.equal(undefined);
    expect(res.text).to.equal('');
  });

  it('COTE_PAGE_CACHE_MB=0 – nothing is kept', async () => {
    for (let i = 0; i < 3; i++) expect((await get('/plan', {}, renderedEachTime)).headers.age).to.equal(undefined);
  });
});

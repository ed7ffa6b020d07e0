import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { importList } from '../../src/catalog/importList.ts';
import { createImportRun, finishImportRun, importRunById } from '../../src/catalog/importRunRepository.ts';
import type { Db } from '../../src/db/connection.ts';
import { csrfFrom, testDeps } from '../support/app.ts';
import { setLearnerLanguage } from '../../src/learners/learnerRepository.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { serveDirectory, type StaticServer } from '../fixtures/catalog/staticServer.ts';

// Who may see where lists come from, and which URLs an import from the browser may reach (SSRF).

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/catalog');
const EN = { 'Accept-Language': 'en' };
const SECRET_URL = 'http://10.0.0.5:8080/list/README.md';

/** A failed run whose stored reason carries a private address and a probe result, as a port scan would leave it. */
function failedRun(db: Db, at: Date): number {
  const id = createImportRun(db, 'http://10.0.0.5:8080/list/', at);
  const message = `cannot reach ${SECRET_URL} (ECONNREFUSED); expected the index`;
  finishImportRun(db, id, {
    status: 'failed',
    message,
    error: { code: 'catalog.unreachable', params: { url: SECRET_URL, reason: 'ECONNREFUSED', expected: 'the index' } },
    at,
  });
  return id;
}

/** A learner who reads English (the first one seeded is the admin). */
function seed(db: Db, login: string): void {
  setLearnerLanguage(db, seedLearner(db, login).id, 'en');
}

async function waitForRun(db: Db, id: number) {
  for (let i = 0; i < 250; i++) {
    const run = importRunById(db, id)!;
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the import did not finish');
}

describe('catalog access', () => {
  describe('what /lists and /api/imports/:id show', () => {
    let t: ReturnType<typeof testDeps>;
    let runId: number;
    const listDir = path.join(FIXTURES, 'v1');
    beforeEach(async () => {
      t = testDeps();
      await importList(t.deps.db, listDir);
      runId = failedRun(t.deps.db, t.clock.get());
      seed(t.deps.db, 'root'); // the first learner: an admin
      seed(t.deps.db, 'lee');
    });
    afterEach(() => t.cleanup());

    const hidden = (html: string) => {
      expect(html).to.include('tony9402-baekjoon').and.include('3 types, 9 problems, 10 entries, 4 recommended');
      expect(html).to.include('import failed');
      expect(html).to.not.include(listDir);
      expect(html).to.not.include('10.0.0.5');
      expect(html).to.not.include('ECONNREFUSED');
    };

    it('GET /lists – anonymous, once learners exist – names, counts and dates; no source, no reason beyond "import failed"', async () => {
      const res = await request(t.app()).get('/lists').set(EN).expect(200);
      hidden(res.text);
    });

    it('GET /lists – a learner who is not an admin – the same: no source, no reason', async () => {
      const { agent } = await loggedIn(t.app(), 'lee');
      hidden((await agent.get('/lists').set(EN).expect(200)).text);
    });

    it('GET /lists – an admin – every source and the full reason of the failure', async () => {
      const { agent } = await loggedIn(t.app(), 'root');
      const res = await agent.get('/lists').set(EN).expect(200);
      expect(res.text).to.include(listDir).and.include(`Cannot reach ${SECRET_URL} (ECONNREFUSED)`);
    });

    it('GET / – a learner who is not an admin – the list, when and its counts, but not where it came from; an admin sees it', async () => {
      const lee = await loggedIn(t.app(), 'lee');
      const page = await lee.agent.get('/').set(EN).expect(200);
      expect(page.text).to.include('3 types · 9 problems · 10 entries · 4 recommended').and.not.include(listDir);
      const root = await loggedIn(t.app(), 'root');
      expect((await root.agent.get('/').set(EN).expect(200)).text).to.include(listDir);
    });

    it('GET / – no list yet and the import failed – a learner who is not an admin sees "import failed" only', async () => {
      t.deps.db.exec('DELETE FROM entries; DELETE FROM categories; DELETE FROM lists;');
      const lee = await loggedIn(t.app(), 'lee');
      const page = await lee.agent.get('/').set(EN).expect(200);
      expect(page.text).to.include('The import from the configured source failed: import failed');
      expect(page.text).to.not.include('10.0.0.5').and.not.include('ECONNREFUSED');
    });

    it('GET /api/imports/:id – anonymous or not an admin – status and counts only; an admin gets source and reason', async () => {
      const anonymous = await request(t.app()).get(`/api/imports/${runId}`).set(EN).expect(200);
      expect(anonymous.body).to.include({ id: runId, status: 'failed', message: 'import failed' });
      expect(anonymous.body).to.not.have.property('source');
      expect(JSON.stringify(anonymous.body)).to.not.include('10.0.0.5');
      const lee = await loggedIn(t.app(), 'lee');
      const learner = await lee.agent.get(`/api/imports/${runId}`).set(EN).expect(200);
      expect(learner.body).to.deep.equal(anonymous.body);
      const root = await loggedIn(t.app(), 'root');
      const admin = await root.agent.get(`/api/imports/${runId}`).set(EN).expect(200);
      expect(admin.body).to.include({ source: 'http://10.0.0.5:8080/list/' });
      expect(admin.body.message).to.include('ECONNREFUSED');
    });
  });

  describe('POST /lists/import from a URL', () => {
    let server: StaticServer;
    let t: ReturnType<typeof testDeps>;
    before(async () => (server = await serveDirectory(path.join(FIXTURES, 'v1'))));
    after(async () => server.close());
    beforeEach(() => (server.requests.length = 0));
    afterEach(() => t.cleanup());

    async function adminImports(source: string) {
      seed(t.deps.db, 'root');
      const { agent } = await loggedIn(t.app(), 'root');
      const page = await agent.get('/lists').set(EN).expect(200);
      return agent
        .post('/lists/import')
        .set(EN)
        .type('form')
        .send({ _csrf: csrfFrom(page.text), source });
    }

    it('an admin, default settings – a 127.0.0.1 URL – 422 naming the address; no run, no request reaches it', async () => {
      t = testDeps();
      const res = await adminImports(server.url);
      expect(res.status).to.equal(422);
      expect(res.text).to.include(
        `${server.url}: 127.0.0.1 is 127.0.0.1, a private or local address. An admin can allow such sources with COTE_ALLOW_PRIVATE_SOURCES=true.`,
      );
      expect(importRunById(t.deps.db, 1)).to.equal(undefined);
      expect(server.requests).to.have.length(0);
    });

    it('an admin, default settings – a name that resolves to loopback (localhost) – 422 as well', async () => {
      t = testDeps();
      const res = await adminImports(server.url.replace('127.0.0.1', 'localhost'));
      expect(res.status).to.equal(422);
      expect(res.text).to.include('localhost is 127.0.0.1, a private or local address');
      expect(importRunById(t.deps.db, 1)).to.equal(undefined);
    });

    it('the first run, before any learner – anyone may import, but not from a private address either', async () => {
      t = testDeps();
      const agent = request.agent(t.app());
      const page = await agent.get('/lists').set(EN).expect(200);
      const res = await agent
        .post('/lists/import')
        .set(EN)
        .type('form')
        .send({ _csrf: csrfFrom(page.text), source: server.url });
      expect(res.status).to.equal(422);
      expect(importRunById(t.deps.db, 1)).to.equal(undefined);
    });

    it('COTE_ALLOW_PRIVATE_SOURCES=true – the same URL imports', async () => {
      t = testDeps({ COTE_ALLOW_PRIVATE_SOURCES: 'true' });
      const res = await adminImports(server.url);
      expect(res.status).to.equal(303);
      expect(await waitForRun(t.deps.db, 1)).to.include({ status: 'succeeded', done: 5, total: 5 });
    });

    it("the operator's COTE_LIST_SOURCE – trusted: imports (a refresh of the default list) without the flag", async () => {
      t = testDeps({ COTE_LIST_SOURCE: server.url });
      const res = await adminImports(server.url);
      expect(res.status).to.equal(303);
      expect(await waitForRun(t.deps.db, 1)).to.include({ status: 'succeeded' });
    });
  });
});

import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { importList } from '../../src/catalog/importList.ts';
import { createImportRun, finishImportRun, importRunById } from '../../src/catalog/importRunRepository.ts';
import { createLearner } from '../../src/learners/learnerRepository.ts';
import { hashPassword } from '../../src/learners/password.ts';
import type { Db } from '../../src/db/connection.ts';
import { SHARED_LIST_DIR, csrfFrom, hasSharedList, testDeps } from '../support/app.ts';
import { readerAgent } from '../support/progress.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/catalog');
const EN = { 'Accept-Language': 'en' };

/** Rows of the problem tables on a page, as problem ids. */
const problemIds = (html: string) => [...html.matchAll(/data-problem="([^"]+)"/g)].map((m) => m[1]);

async function waitForRun(db: Db, id: number) {
  for (let i = 0; i < 200; i++) {
    const run = importRunById(db, id)!;
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the import did not finish');
}

function addLearner(db: Db, login: string, isAdmin: boolean) {
  return createLearner(
    db,
    {
      login,
      name: login,
      email: `${login}@example.test`,
      passwordHash: hashPassword('correct horse'),
      isAdmin,
      timezone: 'Asia/Seoul',
      language: 'en',
      examDate: null,
      dailyMinutes: 120,
      studyDays: [1, 2, 3, 4, 5],
      profile: 'general',
    },
    new Date('2026-11-01T00:00:00Z'),
  );
}

/** readerAgent()'s learner made an admin: sees where lists come from and why an import failed. */
async function adminReader(t: ReturnType<typeof testDeps>, lang: 'en' | 'ko') {
  const agent = await readerAgent(t, lang);
  t.deps.db.prepare("UPDATE learners SET is_admin = 1 WHERE login = 'reader'").run();
  return agent;
}

describe('catalog pages', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => (t = testDeps()));
  afterEach(() => t.cleanup());

  describe('GET / with the fixture list', () => {
    beforeEach(async () => {
      await importList(t.deps.db, path.join(FIXTURES, 'v1'));
    });

    it('GET / – a list – each type folded with English and Korean names and counts; its rows in list order on opening', async () => {
      const agent = await readerAgent(t, 'en');
      const res = await agent.get('/').expect(200);
      expect(res.text).to.include('Graph Traversal').and.include('그래프 탐색').and.include('시뮬레이션');
      expect(res.text).to.match(
        /<details class="type-section" id="type-graph_traversal" data-type="graph_traversal">\s*<summary>\s*<span class="type-name">Graph Traversal<\/span> <span class="name-other" lang="ko">그래프 탐색<\/span>\s*<span class="type-counts">4 problems · 2 recommended<\/span>/,
      );
      // Folded: no rows on the page, a link to the type open (without JS) and the address of its rows (with JS).
      expect(problemIds(res.text)).to.deep.equal([]);
      expect(res.text).to.include(
        '<a href="/?type=simulation#type-simulation" data-rows="/types/simulation/rows">Show the 4 problems</a>',
      );
      const opened: string[] = [];
      for (const key of ['graph_traversal', 'simulation', 'math'])
        opened.push(...problemIds((await agent.get(`/types/${key}/rows`).expect(200)).text));
      expect(opened).to.deep.equal([
        'boj:1260',
        'boj:2178',
        'boj:7576',
        'boj:1012',
        'boj:14891',
        'boj:2178',
        'boj:14499',
        'boj:1003',
        'boj:1978',
        'boj:2609',
      ]);
      const graph = await agent.get('/?type=graph_traversal').expect(200);
      expect(graph.text).to.match(
        /<details class="type-section" id="type-graph_traversal" data-type="graph_traversal" open>/,
      );
      expect(problemIds(graph.text)).to.deep.equal(['boj:1260', 'boj:2178', 'boj:7576', 'boj:1012']);
      expect(graph.text).to.include(
        '<a href="https://www.acmicpc.net/problem/1260" rel="noopener noreferrer" target="_blank">DFS와 BFS</a>',
      );
      expect(graph.text).to.include('<span class="tier tier-gold">Gold IV</span>');
    });

    it('GET /types/:key/rows – filters in the query – only the matching rows; an unknown type is a 404', async () => {
      const agent = await readerAgent(t, 'en');
      expect(problemIds((await agent.get('/types/simulation/rows?recommended=1').expect(200)).text)).to.deep.equal([
        'boj:14891',
      ]);
      expect((await agent.get('/types/simulation/rows?min=20').expect(200)).text).to.include(
        'No problem of this type matches the filters.',
      );
      await agent.get('/types/nope/rows').expect(404);
      await agent.get('/types/math/rows?min=99').expect(400);
    });

    it('GET / – Korean browser – tier badges and words in Korean', async () => {
      const res = await (await readerAgent(t, 'ko')).get('/?type=graph_traversal').expect(200);
      expect(res.text).to.include('<span class="tier tier-gold">골드 IV</span>').and.include('알고리즘 유형별 문제');
    });

    it('GET / – a title with HTML from the remote file – is shown escaped, never as markup', async () => {
      const agent = await readerAgent(t, 'ko');
      for (const url of ['/?type=simulation', '/types/simulation/rows', '/?q=script']) {
        const res = await agent.get(url).expect(200);
        expect(res.text).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(res.text).to.not.include('<script>alert(1)</script>');
      }
    });

    it("GET /?type=simulation – shows only that type's problems", async () => {
      const res = await (await readerAgent(t, 'ko')).get('/?type=simulation').expect(200);
      expect(problemIds(res.text)).to.deep.equal(['boj:14891', 'boj:2178', 'boj:14499', 'boj:1003']);
    });

    it('GET /?min=10&max=11 – tier range – keeps Silver I to Gold V only', async () => {
      const res = await (await readerAgent(t, 'ko')).get('/?min=10&max=11').expect(200);
      expect(problemIds(res.text)).to.deep.equal(['boj:2178', 'boj:14891', 'boj:2178']);
    });

    it('GET /?min=12&max=9 – a reversed range – is read the right way round', async () => {
      const res = await (await readerAgent(t, 'ko')).get('/?min=12&max=9').expect(200);
      expect(problemIds(res.text)).to.deep.equal([
        'boj:1260',
        'boj:2178',
        'boj:7576',
        'boj:1012',
        'boj:14891',
        'boj:2178',
        'boj:14499',
      ]);
    });

    it('GET /?recommended=1 – recommended only', async () => {
      const res = await (await readerAgent(t, 'ko')).get('/?recommended=1').expect(200);
      expect(problemIds(res.text)).to.deep.equal(['boj:1260', 'boj:2178', 'boj:14891', 'boj:1978']);
    });

    it('GET /?q= – a number finds that problem, words find titles', async () => {
      expect(problemIds((await (await readerAgent(t, 'ko')).get('/?q=7576').expect(200)).text)).to.deep.equal([
        'boj:7576',
      ]);
      expect(
        problemIds((await (await readerAgent(t, 'ko')).get(`/?q=${encodeURIComponent('미로')}`).expect(200)).text),
      ).to.deep.equal(['boj:2178', 'boj:2178']);
      expect(problemIds((await (await readerAgent(t, 'ko')).get('/?q=SCRIPT').expect(200)).text)).to.deep.equal([
        'boj:1003',
      ]);
    });

    it('GET /?min=99 or an unknown type – 400 naming the bad filter', async () => {
      const bad = await (await readerAgent(t, 'en')).get('/?min=99').expect(400);
      expect(bad.text).to.include('The tier filter &#34;min&#34; must be a level from 0 to 30, not &#34;99&#34;.');
      const unknown = await (await readerAgent(t, 'en')).get('/?type=nope').expect(400);
      expect(unknown.text).to.include('There is no type &#34;nope&#34; in the list.');
    });
  });

  describe('GET / without a list', () => {
    it('GET / – nothing imported – says so and how to import from a local copy', async () => {
      const res = await (await readerAgent(t, 'en')).get('/').expect(200);
      expect(res.text).to.include('No list has been imported yet.');
      expect(res.text)
        .to.include('COTE_LIST_SOURCE=/path/to/baekjoon npm start')
        .and.include('npx cote import --source &lt;dir|url&gt;')
        .and.include('href="/lists"');
    });

    it("GET / – the first import failed – shows exactly what failed, in the reader's language", async () => {
      const id = createImportRun(t.deps.db, 'https://raw.githubusercontent.com/tony9402/baekjoon/main/', t.clock.get());
      finishImportRun(t.deps.db, id, {
        status: 'failed',
        message:
          'cannot reach https://raw.githubusercontent.com/tony9402/baekjoon/main/README.md (ENOTFOUND); expected the index',
        error: {
          code: 'catalog.unreachable',
          params: {
            url: 'https://raw.githubusercontent.com/tony9402/baekjoon/main/README.md',
            reason: 'ENOTFOUND',
            expected: 'the index',
          },
        },
        at: t.clock.get(),
      });
      // The reason and the source are for whoever may import: the reader here is an admin.
      const en = await adminReader(t, 'en').then((agent) => agent.get('/').expect(200));
      expect(en.text).to.include(
        'failed: Cannot reach https://raw.githubusercontent.com/tony9402/baekjoon/main/README.md (ENOTFOUND); expected the index.',
      );
      const ko = await adminReader(t, 'ko').then((agent) => agent.get('/').expect(200));
      expect(ko.text).to.include('연결할 수 없습니다(ENOTFOUND)');
    });

    it('GET / – first run, no learner yet, the default source unreachable – open without login: the failure, how to import, setup link', async () => {
      const id = createImportRun(t.deps.db, 'https://raw.githubusercontent.com/tony9402/baekjoon/main/', t.clock.get());
      finishImportRun(t.deps.db, id, {
        status: 'failed',
        message: 'cannot reach it',
        error: {
          code: 'catalog.unreachable',
          params: {
            url: 'https://raw.githubusercontent.com/tony9402/baekjoon/main/README.md',
            reason: 'EAI_AGAIN',
            expected: 'the index',
          },
        },
        at: t.clock.get(),
      });
      const res = await request(t.app()).get('/').set(EN).expect(200);
      expect(res.text).to.include(
        'Cannot reach https://raw.githubusercontent.com/tony9402/baekjoon/main/README.md (EAI_AGAIN)',
      );
      expect(res.text).to.include('COTE_LIST_SOURCE=/path/to/baekjoon npm start').and.include('href="/setup"');
    });

    it('GET / – once a learner exists – anonymous visitors are sent to the login', async () => {
      addLearner(t.deps.db, 'admin', true);
      const res = await request(t.app()).get('/').expect(302);
      expect(res.headers.location).to.match(/^\/login/);
    });

    it('GET / – an import is running – shows its progress and reloads itself', async () => {
      createImportRun(t.deps.db, '/srv/baekjoon', t.clock.get());
      const res = await adminReader(t, 'en').then((agent) => agent.get('/').expect(200));
      expect(res.text)
        .to.include('<noscript><meta http-equiv="refresh" content="2"></noscript>')
        .and.include('Importing the list from /srv/baekjoon')
        .and.include('data-status="running"');
      expect(res.text).to.match(/<script src="\/static\/[0-9a-f]{12}\/js\/catalog\.js" defer>/);
    });
  });

  describe('/lists and POST /lists/import', () => {
    async function importForm(agent: request.Agent, source: string) {
      const page = await agent.get('/lists').set(EN).expect(200);
      return agent
        .post('/lists/import')
        .set(EN)
        .type('form')
        .send({ _csrf: csrfFrom(page.text), source });
    }

    it('POST /lists/import – first run, no learner yet – anyone may import; /lists shows the run and the list', async () => {
      const agent = request.agent(t.app());
      const res = await importForm(agent, path.join(FIXTURES, 'v1'));
      expect(res.status).to.equal(303);
      expect(res.headers.location).to.equal('/lists');
      const run = await waitForRun(t.deps.db, 1);
      expect(run).to.include({ status: 'succeeded', done: 5, total: 5 });
      const lists = await agent.get('/lists').set(EN).expect(200);
      expect(lists.text).to.include('3 types, 9 problems, 10 entries, 4 recommended');
      expect(lists.text).to.include('added 9, removed 0, changed 0');
      expect(lists.text).to.include('Import started from');
      const json = await agent.get('/api/imports/1').expect(200);
      expect(json.body).to.include({ id: 1, status: 'succeeded', done: 5, total: 5 });
      expect(json.body.summary).to.include({ problems: 9, added: 9 });
    });

    it("POST /lists/import – a newer version over an imported list – /lists lists each change in the reader's language", async () => {
      await importList(t.deps.db, path.join(FIXTURES, 'v1'));
      const agent = request.agent(t.app());
      await importForm(agent, path.join(FIXTURES, 'v2'));
      expect((await waitForRun(t.deps.db, 1)).status).to.equal('succeeded');
      const en = await agent.get('/lists').set(EN).expect(200);
      expect(en.text).to.include('added 1, removed 2, changed 3').and.include('6 changes');
      expect(en.text)
        .to.include('<li>boj:16236 added</li>')
        .and.include('<li>boj:14499: recommended in simulation: no → yes</li>')
        .and.include('<li>boj:1978: tier Bronze II → Bronze I</li>');
      expect(en.text).to.include('<li>boj:1260: title &#34;DFS와 BFS&#34; → &#34;DFS와 BFS 2&#34;</li>');
      const ko = await agent.get('/lists').set('Accept-Language', 'ko').expect(200);
      expect(ko.text)
        .to.include('<li>boj:1978: 난이도 브론즈 II → 브론즈 I</li>')
        .and.include('<li>boj:7576 문제집에서 빠짐</li>');
    });

    it('POST /lists/import – a directory that does not exist – 422 with the message, no run started', async () => {
      const agent = request.agent(t.app());
      const res = await importForm(agent, '/no/such/list');
      expect(res.status).to.equal(422);
      expect(res.text).to.include('The directory /no/such/list does not exist on the server.');
      expect(importRunById(t.deps.db, 1)).to.equal(undefined);
    });

    it('POST /lists/import – a failing source – the run fails and /lists shows why', async () => {
      const agent = request.agent(t.app());
      await importForm(agent, path.join(FIXTURES, 'parser'));
      const run = await waitForRun(t.deps.db, 1);
      expect(run.status).to.equal('failed');
      const lists = await agent.get('/lists').set(EN).expect(200);
      expect(lists.text).to.include(`${path.join(FIXTURES, 'parser', 'README.md')} does not exist`);
      const korean = await agent.get('/lists').set('Accept-Language', 'ko').expect(200);
      expect(korean.text).to.include(
        `${path.join(FIXTURES, 'parser', 'README.md')} 파일이 없습니다. 기대한 것: 알고리즘 유형 표가 있는 문제집 목차 README.md.`,
      );
    });

    it('POST /lists/import – learners exist, not logged in – sent to the login, nothing started', async () => {
      addLearner(t.deps.db, 'admin', true);
      // /lists has no form for an anonymous visitor once learners exist: the token comes from the login form.
      const agent = request.agent(t.app());
      const csrf = csrfFrom((await agent.get('/login')).text);
      const res = await agent
        .post('/lists/import')
        .set(EN)
        .type('form')
        .send({ _csrf: csrf, source: path.join(FIXTURES, 'v1') });
      expect(res.status).to.equal(302);
      expect(res.headers.location).to.match(/^\/login/);
      expect(importRunById(t.deps.db, 1)).to.equal(undefined);
    });

    it('POST /lists/import – a learner who is not an admin – 403, and no import form on /lists', async () => {
      addLearner(t.deps.db, 'admin', true);
      addLearner(t.deps.db, 'lee', false);
      const agent = request.agent(t.app());
      const login = await agent.get('/login').expect(200);
      await agent
        .post('/login')
        .type('form')
        .send({ _csrf: csrfFrom(login.text), login: 'lee', password: 'correct horse' })
        .expect(302);
      const lists = await agent.get('/lists').set(EN).expect(200);
      expect(lists.text).to.include('Only an admin can import a list.').and.not.include('action="/lists/import"');
      const res = await agent
        .post('/lists/import')
        .set(EN)
        .type('form')
        .send({ _csrf: csrfFrom(lists.text), source: path.join(FIXTURES, 'v1') });
      expect(res.status).to.equal(403);
      expect(importRunById(t.deps.db, 1)).to.equal(undefined);
    });

    it('POST /lists/import – an admin – may refresh', async () => {
      addLearner(t.deps.db, 'admin', true);
      const agent = request.agent(t.app());
      const login = await agent.get('/login').expect(200);
      await agent
        .post('/login')
        .type('form')
        .send({ _csrf: csrfFrom(login.text), login: 'admin', password: 'correct horse' })
        .expect(302);
      const res = await importForm(agent, path.join(FIXTURES, 'v1'));
      expect(res.status).to.equal(303);
      expect((await waitForRun(t.deps.db, 1)).status).to.equal('succeeded');
    });

    it('POST /lists/import – while another import runs – 409 saying so', async () => {
      createImportRun(t.deps.db, '/srv/other', t.clock.get());
      const res = await importForm(request.agent(t.app()), path.join(FIXTURES, 'v1'));
      expect(res.status).to.equal(409);
      expect(res.text).to.include('An import from /srv/other is already running.');
    });

    it('POST /lists/import – without a CSRF token – refused', async () => {
      await request(t.app())
        .post('/lists/import')
        .type('form')
        .send({ source: path.join(FIXTURES, 'v1') })
        .expect(403);
      expect(importRunById(t.deps.db, 1)).to.equal(undefined);
    });

    it('GET /api/imports/99 – unknown run – 404 JSON', async () => {
      const res = await request(t.app()).get('/api/imports/99').expect(404);
      expect(res.body.error.code).to.equal('not_found');
    });
  });

  describe('the real list', () => {
    before(function () {
      if (!hasSharedList) this.skip();
    });

    it('GET / – the tony9402 snapshot – shows the 23 types folded; opened, they hold the 1,049 rows', async () => {
      await importList(t.deps.db, SHARED_LIST_DIR);
      const agent = await readerAgent(t, 'en');
      const res = await agent.get('/').expect(200);
      const keys = [...res.text.matchAll(/<details class="type-section" id="type-([a-z0-9_]+)"/g)].map((m) => m[1]);
      expect(keys).to.have.length(23);
      expect(problemIds(res.text)).to.have.length(0);
      expect(res.text).to.include('23 types · 993 problems · 1049 entries · 390 recommended');
      let rows = 0;
      for (const key of keys) rows += problemIds((await agent.get(`/types/${key}/rows`).expect(200)).text).length;
      expect(rows).to.equal(1049);
      const simulation = await (await readerAgent(t, 'ko')).get('/?type=simulation&recommended=1').expect(200);
      expect(problemIds(simulation.text)).to.have.length(11);
    });
  });
});

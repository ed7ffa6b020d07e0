import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { importList } from '../../src/catalog/importList.ts';
import { plannerCatalog } from '../../src/catalog/plannerCatalog.ts';
import { problemById } from '../../src/catalog/problemRepository.ts';
import { listCounts } from '../../src/catalog/entryRepository.ts';
import { defaultList } from '../../src/catalog/listRepository.ts';
import { AppError } from '../../src/errors.ts';
import type { Db } from '../../src/db/connection.ts';
import { SHARED_LIST_DIR, hasSharedList, testDeps } from '../support/app.ts';
import { serveDirectory, type StaticServer } from '../fixtures/catalog/staticServer.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/catalog');

/** Everything the catalog tables hold, to compare before and after a failed import. */
function snapshot(db: Db) {
  return ['lists', 'categories', 'problems', 'entries'].map((table) =>
    db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all(),
  );
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the import to fail');
}

function addLearnerWithAttempt(db: Db, problemId: string): void {
  const learner = db
    .prepare(
      `INSERT INTO learners (login, name, email, unsubscribe_token, created_at) VALUES ('kim', 'Kim', 'kim@example.test', 'tok', '2026-11-01T00:00:00Z')`,
    )
    .run().lastInsertRowid;
  db.prepare(
    `INSERT INTO attempts (learner_id, problem_id, day, outcome, created_at) VALUES (?, ?, '2026-11-20', 'solved', '2026-11-20T10:00:00Z')`,
  ).run(learner, problemId);
}

describe('catalog import over HTTP', () => {
  describe('the real list snapshot', () => {
    let server: StaticServer;
    let t: ReturnType<typeof testDeps>;
    before(async function () {
      if (!hasSharedList) this.skip();
      server = await serveDirectory(SHARED_LIST_DIR);
    });
    after(async () => server?.close());
    beforeEach(() => (t = testDeps()));
    afterEach(() => t.cleanup());

    it('importList() – tony9402 snapshot over HTTP – stores 23 types, 993 problems, 1,049 entries, 390 recommended, 56 in two types', async () => {
      const summary = await importList(t.deps.db, server.url);
      expect(summary).to.include({
        list: 'tony9402-baekjoon',
        categories: 23,
        problems: 993,
        entries: 1049,
        recommended: 390,
        added: 993,
        removed: 0,
        changed: 0,
      });
      const list = defaultList(t.deps.db)!;
      expect(listCounts(t.deps.db, list.id)).to.deep.equal({
        categories: 23,
        problems: 993,
        entries: 1049,
        recommended: 390,
      });
      const inTwo = t.deps.db
        .prepare('SELECT count(*) FROM (SELECT problem_id FROM entries GROUP BY problem_id HAVING count(*) = 2)')
        .pluck()
        .get();
      expect(inTwo).to.equal(56);
      expect(list.source).to.equal(server.url);
    });

    it('importList() – Simulation – trusts the type page (11 recommended) over the index (30) and warns', async () => {
      const summary = await importList(t.deps.db, server.url);
      const simulation = plannerCatalog(t.deps.db).entries.filter((e) => e.category === 'simulation');
      expect(simulation).to.have.length(48);
      expect(simulation.filter((e) => e.recommended)).to.have.length(11);
      expect(
        summary.warnings.some((w) =>
          /Simulation claims 30 recommended, algorithms\/simulation\/README\.md marks 11/.test(w),
        ),
      ).to.equal(true);
    });

    it('importList() – problems – namespaced boj:<n>, linked to the judge, enriched from database.json', async () => {
      await importList(t.deps.db, server.url);
      const p = problemById(t.deps.db, 'boj:20436')!;
      expect(p).to.include({
        judge: 'boj',
        number: '20436',
        title: 'ZOAC 3',
        level: 7,
        url: 'https://www.acmicpc.net/problem/20436',
      });
      expect(p.tags).to.be.an('array').that.is.not.empty;
      expect(p.averageTries).to.be.a('number');
    });

    it("importList() – fetching – sends cote's User-Agent and fetches the index, 23 pages and database.json once each", async () => {
      server.requests.length = 0;
      await importList(t.deps.db, server.url);
      expect(server.requests).to.have.length(25);
      expect(new Set(server.requests.map((r) => r.path)).size).to.equal(25);
      expect(server.requests.every((r) => /^cote\/\d+\.\d+\.\d+ \(/.test(r.userAgent))).to.equal(true);
    });

    it('importList() – the same source again – changes nothing', async () => {
      await importList(t.deps.db, server.url);
      const before = snapshot(t.deps.db);
      const again = await importList(t.deps.db, server.url, { now: () => new Date('2030-01-01T00:00:00Z') });
      expect(again).to.include({ added: 0, removed: 0, changed: 0, problems: 993 });
      expect(snapshot(t.deps.db)).to.deep.equal(before);
    });

    it('importList() – a type page answers 500 mid-import – fails naming the URL and stores nothing', async () => {
      server.failing.add('/algorithms/simulation/README.md');
      try {
        const error = await rejection(importList(t.deps.db, server.url));
        expect(error.code).to.equal('catalog.http_status');
        expect(error.message).to.equal(
          `GET ${server.url}algorithms/simulation/README.md answered 500; expected the Simulation type page with a problem table`,
        );
        expect(snapshot(t.deps.db)).to.deep.equal([[], [], [], []]);
      } finally {
        server.failing.clear();
      }
    });

    it('importList() – a failing page on refresh – leaves the stored list exactly as it was', async () => {
      await importList(t.deps.db, server.url);
      const before = snapshot(t.deps.db);
      server.failing.add('/algorithms/trie/README.md');
      try {
        await rejection(importList(t.deps.db, server.url));
        expect(snapshot(t.deps.db)).to.deep.equal(before);
      } finally {
        server.failing.clear();
      }
    });
  });

  describe('a newer version of the list', () => {
    let v1: StaticServer;
    let v2: StaticServer;
    let t: ReturnType<typeof testDeps>;
    before(async () => {
      v1 = await serveDirectory(path.join(FIXTURES, 'v1'));
      v2 = await serveDirectory(path.join(FIXTURES, 'v2'));
    });
    after(async () => Promise.all([v1.close(), v2.close()]));
    beforeEach(() => (t = testDeps()));
    afterEach(() => t.cleanup());

    it('importList() – v2 flips a mark, changes a level and a title, adds one, drops two – reports each change', async () => {
      await importList(t.deps.db, v1.url);
      const summary = await importList(t.deps.db, v2.url);
      expect(summary).to.include({
        categories: 3,
        problems: 8,
        entries: 9,
        recommended: 5,
        added: 1,
        removed: 2,
        changed: 3,
      });
      expect(summary.details.added).to.deep.equal(['boj:16236']);
      expect(summary.details.removed).to.have.members(['boj:7576', 'boj:1012']);
      expect(summary.details.changes).to.deep.include.members([
        { problem: 'boj:14499', kind: 'recommended', category: 'simulation', from: false, to: true },
        { problem: 'boj:1978', kind: 'level', from: 4, to: 5 },
        { problem: 'boj:1260', kind: 'title', from: 'DFS와 BFS', to: 'DFS와 BFS 2' },
      ]);
      const catalog = plannerCatalog(t.deps.db);
      expect(catalog.entries.find((e) => e.problem === 'boj:14499')?.recommended).to.equal(true);
      expect(problemById(t.deps.db, 'boj:1978')?.level).to.equal(5);
    });

    it('importList() – a problem a learner logged leaves the list – it stays in problems, out of every type', async () => {
      await importList(t.deps.db, v1.url);
      addLearnerWithAttempt(t.deps.db, 'boj:7576');
      await importList(t.deps.db, v2.url);
      expect(problemById(t.deps.db, 'boj:7576')).to.include({ title: '토마토', level: 12 });
      expect(plannerCatalog(t.deps.db).entries.some((e) => e.problem === 'boj:7576')).to.equal(false);
      expect(problemById(t.deps.db, 'boj:1012'), 'an unlogged removed problem is deleted').to.equal(undefined);
    });

    it('importList() – back to v1 after v2 – the logged problem rejoins its type', async () => {
      await importList(t.deps.db, v1.url);
      addLearnerWithAttempt(t.deps.db, 'boj:7576');
      await importList(t.deps.db, v2.url);
      const summary = await importList(t.deps.db, v1.url);
      expect(summary.details.added).to.have.members(['boj:7576', 'boj:1012']);
      expect(
        plannerCatalog(t.deps.db)
          .entries.filter((e) => e.problem === 'boj:7576')
          .map((e) => e.category),
      ).to.deep.equal(['graph_traversal']);
    });

    it('importList() – a local directory with the same content as the URL – is the same list, nothing changes', async () => {
      await importList(t.deps.db, v1.url);
      const again = await importList(t.deps.db, path.join(FIXTURES, 'v1'));
      expect(again).to.include({ added: 0, removed: 0, changed: 0 });
      expect(defaultList(t.deps.db)?.source).to.equal(path.join(FIXTURES, 'v1'));
    });
  });

  describe('refreshing from the same URL', () => {
    let dir: string;
    let server: StaticServer;
    let t: ReturnType<typeof testDeps>;
    beforeEach(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-list-'));
      fs.cpSync(path.join(FIXTURES, 'v1'), dir, { recursive: true });
      server = await serveDirectory(dir);
      t = testDeps();
    });
    afterEach(async () => {
      await server.close();
      t.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('importList() – nothing changed on the host – asks with If-None-Match for every file, all 304, nothing changes', async () => {
      await importList(t.deps.db, server.url);
      const before = snapshot(t.deps.db);
      const files = t.deps.db.prepare('SELECT path, etag FROM list_files ORDER BY path').all();
      expect(files).to.have.length(5);
      server.requests.length = 0;
      const again = await importList(t.deps.db, server.url);
      expect(again).to.include({ added: 0, removed: 0, changed: 0, problems: 9 });
      expect(server.requests).to.have.length(5);
      expect(server.requests.every((r) => r.ifNoneMatch !== '' && r.status === 304)).to.equal(true);
      expect(snapshot(t.deps.db)).to.deep.equal(before);
      expect(t.deps.db.prepare('SELECT path, etag FROM list_files ORDER BY path').all()).to.deep.equal(files);
    });

    it('importList() – one page changed on the host – fetches that page, reuses the others, reports the change', async () => {
      await importList(t.deps.db, server.url);
      fs.copyFileSync(path.join(FIXTURES, 'v2/algorithms/math/README.md'), path.join(dir, 'algorithms/math/README.md'));
      server.requests.length = 0;
      const summary = await importList(t.deps.db, server.url);
      expect(server.requests.filter((r) => r.status === 200).map((r) => r.path)).to.deep.equal([
        '/algorithms/math/README.md',
      ]);
      expect(server.requests.filter((r) => r.status === 304)).to.have.length(4);
      expect(summary).to.include({ added: 0, removed: 0, changed: 1 });
      expect(summary.details.changes).to.deep.equal([{ problem: 'boj:1978', kind: 'level', from: 4, to: 5 }]);
    });

    it('importList() – the same list from a directory afterwards – forgets the cached files of the URL', async () => {
      await importList(t.deps.db, server.url);
      await importList(t.deps.db, dir);
      expect(t.deps.db.prepare('SELECT count(*) FROM list_files').pluck().get()).to.equal(0);
    });
  });

  describe('bad sources', () => {
    let t: ReturnType<typeof testDeps>;
    let server: StaticServer;
    before(async () => (server = await serveDirectory(path.join(FIXTURES, 'v1'))));
    after(async () => server.close());
    beforeEach(() => (t = testDeps()));
    afterEach(() => t.cleanup());

    it('importList() – nothing listening – fails naming the URL and what was expected', async () => {
      const closed = await serveDirectory(FIXTURES);
      await closed.close();
      const error = await rejection(importList(t.deps.db, closed.url));
      expect(error.code).to.equal('catalog.unreachable');
      expect(error.message).to.equal(
        `cannot reach ${closed.url}README.md (ECONNREFUSED); expected the list index README.md with a table of algorithm types`,
      );
    });

    it('importList() – a page slower than the timeout – fails with a timeout naming the URL', async () => {
      server.slow.set('/algorithms/math/README.md', 2000);
      try {
        const error = await rejection(importList(t.deps.db, server.url, { timeoutMs: 200 }));
        expect(error.code).to.equal('catalog.timeout');
        expect(error.message).to.equal(
          `GET ${server.url}algorithms/math/README.md timed out after 0.2 s; expected the Math type page with a problem table`,
        );
        expect(snapshot(t.deps.db)).to.deep.equal([[], [], [], []]);
      } finally {
        server.slow.clear();
      }
    });

    it('importList() – a base URL that is not the list – fails: the index has no type table', async () => {
      const error = await rejection(importList(t.deps.db, `${server.url}algorithms/math/`));
      expect(error.code).to.equal('catalog.no_type_table');
      expect(error.message).to.match(
        new RegExp(`^${server.url}algorithms/math/README\\.md: expected a table of algorithm types`),
      );
    });

    it('importList() – a directory that does not exist – fails naming the directory', async () => {
      const error = await rejection(importList(t.deps.db, path.join(FIXTURES, 'nope')));
      expect(error.code).to.equal('catalog.no_directory');
      expect(error.message).to.include(path.join(FIXTURES, 'nope'));
    });

    it('importList() – no scripts/database.json (404) – imports the list without tags', async () => {
      server.missing.add('/scripts/database.json');
      try {
        const summary = await importList(t.deps.db, server.url);
        expect(summary).to.include({ problems: 9, entries: 10 });
        expect(problemById(t.deps.db, 'boj:1260'))
          .to.include({ averageTries: null })
          .and.to.have.property('tags')
          .that.deep.equals([]);
      } finally {
        server.missing.clear();
      }
    });
  });
});

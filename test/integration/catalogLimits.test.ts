import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { importList } from '../../src/catalog/importList.ts';
import { directorySource } from '../../src/catalog/directorySource.ts';
import { defaultList } from '../../src/catalog/listRepository.ts';
import { MAX_DATABASE_BYTES, MAX_PAGE_BYTES } from '../../src/catalog/source.ts';
import { AppError } from '../../src/errors.ts';
import type { Db } from '../../src/db/connection.ts';
import { testDeps } from '../support/app.ts';
import { eucKr } from '../support/eucKr.ts';
import { serveDirectory, type StaticServer } from '../fixtures/catalog/staticServer.ts';

// The limits of list imports, over real HTTP servers on 127.0.0.1 and real directories: total deadlines, byte caps,
// redirects, links that leave the list, private addresses, and text that is not UTF-8. After every failure the
// database is exactly as it was.

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/catalog');
const INDEX_EXPECTED = 'the list index README.md with a table of algorithm types';

function snapshot(db: Db) {
  return ['lists', 'categories', 'problems', 'entries', 'list_files'].map((table) =>
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

/** Waits up to a second for `check` to hold (a server sees a hang-up a moment after the client gives up). */
async function eventually(check: () => boolean): Promise<boolean> {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
}

/** An index whose Math row links `link` instead of ./algorithms/math. */
function indexLinking(link: string): string {
  return fs.readFileSync(path.join(FIXTURES, 'v1/README.md'), 'utf8').replace('(./algorithms/math)', `(${link})`);
}

describe('catalog import limits', () => {
  let dir: string;
  let server: StaticServer;
  let t: ReturnType<typeof testDeps>;
  let stored: unknown;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-limits-'));
    fs.cpSync(path.join(FIXTURES, 'v1'), dir, { recursive: true });
    server = await serveDirectory(dir);
    t = testDeps();
    // A stored list from a directory, so "unchanged" is checked against real rows, not an empty database.
    await importList(t.deps.db, path.join(FIXTURES, 'v2'));
    stored = snapshot(t.deps.db);
  });
  afterEach(async () => {
    await server.close();
    t.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('deadlines', () => {
    it('importList() – a page that trickles one byte every 50 ms forever – fails within the per-file deadline naming the URL', async () => {
      server.trickle.add('/algorithms/math/README.md');
      const started = Date.now();
      const error = await rejection(importList(t.deps.db, server.url, { timeoutMs: 400 }));
      expect(Date.now() - started).to.be.below(2000);
      expect(error.code).to.equal('catalog.timeout');
      expect(error.message).to.equal(
        `GET ${server.url}algorithms/math/README.md timed out after 0.4 s; expected the Math type page with a problem table`,
      );
      expect(
        await eventually(() => server.cutOff.includes('/algorithms/math/README.md')),
        'the client hung up',
      ).to.equal(true);
      expect(snapshot(t.deps.db)).to.deep.equal(stored);
    });

    it('importList() – files within their own deadline but the whole import too slow – fails at the import deadline', async () => {
      server.trickle.add('/scripts/database.json');
      const started = Date.now();
      const error = await rejection(importList(t.deps.db, server.url, { timeoutMs: 10_000, deadlineMs: 500 }));
      expect(Date.now() - started).to.be.below(2500);
      expect(error.code).to.equal('catalog.import_timeout');
      expect(error.message).to.equal(
        `the import from ${server.url} did not finish within 0.5 s (stopped at ${server.url}scripts/database.json); expected solved.ac metadata as JSON`,
      );
      expect(snapshot(t.deps.db)).to.deep.equal(stored);
    });
  });

  it('importList() – a page fails while database.json still trickles in – the import stops that download too', async () => {
    server.trickle.add('/scripts/database.json');
    server.failing.add('/algorithms/math/README.md');
    const error = await rejection(importList(t.deps.db, server.url, { timeoutMs: 10_000 }));
    expect(error.code).to.equal('catalog.http_status');
    expect(await eventually(() => server.cutOff.includes('/scripts/database.json')), 'database.json hung up').to.equal(
      true,
    );
  });

  describe('byte caps', () => {
    it(`importList() – a page that never ends – stops reading at ${MAX_PAGE_BYTES / 1024 / 1024} MB and fails naming the URL`, async () => {
      server.endless.add('/algorithms/simulation/README.md');
      const error = await rejection(importList(t.deps.db, server.url));
      expect(error.code).to.equal('catalog.too_large');
      expect(error.message).to.equal(
        `GET ${server.url}algorithms/simulation/README.md sent more than 5 MB (the limit for this file); expected the Simulation type page with a problem table`,
      );
      // The answer is endless: the import can only have ended because cote hung up.
      expect(
        await eventually(() => server.cutOff.includes('/algorithms/simulation/README.md')),
        'the client hung up',
      ).to.equal(true);
      expect(snapshot(t.deps.db)).to.deep.equal(stored);
    });

    it(`importList() – an endless scripts/database.json – capped at ${MAX_DATABASE_BYTES / 1024 / 1024} MB`, async () => {
      server.endless.add('/scripts/database.json');
      const heapBefore = process.memoryUsage().rss;
      const error = await rejection(importList(t.deps.db, server.url));
      expect(error.code).to.equal('catalog.too_large');
      expect(error.message).to.match(/scripts\/database\.json sent more than 20 MB \(the limit for this file\)/);
      expect(process.memoryUsage().rss - heapBefore, 'memory grew by far more than the cap').to.be.below(
        200 * 1024 * 1024,
      );
      expect(snapshot(t.deps.db)).to.deep.equal(stored);
    });

    it('importList() – a directory with a page over the cap – refused without reading it', async () => {
      fs.truncateSync(path.join(dir, 'algorithms/math/README.md'), MAX_PAGE_BYTES + 1);
      const error = await rejection(importList(t.deps.db, dir));
      expect(error.code).to.equal('catalog.too_large');
      expect(error.message).to.equal(
        `${path.join(dir, 'algorithms/math/README.md')} is larger than 5 MB (the limit for this file); expected the Math type page with a problem table`,
      );
      expect(snapshot(t.deps.db)).to.deep.equal(stored);
    });
  });

  describe('redirects', () => {
    it('importList() – the index redirects to another host (127.0.0.1 → localhost) – not followed, fails naming both', async () => {
      const other = server.url.replace('127.0.0.1', 'localhost');
      server.redirects.set('/README.md', `${other}README.md`);
      const error = await rejection(importList(t.deps.db, server.url));
      expect(error.code).to.equal('catalog.redirect_elsewhere');
      expect(error.message).to.equal(
        `GET ${server.url}README.md redirects to ${other.replace(/\/$/, '')}, another host (not followed); expected ${INDEX_EXPECTED}`,
      );
      expect(server.requests.filter((r) => r.path === '/README.md')).to.have.length(1);
      expect(snapshot(t.deps.db)).to.deep.equal(stored);
    });

    it('importList() – a redirect on the same host – followed', async () => {
      fs.mkdirSync(path.join(dir, 'moved'));
      fs.copyFileSync(path.join(dir, 'README.md'), path.join(dir, 'moved/README.md'));
      server.redirects.set('/README.md', '/moved/README.md');
      const summary = await importList(t.deps.db, server.url);
      expect(summary).to.include({ categories: 3, problems: 9 });
      expect(server.requests.map((r) => r.path)).to.include('/moved/README.md');
    });

    it('importList() – a redirect loop on the same host – stops after 3 redirects', async () => {
      server.redirects.set('/README.md', '/README.md');
      const error = await rejection(importList(t.deps.db, server.url));
      expect(error.code).to.equal('catalog.too_many_redirects');
      expect(server.requests.filter((r) => r.path === '/README.md')).to.have.length(4);
      expect(snapshot(t.deps.db)).to.deep.equal(stored);
    });
  });

  describe('index links', () => {
    for (const [link, code, what] of [
      ['./algorithms/%E0%A4%A', 'catalog.bad_link', 'has a malformed percent-escape'],
      ['../secret', 'catalog.link_outside', 'leads outside the list'],
      ['..\\..\\secret', 'catalog.link_outside', 'leads outside the list'],
      ['./algorithms/%2E%2E%2F%2E%2E%2Fsecret', 'catalog.link_outside', 'leads outside the list'],
    ]) {
      it(`importList() – an index link "${link}" – over HTTP and from a directory, an error naming the file and line; nothing fetched outside`, async () => {
        fs.writeFileSync(path.join(dir, 'README.md'), indexLinking(link));
        const http = await rejection(importList(t.deps.db, server.url));
        expect(http.code).to.equal(code);
        expect(http.message).to.equal(`${server.url}README.md line 11: the link "${link}" ${what}`);
        expect(server.requests.map((r) => r.path)).to.have.members(['/README.md', '/scripts/database.json']);
        const local = await rejection(importList(t.deps.db, dir));
        expect(local.code).to.equal(code);
        expect(local.message).to.equal(`${path.join(dir, 'README.md')} line 11: the link "${link}" ${what}`);
        expect(snapshot(t.deps.db)).to.deep.equal(stored);
      });
    }

    it('directorySource() – a type folder that is a symbolic link out of the list – refused as outside the source', async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-outside-'));
      try {
        fs.cpSync(path.join(dir, 'algorithms/math'), outside, { recursive: true });
        fs.rmSync(path.join(dir, 'algorithms/math'), { recursive: true });
        fs.symlinkSync(outside, path.join(dir, 'algorithms/math'));
        const error = await rejection(importList(t.deps.db, dir));
        expect(error.code).to.equal('catalog.outside_source');
        expect(error.message).to.equal(
          `algorithms/math/README.md lies outside ${dir}; expected the Math type page with a problem table`,
        );
        expect(snapshot(t.deps.db)).to.deep.equal(stored);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });

    it('directorySource().read() – a path with .. or a backslash – refused before touching the disk', async () => {
      const source = directorySource(path.join(dir, 'algorithms'));
      for (const rel of ['../README.md', 'math/../../README.md', '..\\README.md']) {
        const error = await rejection(source.read(rel, { text: 'a page', key: 'catalog.expected.page' }));
        expect(error.code, rel).to.equal('catalog.outside_source');
      }
    });
  });

  describe('private addresses', () => {
    it('importList() – allowPrivate: false, a 127.0.0.1 URL – refused before any request', async () => {
      const error = await rejection(importList(t.deps.db, server.url, { allowPrivate: false }));
      expect(error.code).to.equal('catalog.private_address');
      expect(error.message).to.match(
        new RegExp(`^${server.url}README\\.md: 127\\.0\\.0\\.1 is 127\\.0\\.0\\.1, a private or local address`),
      );
      expect(server.requests).to.have.length(0);
      expect(snapshot(t.deps.db)).to.deep.equal(stored);
    });

    it('importList() – allowPrivate: false, a host name that resolves to 127.0.0.1 (localhost) – refused when connecting', async () => {
      const url = server.url.replace('127.0.0.1', 'localhost');
      const error = await rejection(importList(t.deps.db, url, { allowPrivate: false }));
      expect(error.code).to.equal('catalog.private_address');
      expect(error.message).to.match(/localhost is 127\.0\.0\.1, a private or local address/);
      expect(server.requests).to.have.length(0);
    });

    it('importList() – allowPrivate: false, an IPv4-mapped IPv6 literal of 127.0.0.1 – refused', async () => {
      const url = server.url.replace('127.0.0.1', '[::ffff:127.0.0.1]');
      const error = await rejection(importList(t.deps.db, url, { allowPrivate: false }));
      expect(error.code).to.equal('catalog.private_address');
      expect(server.requests).to.have.length(0);
    });
  });

  describe('encodings', () => {
    const eucKrPage = () =>
      eucKr(
        '# Math (수학)\n\n|순번|추천 문제|문제 번호|문제 이름|난이도|\n|:--:|:--:|:--:|:--:|:--:|\n' +
          '|000|:heavy_check_mark:|<a href="https://www.acmicpc.net/problem/1978">1978</a>|<a href="https://www.acmicpc.net/problem/1978">소수 찾기</a>|<img src="https://static.solved.ac/tier_small/4.svg"/>|\n',
      );

    it('importList() – a type page saved as EUC-KR – over HTTP and from a directory, refused naming the file; nothing stored', async () => {
      fs.writeFileSync(path.join(dir, 'algorithms/math/README.md'), eucKrPage());
      const http = await rejection(importList(t.deps.db, server.url));
      expect(http.code).to.equal('catalog.not_utf8');
      expect(http.message).to.equal(
        `${server.url}algorithms/math/README.md is not UTF-8 text (line 1); expected the Math type page with a problem table`,
      );
      const local = await rejection(importList(t.deps.db, dir));
      expect(local.message).to.equal(
        `${path.join(dir, 'algorithms/math/README.md')} is not UTF-8 text (line 1); expected the Math type page with a problem table`,
      );
      expect(snapshot(t.deps.db)).to.deep.equal(stored);
    });

    it('importList() – scripts/database.json in EUC-KR – refused naming it', async () => {
      fs.writeFileSync(
        path.join(dir, 'scripts/database.json'),
        Buffer.concat([Buffer.from('{\n"1978": {"title": "'), eucKr('소수 찾기'), Buffer.from('"}}')]),
      );
      const error = await rejection(importList(t.deps.db, server.url));
      expect(error.code).to.equal('catalog.not_utf8');
      expect(error.message).to.equal(
        `${server.url}scripts/database.json is not UTF-8 text (line 2); expected solved.ac metadata as JSON`,
      );
      expect(snapshot(t.deps.db)).to.deep.equal(stored);
    });

    it('importList() – UTF-8 files with a byte order mark – the BOM is dropped, the title and names read as written', async () => {
      for (const file of ['README.md', 'algorithms/math/README.md']) {
        fs.writeFileSync(
          path.join(dir, file),
          Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fs.readFileSync(path.join(dir, file))]),
        );
      }
      await importList(t.deps.db, server.url);
      expect(defaultList(t.deps.db)?.name).to.equal('코딩테스트 대비 문제집 with Baekjoon');
      await importList(t.deps.db, dir);
      expect(defaultList(t.deps.db)?.name).to.equal('코딩테스트 대비 문제집 with Baekjoon');
    });
  });
});

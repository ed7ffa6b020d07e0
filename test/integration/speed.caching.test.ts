import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect } from 'chai';
import request from 'supertest';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';

const V1 = path.resolve(import.meta.dirname, '../fixtures/catalog/v1');
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** GET over a real socket, the body as the bytes that came (supertest would decompress them). */
async function rawGet(app: http.RequestListener, url: string, headers: Record<string, string>) {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('compression, ETags and caching', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(async () => {
    t = testDeps();
    await importList(t.deps.db, V1);
    seedLearner(t.deps.db, 'mina', { language: 'en' });
  });
  afterEach(() => t.cleanup());

  it('GET / – Accept-Encoding gzip, then br – the page compressed each way, the same HTML inside', async () => {
    // Before the first learner exists the checklist is open, so a bare socket can fetch it.
    const fresh = testDeps();
    try {
      await importList(fresh.deps.db, V1);
      const app = fresh.app();
      // Each anonymous request is a new session with its own CSRF token: the rest of the page is the same.
      const same = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
      const plain = await rawGet(app, '/', { 'Accept-Encoding': 'identity' });
      expect(plain.headers['content-encoding']).to.equal(undefined);
      expect(plain.body.toString()).to.include('id="type-graph_traversal"');
      const gzip = await rawGet(app, '/', { 'Accept-Encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).to.equal('gzip');
      expect(gzip.headers.vary).to.match(/Accept-Encoding/i);
      expect(same(zlib.gunzipSync(gzip.body).toString())).to.equal(same(plain.body.toString()));
      expect(gzip.body.length).to.be.below(plain.body.length / 3);
      const br = await rawGet(app, '/', { 'Accept-Encoding': 'br, gzip' });
      expect(br.headers['content-encoding']).to.equal('br');
      expect(same(zlib.brotliDecompressSync(br.body).toString())).to.equal(same(plain.body.toString()));
      const css = await rawGet(app, '/static/css/catalog.css', { 'Accept-Encoding': 'gzip' });
      expect(css.headers['content-encoding']).to.equal('gzip');
    } finally {
      fresh.cleanup();
    }
  });

  it('GET / – If-None-Match with the ETag – 304 while nothing changed, 200 with a new ETag after a check-off', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const first = await agent.get('/?type=graph_traversal').expect(200);
    expect(first.headers['cache-control']).to.equal('private, no-cache');
    const etag = first.headers.etag;
    expect(etag).to.match(/^W\/"/);
    const again = await agent.get('/?type=graph_traversal').set('If-None-Match', etag).expect(304);
    expect(again.text ?? '').to.equal('');
    await agent.post('/attempts').type('form').send({ _csrf: csrf, problem: 'boj:1260', back: '/' }).expect(302);
    const changed = await agent.get('/?type=graph_traversal').set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.to.equal(etag);
  });

  it("GET the page's stylesheets and scripts – versioned URLs – immutable for a year, 304 on If-None-Match", async () => {
    const { agent } = await loggedIn(t.app(), 'mina');
    const page = (await agent.get('/').expect(200)).text;
    const assets = [...page.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.some((url) => url.endsWith('/css/catalog.css'))).to.equal(true);
    expect(assets.length).to.be.at.least(6);
    for (const url of assets) {
      expect(url).to.match(/^\/static\/[0-9a-f]{12}\//);
      const res = await request(t.app()).get(url).set('Accept-Encoding', 'gzip').expect(200);
      expect(res.headers['cache-control'], url).to.equal(IMMUTABLE);
      if (/\.(css|js)$/.test(url) && Number(res.headers['content-length'] ?? 2000) > 1024)
        expect(res.headers['content-encoding'], url).to.equal('gzip');
      await request(t.app()).get(url).set('If-None-Match', res.headers.etag).expect(304);
    }
  });

  it('GET /static/<file> without a version, or with an old one – the current file, cached for an hour only', async () => {
    const unversioned = await request(t.app()).get('/static/css/catalog.css').expect(200);
    expect(unversioned.headers['cache-control']).to.equal('public, max-age=3600');
    await request(t.app()).get('/static/css/catalog.css').set('If-None-Match', unversioned.headers.etag).expect(304);
    const stale = await request(t.app()).get('/static/000000000000/css/catalog.css').expect(200);
    expect(stale.headers['cache-control']).to.equal('public, max-age=3600');
    expect(stale.text).to.equal(unversioned.text);
    await request(t.app()).get('/static/000000000000/css/nope.css').expect(404);
  });
});

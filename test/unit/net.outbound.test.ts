import http from 'node:http';
import zlib from 'node:zlib';
import { expect } from 'chai';
import { fakeServer, type FakeServer } from '../support/syncServer.ts';
import { OutboundError, retryAfterMs, send, USER_AGENT } from '../../src/net/outbound.ts';

describe('the one outbound HTTP client (src/net/outbound.ts) against a local server', () => {
  let server: FakeServer;
  beforeEach(async () => {
    server = await fakeServer(() => ({ body: { ok: true } }));
  });
  afterEach(() => server.close());

  const failure = async (promise: Promise<unknown>): Promise<OutboundError> => {
    try {
      await promise;
    } catch (error) {
      expect(error).to.be.instanceOf(OutboundError);
      return error as OutboundError;
    }
    throw new Error('expected the call to fail');
  };

  it('Retry-After – delay-seconds, an HTTP date (past is 0), nonsense is undefined', () => {
    const now = new Date('2026-12-06T21:00:00Z');
    expect(retryAfterMs('7', now)).to.equal(7000);
    expect(retryAfterMs('Sun, 06 Dec 2026 21:00:30 GMT', now)).to.equal(30_000);
    expect(retryAfterMs('Sun, 06 Dec 2026 20:00:00 GMT', now)).to.equal(0);
    expect(retryAfterMs('-3', now)).to.equal(undefined);
    expect(retryAfterMs('soon', now)).to.equal(undefined);
    expect(retryAfterMs(undefined, now)).to.equal(undefined);
  });

  it('a 429 whose Retry-After is an HTTP date is retried no sooner than that date', async () => {
    // HTTP dates have whole seconds: ask for 2 s ahead so the wait is at least ~1 s whatever the millisecond now is.
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000);
    server.queue.push({ status: 429, body: 'slow down', headers: { 'retry-after': at.toUTCString() } });
    const answer = await send({ url: `${server.url}/a`, retries: 2, backoffMs: 1 });
    expect(answer.status).to.equal(200);
    expect(server.requests).to.have.length(2);
    expect(server.requests[1].at).to.be.at.least(at.getTime() - 5);
  });

  it('a 503 with Retry-After in seconds – waits that long; the last answer is returned when tries run out', async () => {
    server.fallback = () => ({ status: 503, body: 'down', headers: { 'retry-after': '1' } });
    const answer = await send({ url: `${server.url}/b`, retries: 1, backoffMs: 1 });
    expect(answer.status).to.equal(503);
    expect(server.requests).to.have.length(2);
    expect(server.requests[1].at - server.requests[0].at).to.be.at.least(990);
  });

  it('one queue per host – calls wait for each other and keep the gap; an honest User-Agent', async () => {
    const url = `${server.url}/q`;
    await Promise.all([send({ url, gapMs: 300 }), send({ url, gapMs: 300 }), send({ url, gapMs: 300 })]);
    const times = server.requests.map((r) => r.at);
    expect(times[1] - times[0]).to.be.at.least(290);
    expect(times[2] - times[1]).to.be.at.least(290);
    expect(server.requests[0].headers['user-agent']).to.equal(USER_AGENT);
    expect(USER_AGENT).to.match(/^cote\/\d/);
  });

  it('a byte cap – a declared length over it, and a gzip bomb counted after decompression', async () => {
    server.queue.push({ body: 'x'.repeat(5000) });
    expect((await failure(send({ url: `${server.url}/big`, maxBytes: 1000 }))).kind).to.equal('too_large');
    const bomb = zlib.gzipSync(Buffer.alloc(2_000_000, 32));
    // 2 MB of spaces in ~2 KB of gzip: the cap counts what it inflates to.
    const raw = await fakeRaw(bomb);
    try {
      expect((await failure(send({ url: raw.url, maxBytes: 100_000 }))).kind).to.equal('too_large');
    } finally {
      await raw.close();
    }
  });

  it('a deadline for the whole answer, and the caller’s signal', async () => {
    server.fallback = () => ({ body: 'late', delayMs: Infinity });
    expect((await failure(send({ url: `${server.url}/slow`, timeoutMs: 150 }))).kind).to.equal('timeout');
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    expect((await failure(send({ url: `${server.url}/slow`, signal: stop.signal }))).kind).to.equal('aborted');
  });

  it('allowPrivate: false – 127.0.0.1 is refused before any byte is sent; a closed port is "unreachable"', async () => {
    const refused = await failure(send({ url: `${server.url}/p`, allowPrivate: false }));
    expect(refused.kind).to.equal('private');
    expect(server.requests).to.have.length(0);
    const closed = await failure(send({ url: 'http://127.0.0.1:1/' }));
    expect(closed.kind).to.equal('unreachable');
  });
});

async function fakeRaw(body: Buffer): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/bomb`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

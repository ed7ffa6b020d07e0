import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect } from 'chai';
import { csrfFrom, testDeps } from '../support/app.ts';
import { PASSWORD, seedLearner, seedProblems } from '../support/progress.ts';

/** The status line's code of one request sent as raw header lines on its own connection (no body, whatever they say). */
function raw(port: number, head: string[], timeoutMs: number): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${head[0]}`));
    }, timeoutMs);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (status) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ status: Number(status[1]), ms: performance.now() - started });
      }
    });
    socket.on('error', reject);
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
  });
}

/** A GET of `path` with `cookie` on a fresh connection; resolves with the status and how long it took. */
function get(port: number, path: string, cookie: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { cookie }, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      })
      .on('error', reject);
  });
}

/**
 * Hardening findings 7 and 8 (issue 19). Kept pages made identical requests wait for the first one's render — a GET
 * announcing a body it never sends held the second for 325 s — and kept a key per distinct header set without counting
 * its bytes (3,000 distinct 14 KB cookies: RSS 241 → 311 MB). Kept pages are gone (bench:group: they answered ~1 view
 * in 400 of a study group's loop); these tests hold whatever replaces them: no request waits for another, and nothing
 * keyed on request headers is kept.
 */
describe('attack: coalesced requests and request-keyed memory', function () {
  this.timeout(60_000);
  let t: ReturnType<typeof testDeps>;
  let server: http.Server;
  let port: number;
  let cookie: string;

  before(async () => {
    t = testDeps({ SMTP_URL: '' });
    seedProblems(t.deps.db);
    seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2026-12-28' });
    server = http.createServer(t.app());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    // Logged in as a browser is: the form's cookies and token, then the session cookie the login answers with.
    const base = `http://127.0.0.1:${port}`;
    const form = await fetch(`${base}/login`);
    const formCookies = form.headers.getSetCookie().map((c) => c.split(';')[0]);
    const answer = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: formCookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfFrom(await form.text()), login: 'mina', password: PASSWORD }).toString(),
    });
    cookie = answer.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .filter((c) => c.startsWith('cote.sid='))
      .join('; ');
    expect(cookie).to.match(/cote\.sid=/);
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    t.cleanup();
  });

  it('finding 7 – a GET announcing a 1,000-byte form body it never sends – the same page without one is answered at once, and so is a GET /login', async () => {
    const head = [
      'GET /plan/today HTTP/1.1',
      'Host: 127.0.0.1',
      `Cookie: ${cookie}`,
      'Content-Type: application/x-www-form-urlencoded',
      'Content-Length: 1000',
    ];
    // The first holds its connection open (its body never comes) for 3 s, far longer than the two requests below may
    // take; the same page without a body must not wait for it.
    const first = raw(port, head, 3_000).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await raw(port, [...head.slice(0, 3), 'Connection: close'], 5000);
    expect(second.status).to.equal(200);
    const login = await get(port, '/login', '');
    expect(login.status).to.be.oneOf([200, 302]);
    expect(login.ms, 'a concurrent GET /login').to.be.below(200);
    await first;
  });

  it('finding 8 – 400 requests with distinct 14 KB cookies – the heap does not keep them (< 2 MB of 5.6 MB sent)', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const padding = 'x'.repeat(14 * 1024);
    const send = (i: number) => get(port, '/plan/today', `${cookie}; pad${i}=${padding}${i}`);
    await send(-1); // the first view builds what every later one reuses (the catalog, the plan in memory)
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 400; i += 20) {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, k) => send(i + k)));
      for (const a of answers) expect(a.status).to.equal(200);
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(grown, `heap grew by ${Math.round(grown / 1024)} KB`).to.be.below(2 * 1024 * 1024);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import express, { type Request } from 'express';
import { keepRendered, RenderedPages } from '../../src/web/renderedPages.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';

const HOUR = 60 * 60 * 1000;
const MONTH = 30 * 24 * HOUR;
// 03:00 UTC is noon in Seoul.
const NOON_KST = Date.parse('2026-11-28T03:00:00Z');

/**
 * RenderedPages in front of a small Express app whose routes say what they render: every request is "logged in" with
 * a 30-day session cookie made at `sessionStart`, and the database is a counter the test moves.
 */
function harness(options: { maxBytes?: number } = {}) {
  const state = {
    version: 1,
    appNow: NOON_KST,
    wallNow: NOON_KST,
    sessionStart: NOON_KST,
    renders: 0,
    /** /slow answers once this many requests are inside it (or on release()). */
    openAfter: 0,
  };
  const pages = new RenderedPages({
    maxBytes: options.maxBytes ?? 1024 * 1024,
    dataVersion: () => String(state.version),
    now: () => new Date(state.appNow),
    wallClock: () => state.wallNow,
  });
  const app = express();
  app.use(pages.capture);
  app.use((req: Request, _res, next) => {
    req.learner = { id: 1, timezone: 'Asia/Seoul' } as Learner;
    const cookie = { expires: new Date(state.sessionStart + MONTH), originalMaxAge: MONTH };
    (req as unknown as { session: unknown }).session = { cookie };
    next();
  });
  const body = (name: string, bytes = 100) => `${name}:${state.renders++}:`.padEnd(bytes, '.');
  app.get('/kept', (_req, res) => {
    keepRendered(res);
    res.send(body('kept'));
  });
  app.get('/big/:n', (req, res) => {
    keepRendered(res);
    res.send(body(`big${req.params.n}`, 400 * 1024));
  });
  app.get('/not-asked', (_req, res) => res.send(body('not-asked')));
  app.get('/until', (_req, res) => {
    keepRendered(res, new Date(state.appNow + 5 * 60 * 1000));
    res.send(body('until'));
  });
  app.get('/cookie', (_req, res) => {
    keepRendered(res);
    res.cookie('x', '1').send(body('cookie'));
  });
  app.get('/missing', (_req, res) => {
    keepRendered(res);
    res.status(404).send(body('missing'));
  });
  // Answers once `state.release()` is called: requests pile up meanwhile.
  let opened: () => void = () => {};
  const gate = new Promise<void>((resolve) => (opened = resolve));
  const inside: string[] = [];
  const slow = (keep: boolean) => async (req: Request, res: express.Response) => {
    inside.push(req.headers.cookie ?? '');
    if (inside.length === state.openAfter) opened();
    await gate;
    if (keep) keepRendered(res);
    res.send(body(req.path));
  };
  app.get('/slow', slow(true));
  app.get('/slow-not-kept', slow(false));
  const release = () => opened();
  app.get('/writes', (_req, res) => {
    keepRendered(res);
    state.version++;
    res.send(body('writes'));
  });
  const server = http.createServer((req, res) => pages.answer(req, res, () => app(req, res)));
  return { state, pages, server, release, inside };
}

describe('RenderedPages – what is kept, for how long, in how much memory', () => {
  let h: ReturnType<typeof harness>;
  let base: string;
  const start = async (options?: { maxBytes?: number }) => {
    h = harness(options);
    await new Promise<void>((resolve) => h.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(h.server.address() as AddressInfo).port}`;
  };
  afterEach(() => {
    h.server.closeAllConnections();
    h.server.close();
  });
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { headers: { cookie: 'cote.sid=abc', ...headers } });
    return { status: res.status, age: res.headers.get('age'), text: await res.text() };
  };
  /** True when the second of two views came from memory with the first view's bytes. */
  const keptAfterOneView = async (path: string) => {
    const first = await get(path);
    const second = await get(path);
    return second.age !== null && second.text === first.text;
  };

  it('a route that asks is kept; one that does not, a non-200, a Set-Cookie answer or a write while rendering are not', async () => {
    await start();
    expect(await keptAfterOneView('/kept')).to.equal(true);
    expect(await keptAfterOneView('/not-asked')).to.equal(false);
    expect(await keptAfterOneView('/missing')).to.equal(false);
    expect(await keptAfterOneView('/cookie')).to.equal(false);
    expect(await keptAfterOneView('/writes')).to.equal(false);
  });

  it('a request without a cookie is neither answered from memory nor kept', async () => {
    await start();
    await get('/kept');
    const anonymous = await fetch(`${base}/kept`);
    expect(anonymous.headers.get('age')).to.equal(null);
    expect(h.pages.size).to.equal(1);
  });

  it('any change of the data version forgets every kept page', async () => {
    await start();
    await get('/kept');
    await get('/until');
    expect(h.pages.size).to.equal(2);
    h.state.version++;
    expect((await get('/kept')).age).to.equal(null);
    expect(h.pages.size).to.equal(1);
  });

  it('the route’s own bound: kept 5 minutes, rendered again after', async () => {
    await start();
    const first = await get('/until');
    h.state.appNow += 4 * 60 * 1000;
    expect((await get('/until')).text).to.equal(first.text);
    h.state.appNow += 2 * 60 * 1000;
    const later = await get('/until');
    expect(later.age).to.equal(null);
    expect(later.text).to.not.equal(first.text);
  });

  it('the session’s renewal: once renewSession would write a new expiry (an hour), the request reaches Express', async () => {
    await start();
    await get('/kept');
    h.state.wallNow += 59 * 60 * 1000;
    expect((await get('/kept')).age).to.not.equal(null);
    h.state.wallNow += 2 * 60 * 1000;
    expect((await get('/kept')).age).to.equal(null);
  });

  it('the memory bound: with room for two 400 KB pages the least recently viewed goes first', async () => {
    await start({ maxBytes: 1024 * 1024 });
    await get('/big/1');
    await get('/big/2');
    expect((await get('/big/1')).age, 'viewed again: now the most recent').to.not.equal(null);
    await get('/big/3');
    expect(h.pages.size).to.equal(2);
    expect((await get('/big/1')).age).to.not.equal(null);
    expect((await get('/big/2')).age, 'the least recently viewed').to.equal(null);
  });

  it('20 identical requests at once – one render; the 19 others wait and get the kept page', async () => {
    await start();
    const all = Array.from({ length: 20 }, () => get('/slow'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.inside, 'only the first is being rendered').to.have.length(1);
    h.release();
    const answers = await Promise.all(all);
    expect(new Set(answers.map((a) => a.text)).size).to.equal(1);
    expect(answers.filter((a) => a.age === null)).to.have.length(1);
    expect(h.state.renders).to.equal(1);
  });

  it('identical requests to a page that is not kept – each is rendered in turn, none is lost', async () => {
    await start();
    const all = Array.from({ length: 5 }, () => get('/slow-not-kept'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.inside).to.have.length(1);
    h.release();
    const answers = await Promise.all(all);
    expect(answers.every((a) => a.status === 200 && a.age === null)).to.equal(true);
    expect(h.state.renders).to.equal(5);
  });

  it('requests of two sessions never wait for each other: both are inside the route at once', async () => {
    await start();
    h.state.openAfter = 2;
    const [a, b] = await Promise.all([get('/slow', { cookie: 'cote.sid=a' }), get('/slow', { cookie: 'cote.sid=b' })]);
    expect([a.status, b.status]).to.deep.equal([200, 200]);
    expect(h.inside.sort()).to.deep.equal(['cote.sid=a', 'cote.sid=b']);
  });

  it('the Age header counts seconds since the page was rendered', async () => {
    await start();
    await get('/kept');
    h.state.appNow += 90 * 1000;
    expect((await get('/kept')).age).to.equal('90');
  });
});

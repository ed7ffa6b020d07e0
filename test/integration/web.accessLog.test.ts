import http from 'node:http';
import { once } from 'node:events';
import { expect } from 'chai';
import request from 'supertest';
import { testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/log.ts';
import { pathWithoutValues } from '../../src/web/accessLog.ts';

describe('the access log', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => {
    t = testDeps();
  });
  afterEach(() => t.cleanup());

  const serve = (level: 'info' | 'warn') => {
    const lines: string[] = [];
    const app = createApp({ ...t.deps, logger: createLogger(level, (line) => lines.push(line)) });
    const events = () =>
      lines.map((l) => JSON.parse(l)).filter((e: { msg: string }) => e.msg === 'request') as Record<string, never>[];
    return { app, events };
  };

  it('one line per request at info: method, path with query names but no values, status, ms', async () => {
    const { app, events } = serve('info');
    await request(app).get('/login?next=%2Fplan&token=s3cret');
    await request(app).get('/no-such-page?q=mina%40example.com');
    await request(app).post('/login').type('form').send({ login: 'x' });
    const seen = events();
    expect(seen.map((e) => [e.level, e.req, e.res])).to.deep.equal([
      ['info', { method: 'GET', path: '/login?next&token' }, { status: 302 }],
      ['warn', { method: 'GET', path: '/no-such-page?q' }, { status: 404 }],
      ['warn', { method: 'POST', path: '/login' }, { status: 403 }],
    ]);
    for (const e of seen) expect(e.ms).to.be.a('number').at.least(0);
    expect(JSON.stringify(seen)).not.to.match(/s3cret|mina|example/);
  });

  it('three views of a page through a real server – three lines', async () => {
    seedLearner(t.deps.db, 'mina');
    const { app, events } = serve('info');
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { agent } = await loggedIn(server, 'mina');
      for (let view = 0; view < 3; view++) await agent.get('/history').expect(200);
      const logged = events().filter((e) => (e.req as { path: string }).path === '/history');
      expect(logged.map((e) => e.res)).to.deep.equal([{ status: 200 }, { status: 200 }, { status: 200 }]);
    } finally {
      server.close();
    }
  });

  it('LOG_LEVEL=warn – successful requests are not logged, refusals are', async () => {
    const { app, events } = serve('warn');
    await request(app).get('/login');
    await request(app).get('/no-such-page');
    expect(events().map((e) => e.res)).to.deep.equal([{ status: 404 }]);
  });

  it('a client that gives up before the answer – one line at warn marked aborted', async () => {
    const { app, events } = serve('info');
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as { port: number };
      // A form announced as 100 bytes of which 10 arrive: the server is still reading it when the client leaves.
      const req = http.request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/login?next=%2Fplan',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': '100',
        },
      });
      req.on('error', () => {});
      req.write('login=mina');
      await new Promise((resolve) => setTimeout(resolve, 100));
      req.destroy();
      for (let i = 0; i < 50 && events().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(events().map((e) => [e.level, e.req, e.aborted])).to.deep.equal([
        ['warn', { method: 'POST', path: '/login?next' }, true],
      ]);
    } finally {
      server.close();
    }
  });

  it('pathWithoutValues() – names kept in order, values and empty pairs dropped', () => {
    expect(pathWithoutValues('/checklist?q=dfs&list=a&&x')).to.equal('/checklist?q&list&x');
    expect(pathWithoutValues('/plan?')).to.equal('/plan');
    expect(pathWithoutValues('/plan')).to.equal('/plan');
  });
});

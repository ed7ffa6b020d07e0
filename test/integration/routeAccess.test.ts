import { expect } from 'chai';
import request from 'supertest';
import type { Express } from 'express';
import { csrfFrom, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner, seedProblems } from '../support/progress.ts';

/** Routes anyone may reach: signing in and out (logging out ends the session this test posts with), the language switch, the token-authenticated unsubscribe and calendar feed, the lists overview, the favicon. */
const PUBLIC = new Set([
  'GET /login',
  'POST /login',
  'GET /setup',
  'POST /setup',
  'POST /logout',
  'POST /language',
  'GET /language',
  'GET /unsubscribe/:token',
  'POST /unsubscribe/:token',
  'GET /calendar/:file',
  'GET /lists',
  'GET /api/imports/:id',
  'GET /favicon.ico',
]);
/** Routes only an admin may use once a learner exists. */
const ADMIN_ONLY = ['GET /learners', 'POST /learners', 'POST /lists/import', 'POST /history/import/baekjoonhub'];

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every METHOD /path the app registers, read from its router stack, so a new route cannot be forgotten here. */
function registeredRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route)
        for (const method of Object.keys(layer.route.methods))
          found.push(`${method.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return [...new Set(found)].sort();
}

const concrete = (path: string) => path.replace(':id', '1').replace(':name', 'x.eml');

describe('route access', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => {
    t = testDeps();
    seedProblems(t.deps.db);
    seedLearner(t.deps.db, 'admin');
    seedLearner(t.deps.db, 'reader');
  });
  afterEach(() => t.cleanup());
  const snapshot = () =>
    t.deps.db
      .prepare(
        `SELECT (SELECT count(*) FROM attempts) || '/' || (SELECT count(*) FROM learners) || '/' || (SELECT group_concat(digest_enabled || profile || language) FROM learners)`,
      )
      .pluck()
      .get();

  it('every learner route – anonymous, with a valid CSRF token – is sent to the login (or 401) and changes nothing', async () => {
    const app = t.app();
    const routes = registeredRoutes(app).filter((r) => !PUBLIC.has(r));
    expect(routes.length).to.be.greaterThan(25);
    const agent = request.agent(app);
    const csrf = csrfFrom((await agent.get('/login')).text);
    const before = snapshot();
    for (const route of routes) {
      const [method, path] = route.split(' ');
      const res =
        method === 'GET'
          ? await agent.get(concrete(path))
          : await agent.post(concrete(path)).type('form').send({
              _csrf: csrf,
              problem: 'boj:1000',
              outcome: 'solved',
              login: 'x',
              name: 'x',
              email: 'x@x',
              password: 'longenough',
              source: '/tmp',
              enabled: '0',
              profile: 'kakao',
            });
      const toLogin = res.status === 302 && String(res.headers.location).startsWith('/login');
      expect(toLogin || res.status === 401, `${route} answered ${res.status} ${res.headers.location ?? ''}`).to.equal(
        true,
      );
    }
    const after = snapshot();
    expect(after).to.equal(before);
  });

  it('admin-only routes – a learner who is not an admin – are refused with 403', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'reader');
    for (const route of ADMIN_ONLY) {
      const [method, path] = route.split(' ');
      const res =
        method === 'GET'
          ? await agent.get(path)
          : await agent
              .post(path)
              .type('form')
              .send({ _csrf: csrf, source: '/tmp', login: 'x', name: 'x', email: 'x@x' });
      expect(res.status, route).to.equal(403);
    }
    expect(t.deps.db.prepare('SELECT count(*) FROM learners').pluck().get()).to.equal(2);
  });

  it('POST /setup – once a learner exists – creates nobody (setup is for the very first learner only)', async () => {
    const agent = request.agent(t.app());
    const csrf = csrfFrom((await agent.get('/login')).text);
    const res = await agent.post('/setup').type('form').send({
      _csrf: csrf,
      login: 'intruder',
      name: 'I',
      email: 'i@example.com',
      password: 'longenough1',
      timezone: 'Asia/Seoul',
    });
    expect(res.status).to.be.oneOf([302, 403, 404, 409]);
    expect(t.deps.db.prepare("SELECT count(*) FROM learners WHERE login = 'intruder'").pluck().get()).to.equal(0);
  });
});

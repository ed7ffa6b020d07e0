import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { expect } from 'chai';
import request from 'supertest';
import { csrfFrom, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner, seedProblems } from '../support/progress.ts';
import { errorHandler } from '../../src/web/errorHandler.ts';
import { AppError } from '../../src/errors.ts';
import type { Logger } from '../../src/log.ts';

/** Nothing a parser or the runtime says may reach a user: no stack frames, no exception names, no file paths. */
function expectNoLeak(text: string, what: string) {
  expect(text, what).not.to.match(/\bat .*:\d+:\d+/);
  expect(text, what).not.to.match(/^\s+at /m);
  for (const leak of [
    'SyntaxError',
    'URIError',
    'Unexpected token',
    'Unexpected end',
    'node_modules',
    '.ts:',
    'request entity too large',
    'PayloadTooLargeError',
    process.cwd(),
  ]) {
    expect(text, `${what}: ${leak}`).not.to.contain(leak);
  }
}

const KO = { 'Accept-Language': 'ko-KR,ko;q=0.9' };
const EN = { 'Accept-Language': 'en-US,en;q=0.9' };

describe("malformed requests – 4xx pages in the reader's language, never a stack", () => {
  let t: ReturnType<typeof testDeps>;
  let savedEnv: string | undefined;
  beforeEach(() => {
    // Express prints stacks unless NODE_ENV=production: these answers must not depend on it.
    savedEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    t = testDeps();
    seedLearner(t.deps.db, 'mina');
  });
  afterEach(() => {
    if (savedEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = savedEnv;
    t.cleanup();
  });

  /** An anonymous agent with a session and its CSRF token, to send bodies the CSRF check lets through. */
  async function withToken() {
    const agent = request.agent(t.app());
    const csrf = csrfFrom((await agent.get('/login')).text);
    return { agent, csrf };
  }

  const cases: {
    name: string;
    status: number;
    code: string;
    send: (lang: Record<string, string>) => Promise<request.Response>;
    ko: string;
    en: string;
  }[] = [
    {
      name: 'POST /login without a body',
      status: 400,
      code: 'request.not_a_form',
      send: async (lang) => {
        const { agent, csrf } = await withToken();
        return agent.post('/login').set(lang).set('x-csrf-token', csrf);
      },
      ko: '이 주소는 양식을 받습니다',
      en: 'This address takes a form',
    },
    {
      name: 'POST /login with a text/plain body',
      status: 400,
      code: 'request.not_a_form',
      send: async (lang) => {
        const { agent, csrf } = await withToken();
        return agent.post('/login').set(lang).set('x-csrf-token', csrf).type('text').send('login=mina&password=x');
      },
      ko: '이 주소는 양식을 받습니다',
      en: 'This address takes a form',
    },
    {
      name: 'POST /login with JSON of the wrong types',
      status: 400,
      code: 'request.bad_field',
      send: async (lang) => {
        const { agent, csrf } = await withToken();
        return agent
          .post('/login')
          .set(lang)
          .set('x-csrf-token', csrf)
          .send({ login: ['mina'], password: 1 });
      },
      ko: '“login” 항목의 형식이 올바르지 않습니다.',
      en: 'The field “login” is not of the expected kind.',
    },
    {
      name: 'POST /login with malformed JSON',
      status: 400,
      code: 'request.malformed',
      send: (lang) =>
        request(t.app()).post('/login').set(lang).set('content-type', 'application/json').send('{"login": "mina", '),
      ko: '요청을 읽을 수 없습니다.',
      en: 'The request could not be read.',
    },
    {
      name: 'POST /login with a body over the limit',
      status: 413,
      code: 'request.too_large',
      send: (lang) =>
        request(t.app())
          .post('/login')
          .set(lang)
          .type('form')
          .send(`login=${'a'.repeat(3 * 1024 * 1024)}`),
      ko: '요청이 너무 큽니다.',
      en: 'The request is too large.',
    },
    {
      name: 'GET /login with a malformed cote_lang cookie',
      status: 400,
      code: 'request.bad_cookie',
      send: (lang) => request(t.app()).get('/login').set(lang).set('Cookie', 'cote_lang=%E0%A4%A'),
      ko: '쿠키 “cote_lang”의 형식이 잘못되어 지웠습니다.',
      en: 'The cookie “cote_lang” was malformed and has been removed.',
    },
    {
      name: 'GET /unsubscribe/<a malformed percent-escape>',
      status: 400,
      code: 'request.malformed',
      send: (lang) => request(t.app()).get('/unsubscribe/%E0%A4%A').set(lang),
      ko: '요청을 읽을 수 없습니다.',
      en: 'The request could not be read.',
    },
    {
      name: 'GET /unsubscribe/<a 300-character token>',
      status: 400,
      code: 'request.field_too_long',
      send: (lang) =>
        request(t.app())
          .get(`/unsubscribe/${'x'.repeat(300)}`)
          .set(lang),
      ko: '“token” 항목이 너무 깁니다.',
      en: 'The field “token” is too long.',
    },
  ];

  for (const c of cases) {
    for (const [lang, headers] of [
      ['ko', KO],
      ['en', EN],
    ] as const) {
      it(`${c.name} – ${c.status}, ${lang}`, async () => {
        const res = await c.send(headers);
        expect(res.status).to.equal(c.status);
        expect(res.type).to.equal('text/html');
        expect(res.text).to.contain(`<html lang="${lang}">`);
        expect(res.text).to.contain(`data-code="${c.code}"`);
        expect(res.text).to.contain(lang === 'ko' ? c.ko : c.en);
        expectNoLeak(res.text, c.name);
      });
    }
  }

  it('a malformed cote_lang cookie – is cleared, so the next page works again', async () => {
    const res = await request(t.app()).get('/login').set('Cookie', 'cote_lang=%E0%A4%A');
    expect(String(res.headers['set-cookie'])).to.match(/cote_lang=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('a logged-in learner whose language is English – a malformed JSON body – answered in English, whatever the browser says', async () => {
    seedLearner(t.deps.db, 'ann', { language: 'en' });
    const { agent, csrf } = await loggedIn(t.app(), 'ann');
    const res = await agent
      .post('/settings')
      .set(KO)
      .set('x-csrf-token', csrf)
      .set('content-type', 'application/json')
      .send('{oops');
    expect(res.status).to.equal(400);
    expect(res.text).to.contain('The request could not be read.');
    expectNoLeak(res.text, 'json');
  });

  it('JSON clients – the same rule, as JSON', async () => {
    const res = await request(t.app()).get('/api/imports/%E0%A4%A').set(EN);
    expect(res.status).to.equal(400);
    expect(res.body).to.deep.equal({
      error: { code: 'request.malformed', message: 'The request could not be read. Reload the page and try again.' },
    });
    const notNumber = await request(t.app()).get('/api/imports/1x').set(EN);
    expect(notNumber.status).to.equal(400);
    expect(notNumber.body.error.message).to.equal('The field “id” is not of the expected kind.');
  });
});

describe('one rule from an error to its status', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(() => {
    t = testDeps();
    seedProblems(t.deps.db);
    seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2026-12-28' });
  });
  afterEach(() => t.cleanup());

  it('a missing required field – 400 naming the field on every form, whichever wrapper renders it', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const forms: [string, string][] = [
      ['/plan/today/skip', 'problem'],
      ['/plan/today/less', 'minutes'],
      ['/attempts', 'problem'],
      ['/settings', 'name'],
      ['/settings/password', 'current'],
      ['/settings/email', 'time'],
      ['/history/import', 'csv'],
      ['/learners', 'login'],
    ];
    for (const [route, field] of forms) {
      const res = await agent.post(route).type('form').send({ _csrf: csrf });
      expect(res.status, route).to.equal(400);
      expect(res.text, route).to.contain(`The request is missing the field “${field}”.`);
    }
  });

  it('a well-formed but invalid value – 422 on every form, re-rendered with the message', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const forms: [string, Record<string, string>][] = [
      ['/plan/today/less', { minutes: 'lots' }],
      ['/attempts', { problem: 'boj:1260', minutes: '-5' }],
      ['/settings', { name: 'Mina', email: 'not an email' }],
      ['/settings/password', { current: 'wrong wrong', password: 'a new passphrase', confirm: 'a new passphrase' }],
      ['/settings/email', { time: '25:61' }],
      ['/settings/weights', { w_graph: 'many' }],
      ['/lists/import', { source: '' }],
      ['/learners', { login: '!', password: 'a new passphrase', name: 'X', email: 'x@example.com' }],
    ];
    for (const [route, body] of forms) {
      const res = await agent
        .post(route)
        .type('form')
        .send({ _csrf: csrf, ...body });
      expect(res.status, route).to.equal(422);
    }
  });
});

describe("the error handler – Express's default handler (which prints stacks) is never reached", () => {
  const logged: string[] = [];
  const logger = {
    error: (msg: string) => logged.push(msg),
    warn: () => {},
    info: () => {},
    debug: () => {},
  } as unknown as Logger;
  let views: string;
  beforeEach(() => {
    views = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-views-'));
    fs.writeFileSync(path.join(views, 'broken.ejs'), "<% throw new Error('boom at /secret/file.ts:1:1') %>");
    logged.length = 0;
  });
  afterEach(() => fs.rmSync(views, { recursive: true, force: true }));

  function bareApp(withRealViews: boolean) {
    const app = express();
    app.set('view engine', 'ejs');
    app.set('views', withRealViews ? [path.resolve('views'), views] : views);
    app.get('/throw', () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x') at /secret/file.ts:9:9");
    });
    app.get('/view', (_req, res) => res.render('broken'));
    app.get('/app-error', () => {
      throw new AppError('page_not_found', 'page not found', 404);
    });
    app.use(errorHandler(logger));
    return app;
  }

  for (const withRealViews of [true, false]) {
    it(`a thrown TypeError and a view that throws – a plain 500 without details${withRealViews ? '' : ', even when the error page itself cannot render'}`, async () => {
      for (const route of ['/throw', '/view']) {
        const res = await request(bareApp(withRealViews)).get(route).set(EN);
        expect(res.status, route).to.equal(500);
        expect(res.text, route).to.contain('An unexpected error happened.');
        expect(res.text, route).not.to.contain('/secret/file.ts');
        expect(res.text, route).not.to.contain('TypeError');
        expectNoLeak(res.text, route);
      }
      expect(logged.length).to.be.greaterThan(0);
    });
  }

  it('an AppError – its own status and translated message', async () => {
    const res = await request(bareApp(true)).get('/app-error').set(KO);
    expect(res.status).to.equal(404);
    expect(res.text).to.contain('없는 페이지입니다.');
  });
});

describe('edge validation – handlers read only parsed values', () => {
  it('no file under src/web reads req.body, req.query or req.params itself (src/web/validate.ts parses them)', () => {
    const root = path.resolve('src/web');
    const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.ts') && f !== 'validate.ts',
    );
    const raw = files.flatMap((file) =>
      fs
        .readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\breq\.(body|query|params)\b/.test(line) ? [`src/web/${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(files.length).to.be.greaterThan(20);
    expect(raw).to.deep.equal([]);
  });
});

describe('an error inside a template', () => {
  it('names the view it was rendering (templates are compiled without line tracking)', async () => {
    const t = testDeps();
    try {
      const app = t.app();
      // /plan's view without its locals: the template throws on the first one it reads.
      const error = await new Promise<Error | null>((resolve) => app.render('plan/index', {}, (e) => resolve(e)));
      expect(error).to.be.instanceOf(Error);
      expect(error!.message).to.match(/^views\/plan\/index\.ejs: /);
    } finally {
      t.cleanup();
    }
  });
});

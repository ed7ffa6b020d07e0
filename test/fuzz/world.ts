import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDatabase, type Db } from '../../src/db/connection.ts';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/log.ts';
import { importList } from '../../src/catalog/importList.ts';
import { createImportRun, finishImportRun } from '../../src/catalog/importRunRepository.ts';
import { categoriesOfList } from '../../src/catalog/categoryRepository.ts';
import { defaultList } from '../../src/catalog/listRepository.ts';
import { logAttempt } from '../../src/progress/logAttempt.ts';
import { learnerById, type Learner } from '../../src/learners/learnerRepository.ts';
import { planDayOf } from '../../src/plans/planDayRepository.ts';
import { addMember, createGroup } from '../../src/groups/groupAdmin.ts';
import { outboxDir } from '../../src/digest/transport.ts';
import { csrfFrom, tempDataDir } from '../support/app.ts';
import { HUB_FIXTURE, PASSWORD, seedLearner } from '../support/progress.ts';
import { send, type RawResponse } from './http.ts';
import { dataFiles } from './state.ts';

export type Role = 'anonymous' | 'learner' | 'admin';
export const ROLES: Role[] = ['anonymous', 'learner', 'admin'];

/** What one session knows: its cookie and CSRF token, and the ids that are valid for it. */
export interface RoleCtx {
  role: Role;
  /** `cote.sid=…` of this role's session (anonymous: a session that loaded /login). */
  cookie: string;
  csrf: string;
  /** A valid token of another session: forging with it must fail. */
  otherCsrf: string;
  /** The learner this session is (anonymous: the 'visitor' learner, used for POST /login). */
  me: Learner;
  ownAttemptId: number;
  ownAttemptProblem: string;
  /** An attempt of another learner: reaching it is an IDOR. */
  otherAttemptId: number;
  /** A catalog problem this learner never logged (undo of it has nothing to undo). */
  neverAttempted: string;
  todayProblem: string;
  /** A catalog problem that is not on this learner's list today. */
  notOnToday: string;
  outboxFile: string;
  otherOutboxFile: string;
}

export interface World {
  app: Express;
  db: Db;
  config: Config;
  dataDir: string;
  port: number;
  now: Date;
  today: string;
  listDir: string;
  hubDir: string;
  categories: string[];
  /** The key of the fixture list (the one list there is). */
  listKey: string;
  importRunId: number;
  /** The study group of 'learner' and 'admin', and another one (empty: 'visitor' is in no group, so it can be added). */
  groupId: number;
  otherGroupId: number;
  roles: Record<Role, RoleCtx>;
  /** The files of the data directory (but the database) as the run started: every request must leave them so. */
  files: string[];
  /** The first line of every error the app logged while handling a request, in order (cleared by the runner). */
  appErrors: string[];
  close(): Promise<void>;
}

const NOW = new Date('2026-11-28T03:00:00Z'); // 12:00 on 2026-11-28 in Seoul
const TODAY = '2026-11-28';
export const LIST_DIR = path.resolve(import.meta.dirname, '../fixtures/catalog/v1');

/**
 * The app on a real temporary SQLite file, listening on 127.0.0.1, with the small fixture list, an admin, a learner
 * and a third learner ('visitor', whose login the anonymous session uses), each with attempts, today's list and an
 * outbox file; one session per role. Everything a GET would lazily store (today's plans) is stored here.
 */
export async function createWorld(): Promise<World> {
  const data = tempDataDir();
  const config = loadConfig({
    COTE_DATA_DIR: data.dir,
    COTE_AUTO_IMPORT: 'false',
    LOG_LEVEL: 'silent',
    COTE_LIST_SOURCE: LIST_DIR,
    // Every request must reach its handler: the per-address limit on anonymous requests is tested in test/attack.
    COTE_ANONYMOUS_REQUESTS_PER_MINUTE: '0',
  });
  const db = openDatabase(path.join(data.dir, 'cote.db'));
  const appErrors: string[] = [];
  const logger = createLogger('error', (line) => appErrors.push(firstErrorLine(line)));
  await importList(db, LIST_DIR);
  const importRunId = createImportRun(db, LIST_DIR, NOW);
  finishImportRun(db, importRunId, { status: 'failed', message: 'fuzz seed run', at: NOW });
  const settings = { examDate: '2027-01-31', dailyMinutes: '120', timezone: 'Asia/Seoul' };
  const admin = seedLearner(db, 'admin', settings);
  const learner = seedLearner(db, 'learner', { ...settings, language: 'en' });
  const visitor = seedLearner(db, 'visitor', settings);
  cheapenPasswords(db);
  const group = createGroup(db, { name: 'Fuzzers' }, NOW);
  const otherGroup = createGroup(db, { name: 'Others', examDate: '2027-02-01', profile: 'samsung' }, NOW);
  addMember(db, group, 'learner', NOW);
  addMember(db, group, 'admin', NOW);
  const attempt = (who: Learner, problem: string, day: string) =>
    logAttempt(db, who, { problem, day, outcome: 'solved', minutes: '20', note: 'seed' }, NOW);
  const attempts = {
    admin: attempt(admin, 'boj:2178', '2026-11-20'),
    learner: attempt(learner, 'boj:1260', '2026-11-21'),
    visitor: attempt(visitor, 'boj:1003', '2026-11-22'),
  };
  attempt(learner, 'boj:1003', '2026-11-25');
  const outbox = outboxDir(config);
  fs.mkdirSync(outbox, { recursive: true });
  for (const who of [admin, learner, visitor])
    fs.writeFileSync(path.join(outbox, `digest-${who.id}-2026-11-27.eml`), 'Subject: seed\r\n\r\nseed\r\n');
  // A BaekjoonHub folder outside the data directory (whose files are compared after every request).
  const hub = tempDataDir();
  const hubDir = path.join(hub.dir, 'hub');
  fs.cpSync(HUB_FIXTURE, hubDir, { recursive: true });

  const app = createApp({ db, config, logger, now: () => NOW, sessionSecret: 'fuzz-secret' });
  // Express caches compiled views only when NODE_ENV=production; without the cache every page recompiles its EJS
  // templates (~4× slower). Caching changes no answer, and keeps the whole run within CI's time.
  app.set('view cache', true);
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const sessions = {
    anonymous: await anonymousSession(port),
    learner: await loginSession(port, 'learner'),
    admin: await loginSession(port, 'admin'),
  };
  const list = defaultList(db);
  const categories = list ? categoriesOfList(db, list.id).map((c) => c.key) : [];
  const problems = db.prepare('SELECT id FROM problems ORDER BY id').pluck().all() as string[];
  const others: Record<Role, Role> = { anonymous: 'learner', learner: 'admin', admin: 'learner' };
  const who: Record<Role, Learner> = { anonymous: visitor, learner, admin };
  const world: World = {
    app,
    db,
    config,
    dataDir: data.dir,
    port,
    now: NOW,
    today: TODAY,
    listDir: LIST_DIR,
    hubDir,
    categories,
    listKey: list?.key ?? '',
    importRunId,
    appErrors,
    groupId: group.id,
    otherGroupId: otherGroup.id,
    files: [],
    roles: {} as Record<Role, RoleCtx>,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      data.cleanup();
      hub.cleanup();
    },
  };
  for (const role of Object.keys(sessions) as Role[]) {
    const me = learnerById(db, who[role].id)!;
    const other = who[others[role]];
    const mine = attempts[role === 'anonymous' ? 'visitor' : role];
    const logged = new Set(
      db.prepare('SELECT problem_id FROM attempts WHERE learner_id = ?').pluck().all(me.id) as string[],
    );
    world.roles[role] = {
      role,
      cookie: sessions[role].cookie,
      csrf: sessions[role].csrf,
      otherCsrf: sessions[others[role]].csrf,
      me,
      ownAttemptId: mine.id,
      ownAttemptProblem: mine.problemId,
      otherAttemptId: attempts[others[role] === 'anonymous' ? 'visitor' : others[role]].id,
      neverAttempted: problems.find((p) => !logged.has(p)) ?? 'boj:1978',
      todayProblem: '',
      notOnToday: '',
      outboxFile: `digest-${me.id}-2026-11-27.eml`,
      otherOutboxFile: `digest-${other.id}-2026-11-27.eml`,
    };
  }
  await warmUp(world, problems);
  world.files = dataFiles(data.dir);
  return world;
}

/** Stored hashes use N=1024 instead of 16384 (the format carries its parameters), so each password probe is ~1 ms. */
function cheapenPasswords(db: Db): void {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(PASSWORD.normalize('NFC'), salt, 32, { N: 1024, r: 8, p: 1 });
  db.prepare('UPDATE learners SET password_hash = ?').run(
    ['scrypt', 1024, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$'),
  );
}

/** Every cookie a response sets, merged into `jar` (so a CSRF cookie, if the app ever uses one, travels too). */
function keepCookies(jar: Map<string, string>, res: RawResponse): string {
  for (const line of res.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function anonymousSession(port: number, jar = new Map<string, string>()) {
  const page = await send(port, { method: 'GET', path: '/login', headers: {} }, 10_000);
  const cookie = keepCookies(jar, page);
  if (page.status !== 200 || !cookie)
    throw new Error(`fuzz set-up: GET /login answered ${page.status} without a cookie`);
  return { cookie, csrf: csrfFrom(page.text) };
}

export async function loginSession(port: number, login: string) {
  const jar = new Map<string, string>();
  const anon = await anonymousSession(port, jar);
  const body = `_csrf=${encodeURIComponent(anon.csrf)}&login=${login}&password=${encodeURIComponent(PASSWORD)}`;
  const res = await send(
    port,
    {
      method: 'POST',
      path: '/login',
      headers: { cookie: anon.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    },
    10_000,
  );
  const cookie = keepCookies(jar, res);
  if (res.status !== 302) throw new Error(`fuzz set-up: login as ${login} answered ${res.status}`);
  const settings = await send(port, { method: 'GET', path: '/settings', headers: { cookie } }, 10_000);
  if (settings.status !== 200) throw new Error(`fuzz set-up: GET /settings as ${login} answered ${settings.status}`);
  return { cookie: keepCookies(jar, settings), csrf: csrfFrom(settings.text) };
}

/** Loads every page once, then writes once (the language, unchanged), which stores today's list for the fuzz's writes. */
async function warmUp(world: World, problems: string[]): Promise<void> {
  for (const role of ['learner', 'admin'] as Role[]) {
    const ctx = world.roles[role];
    for (const page of ['/plan/today', '/plan', '/digest/preview', '/', '/group']) {
      const res = await send(world.port, { method: 'GET', path: page, headers: { cookie: ctx.cookie } }, 30_000);
      if (res.status !== 200) throw new Error(`fuzz set-up: GET ${page} as ${role} answered ${res.status}`);
    }
    const write = await send(
      world.port,
      {
        method: 'POST',
        path: '/language',
        headers: { cookie: ctx.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        // Their own language again: the write changes no setting the fuzz compares.
        body: new URLSearchParams({ _csrf: ctx.csrf, lang: ctx.me.language, back: '/' }).toString(),
      },
      30_000,
    );
    if (write.status !== 302) throw new Error(`fuzz set-up: POST /language as ${role} answered ${write.status}`);
    const day = planDayOf(world.db, ctx.me.id, world.today);
    const pending = day?.items.map((it) => it.problem) ?? [];
    if (pending.length === 0) throw new Error(`fuzz set-up: ${role} has no list today`);
    ctx.todayProblem = pending[0];
    ctx.notOnToday = problems.find((p) => !pending.includes(p)) ?? 'boj:99999';
  }
  const anon = world.roles.anonymous;
  anon.todayProblem = world.roles.learner.todayProblem;
  anon.notOnToday = world.roles.learner.notOnToday;
}

function firstErrorLine(line: string): string {
  try {
    const event = JSON.parse(line) as { msg?: string; path?: string; error?: string };
    return `${event.msg ?? ''} ${event.path ?? ''}: ${String(event.error ?? '').split('\n')[0]}`.trim();
  } catch {
    return line.split('\n')[0];
  }
}

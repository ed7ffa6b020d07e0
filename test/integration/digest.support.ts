import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Db } from '../../src/db/connection.ts';
import { createLearner, type Learner, type NewLearner } from '../../src/learners/learnerRepository.ts';
import { DEFAULT_SETTINGS } from '../../src/learners/learnerSettings.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';
import type { Outcome } from '../../src/planner/types.ts';
import { hashPassword } from '../../src/learners/password.ts';
import request from 'supertest';
import { csrfFrom } from '../support/app.ts';

/** Shared by the digest tests: a real SMTP server in this process, and a few rows to send about. */
export interface TestSmtp {
  url: string;
  port: number;
  /** Every message the server accepted, parsed. */
  received: ParsedMail[];
  /** Number of messages refused so far. */
  refused: number;
  /** Refuse the next `n` messages in DATA with a 451. */
  refuseNext(n: number): void;
  /** Resolves once `n` messages have been accepted. */
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
}

/** A plain local SMTP server: no login, no STARTTLS (nodemailer would reject its self-signed certificate), quiet. */
export const SMTP_OPTIONS = {
  authOptional: true,
  hideSTARTTLS: true,
  disableReverseLookup: true,
  logger: false,
} as const;

/** A real SMTP server on `port` (0: any free port). */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  let toRefuse = 0;
  const waiters: { n: number; resolve(): void }[] = [];
  const state = { received: [] as ParsedMail[], refused: 0 };
  const server = new SMTPServer({
    ...SMTP_OPTIONS,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (toRefuse > 0) {
            toRefuse--;
            state.refused++;
            const error = Object.assign(new Error('try again later'), { responseCode: 451 });
            return callback(error);
          }
          state.received.push(mail);
          callback();
          for (const w of waiters.filter((w) => state.received.length >= w.n)) w.resolve();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    get received() {
      return state.received;
    },
    get refused() {
      return state.refused;
    },
    refuseNext: (n) => (toRefuse = n),
    waitFor: (n) =>
      state.received.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function addLearner(
  db: Db,
  login: string,
  overrides: Partial<NewLearner> = {},
  now = new Date('2026-11-01T00:00:00Z'),
): Learner {
  return createLearner(
    db,
    {
      ...DEFAULT_SETTINGS,
      login,
      name: login,
      email: `${login}@example.test`,
      passwordHash: null,
      isAdmin: false,
      ...overrides,
    },
    now,
  );
}

export function addProblem(db: Db, id: string, title: string, level = 8): void {
  const [judge, number] = id.split(':');
  db.prepare('INSERT OR IGNORE INTO problems (id, judge, number, title, level, url) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    judge,
    number,
    title,
    level,
    `https://www.acmicpc.net/problem/${number}`,
  );
}

export function addSolve(db: Db, learnerId: number, problemId: string, day: string, outcome: Outcome = 'solved'): void {
  recordAttempt(db, { learnerId, problemId, day, outcome, minutes: 30, createdAt: `${day}T10:00:00.000Z` });
}

export const TEST_PASSWORD = 'correct horse battery';

/** A supertest agent logged in as a new learner (the CSRF token comes from the login form). */
export async function loggedIn(
  app: import('express').Express,
  db: Db,
  login: string,
  overrides: Partial<NewLearner> = {},
) {
  const learner = addLearner(db, login, { passwordHash: hashPassword(TEST_PASSWORD), ...overrides });
  const agent = request.agent(app);
  const page = await agent.get('/login');
  const res = await agent
    .post('/login')
    .type('form')
    .send({ login, password: TEST_PASSWORD, _csrf: csrfFrom(page.text) });
  if (res.status !== 302) throw new Error(`login failed: ${res.status}`);
  return { agent, learner };
}

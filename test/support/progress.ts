import request from 'supertest';
import type { Db } from '../../src/db/connection.ts';
import { addLearner } from '../../src/learners/addLearner.ts';
import type { Learner } from '../../src/learners/learnerRepository.ts';
import { ensureProblem } from '../../src/catalog/problemRepository.ts';
import { csrfFrom } from './app.ts';

export const PASSWORD = 'correct horse';

/** A learner with PASSWORD; the first one added is an admin. */
export function seedLearner(db: Db, login: string, extra: Record<string, unknown> = {}): Learner {
  const isAdmin = (db.prepare('SELECT count(*) FROM learners').pluck().get() as number) === 0;
  return addLearner(db, { login, name: `Learner ${login}`, email: `${login}@example.com`, password: PASSWORD, ...extra }, { isAdmin, now: new Date('2026-01-01T00:00:00Z') });
}

/** A few BOJ problems, as if a list had been imported. */
export function seedProblems(db: Db): void {
  ensureProblem(db, { id: 'boj:1260', title: 'DFS와 BFS', level: 9 });
  ensureProblem(db, { id: 'boj:1000', title: 'A+B', level: 1 });
  ensureProblem(db, { id: 'boj:17453', title: '두 개의 문', level: 12 });
}

/** A supertest agent logged in as `login`, with a CSRF token for its session. */
export async function loggedIn(app: Parameters<typeof request.agent>[0], login: string, password = PASSWORD) {
  const agent = request.agent(app);
  const page = await agent.get('/login');
  const res = await agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), login, password });
  if (res.status !== 302) throw new Error(`login as ${login} failed: ${res.status}`);
  const settings = await agent.get('/settings');
  return { agent, csrf: csrfFrom(settings.text) };
}

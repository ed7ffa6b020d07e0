import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import request from 'supertest';
import type { Db } from '../../src/db/connection.ts';
import { addLearner } from '../../src/learners/addLearner.ts';
import { learnerByLogin, setLearnerLanguage, type Learner } from '../../src/learners/learnerRepository.ts';
import { ensureProblem } from '../../src/catalog/problemRepository.ts';
import { csrfFrom } from './app.ts';

export const PASSWORD = 'correct horse';

/** A learner with PASSWORD; the first one added is an admin. */
export function seedLearner(db: Db, login: string, extra: Record<string, unknown> = {}): Learner {
  const isAdmin = (db.prepare('SELECT count(*) FROM learners').pluck().get() as number) === 0;
  return addLearner(
    db,
    { login, name: `Learner ${login}`, email: `${login}@example.com`, password: PASSWORD, ...extra },
    { isAdmin, now: new Date('2026-01-01T00:00:00Z') },
  );
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
  const res = await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), login, password });
  if (res.status !== 302) throw new Error(`login as ${login} failed: ${res.status}`);
  const settings = await agent.get('/settings');
  return { agent, csrf: csrfFrom(settings.text) };
}

export const HUB_FIXTURE = new URL('../fixtures/progress/baekjoonhub/', import.meta.url).pathname;

/**
 * A git clone of the BaekjoonHub fixture in a temp dir: each README added by its own commit. The Silver README
 * (no 제출 일자) is added on 2026-02-10 08:00 KST and edited a week later; the edit must not move its day.
 */
export function hubClone(withGit = true): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-hub-'));
  fs.cpSync(HUB_FIXTURE, dir, { recursive: true });
  if (withGit) {
    const git = (args: string[], date = '2026-01-01T12:00:00+09:00') =>
      execFileSync(
        'git',
        ['-c', 'user.name=hub', '-c', 'user.email=hub@example.com', '-c', 'commit.gpgsign=false', ...args],
        { cwd: dir, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } },
      );
    git(['init', '-q']);
    const readmes = execFileSync('find', ['.', '-name', 'README.md'], { cwd: dir, encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    for (const file of readmes) {
      const silver = file.includes('1874');
      git(['add', path.dirname(file)]);
      git(
        ['commit', '-q', '-m', `[${silver ? 'Silver II' : 'x'}] -BaekjoonHub`],
        silver ? '2026-02-10T08:00:00+09:00' : '2026-01-01T12:00:00+09:00',
      );
      if (silver) {
        fs.appendFileSync(path.join(dir, file), '\n수정\n');
        git(['commit', '-q', '-am', 'edit'], '2026-02-17T08:00:00+09:00');
      }
    }
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A supertest agent logged in as a plain learner 'reader' whose language is `lang` (a learner's language wins
 * over Accept-Language). For pages that need a login, like the checklist at `/`.
 */
export async function readerAgent(
  t: { deps: { db: Db }; app(): Parameters<typeof request.agent>[0] },
  lang: 'en' | 'ko' = 'ko',
) {
  const reader =
    learnerByLogin(t.deps.db, 'reader') ??
    addLearner(
      t.deps.db,
      { login: 'reader', name: 'Reader', email: 'reader@example.com', password: PASSWORD },
      { isAdmin: false, now: new Date('2026-01-01T00:00:00Z') },
    );
  setLearnerLanguage(t.deps.db, reader.id, lang);
  return (await loggedIn(t.app(), 'reader')).agent;
}

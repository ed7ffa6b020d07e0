import path from 'node:path';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { loggedIn, readerAgent, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { digestView } from '../../src/digest/view.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');
const START = new Date('2026-11-28T03:00:00Z');
const count = (html: string, text: string) => html.split(text).length - 1;

describe('problem links on the pages', () => {
  let t: ReturnType<typeof testDeps>;
  afterEach(() => t.cleanup());

  it('GET / – Baekjoon problems – each links the original and the archived copy; the closure is said once', async () => {
    t = testDeps({}, START);
    await importList(t.deps.db, LIST);
    // Types are folded on the checklist: a search opens its matches.
    const html = (await (await readerAgent(t, 'en')).get('/?q=2001').expect(200)).text;
    expect(html).to.include('href="https://www.acmicpc.net/problem/2001"');
    expect(html).to.include('href="https://web.archive.org/web/2026/https://www.acmicpc.net/problem/2001"');
    expect(count(html, 'closed on 2026-04-28')).to.equal(1);
  });

  it('GET / and /plan/today – COTE_LINK_BOJ set – problems link the mirror, the archive stays', async () => {
    t = testDeps({ COTE_LINK_BOJ: 'https://mirror.example/p/{id}' }, START);
    await importList(t.deps.db, LIST);
    // Types are folded on the checklist: a search opens its matches.
    const html = (await (await readerAgent(t, 'en')).get('/?q=2001').expect(200)).text;
    expect(html)
      .to.include('href="https://mirror.example/p/2001"')
      .and.not.include('href="https://www.acmicpc.net/problem/');
    expect(html).to.include('href="https://web.archive.org/web/2026/https://www.acmicpc.net/problem/2001"');
    seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2026-12-28', dailyMinutes: '120' });
    const today = (await (await loggedIn(t.app(), 'mina')).agent.get('/plan/today').expect(200)).text;
    const first = /data-problem="boj:(\d+)"/.exec(today)![1];
    expect(today).to.include(`href="https://mirror.example/p/${first}"`);
    expect(today).to.include(`href="https://web.archive.org/web/2026/https://www.acmicpc.net/problem/${first}"`);
    expect(count(today, 'closed on 2026-04-28')).to.equal(1);
  });

  // Baekjoon closed on 2026-04-28: a digest's link to a BOJ problem is the archived copy, or the group's mirror.
  for (const [env, expected] of [
    [{}, 'https://web.archive.org/web/2026/https://www.acmicpc.net/problem/2001'],
    [{ COTE_LINK_BOJ: 'https://mirror.example/p/{id}' }, 'https://mirror.example/p/2001'],
  ] as const) {
    it(`the nightly digest – a Baekjoon solve${'COTE_LINK_BOJ' in env ? ' with COTE_LINK_BOJ set' : ''} – links ${expected}`, async () => {
      t = testDeps(env, START);
      await importList(t.deps.db, LIST);
      const mina = seedLearner(t.deps.db, 'mina', { examDate: '2026-12-28', dailyMinutes: '120' });
      const createdAt = START.toISOString();
      recordAttempt(t.deps.db, {
        learnerId: mina.id,
        problemId: 'boj:2001',
        day: '2026-11-28',
        outcome: 'solved',
        createdAt,
      });
      const view = digestView(t.deps.db, t.deps.config, mina, '2026-11-28', START);
      expect(view.solves.map((p) => p.url)).to.deep.equal([expected]);
      expect(
        view.tomorrow.items.every((p) => p.url === null || !p.url.startsWith('https://www.acmicpc.net/')),
      ).to.equal(true);
    });
  }
});

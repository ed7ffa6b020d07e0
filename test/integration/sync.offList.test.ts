import path from 'node:path';
import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { cfSubmission, FAST_GAP, fakeServer, type FakeServer } from '../support/syncServer.ts';
import { importList } from '../../src/catalog/importList.ts';
import { runCli } from '../../src/cli.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/progress/list');

describe('off-list problems from a sync – in history and streaks, never in lists, the checklist or the plan', () => {
  let t: ReturnType<typeof testDeps>;
  let cf: FakeServer;

  beforeEach(async () => {
    // Solves on three consecutive KST days, none of them on the imported list.
    cf = await fakeServer(() => ({
      body: {
        status: 'OK',
        result: [
          cfSubmission(3, 1352, 'A', '2026-03-02T01:00:00Z', 'OK', { name: 'Sum of Round Numbers', rating: 800 }),
          cfSubmission(2, 4, 'A', '2026-03-01T01:00:00Z', 'OK', { name: 'Watermelon', rating: 800 }),
          cfSubmission(1, 71, 'A', '2026-02-28T01:00:00Z', 'OK', { name: 'Way Too Long Words', rating: 800 }),
        ],
      },
    }));
    t = testDeps(
      { COTE_CODEFORCES_API: `${cf.url}/api`, COTE_CODEFORCES_GAP_MS: FAST_GAP },
      new Date('2026-03-02T03:00:00Z'),
    );
    await importList(t.deps.db, LIST);
    seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2026-04-30' });
  });
  afterEach(async () => {
    t.cleanup();
    await cf.close();
  });

  const cli = async (...args: string[]) => {
    const c = testCliContext(t);
    const code = await runCli(['node', 'cote', ...args], c.cli);
    return { code, out: c.out.join('\n'), err: c.err };
  };

  it('after a sync – history and streak count the three days; the checklist, /lists and the plans show none of the problems; a list re-import keeps them', async () => {
    await cli('learner', 'set', 'mina', '--codeforces', 'tourist');
    expect((await cli('sync', '--learner', 'mina')).code).to.equal(0);
    const history = JSON.parse((await cli('history', '--learner', 'mina', '--json')).out);
    expect(history.solvedDays).to.equal(3);
    expect(history.streak.current).to.equal(3);

    const a = await loggedIn(t.app(), 'mina');
    const historyPage = await a.agent.get('/history');
    expect(historyPage.text).to.contain('Watermelon');
    for (const page of ['/', '/lists', '/plan/today', '/plan']) {
      const res = await a.agent.get(page);
      expect(res.status, page).to.equal(200);
      for (const text of ['cf:1352A', 'cf:4A', 'Watermelon', 'Sum of Round Numbers'])
        expect(res.text, `${page} shows ${text}`).not.to.contain(text);
    }
    await importList(t.deps.db, LIST);
    expect(t.deps.db.prepare('SELECT count(*) FROM problems WHERE off_list = 1').pluck().get()).to.equal(3);
  });
});

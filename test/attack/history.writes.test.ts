import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { HubRepo, hubReadme } from '../support/hubRepo.ts';
import { cfSubmission, fakeServer, type FakeServer } from '../support/syncServer.ts';
import { runCote } from '../support/spawnCote.ts';
import { serveDirectory, type StaticServer } from '../fixtures/catalog/staticServer.ts';
import { runCli } from '../../src/cli.ts';

const NOW = '2026-11-28T03:00:00Z';
// 60,000 characters (180 KB): under the sync's 256 KB README cap, so the title itself must be cut (a 450,000-character
// one is a README over the cap, skipped before it is read; history.boundaries.test.ts stores one through storeSync).
const HUGE_TITLE = `\u001b]0;owned\u0007\u001b[2J${'가'.repeat(60_000)}`;

/**
 * Issue 19, findings 9 (wrong writes) and 10 (shared text), through the sync a plain learner sets up: a git repository
 * and a Codeforces answer served on 127.0.0.1, synced with the real command paths.
 */
describe('attack: what a learner’s sources may write (findings 9 and 10)', function () {
  this.timeout(60_000);
  let t: ReturnType<typeof testDeps>;
  let repo: HubRepo;
  let git: StaticServer;
  let cf: FakeServer;

  beforeEach(async () => {
    repo = new HubRepo()
      .commit('백준/Gold/0.\u2005zero/README.md', hubReadme('Gold IV', 'zero', 0, '2026년 1월 6일 15:14:31'), NOW)
      .commit(
        '백준/Gold/big.\u2005big/README.md',
        hubReadme('Gold IV', 'big', 1000, '2026년 1월 6일 15:14:31').replace(/- 1000$/m, '- 1000000000000000000000'),
        NOW,
      )
      .commit(
        '백준/Gold/1000.\u2005huge/README.md',
        hubReadme('Gold IV', HUGE_TITLE, 1000, '2026년 1월 6일 15:14:31'),
        NOW,
      )
      .commit('백준/Gold/1001.\u2005far/README.md', hubReadme('Gold IV', 'far', 1001, '9999년 12월 31일 23:59:59'), NOW)
      .commit('백준/Gold/1002.\u2005old/README.md', hubReadme('Gold IV', 'old', 1002, '1969년 12월 31일 10:00:00'), NOW)
      .publish();
    git = await serveDirectory(repo.servedRoot);
    cf = await fakeServer(() => ({
      body: {
        status: 'OK',
        result: [
          // Year 10000 (local day "10000-01-01", which sorts before "2026-…" as a string) and a plain solve.
          cfSubmission(2, 5, 'A', '+010000-01-01T00:00:00Z', 'OK', { name: 'Far future' }),
          cfSubmission(1, 4, 'A', '2026-11-27T01:00:00Z', 'OK', { name: 'Watermelon\u001b[31m\u0007' }),
        ],
      },
    }));
    t = testDeps({ COTE_ALLOW_PRIVATE_SOURCES: 'true', COTE_CODEFORCES_API: `${cf.url}/api` }, new Date(NOW));
    seedLearner(t.deps.db, 'mina', { language: 'en' });
    seedLearner(t.deps.db, 'joon', { language: 'en' });
  });
  afterEach(async () => {
    t.cleanup();
    repo.cleanup();
    await git.close();
    await cf.close();
  });

  const cli = async (...args: string[]) => {
    const c = testCliContext(t);
    const code = await runCli(['node', 'cote', ...args], c.cli);
    return { code, out: c.out.join('\n'), err: c.err };
  };
  const all = (sql: string) => t.deps.db.prepare(sql).all() as Record<string, unknown>[];

  it('finding 9 – boj:0, boj:1e+21, a 60,000-character title with ESC, days 9999-12-31, 10000-01-01 and 1969 – none stored as such', async () => {
    expect(
      (await cli('learner', 'set', 'mina', '--repo', `${git.url}hub.git`, '--codeforces', 'tourist')).code,
    ).to.equal(0);
    const sync = await cli('sync', '--learner', 'mina', '--json');
    expect(sync.code, sync.err.join('\n')).to.equal(0);
    const ids = all('SELECT id FROM problems').map((r) => r.id);
    expect(ids).to.not.include.members(['boj:0', 'boj:1e+21', 'cf:5A']);
    expect(ids.some((id) => String(id).includes('e+'))).to.equal(false);
    const days = all('SELECT day FROM attempts').map((r) => String(r.day));
    expect(
      days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= '1970-01-01' && d <= '2026-11-29'),
      days.join(),
    ).to.equal(true);
    expect(days.sort()).to.deep.equal(['2026-01-06', '2026-11-27']);
    const titles = all('SELECT title FROM learner_problem_titles UNION ALL SELECT title FROM problems').map((r) =>
      String(r.title),
    );
    for (const title of titles) {
      expect(Array.from(title).length).to.be.at.most(300);
      expect(title).to.not.match(/\p{Cc}/u);
    }
  });

  it('finding 10 – one learner’s synced titles – never in another learner’s history; the real `cote solve` prints no ESC or BEL', async () => {
    expect((await cli('learner', 'set', 'mina', '--codeforces', 'tourist')).code).to.equal(0);
    expect((await cli('sync', '--learner', 'mina')).code).to.equal(0);
    const run = await runCote(['solve', 'cf:4A', '--learner', 'joon'], {
      COTE_DATA_DIR: t.deps.config.dataDir,
      COTE_CLOCK_START: NOW,
      LOG_LEVEL: 'silent',
    });
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.equal('logged cf:4A cf:4A (solved) on 2026-11-28 for joon\n');
    const joon = await loggedIn(t.app(), 'joon');
    expect((await joon.agent.get('/history').expect(200)).text)
      .to.contain('cf:4A')
      .and.not.contain('Watermelon');
    const mina = await loggedIn(t.app(), 'mina');
    const own = (await mina.agent.get('/history?day=2026-11-27').expect(200)).text;
    expect(own).to.contain('Watermelon [31m').and.not.contain('\u001b');
    const mine = await runCote(['history', '--learner', 'mina'], {
      COTE_DATA_DIR: t.deps.config.dataDir,
      COTE_CLOCK_START: NOW,
      LOG_LEVEL: 'silent',
    });
    expect(mine.stdout).to.contain('Watermelon [31m').and.not.contain('\u001b').and.not.contain('\u0007');
  });
});

import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { HubRepo } from '../support/hubRepo.ts';
import { commitHubHistory, hubHistory, type HubSolve } from '../support/hubHistory.ts';
import { runCote } from '../support/spawnCote.ts';
import { serveDirectory, type StaticServer } from '../fixtures/catalog/staticServer.ts';
import { ensureProblem, problemById } from '../../src/catalog/problemRepository.ts';
import { runCli } from '../../src/cli.ts';
import { levelFromProgrammersLevel } from '../../src/judges/difficulty.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';

const NOW = '2026-11-28T03:00:00Z';

/**
 * A BaekjoonHub history of 243 solves (158 Baekjoon, 85 Programmers; 39 of the Baekjoon ones on a list) imported with
 * the real `cote` command, then the same repository synced: one rule for problems no list has, the same days.
 */
describe('history import of a 243-solve BaekjoonHub repository – every solve kept, the same days as a sync', function () {
  this.timeout(60_000);
  let t: ReturnType<typeof testDeps>;
  let repo: HubRepo;
  let server: StaticServer;
  let solves: HubSolve[];

  before(async () => {
    solves = hubHistory();
    repo = new HubRepo();
    commitHubHistory(repo.work, solves);
    repo.publish();
    server = await serveDirectory(repo.servedRoot);
  });
  after(async () => {
    repo.cleanup();
    await server.close();
  });
  beforeEach(() => {
    t = testDeps({ COTE_ALLOW_PRIVATE_SOURCES: 'true' }, new Date(NOW));
    // 39 of the Baekjoon problems are on a list.
    for (const s of solves.filter((x) => x.judge === 'boj').slice(0, 39))
      ensureProblem(t.deps.db, { id: `boj:${s.id}`, title: `listed ${s.id}`, level: 7 });
  });
  afterEach(() => t.cleanup());

  const cli = async (...args: string[]) => {
    const c = testCliContext(t);
    const code = await runCli(['node', 'cote', ...args], c.cli);
    return { code, out: c.out.join('\n'), err: c.err };
  };
  const dated = (login: string) =>
    attemptsForLearner(t.deps.db, learnerByLogin(t.deps.db, login)!.id)
      .map((a) => `${a.problemId} ${a.day} ${a.outcome}`)
      .sort();
  const env = () => ({ COTE_DATA_DIR: t.deps.config.dataDir, COTE_CLOCK_START: NOW, LOG_LEVEL: 'silent' });

  it('cote history import (the real command, a Korean learner) – 243 imported in one Korean line: 39 on the lists, 204 kept off-list; a sync of the same repository then imports 0', async () => {
    seedLearner(t.deps.db, 'mina');
    const run = await runCote(['history', 'import', repo.work, '--learner', 'mina', '--format', 'baekjoonhub'], env());
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.equal('');
    const lines = run.stdout.trim().split('\n');
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(
      /^243개를 가져왔습니다\(\d+일\): 문제집에 있는 문제 39개, 문제집 밖 문제 204개는 내 기록으로 보관했습니다\.$/,
    );
    expect(dated('mina')).to.have.length(243);

    expect((await cli('learner', 'set', 'mina', '--repo', `${server.url}hub.git`)).code).to.equal(0);
    const sync = await cli('sync', '--learner', 'mina', '--source', 'git', '--json');
    expect(sync.code, sync.err.join('\n')).to.equal(0);
    expect(JSON.parse(sync.out).sources[0]).to.deep.include({ fetched: 243, imported: 0, skipped: 243 });
    expect(dated('mina')).to.have.length(243);
    const again = await cli('history', 'import', repo.work, '--learner', 'mina', '--format', 'baekjoonhub');
    expect(again.out).to.equal('새로 가져온 기록이 없습니다. 243개는 이미 기록에 있었습니다.');
  });

  it('an import and a sync of the same repository by two learners – the same 243 problems on the same days; Programmers levels kept; titles each learner’s own', async () => {
    seedLearner(t.deps.db, 'mina');
    seedLearner(t.deps.db, 'joon');
    seedLearner(t.deps.db, 'sora', { language: 'en' });
    expect((await cli('history', 'import', repo.work, '--learner', 'mina', '--format', 'baekjoonhub')).code).to.equal(
      0,
    );
    expect((await cli('learner', 'set', 'joon', '--repo', `${server.url}hub.git`)).code).to.equal(0);
    const sync = await cli('sync', '--learner', 'joon', '--source', 'git', '--json');
    expect(JSON.parse(sync.out).sources[0]).to.deep.include({ imported: 243 });
    expect(dated('mina')).to.deep.equal(dated('joon'));
    // An old README near midnight is dated by its commit (00:00 the next day KST), a dated one by 제출 일자.
    const midnight = solves.find((s) => s.submitted === undefined && s.committed.includes('T00:00'))!;
    const minaDay = dated('mina').find((d) => d.startsWith(`${midnight.judge}:${midnight.id} `));
    expect(minaDay).to.equal(`${midnight.judge}:${midnight.id} ${midnight.committed.slice(0, 10)} solved`);

    for (const s of solves.filter((x) => x.judge === 'programmers')) {
      const level = levelFromProgrammersLevel(Number(s.tier.slice('level '.length)));
      expect(problemById(t.deps.db, `programmers:${s.id}`)!.level, s.path).to.equal(level);
    }
    // A third learner logging an off-list problem sees its id, never mina's or joon's title of it.
    const offList = solves.filter((x) => x.judge === 'boj')[50];
    const solve = await cli('solve', `boj:${offList.id}`, '--learner', 'sora');
    expect(solve.code).to.equal(0);
    expect(solve.out).to.equal(`logged boj:${offList.id} boj:${offList.id} (solved) on 2026-11-28 for sora`);
    const sora = await loggedIn(t.app(), 'sora');
    const page = (await sora.agent.get('/history').expect(200)).text;
    expect(page).to.contain(`boj:${offList.id}`).and.not.contain(offList.title);
    const mina = await loggedIn(t.app(), 'mina');
    const own = (await mina.agent.get('/history?day=unknown')).status;
    expect(own).to.equal(200);
    const minaAttempt = attemptsForLearner(t.deps.db, learnerByLogin(t.deps.db, 'mina')!.id).find(
      (a) => a.problemId === `boj:${offList.id}`,
    )!;
    expect(minaAttempt.title).to.equal(offList.title);
  });
});

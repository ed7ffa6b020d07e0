import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { seedLearner, seedProblems } from '../support/progress.ts';
import { HubRepo, hubReadme } from '../support/hubRepo.ts';
import { serveDirectory, type StaticServer } from '../fixtures/catalog/staticServer.ts';
import { runCli } from '../../src/cli.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';
import { accountsOf } from '../../src/sync/syncRepository.ts';
import { cloneDir } from '../../src/sync/gitRepo.ts';

// U+2005 between id and title, as BaekjoonHub names its folders.
const SILVER = '백준/Silver/1260.\u2005DFS와 BFS/README.md';
const BRONZE = '백준/Bronze/1000.\u2005A+B/README.md';
const PROGRAMMERS = '프로그래머스/lv2/12924.\u2005숫자의 표현/README.md';

describe('sync from a BaekjoonHub git repository – cloned and fetched over HTTP with the git CLI', () => {
  let t: ReturnType<typeof testDeps>;
  let repo: HubRepo;
  let server: StaticServer;

  beforeEach(async () => {
    repo = new HubRepo()
      .commit(SILVER, hubReadme('Silver II', 'DFS와 BFS', 1260, '2026년 3월 1일 23:50:12'), '2026-03-01T23:50:30+09:00')
      // No 제출 일자 (an old README): dated by the commit that added it, 00:10 KST.
      .commit(BRONZE, hubReadme('Bronze V', 'A+B', 1000), '2026-03-02T00:10:00+09:00')
      .commit(
        PROGRAMMERS,
        hubReadme('level 2', '숫자의 표현', 12924, '2024년 07월 30일 19:20:39', 'programmers'),
        '2024-07-30T19:21:00+09:00',
      )
      .commit('백준/Gold/9999.\u2005broken/README.md', 'not a BaekjoonHub readme', '2026-03-01T10:00:00+09:00')
      .publish();
    server = await serveDirectory(repo.servedRoot);
    t = testDeps({ COTE_ALLOW_PRIVATE_SOURCES: 'true' }, new Date('2026-03-02T03:00:00Z'));
    seedProblems(t.deps.db);
    seedLearner(t.deps.db, 'mina');
  });
  afterEach(async () => {
    t.cleanup();
    repo.cleanup();
    await server.close();
  });

  const url = () => `${server.url}hub.git`;
  const cli = async (...args: string[]) => {
    const c = testCliContext(t);
    const code = await runCli(['node', 'cote', ...args], c.cli);
    return { code, out: c.out.join('\n'), err: c.err };
  };
  const mina = () => learnerByLogin(t.deps.db, 'mina')!;
  const attempts = () => attemptsForLearner(t.deps.db, mina().id).map((a) => [a.problemId, a.day, a.outcome, a.origin]);

  it('first sync – clones, dates by 제출 일자 or by the commit that added the README – then a fetch brings only the new solve', async () => {
    expect((await cli('learner', 'set', 'mina', '--repo', url())).code).to.equal(0);
    const first = await cli('sync', '--learner', 'mina', '--source', 'git', '--json');
    expect(first.code, first.err.join('\n')).to.equal(0);
    expect(JSON.parse(first.out)).to.deep.equal({
      sources: [{ source: 'git', fetched: 4, imported: 3, skipped: 1, days: 3, error: null }],
    });
    expect(attempts()).to.deep.equal([
      ['programmers:12924', '2024-07-30', 'solved', 'sync:git'],
      ['boj:1260', '2026-03-01', 'solved', 'sync:git'],
      ['boj:1000', '2026-03-02', 'solved', 'sync:git'],
    ]);
    // The clone lives in the data directory; the listed problem stays listed, the other one is off-list.
    const dir = cloneDir(t.deps.config.dataDir, url());
    expect(dir.startsWith(path.join(t.deps.config.dataDir, 'repos'))).to.equal(true);
    expect(fs.existsSync(path.join(dir, 'HEAD'))).to.equal(true);
    expect(t.deps.db.prepare("SELECT off_list FROM problems WHERE id = 'boj:1260'").pluck().get()).to.equal(0);
    expect(t.deps.db.prepare("SELECT off_list FROM problems WHERE id = 'programmers:12924'").pluck().get()).to.equal(1);

    repo
      .commit(
        '백준/Gold/17453.\u2005두 개의 문/README.md',
        hubReadme('Gold IV', '두 개의 문', 17453, '2026년 3월 2일 11:00:00'),
        '2026-03-02T11:00:05+09:00',
      )
      .publish();
    const served = server.requests.length;
    const second = await cli('sync', '--learner', 'mina', '--json');
    expect(JSON.parse(second.out).sources[0]).to.deep.include({ fetched: 5, imported: 1, days: 1, error: null });
    expect(attempts().at(-1)).to.deep.equal(['boj:17453', '2026-03-02', 'solved', 'sync:git']);
    // A fetch, not a second clone: the existing objects were not asked for again.
    const paths = server.requests.slice(served).map((r) => r.path);
    expect(paths.some((p) => p.endsWith('/info/refs'))).to.equal(true);
    expect(paths.filter((p) => p.includes('/objects/')).length).to.be.lessThan(
      server.requests.slice(0, served).filter((r) => r.path.includes('/objects/')).length,
    );
    const third = await cli('sync', '--learner', 'mina', '--json');
    expect(JSON.parse(third.out).sources[0]).to.deep.include({ imported: 0 });
  });

  it('a repository that does not exist – a clear error, nothing written, nothing left in the data directory', async () => {
    await cli('learner', 'set', 'mina', '--repo', `${server.url}nope.git`);
    const run = await cli('sync', '--learner', 'mina');
    expect(run.code).to.equal(1);
    expect(run.err).to.deep.equal([
      `cote: git: ${server.url}nope.git cannot be read: it is not a public git repository cote can reach`,
    ]);
    expect(attempts()).to.deep.equal([]);
    expect(fs.readdirSync(path.join(t.deps.config.dataDir, 'repos'))).to.deep.equal([]);
  });

  it('a repository that is not BaekjoonHub-shaped – a clear error, nothing written; another repository still syncs', async () => {
    const other = new HubRepo().commit('README.md', '# my notes', '2026-03-01T10:00:00+09:00');
    fs.mkdirSync(path.join(repo.servedRoot, 'x'), { recursive: true });
    try {
      other.publish();
      fs.renameSync(other.bare, path.join(repo.servedRoot, 'notes.git'));
      await cli('learner', 'set', 'mina', '--repo', `${server.url}notes.git`, '--repo', url());
      const run = await cli('sync', '--learner', 'mina', '--json');
      expect(run.code).to.equal(0);
      const [git] = JSON.parse(run.out).sources;
      expect(git).to.deep.include({ imported: 3 });
      expect(git.error).to.equal(
        `${server.url}notes.git: ${server.url}notes.git is not a BaekjoonHub repository: no 백준/ or 프로그래머스/ folder with README.md files`,
      );
      const [notes] = accountsOf(t.deps.db, mina().id);
      expect(notes).to.deep.include({
        handle: `${server.url}notes.git`,
        lastErrorCode: 'sync.git_not_hub',
        lastSuccessAt: null,
      });
    } finally {
      other.cleanup();
    }
  });

  it('file://, ssh and local paths are refused when set; a private address is refused at sync time without COTE_ALLOW_PRIVATE_SOURCES', async () => {
    for (const bad of [
      `file://${repo.bare}`,
      'git@github.com:me/hub.git',
      repo.bare,
      'ssh://github.com/me/hub.git',
      'https://user:secret@github.com/me/hub.git',
    ]) {
      const run = await cli('learner', 'set', 'mina', '--repo', bad);
      expect(run.code, bad).to.equal(1);
      expect(run.err[0], bad).to.match(/is not a public http\(s\) repository URL/);
    }
    expect(accountsOf(t.deps.db, mina().id)).to.deep.equal([]);
    await cli('learner', 'set', 'mina', '--repo', url());
    t.deps.config.allowPrivateSources = false;
    const run = await cli('sync', '--learner', 'mina');
    expect(run.code).to.equal(1);
    // Checked again from its text at sync time (no connection tried).
    expect(run.err[0]).to.equal(
      `cote: git: ${JSON.stringify(url())} is not a public http(s) repository URL: a private or local address`,
    );
    expect(server.requests).to.deep.equal([]);
  });

  it('--repo "" clears the repositories', async () => {
    await cli('learner', 'set', 'mina', '--repo', url());
    await cli('learner', 'set', 'mina', '--repo', '');
    expect(accountsOf(t.deps.db, mina().id)).to.deep.equal([]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { eucKr } from '../support/eucKr.ts';
import { hubClone, seedLearner, seedProblems } from '../support/progress.ts';
import { runCli, type CliContext } from '../../src/cli.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';

// Files a learner imports (BaekjoonHub READMEs, CSV files) must be UTF-8: one saved as EUC-KR / CP949 is refused
// naming the file, and nothing is stored as mojibake.

describe('progress imports of files that are not UTF-8', () => {
  let ctx: ReturnType<typeof testDeps>;
  let out: string[];
  let err: string[];
  let cli: CliContext;
  const cleanups: (() => void)[] = [];
  const run = (...args: string[]) => runCli(['node', 'cote', ...args], cli);
  const snapshot = () => [
    ctx.deps.db.prepare('SELECT * FROM attempts ORDER BY id').all(),
    ctx.deps.db.prepare('SELECT * FROM problems ORDER BY id').all(),
  ];

  beforeEach(() => {
    ctx = testDeps({}, new Date('2026-03-01T15:30:00Z'));
    ({ cli, out, err } = testCliContext(ctx));
    seedProblems(ctx.deps.db);
    seedLearner(ctx.deps.db, 'mina');
  });
  afterEach(() => {
    ctx.cleanup();
    while (cleanups.length) cleanups.pop()!();
  });

  it('cote history import --format baekjoonhub – one README saved as EUC-KR – exit 1 naming it, nothing imported', async () => {
    const hub = hubClone(false);
    cleanups.push(hub.cleanup);
    const folder = path.join(hub.dir, '백준', 'Silver', '1874. 스택 수열');
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'README.md'),
      eucKr('# [Silver II] 스택 수열 - 1874\n\nhttps://www.acmicpc.net/problem/1874\n'),
    );
    const before = snapshot();
    expect(await run('history', 'import', hub.dir, '--learner', 'mina', '--format', 'baekjoonhub')).to.equal(1);
    expect(err).to.have.length(1);
    expect(err[0]).to.match(
      /nothing imported; first: 백준\/Silver\/1874\. 스택 수열\/README\.md: not UTF-8 text \(line 1\); save it as UTF-8$/,
    );
    expect(snapshot()).to.deep.equal(before);
  });

  it('cote history import --format baekjoonhub --partial – the EUC-KR README is skipped with a warning naming it; no mojibake title', async () => {
    const hub = hubClone(false);
    cleanups.push(hub.cleanup);
    const folder = path.join(hub.dir, '백준', 'Gold', '9999. 그래프');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'README.md'),
      eucKr('# [Gold IV] 그래프 탐색 - 9999\n\nhttps://www.acmicpc.net/problem/9999\n'),
    );
    expect(
      await run('history', 'import', hub.dir, '--learner', 'mina', '--format', 'baekjoonhub', '--partial', '--json'),
    ).to.equal(0);
    const summary = JSON.parse(out.join('\n'));
    expect(summary.skipped_rows).to.deep.include({
      where: '백준/Gold/9999. 그래프/README.md',
      message: 'not UTF-8 text (line 1); save it as UTF-8',
    });
    expect(ctx.deps.db.prepare("SELECT count(*) FROM problems WHERE id = 'boj:9999'").pluck().get()).to.equal(0);
    const titles = ctx.deps.db.prepare('SELECT title FROM problems').pluck().all() as string[];
    expect(titles.some((title) => title.includes('\uFFFD'))).to.equal(false);
  });

  it('cote history import --format csv – a CSV file saved as CP949 – exit 1 naming the file, nothing imported', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-csv-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'history.csv');
    fs.writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('problem,day,outcome,minutes,note\nboj:1000,2026-02-01,solved,10,'),
        eucKr('수학'),
        Buffer.from('\n'),
      ]),
    );
    const before = snapshot();
    expect(await run('history', 'import', file, '--learner', 'mina', '--format', 'csv')).to.equal(1);
    expect(err).to.deep.equal([`cote: ${file} is not UTF-8 text (line 2); save it as UTF-8`]);
    expect(snapshot()).to.deep.equal(before);
    expect(attemptsForLearner(ctx.deps.db, learnerByLogin(ctx.deps.db, 'mina')!.id)).to.have.length(0);
  });
});

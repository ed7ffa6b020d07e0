import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { hubClone, seedLearner, seedProblems } from '../support/progress.ts';
import { runCli, type CliContext } from '../../src/cli.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';
import { checkPassword } from '../../src/learners/password.ts';
import { attemptsForLearner } from '../../src/progress/attemptRepository.ts';
import { ensureProblem, problemById } from '../../src/catalog/problemRepository.ts';

describe('cote learner / solve / history', () => {
  let ctx: ReturnType<typeof testDeps>;
  let out: string[];
  let err: string[];
  let stdin: string;
  const cleanups: (() => void)[] = [];
  let cli: CliContext;
  const run = (...args: string[]) => runCli(['node', 'cote', ...args], cli);
  const json = () => JSON.parse(out.join('\n'));
  const attempts = (login: string) => attemptsForLearner(ctx.deps.db, learnerByLogin(ctx.deps.db, login)!.id);
  // The fixture's problems beyond seedProblems(), as if a list had them.
  const seedHubProblems = () => {
    ensureProblem(ctx.deps.db, { id: 'boj:1874', title: '스택 수열', level: 9 });
    ensureProblem(ctx.deps.db, { id: 'boj:99999', title: '새 문제', level: 3 });
    ensureProblem(ctx.deps.db, { id: 'programmers:12924', title: '숫자의 표현' });
  };

  beforeEach(() => {
    ctx = testDeps({}, new Date('2026-03-01T15:30:00Z'));
    stdin = '';
    ({ cli, out, err } = testCliContext(ctx, () => stdin));
    seedProblems(ctx.deps.db);
  });
  afterEach(() => {
    ctx.cleanup();
    while (cleanups.length) cleanups.pop()!();
  });

  it('cote learner add --password-stdin – first learner – an admin whose password verifies; the second is not an admin', async () => {
    stdin = 'hunter2 hunter2\n';
    expect(
      await run(
        'learner',
        'add',
        '--login',
        'mina',
        '--name',
        'Mina',
        '--email',
        'm@example.com',
        '--exam',
        '2027-01-10',
        '--budget',
        '90',
        '--profile',
        'samsung',
        '--password-stdin',
      ),
    ).to.equal(0);
    const mina = learnerByLogin(ctx.deps.db, 'mina')!;
    expect(mina).to.deep.include({
      isAdmin: true,
      timezone: 'Asia/Seoul',
      examDate: '2027-01-10',
      dailyMinutes: 90,
      profile: 'samsung',
    });
    const hash = ctx.deps.db.prepare('SELECT password_hash FROM learners WHERE id = ?').pluck().get(mina.id) as string;
    expect(await checkPassword('hunter2 hunter2', hash)).to.equal(true);
    expect(
      await run(
        'learner',
        'add',
        '--login',
        'joon',
        '--name',
        'Joon',
        '--email',
        'j@example.com',
        '--timezone',
        'America/New_York',
      ),
    ).to.equal(0);
    expect(learnerByLogin(ctx.deps.db, 'joon')).to.deep.include({ isAdmin: false, timezone: 'America/New_York' });
  });

  it('cote learner add – bad time zone or taken login – one stderr line, exit 1, nobody added', async () => {
    expect(
      await run(
        'learner',
        'add',
        '--login',
        'mina',
        '--name',
        'Mina',
        '--email',
        'm@example.com',
        '--timezone',
        'Seoul',
      ),
    ).to.equal(1);
    expect(err).to.deep.equal(['cote: time zone "Seoul" is unknown (e.g. Asia/Seoul)']);
    seedLearner(ctx.deps.db, 'mina');
    err.length = 0;
    expect(await run('learner', 'add', '--login', 'MINA', '--name', 'M', '--email', 'm@example.com')).to.equal(1);
    expect(err).to.deep.equal(['cote: login "MINA" is taken']);
    expect(ctx.deps.db.prepare('SELECT count(*) FROM learners').pluck().get()).to.equal(1);
  });

  it("cote solve – bare number, no day – the learner's today; a future day – exit 1 and nothing stored", async () => {
    seedLearner(ctx.deps.db, 'mina');
    seedLearner(ctx.deps.db, 'joon', { timezone: 'America/New_York' });
    expect(await run('solve', '1260', '--learner', 'mina', '--minutes', '25', '--note', 'bfs')).to.equal(0);
    expect(await run('solve', 'boj:1260', '--learner', 'joon', '--outcome', 'failed')).to.equal(0);
    expect(attempts('mina').map((a) => [a.problemId, a.day, a.outcome, a.minutes, a.note])).to.deep.equal([
      ['boj:1260', '2026-03-02', 'solved', 25, 'bfs'],
    ]);
    expect(attempts('joon').map((a) => [a.day, a.outcome])).to.deep.equal([['2026-03-01', 'failed']]);
    for (const [args, message] of [
      [['--day', '2026-03-03'], 'cote: day 2026-03-03 is in the future (today is 2026-03-02)'],
      [['--outcome', 'won'], 'cote: outcome "won" is unknown: expected solved, solved_slow, hint, failed'],
      [['--minutes', '-5'], 'cote: minutes "-5" must be a whole number 0–1440'],
    ] as const) {
      err.length = 0;
      expect(await run('solve', '1260', '--learner', 'mina', ...args)).to.equal(1);
      expect(err).to.deep.equal([message]);
    }
    err.length = 0;
    expect(await run('solve', 'boj:31337', '--learner', 'mina')).to.equal(1);
    expect(err).to.deep.equal(['cote: problem "boj:31337" is not in the catalog']);
    expect(attempts('mina')).to.have.length(1);
  });

  it('cote history import --format baekjoonhub – a git clone – dates from 제출 일자 or the adding commit; re-import adds nothing', async () => {
    const hub = hubClone();
    cleanups.push(hub.cleanup);
    seedLearner(ctx.deps.db, 'mina');
    seedHubProblems();
    expect(await run('history', 'import', hub.dir, '--learner', 'mina', '--format', 'baekjoonhub', '--json')).to.equal(
      0,
    );
    expect(json()).to.deep.equal({
      imported: 4,
      on_list: 4,
      off_list: 0,
      skipped: 0,
      known: 0,
      undated: 0,
      days: 4,
      skipped_rows: [],
      warnings: [],
    });
    const byProblem = Object.fromEntries(attempts('mina').map((a) => [a.problemId, [a.day, a.outcome, a.origin]]));
    expect(byProblem).to.deep.equal({
      'boj:17453': ['2026-03-02', 'solved', 'import:baekjoonhub'],
      'boj:1874': ['2026-02-10', 'solved', 'import:baekjoonhub'],
      'boj:99999': ['2025-12-31', 'solved', 'import:baekjoonhub'],
      'programmers:12924': ['2024-07-30', 'solved', 'import:baekjoonhub'],
    });
    out.length = 0;
    expect(await run('history', 'import', hub.dir, '--learner', 'mina', '--format', 'baekjoonhub', '--json')).to.equal(
      0,
    );
    expect(json()).to.deep.include({ imported: 0, skipped: 4 });
    expect(attempts('mina')).to.have.length(4);
  });

  it('cote history import --format baekjoonhub – problems on no imported list – kept as the learner’s off-list problems with their own titles; no list gains them', async () => {
    const hub = hubClone();
    cleanups.push(hub.cleanup);
    seedLearner(ctx.deps.db, 'mina');
    const listed = () => ctx.deps.db.prepare('SELECT id FROM problems WHERE off_list = 0 ORDER BY id').pluck().all();
    const before = listed();
    expect(await run('history', 'import', hub.dir, '--learner', 'mina', '--format', 'baekjoonhub', '--json')).to.equal(
      0,
    );
    expect(json()).to.deep.include({ imported: 4, on_list: 1, off_list: 3, skipped: 0, skipped_rows: [] });
    expect(attempts('mina').map((a) => a.problemId)).to.have.members([
      'boj:17453',
      'boj:99999',
      'boj:1874',
      'programmers:12924',
    ]);
    expect(listed()).to.deep.equal(before);
    // The shared row is neutral (its id); the README's title is mina's own.
    expect(problemById(ctx.deps.db, 'boj:99999')!.title).to.equal('boj:99999');
    expect(attempts('mina').find((a) => a.problemId === 'boj:99999')!.title).to.not.equal('boj:99999');
    // Programmers [level 2] keeps its level through the difficulty table (Lv. 2 → Silver II).
    expect(problemById(ctx.deps.db, 'programmers:12924')!.level).to.equal(9);
  });

  it('cote history import --format baekjoonhub – New York learner – Korean submission times become New York days', async () => {
    const hub = hubClone();
    cleanups.push(hub.cleanup);
    seedLearner(ctx.deps.db, 'joon', { timezone: 'America/New_York' });
    seedHubProblems();
    expect(await run('history', 'import', hub.dir, '--learner', 'joon', '--format', 'baekjoonhub')).to.equal(0);
    const days = Object.fromEntries(attempts('joon').map((a) => [a.problemId, a.day]));
    expect(days['boj:17453']).to.equal('2026-03-01'); // 2026-03-02 00:30 KST
    expect(days['boj:1874']).to.equal('2026-02-09'); // added 2026-02-10 08:00 KST
  });

  it('cote history import --format baekjoonhub – a plain folder without git – the dateless README is solved on an unknown day', async () => {
    const hub = hubClone(false);
    cleanups.push(hub.cleanup);
    seedLearner(ctx.deps.db, 'mina');
    seedHubProblems();
    expect(await run('history', 'import', hub.dir, '--learner', 'mina', '--format', 'baekjoonhub', '--json')).to.equal(
      0,
    );
    const summary = json();
    expect(summary).to.deep.include({ imported: 4, undated: 1, days: 3 });
    expect(summary.warnings).to.deep.equal([
      'No git history: READMEs without 제출 일자 are imported as solved on an unknown day.',
    ]);
    expect(attempts('mina').find((a) => a.problemId === 'boj:1874')!.day).to.equal(null);
    out.length = 0;
    expect(await run('history', '--learner', 'mina', '--json')).to.equal(0);
    const history = json();
    expect(history.attempts[0]).to.deep.equal({
      problem: 'boj:1874',
      day: null,
      outcome: 'solved',
      minutes: null,
      origin: 'import:baekjoonhub',
    });
    expect(history.solvedDays).to.equal(3);
    expect(history.streak).to.deep.equal({ current: 1, longest: 1 });
  });

  it('cote history import – a folder that is not BaekjoonHub, or a README that is not one – exit 1, nothing imported', async () => {
    seedLearner(ctx.deps.db, 'mina');
    seedHubProblems();
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-empty-'));
    cleanups.push(() => fs.rmSync(empty, { recursive: true, force: true }));
    expect(await run('history', 'import', empty, '--learner', 'mina', '--format', 'baekjoonhub')).to.equal(1);
    expect(err).to.have.length(1);
    expect(err[0]).to.match(/^cote: .* is not a BaekjoonHub repository/);
    const hub = hubClone(false);
    cleanups.push(hub.cleanup);
    fs.mkdirSync(path.join(hub.dir, '백준', 'Gold', '1. junk'));
    fs.writeFileSync(path.join(hub.dir, '백준', 'Gold', '1. junk', 'README.md'), 'hello');
    err.length = 0;
    expect(await run('history', 'import', hub.dir, '--learner', 'mina', '--format', 'baekjoonhub')).to.equal(1);
    expect(err[0]).to.equal(
      'cote: 1 bad row(s), nothing imported; first: 백준/Gold/1. junk/README.md: no "# [Tier] title - id" heading',
    );
    expect(attempts('mina')).to.have.length(0);
    expect(
      await run('history', 'import', hub.dir, '--learner', 'mina', '--format', 'baekjoonhub', '--partial', '--json'),
    ).to.equal(0);
    expect(json()).to.deep.include({ imported: 4, skipped: 1 });
  });

  it('cote history import --format csv – a bad row – exit 1 and nothing; --partial – the rest, with the bad row named', async () => {
    seedLearner(ctx.deps.db, 'mina');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cote-csv-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'past.csv');
    fs.writeFileSync(
      file,
      'problem,day,outcome,minutes\nboj:1260,2026-01-05,solved,30\nboj:1000,2026-01-05,meh,3\n1000,2026-01-06,failed,\n',
    );
    expect(await run('history', 'import', file, '--learner', 'mina', '--format', 'csv')).to.equal(1);
    expect(err).to.deep.equal([
      'cote: 1 bad row(s), nothing imported; first: line 3: outcome "meh" is unknown: expected solved, solved_slow, hint, failed',
    ]);
    expect(attempts('mina')).to.have.length(0);
    expect(
      await run('history', 'import', file, '--learner', 'mina', '--format', 'csv', '--partial', '--json'),
    ).to.equal(0);
    expect(json()).to.deep.include({
      imported: 2,
      skipped: 1,
      undated: 0,
      days: 2,
      skipped_rows: [
        { where: 'line 3', message: 'outcome "meh" is unknown: expected solved, solved_slow, hint, failed' },
      ],
      warnings: [],
    });
    err.length = 0;
    expect(
      await run('history', 'import', path.join(dir, 'missing.csv'), '--learner', 'mina', '--format', 'csv'),
    ).to.equal(1);
    expect(err).to.deep.equal([`cote: cannot read ${path.join(dir, 'missing.csv')}: ENOENT`]);
  });
});

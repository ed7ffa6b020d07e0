import path from 'node:path';
import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { seedLearner } from '../support/progress.ts';
import { runCli, type CliContext } from '../../src/cli.ts';
import { importList } from '../../src/catalog/importList.ts';
import { planDayOf } from '../../src/plans/planDayRepository.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');
/** The real curated list beside the repository (../shared/data), read in place. */
const REAL_LIST = path.resolve(import.meta.dirname, '../../../shared/data/tony9402-baekjoon');

describe('cote plan', () => {
  let t: ReturnType<typeof testDeps>;
  let out: string[];
  let err: string[];
  let cli: CliContext;
  const run = (...args: string[]) => runCli(['node', 'cote', 'plan', ...args], cli);

  beforeEach(async () => {
    t = testDeps({}, new Date('2026-11-28T03:00:00Z'));
    ({ cli, out, err } = testCliContext(t));
    await importList(t.deps.db, LIST);
    seedLearner(t.deps.db, 'mina', {
      language: 'en',
      examDate: '2026-12-10',
      dailyMinutes: '90',
      profile: 'samsung',
      studyDays: '12345',
    });
  });
  afterEach(() => t.cleanup());
  /** Three hard graph solves (2006–2008) and six easy implementation ones, imported without a day. */
  const importNine = () => {
    for (const problemId of ['2006', '2007', '2008', '2017', '2018', '2019', '2020', '2021', '2022'])
      recordAttempt(t.deps.db, {
        learnerId: 1,
        problemId: `boj:${problemId}`,
        day: null,
        outcome: 'solved',
        minutes: null,
        origin: 'import:csv',
        createdAt: '2026-11-27T10:00:00.000Z',
      });
  };

  it('--json – the issue’s shape: today, exam, days with items, readiness, verdict, pass (P(pass) ± interval, the rule)', async () => {
    expect(await run('--learner', 'mina', '--json')).to.equal(0);
    const plan = JSON.parse(out.join('\n'));
    expect(Object.keys(plan)).to.deep.equal(['today', 'exam', 'days', 'readiness', 'verdict', 'pass', 'notice']);
    // 90 minutes a day: samsung's mock box (180 minutes) does not fit, and the plan says so.
    expect(plan.notice.code).to.equal('mock_too_long');
    expect(plan.today).to.equal('2026-11-28');
    expect(plan.exam).to.equal('2026-12-10');
    expect(plan.days).to.have.length(12);
    expect(plan.days[0]).to.deep.equal({ day: '2026-11-28', items: [] }); // a Saturday: rest
    const item = plan.days[2].items[0];
    expect(Object.keys(item)).to.deep.equal(['problem', 'kind', 'category', 'level', 'minutes', 'reason', 'why']);
    expect(item.problem).to.match(/^boj:\d+$/);
    expect(item.kind).to.be.oneOf(['new', 'review', 'mock']);
    expect(plan.readiness.map((r: { category: string }) => r.category)).to.have.members([
      'graph_traversal',
      'simulation',
      'implementation',
    ]);
    // Nothing logged yet: no verdict and no P(pass) figure; samsung's rule (≥ 1 of 2) in the sentence /plan shows.
    expect(plan.verdict).to.equal('uncertain');
    expect(plan.pass).to.include({ p: null, low: null, high: null, need: 1, of: 2 });
    expect(plan.pass.text).to.contain('at least 1 of 2 problems');
  });

  it('issue 20 – three hard graph solves, six easy implementation ones: neither reads below the untried simulation', async () => {
    importNine();
    expect(await run('--learner', 'mina', '--json')).to.equal(0);
    const plan = JSON.parse(out.join('\n'));
    // With evidence, a verdict and P(pass) inside its 80 % interval.
    expect(plan.verdict).to.be.oneOf(['on_track', 'behind']);
    expect(plan.pass.low).to.be.a('number').and.at.most(plan.pass.p);
    expect(plan.pass.p).to.be.at.most(plan.pass.high);
    const now = new Map(plan.readiness.map((r: { category: string; now: number }) => [r.category, r.now]));
    expect(now.get('graph_traversal')).to.be.at.least(now.get('simulation') as number);
    expect(now.get('implementation')).to.be.at.least(now.get('simulation') as number);
  });

  it('issue 20 – imported solves of problems on no list count as evidence, by their level', async () => {
    expect(await run('--learner', 'mina', '--json')).to.equal(0);
    const before = JSON.parse(out.join('\n')).readiness;
    out.length = 0;
    const addProblem = t.deps.db.prepare(
      "INSERT INTO problems (id, judge, number, title, level) VALUES (?, 'codeforces', ?, 'off the list', 16)",
    );
    for (const n of ['1000A', '1001B', '1002C', '1003D']) {
      addProblem.run(`codeforces:${n}`, n);
      recordAttempt(t.deps.db, {
        learnerId: 1,
        problemId: `codeforces:${n}`,
        day: '2026-11-01',
        outcome: 'solved',
        minutes: null,
        origin: 'import:history',
        createdAt: '2026-11-27T10:00:00.000Z',
      });
    }
    expect(await run('--learner', 'mina', '--json')).to.equal(0);
    const after = JSON.parse(out.join('\n')).readiness;
    for (const [i, r] of after.entries()) expect(r.now, r.category).to.be.above(before[i].now + 0.1);
  });

  it('issue 20 – samsung at 180 minutes a day, the real list: every mock is 2 problems in one box of 150–210 minutes', async () => {
    await importList(t.deps.db, REAL_LIST);
    t.deps.db
      .prepare("UPDATE learners SET daily_minutes = 180, exam_date = '2027-01-12', study_days = '1234567'")
      .run();
    expect(await run('--learner', 'mina', '--json')).to.equal(0);
    const plan = JSON.parse(out.join('\n'));
    const mockDays = plan.days.filter((d: { items: { kind: string }[] }) => d.items.some((i) => i.kind === 'mock'));
    expect(mockDays.length).to.be.at.least(1);
    for (const d of mockDays) {
      const set = d.items.filter((i: { kind: string }) => i.kind === 'mock');
      expect(set, d.day).to.have.length(2);
      expect(
        set.reduce((s: number, i: { minutes: number }) => s + i.minutes, 0),
        d.day,
      ).to.be.within(150, 210);
    }
  });

  it('--today – plans that day and stores nothing', async () => {
    expect(await run('--learner', 'mina', '--today', '2026-11-30', '--json')).to.equal(0);
    const plan = JSON.parse(out.join('\n'));
    expect(plan.today).to.equal('2026-11-30');
    expect(plan.days[0].items.length).to.be.above(0);
    expect(planDayOf(t.deps.db, 1, '2026-11-30')).to.equal(undefined);
  });

  it('text – one line per item with its reason, rest days named, readiness table', async () => {
    t.clock.set('2026-11-30T03:00:00Z');
    expect(await run('--learner', 'mina')).to.equal(0);
    const text = out.join('\n');
    expect(text).to.match(/^mina · 2026-11-30 → 2026-12-10 \(D-10\) · samsung/);
    expect(text).to.match(
      /2026-11-30 {2}new +boj:\d+ +\w+ +(Bronze|Silver|Gold) [IV]+ +\d+ min {2}\S.*predicted success \d+ %/,
    );
    expect(text).to.contain('2026-12-05  Rest day');
    expect(text).to.match(/graph_traversal +0\.50/);
  });

  it('exam in the past – exit 0 with the notice in JSON and text', async () => {
    t.deps.db.prepare("UPDATE learners SET exam_date = '2026-11-01'").run();
    expect(await run('--learner', 'mina', '--json')).to.equal(0);
    expect(JSON.parse(out.join('\n')).notice).to.deep.equal({
      code: 'exam_past',
      message: 'The exam date (2026-11-01) has passed. Set your next exam date in the settings to get a new plan.',
      params: { exam: '2026-11-01' },
    });
    out.length = 0;
    expect(await run('--learner', 'mina')).to.equal(0);
    expect(out.join('\n')).to.contain('has passed');
  });

  it('exam today – the notice, and no verdict in the text (nothing was planned to judge), as on the page', async () => {
    t.deps.db.prepare("UPDATE learners SET exam_date = '2026-11-28'").run();
    expect(await run('--learner', 'mina')).to.equal(0);
    const [head, notice] = out.join('\n').split('\n');
    expect(head).to.equal('mina · 2026-11-28 → 2026-11-28 (D-0) · samsung');
    expect(notice).to.match(/exam is today/i);
  });

  for (const [name, args, line] of [
    ['an unknown learner', ['--learner', 'nobody'], 'cote: there is no learner "nobody"'],
    [
      'a bad --today',
      ['--learner', 'mina', '--today', '2026-13-01'],
      'cote: --today "2026-13-01" is not a date: use YYYY-MM-DD',
    ],
  ] as const) {
    it(`${name} – exit 1 and one line on stderr`, async () => {
      expect(await run(...args)).to.equal(1);
      expect(err).to.deep.equal([line]);
      expect(out).to.deep.equal([]);
    });
  }
});

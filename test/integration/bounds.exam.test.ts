import path from 'node:path';
import { expect } from 'chai';
import { testCliContext, testDeps } from '../support/app.ts';
import { loggedIn, seedLearner } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { runCli } from '../../src/cli.ts';
import { learnerByLogin } from '../../src/learners/learnerRepository.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');
// A safety bound, not a benchmark: before the cap these pages ran for minutes and ended in a 500.
const SAFE_MS = 5000;

async function timed<T>(work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  expect(Date.now() - started).to.be.below(SAFE_MS);
  return result;
}

describe('an absurd exam date cannot freeze the server', () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(async () => {
    t = testDeps({}, new Date('2026-11-28T03:00:00Z'));
    await importList(t.deps.db, LIST);
    seedLearner(t.deps.db, 'mina', { language: 'en', examDate: '2026-12-28', dailyMinutes: '120', profile: 'samsung' });
  });
  afterEach(() => t.cleanup());

  it('exam 9999-12-31 written by SQL – /plan, /plan/today, /digest/preview and `cote plan` answer quickly with a notice', async function () {
    this.timeout(4 * SAFE_MS + 5000);
    t.deps.db.prepare("UPDATE learners SET exam_date = '9999-12-31' WHERE login = 'mina'").run();
    const { agent } = await loggedIn(t.app(), 'mina');
    for (const url of ['/plan', '/plan/today', '/digest/preview']) {
      const res = await timed(() => agent.get(url));
      expect(res.status, url).to.equal(200);
      if (url !== '/digest/preview') expect(res.text, url).to.contain('more than 730 days away');
    }
    const { cli, out } = testCliContext(t);
    expect(await timed(() => runCli(['node', 'cote', 'plan', '--learner', 'mina', '--json'], cli))).to.equal(0);
    const plan = JSON.parse(out.join('\n'));
    expect(plan.exam).to.equal('9999-12-31');
    expect(plan.days).to.have.length(730);
    expect(plan.notice.code).to.equal('exam_far');
  });

  it('POST /settings – exam 9999-12-31 or a past day – 422 naming the exam date; nothing saved', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const form = {
      _csrf: csrf,
      name: 'Mina',
      email: 'mina@example.com',
      timezone: 'Asia/Seoul',
      language: 'en',
      dailyMinutes: '120',
      studyDays: ['1', '2'],
      profile: 'samsung',
    };
    const far = await agent
      .post('/settings')
      .type('form')
      .send({ ...form, examDate: '9999-12-31' });
    expect(far.status).to.equal(422);
    expect(far.text).to.contain('The exam date 9999-12-31 is more than 730 days ahead: choose a day up to 2028-11-27.');
    const past = await agent
      .post('/settings')
      .type('form')
      .send({ ...form, examDate: '2026-11-27' });
    expect(past.status).to.equal(422);
    expect(past.text).to.contain('The exam date 2026-11-27 is in the past (today is 2026-11-28)');
    const budget = await agent
      .post('/settings')
      .type('form')
      .send({ ...form, examDate: '2027-01-10', dailyMinutes: '1000' });
    expect(budget.status).to.equal(422);
    expect(budget.text).to.contain('from 0 to 720');
    expect(learnerByLogin(t.deps.db, 'mina')).to.deep.include({ examDate: '2026-12-28', dailyMinutes: 120 });
    expect(
      (
        await agent
          .post('/settings')
          .type('form')
          .send({ ...form, examDate: '2028-11-27' })
      ).status,
    ).to.equal(302);
    expect(learnerByLogin(t.deps.db, 'mina')?.examDate).to.equal('2028-11-27');
  });

  it('cote learner add --exam 9999-12-31 – exit 1, one stderr line, nobody added', async () => {
    const { cli, err } = testCliContext(t);
    const code = await runCli(
      [
        'node',
        'cote',
        'learner',
        'add',
        '--login',
        'joon',
        '--name',
        'Joon',
        '--email',
        'j@example.com',
        '--exam',
        '9999-12-31',
      ],
      cli,
    );
    expect(code).to.equal(1);
    expect(err).to.deep.equal(['cote: exam date 9999-12-31 is more than 730 days ahead (latest 2028-11-27)']);
    expect(learnerByLogin(t.deps.db, 'joon')).to.equal(undefined);
  });
});

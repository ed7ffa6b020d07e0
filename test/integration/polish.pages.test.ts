import path from 'node:path';
import { expect } from 'chai';
import { testDeps } from '../support/app.ts';
import { loggedIn, PASSWORD } from '../support/progress.ts';
import { importList } from '../../src/catalog/importList.ts';
import { addLearner } from '../../src/learners/addLearner.ts';
import { addMember, createGroup } from '../../src/groups/groupAdmin.ts';
import { recordAttempt } from '../../src/progress/attemptRepository.ts';

const LIST = path.resolve(import.meta.dirname, '../fixtures/planner/list');

/** Visible text of an HTML page, tags stripped and spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe("a study group's pages say what is in effect, whose it is and what it rests on", () => {
  let t: ReturnType<typeof testDeps>;
  beforeEach(async () => {
    t = testDeps({}, new Date('2026-12-07T03:00:00Z')); // 12:00 on 12-07 in Seoul
    await importList(t.deps.db, LIST);
    const add = (login: string, extra: Record<string, unknown>, isAdmin: boolean, now: string) =>
      addLearner(
        t.deps.db,
        { login, name: `Learner ${login}`, email: `${login}@example.com`, password: PASSWORD, ...extra },
        { isAdmin, now: new Date(now) },
      );
    // Created at 04:40 KST on 12-07, which is still 12-06 in UTC.
    add('mina', { language: 'en', examDate: '2026-12-28' }, true, '2026-12-06T19:40:00Z');
    add('jun', { language: 'en', timezone: 'Europe/Berlin' }, false, '2026-12-01T10:00:00Z');
    const group = createGroup(t.deps.db, { name: 'Study', profile: 'samsung' }, t.deps.now());
    addMember(t.deps.db, group, 'mina', t.deps.now());
    addMember(t.deps.db, group, 'jun', t.deps.now());
  });
  afterEach(() => t.cleanup());

  it('/plan – a learner on the default profile in a Samsung group – "Exam profile: Samsung (group)"; untried types read "no evidence yet"', async () => {
    const { agent } = await loggedIn(t.app(), 'mina');
    const page = textOf((await agent.get('/plan').expect(200)).text);
    expect(page).to.contain('Exam profile: Samsung (group)');
    expect(page).not.to.contain('General');
    expect(page).to.contain('no evidence yet');
  });

  it('/settings – a learner keeping General in a Samsung group – told the group’s profile applies', async () => {
    const { agent } = await loggedIn(t.app(), 'mina');
    expect(textOf((await agent.get('/settings').expect(200)).text)).to.contain(
      'Your study group Study uses Samsung: it applies while you keep General here.',
    );
  });

  it('/plan – after an attempt in a type – that type shows a number, the others still "no evidence yet"', async () => {
    const problem = t.deps.db
      .prepare(
        "SELECT e.problem_id FROM entries e JOIN categories c ON c.id = e.category_id WHERE c.key = 'simulation'",
      )
      .pluck()
      .get() as string;
    recordAttempt(t.deps.db, {
      learnerId: 1,
      problemId: problem,
      day: '2026-12-06',
      outcome: 'solved',
      minutes: 30,
      origin: 'manual',
      createdAt: '2026-12-06T10:00:00Z',
    });
    const { agent } = await loggedIn(t.app(), 'mina');
    const html = (await agent.get('/plan').expect(200)).text;
    const row = (key: string) => new RegExp(`<tr data-category="${key}"[\\s\\S]*?</tr>`).exec(html)![0];
    expect(row('simulation')).to.match(/bar-now/);
    expect(row('simulation')).not.to.contain('no evidence yet');
    expect(row('graph_traversal')).to.contain('no evidence yet');
    expect(row('graph_traversal')).not.to.match(/bar-now/);
  });

  it('the board – whose day the mission is, the other zones explained; Korean verdict "판단하기 이릅니다"', async () => {
    const { agent, csrf } = await loggedIn(t.app(), 'mina');
    const board = textOf((await agent.get('/group').expect(200)).text);
    expect(board).to.contain('The mission of your day, 2026-12-07 (Asia/Seoul).');
    expect(board).to.contain('Members in another time zone (Europe/Berlin) get their own day’s mission');
    expect(board).to.contain('no evidence yet');
    await agent.post('/language').type('form').send({ _csrf: csrf, lang: 'ko', back: '/group' }).expect(302);
    const ko = textOf((await agent.get('/group').expect(200)).text);
    expect(ko).to.contain('판단하기 이릅니다');
    expect(ko).to.contain('내 날짜 2026-12-07(Asia/Seoul)의 미션입니다.');
  });

  it('/learners – the join date in the reader’s zone (12-07 in Seoul, not UTC’s 12-06); an admin has the nav entry, a member not', async () => {
    const admin = await loggedIn(t.app(), 'mina');
    const html = (await admin.agent.get('/learners').expect(200)).text;
    expect(textOf(html)).to.contain('since 2026-12-07');
    expect(textOf(html)).not.to.contain('2026-12-06');
    expect(html).to.match(/<nav>[\s\S]*href="\/learners"[\s\S]*<\/nav>/);
    const member = await loggedIn(t.app(), 'jun');
    expect((await member.agent.get('/plan/today').expect(200)).text).not.to.match(
      /<nav>[\s\S]*href="\/learners"[\s\S]*<\/nav>/,
    );
  });
});

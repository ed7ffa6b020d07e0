import { expect } from 'chai';
import { loggedIn } from '../support/progress.ts';
import { groupByName } from '../../src/membership/groupRepository.ts';
import { groupWorld, solve, withGroups } from './groups.support.ts';

interface BoardJson {
  group: string;
  day: string;
  mission: { problem: string; solvedBy: string[] }[];
  members: { login: string; solvedToday: number; streak: number; missionDone: boolean }[];
  coverage: { category: string; members: number }[];
}

describe('study groups: the board', () => {
  let w: Awaited<ReturnType<typeof groupWorld>>;
  beforeEach(async () => {
    w = await groupWorld();
    await withGroups(w);
    const { db, ana, bo, cy, dan } = w;
    solve(db, ana, 'boj:1012', '2026-11-26');
    solve(db, ana, 'boj:2178', '2026-11-27');
    solve(db, ana, 'boj:1260', '2026-11-28');
    solve(db, bo, 'boj:1978', '2026-11-28');
    solve(db, bo, 'boj:2609', '2026-11-28', 'solved_slow');
    solve(db, bo, 'boj:7576', '2026-11-28', 'failed');
    solve(db, cy, 'boj:14891', '2026-11-20');
    solve(db, cy, 'boj:1003', '2026-11-25', 'hint');
    solve(db, dan, 'boj:7576', '2026-11-28');
  });
  afterEach(() => w.t.cleanup());

  const board = async (...extra: string[]): Promise<BoardJson> => {
    const r = await w.cli('group', 'board', 'Alpha', '--json', ...extra);
    expect(r.err, 'stderr').to.deep.equal([]);
    expect(r.code).to.equal(0);
    return JSON.parse(r.out) as BoardJson;
  };

  it('cote group board --json – three members with seeded attempts – solves today, streaks and weekly type coverage from the log', async () => {
    const json = await board();
    expect(json.group).to.equal('Alpha');
    expect(json.day).to.equal('2026-11-28');
    // bo: two distinct problems solved (one slowly), the failed one does not count; dan is in another group.
    expect(json.members.map(({ login, solvedToday, streak }) => ({ login, solvedToday, streak }))).to.deep.equal([
      { login: 'ana', solvedToday: 1, streak: 3 },
      { login: 'bo', solvedToday: 2, streak: 1 },
      { login: 'cy', solvedToday: 0, streak: 0 },
    ]);
    // This week (11-22…11-28): math by bo; graph traversal by ana; simulation by ana (2178 is in both) and cy (1003).
    expect(json.coverage).to.deep.equal([
      { category: 'graph_traversal', members: 1 },
      { category: 'simulation', members: 2 },
      { category: 'math', members: 1 },
    ]);
    expect(json.mission.length).to.be.within(1, 3);
  });

  it('cote group board --day – an earlier day – counts only what was logged up to that day', async () => {
    const json = await board('--day', '2026-11-27');
    expect(json.members.map((m) => [m.login, m.solvedToday, m.streak])).to.deep.equal([
      ['ana', 1, 2],
      ['bo', 0, 0],
      ['cy', 0, 0],
    ]);
    expect(
      w.db.prepare("SELECT count(*) FROM group_missions WHERE day = '2026-11-27'").pluck().get(),
      'another day stores no mission',
    ).to.equal(0);
  });

  it("GET /group – a member – one row per member with today, the week, streak, D-day (own or the group's), the heatmap and coverage; nobody else's email or notes", async () => {
    const db = w.db;
    // cy has no exam date of their own: the group's applies; ana keeps hers.
    db.prepare("UPDATE learners SET exam_date = NULL WHERE login = 'cy'").run();
    db.prepare("UPDATE study_groups SET exam_date = '2027-03-01' WHERE name = 'Alpha'").run();
    const { agent } = await loggedIn(w.t.app(), 'ana');
    const res = await agent.get('/group');
    expect(res.status).to.equal(200);
    const html = res.text;
    const row = (login: string) => new RegExp(`<tr data-member="${login}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
    expect(row('ana')).to.contain('data-solved-today="1"').and.contain('data-streak="3"').and.contain('D-64');
    expect(row('bo')).to.contain('data-solved-today="2"').and.contain('data-streak="1"');
    expect(row('cy')).to.contain('data-solved-today="0"').and.contain('D-93');
    expect(row('dan'), 'another group').to.equal('');
    expect(html).to.contain('data-coverage="simulation" data-members="2"');
    // The heatmap: 3 solves on 11-28 (ana 1 + bo 2), cy's on 11-20, nothing of dan's.
    expect(html).to.contain('data-day="2026-11-28" data-count="3"');
    expect(html).to.contain('data-day="2026-11-20" data-count="1"');
    for (const secret of ['bo@example.com', 'cy@example.com', 'private note of bo', 'private note of cy', 'dan'])
      expect(html).not.to.contain(secret);
    // The board reads the members' stored plans but never fixes another member's list for today.
    const listsOfOthers =
      "SELECT count(*) FROM plan_days d JOIN learners l ON l.id = d.learner_id WHERE l.login <> 'ana'";
    expect(w.db.prepare(listsOfOthers).pluck().get()).to.equal(0);
  });

  it('hiding – a member hides from the board – left out of the rows, coverage, mission solvers and the CLI; shown again when unticked', async () => {
    const { agent: bo, csrf } = await loggedIn(w.t.app(), 'bo');
    const saved = await bo
      .post('/group/settings')
      .type('form')
      .send({ _csrf: csrf, sent: '1', hidden: '1', digest: '1' });
    expect(saved.status).to.equal(302);
    const json = await board();
    expect(json.members.map((m) => m.login)).to.deep.equal(['ana', 'cy']);
    expect(json.coverage.find((c) => c.category === 'math')!.members, 'bo was the only one on math').to.equal(0);
    for (const m of json.mission) expect(m.solvedBy).not.to.include('bo');

    const { agent: ana } = await loggedIn(w.t.app(), 'ana');
    const page = (await ana.get('/group')).text;
    expect(page).not.to.contain('data-member="bo"');
    expect(page).to.contain('data-day="2026-11-28" data-count="1"');
    expect(page).to.contain('1 member(s) chose not to appear on the board.');
    // bo's own page keeps the setting ticked.
    expect((await bo.get('/group')).text).to.match(/name="hidden" value="1" checked/);

    await bo.post('/group/settings').type('form').send({ _csrf: csrf, sent: '1', digest: '1' });
    expect((await board()).members.map((m) => m.login)).to.deep.equal(['ana', 'bo', 'cy']);
  });

  it("inheritance – a member without their own exam date or profile – plans with the group's; one with their own keeps it", async () => {
    const db = w.db;
    db.prepare("UPDATE learners SET exam_date = NULL WHERE login = 'cy'").run();
    db.prepare("UPDATE learners SET profile = 'kakao' WHERE login = 'bo'").run();
    db.prepare("UPDATE study_groups SET exam_date = '2027-03-01', profile = 'samsung' WHERE name = 'Alpha'").run();
    const plan = async (login: string) =>
      JSON.parse((await w.cli('plan', '--learner', login, '--json')).out) as {
        exam: string | null;
        readiness: { category: string; weight: number }[];
      };
    const cy = await plan('cy');
    expect(cy.exam).to.equal('2027-03-01');
    const ana = await plan('ana');
    expect(ana.exam, 'her own date').to.equal('2027-01-31');
    // samsung weighs graph traversal and simulation only (math 0); kakao gives math nothing either but differs.
    expect(cy.readiness.find((r) => r.category === 'math')!.weight).to.equal(0);
    const bo = await plan('bo');
    expect(bo.readiness.find((r) => r.category === 'graph_traversal')!.weight).not.to.equal(
      cy.readiness.find((r) => r.category === 'graph_traversal')!.weight,
    );
    // Leaving the group takes the group's values away (nothing was copied into the learner).
    expect((await w.cli('group', 'remove', 'Alpha', '--learner', 'cy')).code).to.equal(0);
    expect((await plan('cy')).exam).to.equal(null);
    expect(groupByName(db, 'alpha')!.examDate, 'names compare without case').to.equal('2027-03-01');
  });
});

import { expect } from 'chai';
import { loggedIn } from '../support/progress.ts';
import { groupByName } from '../../src/membership/groupRepository.ts';
import { missionOf } from '../../src/groups/missionRepository.ts';
import { missionFor } from '../../src/groups/mission.ts';
import { groupWorld, solve, withGroups } from './groups.support.ts';

type World = Awaited<ReturnType<typeof groupWorld>>;

/** Two of three members solved these: most of the group, so none may be in a mission (math has nothing else left). */
const MOSTLY_SOLVED = ['boj:1260', 'boj:2178', 'boj:1978', 'boj:2609'];

async function seeded(): Promise<World> {
  const w = await groupWorld();
  await withGroups(w);
  for (const problem of MOSTLY_SOLVED) {
    solve(w.db, w.ana, problem, '2026-11-20');
    solve(w.db, w.bo, problem, '2026-11-21');
  }
  // cy solved 1012 and 14891 long ago: one of three, so they may be chosen ("already solved" for cy).
  solve(w.db, w.cy, 'boj:1012', '2026-10-01');
  solve(w.db, w.cy, 'boj:14891', '2026-10-01');
  solve(w.db, w.dan, 'boj:7576', '2026-11-20');
  return w;
}

const missionJson = async (w: World, ...extra: string[]) =>
  (
    JSON.parse((await w.cli('group', 'board', 'Alpha', '--json', ...extra)).out) as {
      mission: { problem: string; solvedBy: string[] }[];
    }
  ).mission;
const solversOf = (w: World, problem: string) =>
  w.db
    .prepare(
      "SELECT count(DISTINCT learner_id) FROM attempts WHERE problem_id = ? AND outcome <> 'failed' AND learner_id IN (SELECT learner_id FROM group_members WHERE group_id = (SELECT id FROM study_groups WHERE name = 'Alpha'))",
    )
    .pluck()
    .get(problem) as number;

describe('study groups: the daily mission', () => {
  let w: World;
  beforeEach(async () => (w = await seeded()));
  afterEach(() => w.t.cleanup());

  it("the mission – members with overlapping solves – 1–3 problems of the group's lists, none solved by most members (a type with nothing else left gets none), one per type", async () => {
    const mission = await missionJson(w);
    expect(mission.length).to.be.within(1, 3);
    const stored = missionOf(w.db, groupByName(w.db, 'Alpha')!.id, '2026-11-28')!;
    expect(stored.problems.map((p) => p.problem)).to.deep.equal(mission.map((m) => m.problem));
    expect(new Set(stored.problems.map((p) => p.category)).size, 'one problem per type').to.equal(
      stored.problems.length,
    );
    for (const { problem } of mission) {
      expect(MOSTLY_SOLVED, problem).not.to.include(problem);
      expect(solversOf(w, problem) * 2, `${problem} solved by most of 3`).to.be.at.most(3);
    }
    // The fixture list has 3 types; math's two problems were both solved by most members: no math problem.
    expect(stored.problems.map((p) => p.category).sort()).to.deep.equal(['graph_traversal', 'simulation']);
  });

  it('determinism – the same group, day and history in two databases – the same mission; recomputing without storing gives it again', async () => {
    const other = await seeded();
    try {
      const a = await missionJson(w);
      const b = await missionJson(other);
      expect(b.map((m) => m.problem)).to.deep.equal(a.map((m) => m.problem));
      const group = groupByName(other.db, 'Alpha')!;
      const again = missionFor(other.db, group, '2026-11-29', { store: false, now: new Date('2026-11-29T00:00:00Z') });
      expect(
        missionFor(other.db, group, '2026-11-29', { store: false, now: new Date('2026-11-29T00:00:00Z') }),
      ).to.deep.equal(again);
      expect(missionOf(other.db, group.id, '2026-11-29'), 'store: false').to.equal(undefined);
    } finally {
      other.t.cleanup();
    }
  });

  it('stability – two members solve a mission problem after it was shown – the day keeps its mission; the next day leaves that problem out', async () => {
    const { agent, csrf } = await loggedIn(w.t.app(), 'ana');
    const first = (await agent.get('/plan/today')).text;
    const shown = [...first.matchAll(/data-mission-problem="([^"]+)"/g)].map((m) => m[1]);
    expect(shown.length).to.be.within(1, 3);
    const target = shown.find((p) => solversOf(w, p) === 0)!;
    expect(w.db.prepare('SELECT count(*) FROM group_missions').pluck().get(), 'a view stores nothing').to.equal(0);
    // Ana logs it on the checklist: her write stores the mission as it was shown, before the solve.
    await agent
      .post('/attempts')
      .type('form')
      .send({ _csrf: csrf, problem: target, outcome: 'solved', day: '2026-11-28' })
      .expect(302);
    solve(w.db, w.bo, target, '2026-11-28');
    // Later the same day, on every surface: the same problems.
    const later = (await agent.get('/group')).text;
    expect([...later.matchAll(/<li data-mission-problem="([^"]+)"/g)].map((m) => m[1])).to.deep.equal(shown);
    expect((await missionJson(w)).map((m) => m.problem)).to.deep.equal(shown);
    expect(w.db.prepare('SELECT count(*) FROM group_missions').pluck().get()).to.equal(1);
    const line = new RegExp(`data-mission-problem="${target}"[\\s\\S]*?data-solved-by="([^"]*)"`).exec(later)![1];
    expect(line.split(' ')).to.have.members(['ana', 'bo']);

    w.t.clock.set('2026-11-29T03:00:00Z');
    const tomorrow = await missionJson(w);
    expect(tomorrow.map((m) => m.problem)).not.to.include(target);
    expect(w.db.prepare('SELECT count(*) FROM group_missions').pluck().get()).to.equal(2);
  });

  it("the Today page – a member who solved a mission problem before – marked 'already solved'; one who logs it today sees it done", async () => {
    // Every graph traversal problem left (1012, 7576) is one cy solved long ago: the mission's graph problem is one.
    solve(w.db, w.cy, 'boj:7576', '2026-10-02');
    const { agent: cy } = await loggedIn(w.t.app(), 'cy');
    const page = (await cy.get('/plan/today')).text;
    expect(page).to.contain('Group mission (Alpha)');
    const mission = [...page.matchAll(/data-mission-problem="([^"]+)"/g)].map((m) => m[1]);
    const before = mission.filter((p) => ['boj:1012', 'boj:7576', 'boj:14891'].includes(p));
    expect(before, "the fixture puts one of cy's old solves in the mission").not.to.be.empty;
    for (const p of mission) {
      const mark = new RegExp(`data-mission-problem="${p}" data-mine="([a-z]+)"`).exec(page)![1];
      expect(mark, p).to.equal(before.includes(p) ? 'before' : 'todo');
    }
    expect(page).to.contain('already solved');

    const { agent: ana, csrf } = await loggedIn(w.t.app(), 'ana');
    const todo = mission[0];
    const logged = await ana
      .post('/attempts')
      .type('form')
      .send({ _csrf: csrf, problem: todo, outcome: 'solved', back: '/plan/today' });
    expect(logged.status).to.equal(302);
    expect(logged.headers.location).to.equal('/plan/today');
    expect((await ana.get('/plan/today')).text).to.match(
      new RegExp(`data-mission-problem="${todo}" data-mine="today"`),
    );
  });

  it('a learner in no group – the Today page – no mission section, nothing stored', async () => {
    await w.cli('group', 'remove', 'Beta', '--learner', 'dan');
    const { agent } = await loggedIn(w.t.app(), 'dan');
    const page = (await agent.get('/plan/today')).text;
    expect(page).not.to.contain('data-group-mission');
    expect(w.db.prepare('SELECT count(*) FROM group_missions').pluck().get()).to.equal(0);
  });
});

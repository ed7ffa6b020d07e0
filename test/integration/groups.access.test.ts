import { expect } from 'chai';
import request from 'supertest';
import { loggedIn } from '../support/progress.ts';
import { groupByName } from '../../src/membership/groupRepository.ts';
import { groupWorld, withGroups } from './groups.support.ts';

describe('study groups: access rules and bad input', () => {
  let w: Awaited<ReturnType<typeof groupWorld>>;
  let alpha: number;
  let beta: number;
  beforeEach(async () => {
    w = await groupWorld();
    await withGroups(w);
    alpha = groupByName(w.db, 'Alpha')!.id;
    beta = groupByName(w.db, 'Beta')!.id;
  });
  afterEach(() => w.t.cleanup());

  /** Everything the group commands and pages may change. */
  const snapshot = () =>
    w.db
      .prepare(
        `SELECT (SELECT group_concat(id || ':' || name || ':' || ifnull(exam_date, '') || ':' || ifnull(profile, ''), ',') FROM study_groups) || '|' ||
                (SELECT group_concat(group_id || ':' || learner_id || ':' || hidden || digest_section, ',') FROM group_members)`,
      )
      .pluck()
      .get();

  it('the CLI – a second group for a learner, an unknown group or learner, a taken name, a bad date or profile – exit 1, one stderr line, nothing changed', async () => {
    const before = snapshot();
    const cases: [string[], RegExp][] = [
      [['add', 'Beta', '--learner', 'ana'], /^cote: ana is already in group "Alpha": a learner belongs to one group$/],
      [['add', 'Alpha', '--learner', 'ana'], /^cote: ana is already in this group/],
      [['add', 'Nope', '--learner', 'ana'], /^cote: there is no group "Nope"$/],
      [['add', 'Alpha', '--learner', 'ghost'], /^cote: there is no learner "ghost"$/],
      [['remove', 'Alpha', '--learner', 'dan'], /^cote: dan is not in group "Alpha"$/],
      [['remove', 'Alpha', '--learner', 'ghost'], /^cote: there is no learner "ghost"$/],
      [['create', 'alpha'], /^cote: a group named "Alpha" exists already$/],
      [['create', 'Gamma', '--exam', '2026-02-30'], /^cote: exam date "2026-02-30" is not a date YYYY-MM-DD$/],
      [['create', 'Gamma', '--exam', '2020-01-01'], /^cote: exam date 2020-01-01 is in the past/],
      [['create', 'Gamma', '--profile', 'custom'], /^cote: exam profile "custom" is unknown/],
      [['create', '   '], /^cote: group name "" is invalid/],
      [['board', 'Nope', '--json'], /^cote: there is no group "Nope"$/],
      [['board', 'Alpha', '--day', '28-11-2026'], /^cote: --day "28-11-2026" is not a date/],
    ];
    for (const [args, message] of cases) {
      const r = await w.cli('group', ...args);
      expect(r.code, args.join(' ')).to.equal(1);
      expect(r.err, args.join(' ')).to.have.length(1);
      expect(r.err[0], args.join(' ')).to.match(message);
      expect(r.out, args.join(' ')).to.equal('');
    }
    expect(snapshot()).to.equal(before);
  });

  it('the CLI – create with a shared exam and profile, add, remove – the group and its members as asked', async () => {
    expect((await w.cli('group', 'create', 'Gamma', '--exam', '2027-02-01', '--profile', 'samsung')).out).to.equal(
      'created group Gamma (exam 2027-02-01) (profile samsung)',
    );
    const gamma = groupByName(w.db, 'gamma')!;
    expect([gamma.examDate, gamma.profile]).to.deep.equal(['2027-02-01', 'samsung']);
    expect((await w.cli('group', 'remove', 'Beta', '--learner', 'dan')).out).to.equal('removed dan from Beta');
    expect((await w.cli('group', 'add', 'Gamma', '--learner', 'DAN')).out).to.equal('added dan to Gamma');
    expect(w.db.prepare('SELECT group_id FROM group_members WHERE learner_id = ?').pluck().all(w.dan.id)).to.deep.equal(
      [gamma.id],
    );
  });

  it('the UNIQUE constraint – a second membership written past the checks – refused by the database itself', () => {
    expect(() =>
      w.db
        .prepare('INSERT INTO group_members (group_id, learner_id, joined_at) VALUES (?, ?, ?)')
        .run(beta, w.ana.id, '2026-11-28T00:00:00Z'),
    ).to.throw(/UNIQUE/);
  });

  it('a learner who is not an admin – creating, editing or changing members of a group – 403, nothing changed', async () => {
    const { agent, csrf } = await loggedIn(w.t.app(), 'ana');
    const before = snapshot();
    const posts: [string, Record<string, string>][] = [
      ['/groups', { name: 'Gamma' }],
      [`/groups/${alpha}`, { name: 'Renamed', examDate: '2027-01-01' }],
      [`/groups/${beta}/members`, { login: 'ana' }],
      [`/groups/${beta}/members/remove`, { login: 'dan' }],
    ];
    for (const [path, body] of posts)
      expect(
        (
          await agent
            .post(path)
            .type('form')
            .send({ _csrf: csrf, ...body })
        ).status,
        path,
      ).to.equal(403);
    expect((await agent.get('/groups')).status).to.equal(403);
    expect(snapshot()).to.equal(before);
  });

  it("a member – another group's board – 403 (an unknown group too); their own group's board and /group – 200", async () => {
    const { agent } = await loggedIn(w.t.app(), 'ana');
    const other = await agent.get(`/groups/${beta}/board`);
    expect(other.status).to.equal(403);
    expect(other.text).to.contain('members and admins can see its board.');
    expect(other.text).not.to.contain('data-member="dan"');
    expect((await agent.get('/groups/9999/board')).status, 'no hint whether it exists').to.equal(403);
    expect((await agent.get(`/groups/${alpha}/board`)).text).to.contain('data-member="bo"');
    const own = await agent.get('/group');
    expect(own.status).to.equal(200);
    expect(own.text).to.contain('data-group="Alpha"');
    const dan = await loggedIn(w.t.app(), 'dan');
    const beta_ = (await dan.agent.get('/group')).text;
    expect(beta_).to.contain('data-group="Beta"').and.contain('data-member="dan"');
    expect(beta_).not.to.contain('data-member="ana"');
  });

  it('anonymous – the board and group pages – sent to the login, nothing shown', async () => {
    const agent = request.agent(w.t.app());
    for (const path of ['/group', `/groups/${alpha}/board`, '/groups']) {
      const res = await agent.get(path);
      expect(res.status, path).to.equal(302);
      expect(res.headers.location, path).to.match(/^\/login/);
    }
  });

  it('the admin – any board; a second group, an unknown learner or group, a taken name, a past exam – 409/404/422 with the message, nothing changed', async () => {
    const { agent, csrf } = await loggedIn(w.t.app(), 'admin');
    expect((await agent.get(`/groups/${beta}/board`)).text).to.contain('data-member="dan"');
    expect((await agent.get('/groups/9999/board')).status).to.equal(404);
    const before = snapshot();
    const second = await agent.post(`/groups/${alpha}/members`).type('form').send({ _csrf: csrf, login: 'dan' });
    expect(second.status).to.equal(409);
    expect(second.text).to.contain('dan is already in the group Beta: a learner belongs to one group.');
    const cases: [string, Record<string, string>, number, string][] = [
      [`/groups/${alpha}/members`, { login: 'ghost' }, 404, 'There is no learner ghost.'],
      ['/groups/9999/members', { login: 'cy' }, 404, 'There is no group 9999.'],
      [`/groups/${alpha}/members/remove`, { login: 'dan' }, 404, 'dan is not in the group Alpha.'],
      ['/groups', { name: 'ALPHA' }, 409, 'A group named Alpha exists already.'],
      ['/groups', { name: 'Gamma', examDate: '2020-01-01' }, 422, 'The exam date 2020-01-01 is in the past'],
      ['/groups', { name: 'Gamma', profile: 'nonsense' }, 422, 'Unknown exam profile nonsense.'],
      ['/groups', { name: 'Gamma', lists: 'no-such-list' }, 422, 'There is no list no-such-list.'],
      [`/groups/${alpha}`, { name: 'Beta' }, 409, 'A group named Beta exists already.'],
    ];
    for (const [path, body, status, message] of cases) {
      const res = await agent
        .post(path)
        .type('form')
        .send({ _csrf: csrf, ...body });
      expect(res.status, path).to.equal(status);
      expect(res.text, path).to.contain(message);
    }
    expect((await agent.post('/groups').type('form').send({ _csrf: csrf })).status, 'no name: malformed').to.equal(400);
    expect((await agent.post('/groups').type('form').send({ name: 'NoToken' })).status, 'no CSRF token').to.equal(403);
    expect(snapshot()).to.equal(before);
    const notMember = await agent.post('/group/settings').type('form').send({ _csrf: csrf, sent: '1', hidden: '1' });
    expect(notMember.status).to.equal(404);
    expect((await agent.get('/group')).text).to.contain('You are not in a study group.');
  });

  it('the admin – create, edit, add, remove on /groups – each saved and shown, names and text escaped', async () => {
    const { agent, csrf } = await loggedIn(w.t.app(), 'admin');
    const created = await agent.post('/groups').type('form').send({
      _csrf: csrf,
      name: '<b>Gamma</b>',
      examDate: '2027-02-01',
      profile: 'kakao',
      lists: 'tony9402-baekjoon',
    });
    expect(created.status).to.equal(302);
    const gamma = groupByName(w.db, '<b>Gamma</b>')!;
    expect([gamma.examDate, gamma.profile, gamma.lists]).to.deep.equal(['2027-02-01', 'kakao', ['tony9402-baekjoon']]);
    expect(
      (await agent.post(`/groups/${beta}/members/remove`).type('form').send({ _csrf: csrf, login: 'dan' })).status,
    ).to.equal(302);
    expect(
      (await agent.post(`/groups/${gamma.id}/members`).type('form').send({ _csrf: csrf, login: 'dan' })).status,
    ).to.equal(302);
    expect(
      (
        await agent
          .post(`/groups/${gamma.id}`)
          .type('form')
          .send({ _csrf: csrf, name: '<b>Gamma</b>', examDate: '', profile: '' })
      ).status,
    ).to.equal(302);
    expect(groupByName(w.db, '<b>Gamma</b>')).to.include({ examDate: null, profile: null, lists: null });
    const page = (await agent.get('/groups')).text;
    expect(page).to.contain('&lt;b&gt;Gamma&lt;/b&gt;').and.not.contain('<b>Gamma</b>');
    expect(page).to.match(/data-group="&lt;b&gt;Gamma&lt;\/b&gt;"[\s\S]*?data-member="dan"/);
  });
});

import { expect } from 'chai';
import { groupByName } from '../../src/membership/groupRepository.ts';
import { csrfFrom } from '../support/app.ts';
import { loggedIn } from '../support/progress.ts';
import { reachWorld } from './reach.support.ts';

describe("reach: setting up a group's webhooks on /groups and with cote group set", () => {
  let w: Awaited<ReturnType<typeof reachWorld>>;
  beforeEach(async () => {
    w = await reachWorld();
  });
  afterEach(() => w.close());

  it('/groups – an admin adds a webhook (shown masked), a bad one is a 422 naming it, saves times, removes one; a member may not', async () => {
    const { agent } = await loggedIn(w.t.app(), 'admin');
    const alpha = groupByName(w.db, 'Alpha')!;
    const csrf = csrfFrom((await agent.get('/groups')).text);
    const add = (url: string) => agent.post(`/groups/${alpha.id}/webhooks`).type('form').send({ _csrf: csrf, url });
    expect((await add('https://discord.com/api/webhooks/42/another-secret')).status).to.equal(302);
    const page = await agent.get('/groups');
    expect(page.text).to.include('Added a Discord webhook to Alpha.');
    expect(page.text).to.include('<code>https://discord.com/api/…</code>');
    expect(page.text).to.not.include('another-secret');
    const bad = await add('http://hooks.example/x');
    expect(bad.status).to.equal(422);
    expect(bad.text).to.include('A webhook URL must start with https://.');
    const save = await agent
      .post(`/groups/${alpha.id}/posts`)
      .type('form')
      .send({ _csrf: csrf, sent: '1', morningOn: '1', morningAt: '07:15', eveningAt: '21:00', lang: 'ko' });
    expect(save.status).to.equal(302);
    expect(
      w.db.prepare('SELECT morning_on, morning_at, evening_on, evening_at, lang FROM group_post_settings').get(),
    ).to.deep.equal({
      morning_on: 1,
      morning_at: '07:15',
      evening_on: 0,
      evening_at: '21:00',
      lang: 'ko',
    });
    const badTime = await agent
      .post(`/groups/${alpha.id}/posts`)
      .type('form')
      .send({ _csrf: csrf, sent: '1', morningAt: '25:00', eveningAt: '21:00', lang: 'ko' });
    expect(badTime.status).to.equal(422);
    expect(badTime.text).to.include('The time 25:00 is not a time HH:MM');
    const id = w.db.prepare("SELECT id FROM group_webhooks WHERE url LIKE 'https://discord.com/%'").pluck().get();
    const removed = await agent
      .post(`/groups/${alpha.id}/webhooks/remove`)
      .type('form')
      .send({ _csrf: csrf, webhook: String(id) });
    expect(removed.status).to.equal(302);
    expect(w.db.prepare('SELECT count(*) FROM group_webhooks').pluck().get()).to.equal(3);

    const member = await loggedIn(w.t.app(), 'ana');
    const denied = await member.agent
      .post(`/groups/${alpha.id}/webhooks`)
      .type('form')
      .send({ _csrf: member.csrf, url: 'https://discord.com/api/webhooks/1/x' });
    expect(denied.status).to.equal(403);
    expect(w.db.prepare('SELECT count(*) FROM group_webhooks').pluck().get()).to.equal(3);
  });

  it('cote group set – all or nothing, --webhook "" removes them all; notify without a webhook says so', async () => {
    const before = w.db.prepare('SELECT count(*) FROM group_webhooks').pluck().get();
    const bad = await w.cli(
      'group',
      'set',
      'Alpha',
      '--webhook',
      'https://discord.com/api/webhooks/9/x',
      '--morning',
      '25:00',
    );
    expect(bad.code).to.equal(1);
    expect(bad.err).to.deep.equal(['cote: morning time "25:00" is not a time HH:MM (00:00–23:59)']);
    expect(w.db.prepare('SELECT count(*) FROM group_webhooks').pluck().get()).to.equal(before);
    expect((await w.cli('group', 'set', 'Alpha', '--lang', 'fr')).err).to.deep.equal([
      'cote: post language "fr" is unknown: expected ko or en',
    ]);
    const cleared = await w.cli('group', 'set', 'Alpha', '--webhook', '');
    expect(cleared.out).to.include('no webhook');
    const notify = await w.cli('group', 'notify', 'Alpha');
    expect(notify.code).to.equal(1);
    expect(notify.err).to.deep.equal(['cote: group "Alpha" has no webhook to post to']);
  });
});

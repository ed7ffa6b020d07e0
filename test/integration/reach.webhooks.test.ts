import path from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { groupByName } from '../../src/membership/groupRepository.ts';
import { notifyGroup, sendDueGroupPosts } from '../../src/groups/webhookDelivery.ts';
import { loggedIn } from '../support/progress.ts';
import { runCote } from '../support/spawnCote.ts';
import { ARCHIVE, DISCORD, FAST_WEBHOOK_GAP, GENERIC, reachWorld, SLACK } from './reach.support.ts';

describe('reach: group webhooks against local Discord, Slack and JSON receivers', () => {
  let w: Awaited<ReturnType<typeof reachWorld>>;
  let rx: Awaited<ReturnType<typeof reachWorld>>['rx'];
  beforeEach(async () => {
    w = await reachWorld();
    rx = w.rx;
  });
  afterEach(() => w.close());
  const reach = () => w.reach();

  it('cote group notify – morning – posts the exact Discord, Slack and generic bodies: mission with archive links and D-day', async () => {
    const r = await w.cli('group', 'notify', 'Alpha', '--json');
    expect(r.code).to.equal(0);
    expect(JSON.parse(r.out)).to.deep.equal({ sent: 3, failed: 0, skipped: 0, errors: [] });
    expect(rx.received.map((x) => x.contentType)).to.deep.equal(Array(3).fill('application/json; charset=utf-8'));
    expect(rx.bodies(DISCORD)).to.deep.equal([
      {
        content: "**Alpha** · 2026-11-28 · D-27\nToday's mission:\n<https://cote.example/group>",
        embeds: [
          { title: 'boj:1260 DFS와 BFS', url: `${ARCHIVE}1260`, description: 'Graph Traversal' },
          { title: 'boj:1978 소수 찾기', url: `${ARCHIVE}1978`, description: 'Math' },
        ],
        allowed_mentions: { parse: [] },
      },
    ]);
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
    expect(rx.bodies(SLACK)).to.deep.equal([
      {
        text: "Alpha · 2026-11-28 · D-27 · Today's mission:",
        blocks: [
          section("*Alpha* · 2026-11-28 · D-27\nToday's mission:"),
          section(`• <${ARCHIVE}1260|boj:1260 DFS와 BFS> — Graph Traversal`),
          section(`• <${ARCHIVE}1978|boj:1978 소수 찾기> — Math`),
          { type: 'context', elements: [{ type: 'mrkdwn', text: '<https://cote.example/group|Open the board>' }] },
        ],
      },
    ]);
    expect(rx.bodies(GENERIC)).to.deep.equal([
      {
        group: 'Alpha',
        day: '2026-11-28',
        kind: 'morning',
        dDay: 27,
        streak: 0,
        missionDone: 1,
        mission: [
          { problem: 'boj:1260', title: 'DFS와 BFS', url: `${ARCHIVE}1260`, solvedBy: ['ana'] },
          { problem: 'boj:1978', title: '소수 찾기', url: `${ARCHIVE}1978`, solvedBy: ['ana'] },
        ],
        members: [
          { login: 'ana', solvedToday: 1, streak: 2, missionDone: true },
          { login: 'bo', solvedToday: 0, streak: 0, missionDone: false },
        ],
        board: 'https://cote.example/group',
      },
    ]);
  });

  it('cote group notify --evening – who solved it and the streak; never the hidden member, an email, a name or a note', async () => {
    const r = await w.cli('group', 'notify', 'Alpha', '--evening', '--json');
    expect(JSON.parse(r.out)).to.include({ sent: 3, failed: 0 });
    expect(rx.bodies(DISCORD)).to.deep.equal([
      {
        content:
          '**Alpha** · 2026-11-28 · D-27\nmission done by 1 of 2 · group streak: 0 days\n<https://cote.example/group>',
        embeds: [
          {
            title: 'Who solved the mission',
            fields: [
              { name: 'boj:1260 DFS와 BFS', value: 'ana' },
              { name: 'boj:1978 소수 찾기', value: 'ana' },
            ],
          },
        ],
        allowed_mentions: { parse: [] },
      },
    ]);
    expect((rx.bodies(SLACK)[0] as { blocks: unknown[] }).blocks[1]).to.deep.equal({
      type: 'section',
      text: { type: 'mrkdwn', text: `• <${ARCHIVE}1260|boj:1260 DFS와 BFS>: ana` },
    });
    expect((rx.bodies(GENERIC)[0] as { kind: string }).kind).to.equal('evening');
    const all = JSON.stringify(rx.received);
    expect(all).to.not.match(/\bcy\b/);
    expect(all).to.not.include('@example.com');
    expect(all).to.not.include('Learner ');
    expect(all).to.not.include('private note');
  });

  it('COTE_WEBHOOK_GAP_MS – by default posts to one host leave 250 ms apart (the tests here set 5 ms)', async () => {
    const polite = loadConfig({ COTE_DATA_DIR: w.t.deps.config.dataDir }).webhookGapMs;
    expect(polite).to.equal(250);
    const deps = { ...reach(), config: { ...w.t.deps.config, webhookGapMs: polite } };
    expect((await sendDueGroupPosts(deps, w.t.clock.get())).sent).to.equal(3);
    const at = rx.received.map((x) => x.at);
    expect(at).to.have.length(3);
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1], `post ${i + 1}`).to.be.at.least(polite - 5);
  });

  it('the job – run twice, after a restart and by two processes at once – posts morning and evening once each per webhook and day', async () => {
    // 12:00 in Seoul: the morning post is due, the evening one (22:00) not yet.
    expect((await sendDueGroupPosts(reach(), w.t.clock.get())).sent).to.equal(3);
    expect((await sendDueGroupPosts(reach(), w.t.clock.get())).sent).to.equal(0);
    const env = {
      COTE_DATA_DIR: w.t.deps.config.dataDir,
      COTE_ALLOW_PRIVATE_SOURCES: 'true',
      COTE_BASE_URL: 'https://cote.example',
      COTE_AUTO_IMPORT: 'false',
      LOG_LEVEL: 'silent',
      COTE_CLOCK_START: '2026-11-28T13:30:00Z', // 22:30 in Seoul
      COTE_WEBHOOK_GAP_MS: FAST_WEBHOOK_GAP,
    };
    // A restart: a new connection to the same file (nothing kept in memory) finds the morning posts done.
    const reopened = openDatabase(path.join(w.t.deps.config.dataDir, 'cote.db'));
    try {
      const deps = { ...reach(), db: reopened };
      expect((await sendDueGroupPosts(deps, w.t.clock.get())).sent).to.equal(0);
      const again = await notifyGroup(deps, w.alpha, '2026-11-28', 'morning', w.t.clock.get());
      expect(again).to.deep.equal({ sent: 0, failed: 0, skipped: 3, errors: [] });
    } finally {
      reopened.close();
    }
    // Two processes post the evening at once: the claim rows let exactly one of them post to each webhook.
    const both = await Promise.all([1, 2].map(() => runCote(['group', 'notify', 'Alpha', '--evening', '--json'], env)));
    const sums = both.map((b) => JSON.parse(b.stdout) as { sent: number; skipped: number });
    expect(
      sums.reduce((n, s) => n + s.sent, 0),
      JSON.stringify(sums),
    ).to.equal(3);
    expect(sums.reduce((n, s) => n + s.skipped, 0)).to.equal(3);
    // The server's job at 22:30 has nothing left to post.
    expect((await sendDueGroupPosts(reach(), new Date('2026-11-28T13:30:00Z'))).sent).to.equal(0);
    expect(rx.received.map((x) => x.path)).to.have.members([DISCORD, SLACK, GENERIC, DISCORD, SLACK, GENERIC]);
    expect(rx.bodies(GENERIC).map((b) => (b as { kind: string }).kind)).to.deep.equal(['morning', 'evening']);
  });

  it('the job – times and switches per group – an evening switched off is not posted; the next day posts again', async () => {
    expect((await w.cli('group', 'set', 'Alpha', '--evening', 'off', '--morning', '09:30')).code).to.equal(0);
    // 09:00 in Seoul: before the morning post.
    expect((await sendDueGroupPosts(reach(), new Date('2026-11-28T00:00:00Z'))).sent).to.equal(0);
    expect((await sendDueGroupPosts(reach(), new Date('2026-11-28T00:30:00Z'))).sent).to.equal(3);
    expect((await sendDueGroupPosts(reach(), new Date('2026-11-28T14:00:00Z'))).sent, 'evening off').to.equal(0);
    expect((await w.cli('group', 'set', 'Alpha', '--evening', '23:00')).code).to.equal(0);
    expect((await sendDueGroupPosts(reach(), new Date('2026-11-28T14:00:00Z'))).sent).to.equal(3);
    expect((await sendDueGroupPosts(reach(), new Date('2026-11-29T00:30:00Z'))).sent, 'next morning').to.equal(3);
    // The 30th: cote was down all day and starts at 23:30, after the evening time: only the evening post goes out.
    expect((await sendDueGroupPosts(reach(), new Date('2026-11-30T14:30:00Z'))).sent).to.equal(3);
    expect(rx.received.map((x) => (x.body as { day?: string }).day).filter(Boolean)).to.deep.equal([
      '2026-11-28',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
    expect(rx.bodies(GENERIC).map((b) => (b as { kind: string }).kind)).to.deep.equal([
      'morning',
      'evening',
      'morning',
      'evening',
    ]);
  });

  it("a 429 – Discord's JSON retry_after and Slack's Retry-After – is waited for and tried again; the post goes out once", async () => {
    rx.script(DISCORD, {
      status: 429,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"You are being rate limited.","retry_after":0.05,"global":false}',
    });
    rx.script(SLACK, { status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' });
    const waits: number[] = [];
    const deps = { ...reach(), send: { sleep: async (ms: number) => void waits.push(ms) } };
    const summary = await notifyGroup(deps, groupByName(w.db, 'Alpha')!, '2026-11-28', 'morning', w.t.clock.get());
    expect(summary).to.deep.equal({ sent: 3, failed: 0, skipped: 0, errors: [] });
    expect(waits).to.deep.equal([50, 1000]);
    expect(rx.bodies(DISCORD)).to.have.length(2);
    expect(rx.bodies(DISCORD)[0]).to.deep.equal(rx.bodies(DISCORD)[1]);
    expect(rx.bodies(SLACK)).to.have.length(2);
  });

  it('a 500 is retried by a later run; a 404 (deleted webhook) fails at once and /groups shows it with the URL masked', async () => {
    rx.script(SLACK, { status: 500, body: '\u001b[31moops\n' });
    rx.script(GENERIC, {
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: '{"message": "Unknown Webhook", "code": 10015}',
    });
    const r = await w.cli('group', 'notify', 'Alpha', '--json');
    expect(r.code).to.equal(2);
    const out = JSON.parse(r.out) as { sent: number; failed: number; errors: { webhook: string; error: string }[] };
    expect(out.sent).to.equal(1);
    expect(out.errors.map((e) => e.error)).to.deep.equal(['HTTP 500: [31moops', 'HTTP 404: Unknown Webhook']);
    expect(out.errors[1].webhook).to.equal(`${rx.base}/hooks/…`);
    expect(r.err).to.deep.equal(['cote: 2 post(s) failed: HTTP 500: [31moops']);
    // Two minutes on, the job tries the 500 again (it answers now); the 404 stays failed.
    expect((await sendDueGroupPosts(reach(), new Date(w.t.clock.get().getTime() + 3 * 60_000))).sent).to.equal(1);
    expect(rx.bodies(SLACK)).to.have.length(2);
    expect(rx.bodies(GENERIC)).to.have.length(1);

    const { agent } = await loggedIn(w.t.app(), 'admin');
    const page = await agent.get('/groups');
    expect(page.status).to.equal(200);
    const card = /<section class="group-reach" data-reach-group="Alpha">[\s\S]*?<\/section>/.exec(page.text)?.[0] ?? '';
    expect(card).to.match(/data-status="failed">[\s\S]*HTTP 404: Unknown Webhook/);
    expect(card).to.include(`${rx.base}/api/…`);
    expect(page.text).to.not.include('secret');
  });

  it('a 429 asking for longer than cote waits is retried by a later run; an interrupted post is never posted again', async () => {
    rx.script(DISCORD, {
      status: 429,
      headers: { 'content-type': 'application/json' },
      body: '{"retry_after": 120.5}',
    });
    const now = w.t.clock.get();
    const first = await sendDueGroupPosts(reach(), now);
    expect(first.errors.map((e) => e.error)).to.deep.equal(['HTTP 429: {"retry_after": 120.5}']);
    const row = () =>
      w.db
        .prepare(
          "SELECT status, attempts, next_attempt_at FROM webhook_posts WHERE kind = 'morning' AND webhook_id = 1",
        )
        .get();
    expect(row()).to.deep.equal({ status: 'pending', attempts: 1, next_attempt_at: '2026-11-28T03:02:00.000Z' });
    expect((await sendDueGroupPosts(reach(), new Date(now.getTime() + 60_000))).sent, 'not before its time').to.equal(
      0,
    );
    expect((await sendDueGroupPosts(reach(), new Date(now.getTime() + 120_000))).sent).to.equal(1);
    expect(rx.bodies(DISCORD)).to.have.length(2);

    // A process died while its evening post was in flight: 20 minutes on, the row is given up, not posted again.
    w.db
      .prepare(
        `INSERT INTO webhook_posts (webhook_id, day, kind, status, attempts, created_at, claim_id, claimed_at)
       VALUES (1, '2026-11-28', 'evening', 'sending', 1, '2026-11-28T13:00:00Z', 'gone', '2026-11-28T13:00:00Z')`,
      )
      .run();
    await sendDueGroupPosts(reach(), new Date('2026-11-28T13:20:00Z'));
    expect(rx.bodies(DISCORD)).to.have.length(2);
    expect(
      w.db.prepare("SELECT status, last_error FROM webhook_posts WHERE kind = 'evening' AND webhook_id = 1").get(),
    ).to.deep.equal({
      status: 'failed',
      last_error: 'interrupted while posting: it may have arrived, so it is not posted again',
    });
  });
});

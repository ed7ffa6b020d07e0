import { expect } from 'chai';
import ICAL from 'ical.js';
import { AppError } from '../../src/errors.ts';
import type { GroupPost } from '../../src/groups/groupPost.ts';
import { DISCORD, discordBody, slackBody } from '../../src/groups/webhookFormat.ts';
import { retryAfterMs, sendWebhook } from '../../src/groups/webhookSend.ts';
import { mask, parseWebhookUrl, recogniseWebhook } from '../../src/groups/webhookUrl.ts';
import { calendarFeed, fold } from '../../src/plans/calendarFeed.ts';

const refused = (fn: () => unknown, code: string) => {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(AppError);
    expect((error as AppError).code).to.equal(code);
    expect((error as AppError).status).to.equal(422);
    return (error as AppError).message;
  }
  throw new Error(`expected ${code}`);
};

describe('reach: webhook URLs', () => {
  it('recognises Discord (discord.com, discordapp.com), Slack and anything else as generic JSON', () => {
    const kind = (u: string) => recogniseWebhook(new URL(u));
    expect(kind('https://discord.com/api/webhooks/1234/abc-DEF_9')).to.equal('discord');
    expect(kind('https://discordapp.com/api/webhooks/1234/abc')).to.equal('discord');
    expect(kind('https://canary.discord.com/api/v10/webhooks/1234/abc')).to.equal('discord');
    expect(kind('https://discord.com/channels/1/2')).to.equal('generic');
    expect(kind('https://discord.com.evil.example/api/webhooks/1/abc')).to.equal('generic');
    expect(kind('https://hooks.slack.com/services/T0/B0/xyz')).to.equal('slack');
    expect(kind('https://example.org/hook')).to.equal('generic');
  });

  it('a prefix names the shape (Mattermost speaks Slack); https only; private addresses only when allowed', () => {
    expect(parseWebhookUrl(' slack:https://chat.example/hooks/abc ', false)).to.deep.equal({
      url: 'https://chat.example/hooks/abc',
      kind: 'slack',
    });
    refused(() => parseWebhookUrl('http://example.org/hook', false), 'reach.webhook_not_https');
    refused(() => parseWebhookUrl('not a url', false), 'reach.bad_webhook');
    refused(() => parseWebhookUrl('https://u:p@example.org/hook', false), 'reach.bad_webhook');
    const message = refused(
      () => parseWebhookUrl('http://127.0.0.1:9/api/webhooks/1/x', false),
      'reach.webhook_private',
    );
    expect(message).to.include('COTE_ALLOW_PRIVATE_SOURCES=true');
    refused(() => parseWebhookUrl('https://169.254.169.254/latest', false), 'reach.webhook_private');
    expect(parseWebhookUrl('http://127.0.0.1:9/x', true).kind).to.equal('generic');
  });

  it('masks all but the host and the first path part: the token is a secret', () => {
    expect(mask('https://discord.com/api/webhooks/123/tok')).to.equal('https://discord.com/api/…');
    expect(mask('slack:https://hooks.slack.com/services/T/B/secret')).to.equal('https://hooks.slack.com/services/…');
    expect(refused(() => parseWebhookUrl('https://x y/secret-token', false), 'reach.bad_webhook')).to.not.include(
      'secret-token',
    );
  });

  it('a name that resolves to a private address is refused when connecting (no DNS rebinding), unless allowed', async () => {
    const outcome = await sendWebhook('http://localhost:9/hook', {}, { allowPrivate: false, gapMs: 0 });
    expect(outcome).to.deep.include({ ok: false, retry: false });
    expect((outcome as { error: string }).error).to.match(
      /localhost resolves to (127\.0\.0\.1|::1), a private or local address/,
    );
    expect(await sendWebhook('http://127.0.0.1:9/hook', {}, { allowPrivate: false, gapMs: 0 })).to.deep.equal({
      ok: false,
      retry: false,
      error: '127.0.0.1 is a private or local address',
    });
  });

  it("429 waits: Discord's JSON retry_after (seconds), else Retry-After, else a second", () => {
    expect(retryAfterMs({ text: '{"retry_after": 1.234}', retryAfter: '9' })).to.equal(1234);
    expect(retryAfterMs({ text: 'slow down', retryAfter: '3' })).to.equal(3000);
    expect(retryAfterMs({ text: '', retryAfter: undefined })).to.equal(1000);
    const inTwoSeconds = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000).toUTCString();
    expect(retryAfterMs({ text: '', retryAfter: inTwoSeconds })).to.be.within(1000, 3000);
  });
});

describe('reach: post shapes with untrusted titles', () => {
  const post = (over: Partial<GroupPost> = {}): GroupPost => ({
    kind: 'evening',
    lang: 'ko',
    group: 'A',
    day: '2026-11-28',
    dDay: 0,
    mission: [],
    members: [],
    missionDone: 0,
    streak: 3,
    boardUrl: 'https://cote.example/group',
    ...over,
  });
  const evil = {
    problem: 'boj:1',
    title: '@everyone **[x](https://evil)** <@123> <!channel>',
    category: 'c',
    url: null,
    solvedBy: [],
  };

  it('Discord: markdown and mentions made literal, nobody pinged, every limit held with many long titles', () => {
    const body = discordBody(post({ kind: 'morning', mission: [evil] }));
    expect(body.allowed_mentions).to.deep.equal({ parse: [] });
    expect(body.embeds[0].title).to.equal(
      'boj:1 @\u200beveryone \\*\\*\\[x\\]\\(https://evil\\)\\*\\* \\<@\u200b123\\> \\<!channel\\>',
    );
    expect(body.content).to.include('D-day');
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...evil,
      problem: `boj:${i}`,
      title: 'ㄱ'.repeat(400),
      solvedBy: Array(300).fill('login'),
    }));
    for (const kind of ['morning', 'evening'] as const) {
      const b = discordBody(post({ kind, mission: many })) as { content: string; embeds: Record<string, unknown>[] };
      expect(b.content.length).to.be.at.most(DISCORD.content);
      expect(b.embeds.length).to.be.at.most(DISCORD.embeds);
      let total = 0;
      for (const e of b.embeds) {
        expect(String(e.title).length).to.be.at.most(DISCORD.title);
        const fields = (e.fields ?? []) as { name: string; value: string }[];
        expect(fields.length).to.be.at.most(DISCORD.fields);
        total += String(e.title).length + String(e.description ?? '').length;
        total += fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
      }
      expect(total, 'all embed text of the message').to.be.at.most(DISCORD.total);
    }
  });

  it('Slack: &, < and > escaped so a title cannot link or ping; the fallback text is there', () => {
    const body = slackBody(post({ mission: [{ ...evil, url: 'https://x.example/1' }] }));
    const text = JSON.stringify(body.blocks);
    expect(text).to.not.include('<!channel>');
    expect(text).to.include('&lt;!channel&gt;');
    expect(body.text).to.equal('A · 2026-11-28 · D-day · 미션 완료 0/0명 · 그룹 연속 3일');
  });
});

describe('reach: the iCalendar feed', () => {
  const input = {
    uidKey: '7',
    domain: 'cote.example',
    login: 'ana',
    zone: 'Asia/Seoul',
    lang: 'ko' as const,
    computedAt: new Date('2026-11-28T03:04:05Z'),
    exam: '2026-12-01',
    planUrl: 'https://cote.example/plan',
    days: [
      {
        day: '2026-11-28',
        mock: true,
        minutes: 120,
        problems: [
          { problem: 'boj:1', title: 'A, B; C\\D\n줄바꿈 '.repeat(4), minutes: 120, url: 'https://x.example/1' },
        ],
      },
    ],
  };

  it('escapes TEXT, folds long lines on character boundaries, marks mock days; ical.js reads back what was meant', () => {
    const body = calendarFeed(input);
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line)).to.be.at.most(75);
    const cal = new ICAL.Component(ICAL.parse(body));
    const [day, exam] = cal.getAllSubcomponents('vevent');
    expect(day.getFirstPropertyValue('summary')).to.equal('[모의고사] cote 1문제 · 120분');
    expect(day.getFirstPropertyValue('description')).to.equal(
      `• boj:1 ${'A, B; C\\D\n줄바꿈 '.repeat(4)} (120분)\n  https://x.example/1`,
    );
    expect(day.getFirstPropertyValue('uid')).to.equal('plan-7-2026-11-28@cote.example');
    expect(String(day.getFirstPropertyValue('dtend'))).to.equal('2026-11-29');
    expect(String(day.getFirstPropertyValue('dtstamp'))).to.equal('2026-11-28T03:04:05Z');
    expect(day.getFirstPropertyValue('sequence')).to.equal(Math.floor(input.computedAt.getTime() / 60_000));
    expect(exam.getFirstPropertyValue('uid')).to.equal('exam-7@cote.example');
    expect(fold('가'.repeat(30))).to.equal(`${'가'.repeat(25)}\r\n ${'가'.repeat(5)}`);
  });
});

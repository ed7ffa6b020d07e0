import { translate } from '../i18n/index.ts';
import type { GroupPost } from './groupPost.ts';
import type { WebhookKind } from './webhookUrl.ts';

// A group post in each receiver's own shape. Pure: the same post gives the same bytes. Titles come from list files
// and are untrusted: each shape escapes its own markup, and Discord is told to ping nobody whatever the text says.

/** Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD = { content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, total: 6000 } as const;
/** Slack's: blocks per message and characters of a section's text. */
export const SLACK = { blocks: 50, sectionText: 3000 } as const;
/** Of a Discord field: cut well below its own limits (256, 1024) so 25 of them stay under the 6000 total. */
const FIELD_NAME = 100;
const FIELD_VALUE = 120;

export function webhookBody(kind: WebhookKind, post: GroupPost): unknown {
  if (kind === 'discord') return discordBody(post);
  if (kind === 'slack') return slackBody(post);
  return genericBody(post);
}

/** The generic JSON: { group, day, kind, dDay, streak, missionDone, mission: [{ problem, title, url, solvedBy }], members, board }. */
export function genericBody(post: GroupPost) {
  return {
    group: post.group,
    day: post.day,
    kind: post.kind,
    dDay: post.dDay,
    streak: post.streak,
    missionDone: post.missionDone,
    mission: post.mission.map((m) => ({ problem: m.problem, title: m.title, url: m.url, solvedBy: m.solvedBy })),
    members: post.members,
    board: post.boardUrl,
  };
}

export function discordBody(post: GroupPost) {
  const t = (key: string, params?: Record<string, string | number>) => translate(post.lang, key, params);
  const head = `**${discordEscape(post.group)}** · ${headline(post)}`;
  if (post.kind === 'morning') {
    const intro = post.mission.length > 0 ? t('reach.post.morning_intro') : t('reach.post.no_mission');
    return {
      content: cut(`${head}\n${intro}\n<${post.boardUrl}>`, DISCORD.content),
      embeds: post.mission.slice(0, DISCORD.embeds).map((m) => ({
        title: cut(discordEscape(`${m.problem} ${m.title}`), DISCORD.title),
        ...(m.url ? { url: m.url } : {}),
        description: cut(discordEscape(m.category), 200),
      })),
      allowed_mentions: { parse: [] },
    };
  }
  return {
    content: cut(`${head}\n${eveningLine(post)}\n<${post.boardUrl}>`, DISCORD.content),
    embeds:
      post.mission.length === 0
        ? []
        : [
            {
              title: cut(t('reach.post.evening_title'), DISCORD.title),
              fields: post.mission.slice(0, DISCORD.fields).map((m) => ({
                name: cut(discordEscape(`${m.problem} ${m.title}`), FIELD_NAME),
                value: cut(m.solvedBy.map(discordEscape).join(', ') || t('reach.post.nobody'), FIELD_VALUE),
              })),
            },
          ],
    allowed_mentions: { parse: [] },
  };
}

export function slackBody(post: GroupPost) {
  const t = (key: string, params?: Record<string, string | number>) => translate(post.lang, key, params);
  const head = `*${slackEscape(post.group)}* · ${headline(post)}`;
  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: cut(text, SLACK.sectionText) } });
  const link = (url: string | null, text: string) =>
    url ? `<${url}|${slackEscape(text).replace(/\|/g, '∣')}>` : slackEscape(text);
  const board = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `<${post.boardUrl}|${t('reach.post.board')}>` }],
  };
  if (post.kind === 'morning') {
    const intro = post.mission.length > 0 ? t('reach.post.morning_intro') : t('reach.post.no_mission');
    const lines = post.mission.map((m) => `• ${link(m.url, `${m.problem} ${m.title}`)} — ${slackEscape(m.category)}`);
    return {
      text: `${post.group} · ${headline(post)} · ${intro}`,
      blocks: [section(`${head}\n${intro}`), ...lines.slice(0, SLACK.blocks - 2).map(section), board],
    };
  }
  const lines = post.mission.map(
    (m) =>
      `• ${link(m.url, `${m.problem} ${m.title}`)}: ${m.solvedBy.map(slackEscape).join(', ') || t('reach.post.nobody')}`,
  );
  return {
    text: `${post.group} · ${headline(post)} · ${eveningLine(post)}`,
    blocks: [section(`${head}\n${eveningLine(post)}`), ...lines.slice(0, SLACK.blocks - 2).map(section), board],
  };
}

/** "2026-11-28 · D-64" (the D-day only with a shared exam date). */
function headline(post: GroupPost): string {
  const dDay = post.dDay === null ? '' : ` · ${post.dDay === 0 ? 'D-day' : `D-${post.dDay}`}`;
  return `${post.day}${dDay}`;
}

function eveningLine(post: GroupPost): string {
  const done = translate(post.lang, 'reach.post.done_by', { n: post.missionDone, m: post.members.length });
  return `${done} · ${translate(post.lang, 'reach.post.streak', { n: post.streak })}`;
}

/** Discord markdown made literal: a title like `**[x](http://evil)**` shows as typed. */
export function discordEscape(text: string): string {
  // '@' gets a zero-width space after it as well: allowed_mentions already stops pings, this stops the blue look.
  return text.replace(/[\\*_~`|[\]()<>#@]/g, (c) => (c === '@' ? '@\u200b' : `\\${c}`));
}

/** Slack's three control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** At most `max` characters (code points), an ellipsis marking a cut. */
function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

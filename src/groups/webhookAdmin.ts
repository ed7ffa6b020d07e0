import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { isLang } from '../i18n/index.ts';
import { groupTimeZone } from './groupDay.ts';
import type { Group } from '../membership/groupRepository.ts';
import { postSettingsOf, savePostSettings, type PostSettings } from './postSettingsRepository.ts';
import { recentPosts, type PostRecord } from './webhookPostRepository.ts';
import { deleteWebhook, deleteWebhooksOf, insertWebhook, webhooksOf } from './webhookRepository.ts';
import { mask, parseWebhookUrl, type WebhookKind } from './webhookUrl.ts';

// An admin's changes to a group's webhooks and post settings (the /groups page and `cote group set` call these):
// each validates first and refuses with an AppError naming what is wrong (422 a bad value, 404 an unknown webhook).

/** The most webhooks one group may have (each post goes to every one). */
export const MAX_WEBHOOKS = 5;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface WebhookView {
  id: number;
  kind: WebhookKind;
  /** The URL masked: it is a secret. */
  masked: string;
  recent: PostRecord[];
}

/** A group's webhooks as pages show them: masked, with their latest posts (a failed one with its error). */
export function webhookViews(db: Db, groupId: number): WebhookView[] {
  return webhooksOf(db, groupId).map((w) => ({
    id: w.id,
    kind: w.kind,
    masked: mask(w.url),
    recent: recentPosts(db, w.id),
  }));
}

/** What the groups page shows of a group's chat posts: webhooks masked with their latest posts, times, the zone. */
export function reachOfGroup(db: Db, groupId: number) {
  return { webhooks: webhookViews(db, groupId), posts: postSettingsOf(db, groupId), zone: groupTimeZone(db, groupId) };
}

export function addWebhook(db: Db, group: Group, raw: string, allowPrivate: boolean, now: Date): WebhookView {
  const parsed = parseWebhookUrl(raw, allowPrivate);
  return db.transaction(() => {
    if (webhooksOf(db, group.id).length >= MAX_WEBHOOKS)
      throw new AppError('reach.too_many_webhooks', `a group has at most ${MAX_WEBHOOKS} webhooks`, 422, {
        max: MAX_WEBHOOKS,
      });
    insertWebhook(db, group.id, parsed.url, parsed.kind, now);
    const added = webhooksOf(db, group.id).find((w) => w.url === parsed.url)!;
    return { id: added.id, kind: added.kind, masked: mask(added.url), recent: [] };
  })();
}

export function removeWebhook(db: Db, group: Group, id: number): void {
  if (!deleteWebhook(db, group.id, id))
    throw new AppError('reach.unknown_webhook', `group ${JSON.stringify(group.name)} has no webhook ${id}`, 404, {
      group: group.name,
    });
}

/** `--webhook ""`: the group posts nowhere any more. */
export function clearWebhooks(db: Db, group: Group): number {
  return deleteWebhooksOf(db, group.id);
}

/** Raw post settings from a form or the CLI; a missing field keeps the stored value. */
export interface RawPostSettings {
  morningOn?: boolean;
  morningAt?: string;
  eveningOn?: boolean;
  eveningAt?: string;
  lang?: string;
}

export function setPostSettings(db: Db, group: Group, raw: RawPostSettings): PostSettings {
  const stored = postSettingsOf(db, group.id);
  const time = (value: string | undefined, fallback: string, which: string) => {
    const text = (value ?? fallback).trim();
    if (!TIME.test(text))
      throw new AppError(
        'reach.bad_time',
        `${which} time ${JSON.stringify(text)} is not a time HH:MM (00:00–23:59)`,
        422,
        {
          value: text,
        },
      );
    return text;
  };
  const lang = (raw.lang ?? stored.lang).trim();
  if (!isLang(lang))
    throw new AppError('reach.bad_lang', `post language ${JSON.stringify(lang)} is unknown: expected ko or en`, 422, {
      value: lang,
    });
  const settings: PostSettings = {
    morningOn: raw.morningOn ?? stored.morningOn,
    morningAt: time(raw.morningAt, stored.morningAt, 'morning'),
    eveningOn: raw.eveningOn ?? stored.eveningOn,
    eveningAt: time(raw.eveningAt, stored.eveningAt, 'evening'),
    lang,
  };
  savePostSettings(db, group.id, settings);
  return settings;
}

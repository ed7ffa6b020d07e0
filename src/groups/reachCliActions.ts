import type { CliContext } from '../context.ts';
import { isDay } from '../day.ts';
import { AppError } from '../errors.ts';
import { silentLogger } from '../log.ts';
import { findGroup } from './groupAdmin.ts';
import { groupTimeZone, groupToday } from './groupDay.ts';
import { postSettingsOf } from './postSettingsRepository.ts';
import { addWebhook, clearWebhooks, setPostSettings, webhookViews, type RawPostSettings } from './webhookAdmin.ts';
import { notifyGroup } from './webhookDelivery.ts';
import { webhooksOf } from './webhookRepository.ts';

// The work behind `cote group set` and `cote group notify`, loaded only when one runs.

/**
 * `cote group set <name> [--webhook URL]… [--webhook ""] [--morning HH:MM|off] [--evening HH:MM|off] [--lang ko|en]`.
 * All or nothing: every value is checked before anything is saved. Prints the group's webhooks masked.
 */
export function groupSetCommand(
  ctx: CliContext,
  name: string,
  o: { webhook?: string[]; morning?: string; evening?: string; lang?: string },
): void {
  const db = ctx.db();
  const group = findGroup(db, name);
  if (!o.webhook && o.morning === undefined && o.evening === undefined && o.lang === undefined)
    throw new AppError('reach.nothing_to_set', 'nothing to set: give --webhook, --morning, --evening or --lang', 400);
  const raw: RawPostSettings = { lang: o.lang };
  for (const [which, value] of [
    ['morning', o.morning],
    ['evening', o.evening],
  ] as const) {
    if (value === undefined) continue;
    const off = value.trim().toLowerCase() === 'off';
    if (which === 'morning') Object.assign(raw, off ? { morningOn: false } : { morningOn: true, morningAt: value });
    else Object.assign(raw, off ? { eveningOn: false } : { eveningOn: true, eveningAt: value });
  }
  db.transaction(() => {
    for (const url of o.webhook ?? []) {
      if (url.trim() === '') clearWebhooks(db, group);
      else addWebhook(db, group, url, ctx.config.allowPrivateSources, ctx.now());
    }
    setPostSettings(db, group, raw);
  })();
  const s = postSettingsOf(db, group.id);
  const hooks = webhookViews(db, group.id);
  ctx.out(
    [
      `${group.name}: morning ${s.morningOn ? s.morningAt : 'off'}, evening ${s.eveningOn ? s.eveningAt : 'off'} (${groupTimeZone(db, group.id)}), posts in ${s.lang}`,
      ...(hooks.length === 0 ? ['no webhook'] : hooks.map((h) => `webhook ${h.id} ${h.kind.padEnd(7)} ${h.masked}`)),
    ].join('\n'),
  );
}

/**
 * `cote group notify <name> [--day D] [--evening] [--json]`: posts now and prints { sent, failed, skipped, errors };
 * exits non-zero (2) when a post failed.
 */
export async function groupNotifyCommand(
  ctx: CliContext,
  name: string,
  o: { day?: string; evening?: boolean; json?: boolean },
): Promise<void> {
  const db = ctx.db();
  const group = findGroup(db, name);
  if (o.day !== undefined && !isDay(o.day))
    throw new AppError('reach.bad_day', `--day ${JSON.stringify(o.day)} is not a date: use YYYY-MM-DD`, 400, {
      value: o.day,
    });
  if (webhooksOf(db, group.id).length === 0)
    throw new AppError('reach.no_webhooks', `group ${JSON.stringify(group.name)} has no webhook to post to`, 404, {
      group: group.name,
    });
  const now = ctx.now();
  const day = o.day ?? groupToday(db, group.id, now);
  const kind = o.evening ? 'evening' : 'morning';
  // The CLI says what happened on stdout: the warnings the job logs would repeat it.
  const summary = await notifyGroup({ db, config: ctx.config, logger: silentLogger }, group, day, kind, now);
  if (o.json) ctx.out(JSON.stringify(summary));
  else {
    ctx.out(
      `${group.name} · ${day} · ${kind}: sent ${summary.sent}, failed ${summary.failed}, skipped ${summary.skipped}`,
    );
    for (const e of summary.errors) ctx.out(`failed ${e.webhook}: ${e.error}`);
  }
  if (summary.failed > 0)
    throw new AppError('reach.notify_failed', `${summary.failed} post(s) failed: ${summary.errors[0].error}`, 502, {
      n: summary.failed,
      error: summary.errors[0].error,
    });
}

import net from 'node:net';
import { AppError } from '../errors.ts';
import { isPrivateAddress } from '../net/publicAddress.ts';

/** The shape a webhook is posted in. */
export type WebhookKind = 'discord' | 'slack' | 'generic';
export const WEBHOOK_KINDS: readonly WebhookKind[] = ['discord', 'slack', 'generic'];
export const MAX_WEBHOOK_URL = 500;

/**
 * The kind a URL's host and path say: Discord's `https://discord.com/api/webhooks/…` (also discordapp.com and the
 * ptb/canary hosts), Slack's `https://hooks.slack.com/services/…`, anything else generic JSON.
 */
export function recogniseWebhook(url: URL): WebhookKind {
  const host = url.hostname.toLowerCase();
  if (
    /^((ptb|canary)\.)?discord(app)?\.com$/.test(host) &&
    /^\/api(\/v\d+)?\/webhooks\/\d+\/[\w-]+\/?$/.test(url.pathname)
  )
    return 'discord';
  if (host === 'hooks.slack.com' && url.pathname.startsWith('/services/')) return 'slack';
  return 'generic';
}

export interface ParsedWebhook {
  url: string;
  kind: WebhookKind;
}

/**
 * Checks a webhook URL an admin typed. An optional `discord:`, `slack:` or `generic:` prefix names the shape for a
 * server that speaks another's (Mattermost and Rocket.Chat take Slack's, a self-hosted relay Discord's); without
 * it the URL's host decides (recogniseWebhook). Only https, except that a private or local address — refused unless
 * COTE_ALLOW_PRIVATE_SOURCES — may use plain http. Throws a 422 AppError naming what is wrong.
 */
export function parseWebhookUrl(raw: string, allowPrivate: boolean): ParsedWebhook {
  const text = raw.trim();
  const prefix = /^(discord|slack|generic):(?=https?:)/i.exec(text);
  const rest = prefix ? text.slice(prefix[0].length) : text;
  let url: URL;
  try {
    url = new URL(rest);
  } catch {
    return invalid(
      'bad_webhook',
      `${JSON.stringify(mask(text))} is not a URL: paste the webhook URL your chat app gave`,
    );
  }
  if (text.length > MAX_WEBHOOK_URL)
    invalid('webhook_too_long', `the webhook URL is longer than ${MAX_WEBHOOK_URL} characters`, {
      max: MAX_WEBHOOK_URL,
    });
  if (url.username || url.password) invalid('bad_webhook', 'a webhook URL may not carry a user name or password');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const local = (net.isIP(host) !== 0 && isPrivateAddress(host)) || /^localhost$|\.localhost$/i.test(host);
  if (local && !allowPrivate)
    invalid(
      'webhook_private',
      `${host} is a private or local address; an admin can allow such webhooks with COTE_ALLOW_PRIVATE_SOURCES=true`,
      { host },
    );
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    invalid('webhook_not_https', `a webhook URL must start with https:// (${url.protocol} given)`, {
      protocol: url.protocol,
    });
  url.hash = '';
  const kind = prefix ? (prefix[1].toLowerCase() as WebhookKind) : recogniseWebhook(url);
  return { url: url.toString(), kind };
}

/**
 * A webhook URL as pages and the CLI show it: scheme, host and the path's first part, the rest (the token) hidden.
 * `https://discord.com/api/webhooks/123/abc` → `https://discord.com/api/…`.
 */
export function mask(raw: string): string {
  try {
    const url = new URL(raw.replace(/^(discord|slack|generic):/i, ''));
    const first = url.pathname.split('/').filter(Boolean)[0];
    return `${url.protocol}//${url.host}/${first ? `${first}/` : ''}…`;
  } catch {
    return raw.length > 12 ? `${raw.slice(0, 8)}…` : '…';
  }
}

function invalid(code: string, message: string, params: Record<string, string | number> = {}): never {
  throw new AppError(`reach.${code}`, message, 422, params);
}

import net from 'node:net';
import type { Config } from '../config.ts';

/**
 * Whether the links an email carries (COTE_BASE_URL, else http://HOST:PORT) lead nowhere for a reader on another
 * machine: a wildcard address (0.0.0.0, ::) is no address to open, a loopback one (127.0.0.1, localhost, ::1) is the
 * reader's own computer. null when the host is a name or an address others can reach.
 */
export function emailLinkHostKind(baseUrl: string): 'wildcard' | 'loopback' | null {
  let host: string;
  try {
    host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
  if (host === '' || host === '0.0.0.0' || host === '::') return 'wildcard';
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return 'loopback';
  const v4 = host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host;
  if (net.isIPv4(v4) && v4.startsWith('127.')) return 'loopback';
  // The URL parser writes a mapped IPv4 address in hex: [::ffff:127.0.0.1] is [::ffff:7f00:1].
  const mapped = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(host);
  if (mapped && Number.parseInt(mapped[1], 16) >> 8 === 127) return 'loopback';
  return null;
}

/** The start-up warning (one log line, in English like every log line) when email links would lead nowhere. */
export function emailLinkWarning(config: Pick<Config, 'baseUrl'>): string | undefined {
  const kind = emailLinkHostKind(config.baseUrl);
  if (!kind) return undefined;
  return `emails will link ${config.baseUrl}/…, a ${kind === 'wildcard' ? 'wildcard' : 'loopback'} address no reader can open: set COTE_BASE_URL to the address learners use (e.g. https://cote.example.org)`;
}

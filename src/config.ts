import { isIP } from 'node:net';
import path from 'node:path';
import { AppError } from './errors.ts';

/** Every setting cote reads, in one table: environment name, default, parse and check. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** Where the default curated list is imported from: a base URL or a local directory laid out like the repository. */
  listSource: string;
  /** Import the default list on first start when the database has none. */
  autoImport: boolean;
  /** Public URL of this instance, used for links in emails. */
  baseUrl: string;
  /** smtp://user:pass@host:port; empty means digests are written as .eml files to data/outbox/. */
  smtpUrl: string;
  mailFrom: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** The site is reached over HTTPS (a TLS proxy in front): HSTS, upgrade-insecure-requests and a Secure cookie. */
  secureCookies: boolean;
  /** May a list URL entered on /lists reach loopback, link-local or private addresses? (COTE_LIST_SOURCE always may.) */
  allowPrivateSources: boolean;
  /** Express `trust proxy`: false, true, a hop count, or addresses/subnets of the proxies whose X-Forwarded-* to believe. */
  trustProxy: boolean | number | string;
  /** Requests a minute one address may make without being logged in (pages, the login form); 0: no limit. */
  anonymousRequestsPerMinute: number;
  /** Problem link templates per judge (COTE_LINK_<JUDGE>), e.g. a group's mirror; empty = the judge's own page. */
  linkBoj: string;
  linkProgrammers: string;
  linkLeetcode: string;
  linkCf: string;
  linkAtcoder: string;
  /** Codeforces' official API (issue 13's sync), or a mirror/test server answering the same paths. */
  codeforcesApi: string;
  /** Least time between two calls to the Codeforces API (its limit is one call per 2 s). */
  codeforcesGapMs: number;
  /** Least time between two webhook posts to one host (Discord and Slack limit bursts). */
  webhookGapMs: number;
  /** LeetCode's GraphQL endpoint, or a mirror/test server. */
  leetcodeGraphql: string;
  /** How long opening the database and each statement wait for another process's lock. */
  dbBusyTimeoutMs: number;
  /** An ISO instant the clock starts at (it then runs at normal speed), for tests and demos; empty: the real clock. */
  clockStart: string;
}

export const DEFAULT_LIST_SOURCE = 'https://raw.githubusercontent.com/tony9402/baekjoon/main/';

interface Setting<K extends keyof Config> {
  key: K;
  env: string;
  default: string;
  parse: (raw: string) => Config[K];
  description: string;
}

const text = (raw: string) => raw;
const bool = (raw: string) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error('expected true or false');
};
const port = (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('expected a port number 0–65535');
  return n;
};
const millis = (raw: string) => {
  const n = Number(raw);
  if (raw === '' || !Number.isInteger(n) || n < 0 || n > 600_000) throw new Error('expected milliseconds 0–600000');
  return n;
};
const perMinute = (raw: string) => {
  const n = Number(raw);
  if (raw === '' || !Number.isInteger(n) || n < 0 || n > 100_000) throw new Error('expected a count 0–100000');
  return n;
};
const instant = (raw: string) => {
  if (raw !== '' && Number.isNaN(Date.parse(raw))) throw new Error('expected an ISO instant like 2026-11-28T12:00:00Z');
  return raw;
};
const oneOf =
  <T extends string>(...values: T[]) =>
  (raw: string) => {
    if (!values.includes(raw as T)) throw new Error(`expected one of ${values.join(', ')}`);
    return raw as T;
  };
/** false | true | a hop count | comma-separated proxy addresses, subnets or the names loopback, linklocal, uniquelocal. */
const trustProxy = (raw: string): boolean | number | string => {
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  if (/^(true|yes|on)$/i.test(raw)) return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  for (const part of raw.split(',').map((p) => p.trim())) {
    const [address, prefix, ...rest] = part.split('/');
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(address) && prefix === undefined;
    const subnet =
      isIP(address) !== 0 &&
      rest.length === 0 &&
      (prefix === undefined || /^\d{1,3}$/.test(prefix) || isIP(prefix) === 4);
    if (!named && !subnet)
      throw new Error(`expected false, true, a hop count or proxy addresses/subnets, not ${JSON.stringify(part)}`);
  }
  return raw;
};
const url = (raw: string) => {
  if (raw === '') return raw;
  new URL(raw);
  return raw;
};

const httpUrl = (raw: string) => {
  if (!/^https?:\/\//i.test(raw)) throw new Error('expected an http(s) URL');
  new URL(raw);
  return raw.replace(/\/+$/, '');
};

/** Checks a COTE_LINK_<JUDGE> value: an http(s) URL with {id} (or {contest} and {index}) in it; empty keeps the default. */
export function parseLinkTemplate(raw: string): string {
  if (raw === '') return raw;
  if (!/^https?:\/\//i.test(raw)) throw new Error('expected an http(s) URL template');
  if (!/\{id\}|\{contest\}/.test(raw))
    throw new Error('expected {id} in the template, e.g. https://mirror.example/problem/{id}');
  new URL(raw.replace(/\{\w+\}/g, 'x'));
  return raw;
}

export const SETTINGS: Setting<keyof Config>[] = [
  { key: 'host', env: 'HOST', default: '127.0.0.1', parse: text, description: 'Address the web server listens on' },
  { key: 'port', env: 'PORT', default: '3000', parse: port, description: 'Port the web server listens on' },
  {
    key: 'dataDir',
    env: 'COTE_DATA_DIR',
    default: 'data',
    parse: (raw) => path.resolve(raw),
    description: 'Folder for the SQLite database, the outbox and the session secret',
  },
  {
    key: 'listSource',
    env: 'COTE_LIST_SOURCE',
    default: DEFAULT_LIST_SOURCE,
    parse: text,
    description: 'Base URL or local directory of the default curated list',
  },
  {
    key: 'autoImport',
    env: 'COTE_AUTO_IMPORT',
    default: 'true',
    parse: bool,
    description: 'Import the default list on first start',
  },
  {
    key: 'baseUrl',
    env: 'COTE_BASE_URL',
    default: '',
    parse: url,
    description: 'Public URL used in email links (default http://HOST:PORT)',
  },
  {
    key: 'smtpUrl',
    env: 'SMTP_URL',
    default: '',
    parse: url,
    description: 'SMTP server for digests; empty writes .eml files to data/outbox/',
  },
  {
    key: 'mailFrom',
    env: 'MAIL_FROM',
    default: 'cote <cote@localhost>',
    parse: text,
    description: 'From address of digests',
  },
  {
    key: 'logLevel',
    env: 'LOG_LEVEL',
    default: 'info',
    parse: oneOf('debug', 'info', 'warn', 'error', 'silent'),
    description: 'Log verbosity',
  },
  {
    key: 'allowPrivateSources',
    env: 'COTE_ALLOW_PRIVATE_SOURCES',
    default: 'false',
    parse: bool,
    description:
      'Let list URLs entered on /lists reach loopback, link-local and private addresses (COTE_LIST_SOURCE always may)',
  },
  {
    key: 'secureCookies',
    env: 'COTE_SECURE_COOKIES',
    default: 'false',
    parse: bool,
    description: 'The site is served over HTTPS: send HSTS and mark the session cookie Secure',
  },
  {
    key: 'trustProxy',
    env: 'COTE_TRUST_PROXY',
    default: 'false',
    parse: trustProxy,
    description: 'Believe X-Forwarded-Proto/-For from these proxies: false, true, a hop count or addresses/subnets',
  },
  {
    key: 'anonymousRequestsPerMinute',
    env: 'COTE_ANONYMOUS_REQUESTS_PER_MINUTE',
    default: '120',
    parse: perMinute,
    description:
      'Requests a minute one address may make before logging in (pages and forms; static files are free); 0: no limit',
  },
  {
    key: 'linkBoj',
    env: 'COTE_LINK_BOJ',
    default: '',
    parse: parseLinkTemplate,
    description: 'Baekjoon problem link template with {id} (a mirror)',
  },
  {
    key: 'linkProgrammers',
    env: 'COTE_LINK_PROGRAMMERS',
    default: '',
    parse: parseLinkTemplate,
    description: 'Programmers problem link template with {id}',
  },
  {
    key: 'linkLeetcode',
    env: 'COTE_LINK_LEETCODE',
    default: '',
    parse: parseLinkTemplate,
    description: 'LeetCode problem link template with {id}',
  },
  {
    key: 'linkCf',
    env: 'COTE_LINK_CF',
    default: '',
    parse: parseLinkTemplate,
    description: 'Codeforces problem link template with {contest} and {index} (or {id})',
  },
  {
    key: 'linkAtcoder',
    env: 'COTE_LINK_ATCODER',
    default: '',
    parse: parseLinkTemplate,
    description: 'AtCoder task link template with {contest} and {id}',
  },
  {
    key: 'codeforcesApi',
    env: 'COTE_CODEFORCES_API',
    default: 'https://codeforces.com/api',
    parse: httpUrl,
    description: 'Codeforces API base URL for syncing solves',
  },
  {
    key: 'codeforcesGapMs',
    env: 'COTE_CODEFORCES_GAP_MS',
    default: '2000',
    parse: millis,
    description: 'Least milliseconds between two calls to the Codeforces API (its limit is one call per 2 s)',
  },
  {
    key: 'webhookGapMs',
    env: 'COTE_WEBHOOK_GAP_MS',
    default: '250',
    parse: millis,
    description: 'Least milliseconds between two webhook posts to one host (Discord and Slack limit bursts)',
  },
  {
    key: 'leetcodeGraphql',
    env: 'COTE_LEETCODE_GRAPHQL',
    default: 'https://leetcode.com/graphql',
    parse: httpUrl,
    description: 'LeetCode GraphQL URL for syncing solves',
  },
  {
    key: 'clockStart',
    env: 'COTE_CLOCK_START',
    default: '',
    parse: instant,
    description: 'Start the clock at this instant (tests and demos); empty: the real clock',
  },
  {
    key: 'dbBusyTimeoutMs',
    env: 'COTE_DB_BUSY_TIMEOUT_MS',
    default: '5000',
    parse: millis,
    description: 'Milliseconds to wait for a database locked by another process',
  },
];

/** Reads every setting once; a bad value fails with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config: Partial<Record<keyof Config, unknown>> = {};
  for (const setting of SETTINGS) {
    const raw = env[setting.env] ?? setting.default;
    try {
      config[setting.key] = setting.parse(raw.trim());
    } catch (error) {
      throw new AppError(
        'config.invalid',
        `config: ${setting.env}=${JSON.stringify(raw)} is invalid: ${(error as Error).message}`,
        500,
      );
    }
  }
  const result = config as Config;
  if (result.baseUrl === '') result.baseUrl = `http://${result.host}:${result.port}`;
  return result;
}

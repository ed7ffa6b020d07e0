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
  /** Session cookie `secure` flag: set when served over HTTPS behind a proxy. */
  secureCookies: boolean;
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
const instant = (raw: string) => {
  if (raw !== '' && Number.isNaN(Date.parse(raw))) throw new Error('expected an ISO instant like 2026-11-28T12:00:00Z');
  return raw;
};
const oneOf = <T extends string>(...values: T[]) => (raw: string) => {
  if (!values.includes(raw as T)) throw new Error(`expected one of ${values.join(', ')}`);
  return raw as T;
};
const url = (raw: string) => {
  if (raw === '') return raw;
  new URL(raw);
  return raw;
};

export const SETTINGS: Setting<keyof Config>[] = [
  { key: 'host', env: 'HOST', default: '127.0.0.1', parse: text, description: 'Address the web server listens on' },
  { key: 'port', env: 'PORT', default: '3000', parse: port, description: 'Port the web server listens on' },
  { key: 'dataDir', env: 'COTE_DATA_DIR', default: 'data', parse: (raw) => path.resolve(raw), description: 'Folder for the SQLite database, the outbox and the session secret' },
  { key: 'listSource', env: 'COTE_LIST_SOURCE', default: DEFAULT_LIST_SOURCE, parse: text, description: 'Base URL or local directory of the default curated list' },
  { key: 'autoImport', env: 'COTE_AUTO_IMPORT', default: 'true', parse: bool, description: 'Import the default list on first start' },
  { key: 'baseUrl', env: 'COTE_BASE_URL', default: '', parse: url, description: 'Public URL used in email links (default http://HOST:PORT)' },
  { key: 'smtpUrl', env: 'SMTP_URL', default: '', parse: url, description: 'SMTP server for digests; empty writes .eml files to data/outbox/' },
  { key: 'mailFrom', env: 'MAIL_FROM', default: 'cote <cote@localhost>', parse: text, description: 'From address of digests' },
  { key: 'logLevel', env: 'LOG_LEVEL', default: 'info', parse: oneOf('debug', 'info', 'warn', 'error', 'silent'), description: 'Log verbosity' },
  { key: 'secureCookies', env: 'COTE_SECURE_COOKIES', default: 'false', parse: bool, description: 'Mark the session cookie Secure (HTTPS only)' },
  { key: 'clockStart', env: 'COTE_CLOCK_START', default: '', parse: instant, description: 'Start the clock at this instant (tests and demos); empty: the real clock' },
  { key: 'dbBusyTimeoutMs', env: 'COTE_DB_BUSY_TIMEOUT_MS', default: '5000', parse: millis, description: 'Milliseconds to wait for a database locked by another process' },
];

/** Reads every setting once; a bad value fails with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config: Partial<Record<keyof Config, unknown>> = {};
  for (const setting of SETTINGS) {
    const raw = env[setting.env] ?? setting.default;
    try {
      config[setting.key] = setting.parse(raw.trim());
    } catch (error) {
      throw new AppError('config.invalid', `config: ${setting.env}=${JSON.stringify(raw)} is invalid: ${(error as Error).message}`, 500);
    }
  }
  const result = config as Config;
  if (result.baseUrl === '') result.baseUrl = `http://${result.host}:${result.port}`;
  return result;
}

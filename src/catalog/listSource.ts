import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axios, { type AxiosInstance } from 'axios';
import { AppError } from '../errors.ts';
import { limiter } from './limit.ts';

/**
 * What a file should be, for error messages: the English line, and a dictionary key (with `type`) so pages can
 * say it in the reader's language.
 */
export interface Expected {
  text: string;
  key: string;
  type?: string;
}

/** The AppError params that name what was expected. */
function expectedParams(expected: Expected): Record<string, string> {
  return { expected: expected.text, expectedKey: expected.key, ...(expected.type ? { type: expected.type } : {}) };
}

/** Where a list's files come from: a base URL or a local directory laid out like the repository. */
export interface ListSource {
  /** The base URL (with a trailing slash) or the absolute directory. */
  readonly location: string;
  /** The URL or file path of a file inside the list, for messages. */
  describe(relPath: string): string;
  /**
   * The text of a file inside the list. `expected` says what it should be, for the error message.
   * An optional file that does not exist gives undefined; anything else that fails throws an AppError naming the URL/file.
   */
  read(relPath: string, expected: Expected, options?: { optional?: boolean }): Promise<string | undefined>;
}

export interface SourceOptions {
  timeoutMs?: number;
  concurrency?: number;
}

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; homepage?: string };
/** An honest User-Agent: who is asking, and where to read about it. */
export const USER_AGENT = pkg.homepage ? `cote/${pkg.version} (+${pkg.homepage})` : `cote/${pkg.version} (self-hosted coding-test planner)`;

/** http(s):// → fetched over HTTP; file:// or anything else → a local directory. */
export function openListSource(source: string, options: SourceOptions = {}): ListSource {
  const text = source.trim();
  if (text === '') throw new AppError('catalog.no_source', 'no list source given: expected a base URL or a directory', 400);
  if (/^https?:\/\//i.test(text)) return httpSource(text, options);
  return directorySource(/^file:\/\//i.test(text) ? fileURLToPath(text) : text);
}

function httpSource(base: string, { timeoutMs = 15_000, concurrency = 6 }: SourceOptions): ListSource {
  const location = base.endsWith('/') ? base : `${base}/`;
  try {
    new URL(location);
  } catch {
    throw new AppError('catalog.bad_source', `${base} is not a valid URL`, 400, { source: base });
  }
  const client: AxiosInstance = axios.create({
    timeout: timeoutMs,
    responseType: 'text',
    transformResponse: (data: unknown) => data,
    validateStatus: () => true,
    maxRedirects: 5,
    headers: { 'User-Agent': USER_AGENT, Accept: 'text/plain, text/markdown, application/json;q=0.9, */*;q=0.5' },
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: concurrency }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: concurrency }),
  });
  const limit = limiter(concurrency);
  const describe = (relPath: string) => new URL(relPath, location).toString();
  return {
    location,
    describe,
    read: (relPath, expected, options = {}) =>
      limit(async () => {
        const url = describe(relPath);
        let response;
        try {
          response = await client.get<string>(url);
        } catch (error) {
          throw fetchError(url, expected, error, timeoutMs);
        }
        if (response.status === 404 && options.optional) return undefined;
        if (response.status < 200 || response.status > 299) {
          throw new AppError('catalog.http_status', `GET ${url} answered ${response.status}; expected ${expected.text}`, 422, { url, status: response.status, ...expectedParams(expected) });
        }
        return typeof response.data === 'string' ? response.data : String(response.data ?? '');
      }),
  };
}

function fetchError(url: string, expected: Expected, error: unknown, timeoutMs: number): AppError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new AppError('catalog.timeout', `GET ${url} timed out after ${timeoutMs / 1000} s; expected ${expected.text}`, 422, { url, seconds: timeoutMs / 1000, ...expectedParams(expected) });
  }
  const reason = code || (error as Error).message;
  return new AppError('catalog.unreachable', `cannot reach ${url} (${reason}); expected ${expected.text}`, 422, { url, reason, ...expectedParams(expected) });
}

function directorySource(dir: string): ListSource {
  const location = path.resolve(dir);
  const describe = (relPath: string) => path.join(location, ...relPath.split('/'));
  return {
    location,
    describe,
    read: async (relPath, expected, options = {}) => {
      const file = describe(relPath);
      if (path.relative(location, file).startsWith('..')) {
        throw new AppError('catalog.outside_source', `${relPath} lies outside ${location}; expected ${expected.text}`, 422, { file, ...expectedParams(expected) });
      }
      try {
        return await fs.promises.readFile(file, 'utf8');
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ENOENT' && !fs.existsSync(location)) {
          throw new AppError('catalog.no_directory', `directory ${location} does not exist; expected a copy of the list (${expected.text})`, 422, { file: location, ...expectedParams(expected) });
        }
        if (code === 'ENOENT' && options.optional) return undefined;
        if (code === 'ENOENT') throw new AppError('catalog.file_missing', `${file} does not exist; expected ${expected.text}`, 422, { file, ...expectedParams(expected) });
        throw new AppError('catalog.file_unreadable', `cannot read ${file} (${code ?? (error as Error).message}); expected ${expected.text}`, 422, { file, ...expectedParams(expected) });
      }
    },
  };
}

/** Checks a source before a background import starts: a valid http(s) URL, or a directory that exists. */
export function checkSource(source: string): void {
  openListSource(source);
  if (/^https?:\/\//i.test(source.trim())) return;
  const dir = path.resolve(/^file:\/\//i.test(source.trim()) ? fileURLToPath(source.trim()) : source.trim());
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AppError('catalog.no_directory', `directory ${dir} does not exist`, 422, { file: dir });
  }
}

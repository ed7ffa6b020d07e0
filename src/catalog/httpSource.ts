import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import { AppError } from '../errors.ts';
import { limiter } from './limit.ts';
import { USER_AGENT, expectedParams, type CachedFile, type Expected, type ListSource, type SourceOptions } from './source.ts';

/**
 * A list on a web server (the raw-file host of a repository): one GET per file, at most `concurrency` at once, an
 * honest User-Agent, a timeout, and conditional requests for files cached from the previous import.
 */
export function httpSource(location: string, { timeoutMs = 15_000, concurrency = 6, cache = new Map() }: SourceOptions): ListSource {
  const client = axios.create({
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
  const fetched = new Map<string, CachedFile>();
  const describe = (relPath: string) => new URL(relPath, location).toString();
  return {
    location,
    describe,
    cacheable: () => [...fetched.values()],
    read: (relPath, expected, options = {}) =>
      limit(async () => {
        const url = describe(relPath);
        const cached = cache.get(relPath);
        const headers: Record<string, string> = {};
        if (cached?.etag) headers['If-None-Match'] = cached.etag;
        if (cached?.lastModified) headers['If-Modified-Since'] = cached.lastModified;
        let response;
        try {
          response = await client.get<string>(url, { headers });
        } catch (error) {
          throw fetchError(url, expected, error, timeoutMs);
        }
        if (response.status === 304 && cached) {
          fetched.set(relPath, cached);
          return cached.body;
        }
        if (response.status === 404 && options.optional) return undefined;
        if (response.status < 200 || response.status > 299) {
          throw new AppError('catalog.http_status', `GET ${url} answered ${response.status}; expected ${expected.text}`, 422, { url, status: response.status, ...expectedParams(expected) });
        }
        const body = typeof response.data === 'string' ? response.data : String(response.data ?? '');
        const etag = header(response.headers.etag);
        const lastModified = header(response.headers['last-modified']);
        if (etag || lastModified) fetched.set(relPath, { path: relPath, etag, lastModified, body });
        return body;
      }),
  };
}

function header(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function fetchError(url: string, expected: Expected, error: unknown, timeoutMs: number): AppError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new AppError('catalog.timeout', `GET ${url} timed out after ${timeoutMs / 1000} s; expected ${expected.text}`, 422, { url, seconds: timeoutMs / 1000, ...expectedParams(expected) });
  }
  const reason = code || (error as Error).message;
  return new AppError('catalog.unreachable', `cannot reach ${url} (${reason}); expected ${expected.text}`, 422, { url, reason, ...expectedParams(expected) });
}

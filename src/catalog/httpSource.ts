import { AppError } from '../errors.ts';
import { OutboundError, send, type OutboundAnswer } from '../net/outbound.ts';
import { decodeUtf8 } from '../text/utf8.ts';
import { limiter } from './limit.ts';
import {
  FILE_TIMEOUT_MS,
  IMPORT_DEADLINE_MS,
  MAX_PAGE_BYTES,
  MAX_REDIRECTS,
  expectedParams,
  isListPath,
  type CachedFile,
  type Expected,
  type ListSource,
  type SourceOptions,
} from './source.ts';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A list on a web server (the raw-file host of a repository): one GET per file, at most `concurrency` at once, an
 * honest User-Agent, conditional requests for files cached from the previous import, and limits that hold whatever
 * the server does: each file must arrive whole within `timeoutMs` and the import within `deadlineMs` (however slowly
 * the bytes trickle in), no file may exceed its byte cap, redirects stay on the same host, and without
 * `allowPrivate` no connection reaches a private or local address (checked when connecting, so DNS rebinding does
 * not get around it).
 */
export function httpSource(location: string, options: SourceOptions): ListSource {
  const {
    timeoutMs = FILE_TIMEOUT_MS,
    deadlineMs = IMPORT_DEADLINE_MS,
    allowPrivate = true,
    concurrency = 6,
    cache = new Map(),
  } = options;
  const limit = limiter(concurrency);
  const deadline = AbortSignal.timeout(deadlineMs);
  const closed = new AbortController();
  const fetched = new Map<string, CachedFile>();
  const base = new URL(location).href;
  // Each path segment is taken literally (percent-encoded); a query after '?' (a single file's URL) is kept as it is.
  const describe = (relPath: string) => {
    const q = relPath.indexOf('?');
    const pathPart = q < 0 ? relPath : relPath.slice(0, q);
    return new URL(pathPart.split('/').map(encodeURIComponent).join('/') + (q < 0 ? '' : relPath.slice(q)), base).href;
  };

  /** GET `url`, following at most MAX_REDIRECTS redirects on the same host; the final URL and the answer. */
  async function get(
    url: string,
    headers: Record<string, string>,
    signal: AbortSignal,
    maxBytes: number,
    expected: Expected,
  ) {
    let at = new URL(url);
    for (let hop = 0; ; hop++) {
      const response = await send({
        url: at.href,
        headers: { Accept: 'text/plain, text/markdown, application/json;q=0.9, */*;q=0.5', ...headers },
        signal,
        timeoutMs,
        maxBytes,
        parallel: concurrency,
        allowPrivate,
      });
      const target = typeof response.headers.location === 'string' ? response.headers.location : '';
      if (!REDIRECTS.has(response.status) || target === '') return { response, at: at.toString() };
      const next = new URL(target, at);
      if (next.host !== at.host || (next.protocol !== at.protocol && next.protocol !== 'https:')) {
        throw new AppError(
          'catalog.redirect_elsewhere',
          `GET ${url} redirects to ${next.origin}, another host (not followed); expected ${expected.text}`,
          422,
          { url, target: next.origin, ...expectedParams(expected) },
        );
      }
      if (hop >= MAX_REDIRECTS) {
        throw new AppError(
          'catalog.too_many_redirects',
          `GET ${url} redirects more than ${MAX_REDIRECTS} times; expected ${expected.text}`,
          422,
          { url, count: MAX_REDIRECTS, ...expectedParams(expected) },
        );
      }
      at = next;
    }
  }

  return {
    location,
    describe,
    cacheable: () => [...fetched.values()],
    close: () => {
      closed.abort(new Error('the import stopped'));
    },
    read: (relPath, expected, options = {}) =>
      limit(async () => {
        const url = describe(relPath);
        if (!isListPath(relPath) || !url.startsWith(base)) {
          throw new AppError(
            'catalog.outside_source',
            `${relPath} lies outside ${location}; expected ${expected.text}`,
            422,
            { file: relPath, ...expectedParams(expected) },
          );
        }
        const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
        const cached = cache.get(relPath);
        const headers: Record<string, string> = {};
        if (cached?.etag) headers['If-None-Match'] = cached.etag;
        if (cached?.lastModified) headers['If-Modified-Since'] = cached.lastModified;
        const signal = AbortSignal.any([deadline, closed.signal, AbortSignal.timeout(timeoutMs)]);
        let answer: { response: OutboundAnswer; at: string };
        try {
          if (signal.aborted) throw signal.reason;
          answer = await get(url, headers, signal, maxBytes, expected);
        } catch (error) {
          if (error instanceof AppError) throw error;
          throw fetchError(url, expected, error, {
            signal,
            deadline,
            closed: closed.signal,
            timeoutMs,
            deadlineMs,
            maxBytes,
            location,
          });
        }
        const { response, at } = answer;
        if (response.status === 304 && cached) {
          fetched.set(relPath, cached);
          return cached.body;
        }
        if (response.status === 404 && options.optional) return undefined;
        if (response.status < 200 || response.status > 299) {
          throw new AppError(
            'catalog.http_status',
            `GET ${url} answered ${response.status}; expected ${expected.text}`,
            422,
            { url, status: response.status, ...expectedParams(expected) },
          );
        }
        const decoded = decodeUtf8(response.body);
        if ('badLine' in decoded) {
          const where = at === url ? url : `${url} (from ${at})`;
          throw new AppError(
            'catalog.not_utf8',
            `${where} is not UTF-8 text (line ${decoded.badLine}); expected ${expected.text}`,
            422,
            { file: url, line: decoded.badLine, ...expectedParams(expected) },
          );
        }
        const etag = header(response.headers.etag);
        const lastModified = header(response.headers['last-modified']);
        if (etag || lastModified) fetched.set(relPath, { path: relPath, etag, lastModified, body: decoded.text });
        return decoded.text;
      }),
  };
}

function header(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function privateAddress(url: string, host: string, address: string, expected: Expected): AppError {
  return new AppError(
    'catalog.private_address',
    `${url}: ${host} is ${address}, a private or local address; an admin can allow such sources with COTE_ALLOW_PRIVATE_SOURCES=true; expected ${expected.text}`,
    422,
    { url, host, address, ...expectedParams(expected) },
  );
}

interface Limits {
  signal: AbortSignal;
  deadline: AbortSignal;
  closed: AbortSignal;
  timeoutMs: number;
  deadlineMs: number;
  maxBytes: number;
  location: string;
}

function fetchError(url: string, expected: Expected, error: unknown, limits: Limits): AppError {
  if (!(error instanceof OutboundError)) throw error;
  if (limits.closed.aborted) {
    return new AppError(
      'catalog.unreachable',
      `GET ${url} was stopped: the import ended; expected ${expected.text}`,
      422,
      { url, reason: 'stopped', ...expectedParams(expected) },
    );
  }
  if (limits.deadline.aborted) {
    const seconds = limits.deadlineMs / 1000;
    return new AppError(
      'catalog.import_timeout',
      `the import from ${limits.location} did not finish within ${seconds} s (stopped at ${url}); expected ${expected.text}`,
      422,
      { url, source: limits.location, seconds, ...expectedParams(expected) },
    );
  }
  if (limits.signal.aborted || error.kind === 'timeout' || error.kind === 'aborted') {
    return new AppError(
      'catalog.timeout',
      `GET ${url} timed out after ${limits.timeoutMs / 1000} s; expected ${expected.text}`,
      422,
      { url, seconds: limits.timeoutMs / 1000, ...expectedParams(expected) },
    );
  }
  if (error.kind === 'too_large') {
    const megabytes = Math.round((limits.maxBytes / 1024 / 1024) * 10) / 10;
    return new AppError(
      'catalog.too_large',
      `GET ${url} sent more than ${megabytes} MB (the limit for this file); expected ${expected.text}`,
      413,
      { file: url, megabytes, ...expectedParams(expected) },
    );
  }
  if (error.kind === 'private') return privateAddress(url, new URL(url).hostname, error.reason, expected);
  const reason = error.reason;
  return new AppError('catalog.unreachable', `cannot reach ${url} (${reason}); expected ${expected.text}`, 422, {
    url,
    reason,
    ...expectedParams(expected),
  });
}

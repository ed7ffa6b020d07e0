import http from 'node:http';
import https from 'node:https';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { AppError } from '../errors.ts';
import { USER_AGENT } from '../catalog/source.ts';

// Polite HTTP for the sync adapters: one queue per host (a call starts only when the host's previous call has
// ended and `gapMs` has passed since), an honest User-Agent, a deadline and a byte cap per call, and backoff on 429,
// 5xx and answers the adapter calls "slow down" (Codeforces' `Call limit exceeded`), honouring Retry-After.

/** One call: the whole answer must arrive within this (not an idle timeout). */
export const CALL_TIMEOUT_MS = 20_000;
/** The most bytes one answer may have. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
/** Tries after the first one for an answer that asks to slow down. */
export const RETRIES = 3;
/** The first backoff; each further one doubles, up to MAX_BACKOFF_MS. */
export const BACKOFF_MS = 4_000;
export const MAX_BACKOFF_MS = 60_000;

interface Queue {
  tail: Promise<void>;
  lastEnd: number;
}

// One map per process, kept under a registered symbol: a command's code is imported lazily and a test runner may load
// this module twice, and two copies must still share each host's queue.
const QUEUES = Symbol.for('cote.sync.hostQueues');
const registry = globalThis as unknown as Record<symbol, Map<string, Queue> | undefined>;
registry[QUEUES] ??= new Map();
const queues: Map<string, Queue> = registry[QUEUES];

/** Runs `work` in `host`'s queue: after every earlier call to the host has ended, and `gapMs` after the last one. */
export function inHostQueue<T>(host: string, gapMs: number, work: () => Promise<T>): Promise<T> {
  const queue = queues.get(host) ?? { tail: Promise.resolve(), lastEnd: 0 };
  queues.set(host, queue);
  const run = queue.tail.then(async () => {
    const wait = queue.lastEnd + gapMs - Date.now();
    if (wait > 0) await sleep(wait);
    try {
      return await work();
    } finally {
      queue.lastEnd = Date.now();
    }
  });
  queue.tail = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

export interface PoliteRequest {
  /** For messages: 'Codeforces', 'LeetCode'. */
  sourceName: string;
  method: 'GET' | 'POST';
  url: string;
  body?: string;
  headers?: Record<string, string>;
  /** The least time between two calls to the host. */
  gapMs: number;
  timeoutMs?: number;
  maxBytes?: number;
  retries?: number;
  backoffMs?: number;
  /** Ends every try at once (the sync's own deadline). */
  signal?: AbortSignal;
  /** An answer with status 200 that still means "too fast" (Codeforces puts it in the JSON). */
  slowDown?: (answer: Answer) => boolean;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

let client: Promise<AxiosInstance> | undefined;

/** The HTTP client, made on the first call: axios (~20 MB) is loaded only by a process that syncs. */
function httpClient(): Promise<AxiosInstance> {
  const agentOptions = { keepAlive: false };
  client ??= import('axios').then(({ default: axios }) =>
    axios.create({
      responseType: 'arraybuffer',
      transformResponse: (data: unknown) => data,
      validateStatus: () => true,
      maxRedirects: 0,
      httpAgent: new http.Agent(agentOptions),
      httpsAgent: new https.Agent(agentOptions),
    }),
  );
  return client;
}

/**
 * Sends one request through the host's queue, retrying with exponential backoff (or the server's Retry-After, capped)
 * while the answer is 429, 5xx or `slowDown`; the last such answer is returned for the adapter to word. A timeout, an
 * oversized answer or an unreachable host is an AppError naming the source.
 */
export async function politeRequest(req: PoliteRequest): Promise<Answer> {
  const { retries = RETRIES, backoffMs = BACKOFF_MS } = req;
  const host = new URL(req.url).host;
  for (let attempt = 0; ; attempt++) {
    const { answer, retryAfter } = await inHostQueue(host, req.gapMs, () => once(req));
    const slow = answer.status === 429 || answer.status >= 500 || (req.slowDown?.(answer) ?? false);
    if (!slow || attempt >= retries) return answer;
    const delay = Math.min(MAX_BACKOFF_MS, Math.max(retryAfter ?? 0, backoffMs * 2 ** attempt));
    await sleep(delay, req.signal);
  }
}

async function once(req: PoliteRequest): Promise<{ answer: Answer; retryAfter?: number }> {
  const timeoutMs = req.timeoutMs ?? CALL_TIMEOUT_MS;
  const maxBytes = req.maxBytes ?? MAX_ANSWER_BYTES;
  const signals = [AbortSignal.timeout(timeoutMs), ...(req.signal ? [req.signal] : [])];
  let response: AxiosResponse<Buffer>;
  try {
    if (req.signal?.aborted) throw req.signal.reason;
    response = await (await httpClient()).request({
      method: req.method,
      url: req.url,
      data: req.body,
      headers: { 'User-Agent': USER_AGENT, Accept: 'application/json', ...req.headers },
      signal: AbortSignal.any(signals),
      maxContentLength: maxBytes,
      maxBodyLength: 1024 * 1024,
    });
  } catch (error) {
    throw callError(req, error, timeoutMs, maxBytes);
  }
  const retryAfter = Number(response.headers['retry-after']);
  return {
    answer: {
      status: response.status,
      contentType: String(response.headers['content-type'] ?? ''),
      text: Buffer.from(response.data ?? []).toString('utf8'),
    },
    retryAfter: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
  };
}

function callError(req: PoliteRequest, error: unknown, timeoutMs: number, maxBytes: number): AppError {
  const code = (error as { code?: string }).code ?? '';
  const source = req.sourceName;
  if (/maxContentLength/.test((error as Error).message ?? '')) {
    const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
    return new AppError('sync.too_large', `${source} sent more than ${megabytes} MB in one answer`, 502, {
      source,
      megabytes,
    });
  }
  if (req.signal?.aborted)
    return new AppError('sync.deadline', `${source} did not finish in time: the sync stopped`, 504, { source });
  if (
    code === 'ECONNABORTED' ||
    code === 'ETIMEDOUT' ||
    code === 'ERR_CANCELED' ||
    (error as Error).name === 'TimeoutError'
  ) {
    return new AppError('sync.timeout', `${source} did not answer within ${timeoutMs / 1000} s`, 504, {
      source,
      seconds: timeoutMs / 1000,
    });
  }
  const reason = code || (error as Error).message;
  return new AppError('sync.unreachable', `cannot reach ${source} (${reason})`, 502, { source, reason });
}

/** Parses an answer that should be JSON; an HTML page (a challenge, an error page) or broken JSON is a clear error. */
export function jsonOf(source: string, answer: Answer): unknown {
  const text = answer.text.trimStart();
  if (/^</.test(text) || /text\/html/i.test(answer.contentType)) {
    return fail('sync.html_answer', `${source} answered with an HTML page (status ${answer.status}), not JSON`, {
      source,
      status: answer.status,
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    return fail('sync.bad_json', `${source} answered with malformed JSON (status ${answer.status})`, {
      source,
      status: answer.status,
    });
  }
}

/** Does the answer start like a JSON object or array? (An error status with JSON may still say why: FAILED, errors.) */
export function looksLikeJson(answer: Answer): boolean {
  return /^\s*[[{]/.test(answer.text);
}

/** An answer whose status is not 2xx, after the retries. */
export function statusError(source: string, answer: Answer): AppError {
  return new AppError('sync.http_status', `${source} answered HTTP ${answer.status}`, 502, {
    source,
    status: answer.status,
  });
}

function fail(code: string, message: string, params: Record<string, string | number>): never {
  throw new AppError(code, message, 502, params);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

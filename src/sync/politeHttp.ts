import { AppError } from '../errors.ts';
import { OutboundError, send } from '../net/outbound.ts';

// Polite HTTP for the sync adapters, over the one outbound client (src/net/outbound.ts): one queue per host with a
// gap between calls, an honest User-Agent, a deadline and a byte cap per call, and backoff on 429, 5xx and answers
// the adapter calls "slow down" (Codeforces' `Call limit exceeded`), honouring Retry-After. Errors are worded here.

/** One call: the whole answer must arrive within this (not an idle timeout). */
export const CALL_TIMEOUT_MS = 20_000;
/** The most bytes one answer may have. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
/** Tries after the first one for an answer that asks to slow down. */
export const RETRIES = 3;
/** The first backoff; each further one doubles (the client caps it). */
export const BACKOFF_MS = 4_000;

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

const answerOf = (a: { status: number; headers: Record<string, string>; body: Buffer }): Answer => ({
  status: a.status,
  contentType: a.headers['content-type'] ?? '',
  text: a.body.toString('utf8'),
});

/**
 * Sends one request through the host's queue, retrying with exponential backoff (or the server's Retry-After, capped)
 * while the answer is 429, 5xx or `slowDown`; the last such answer is returned for the adapter to word. A timeout, an
 * oversized answer or an unreachable host is an AppError naming the source.
 */
export async function politeRequest(req: PoliteRequest): Promise<Answer> {
  const timeoutMs = req.timeoutMs ?? CALL_TIMEOUT_MS;
  const maxBytes = req.maxBytes ?? MAX_ANSWER_BYTES;
  try {
    return answerOf(
      await send({
        url: req.url,
        method: req.method,
        body: req.body,
        headers: { Accept: 'application/json', ...req.headers },
        gapMs: req.gapMs,
        timeoutMs,
        maxBytes,
        signal: req.signal,
        retries: req.retries ?? RETRIES,
        backoffMs: req.backoffMs ?? BACKOFF_MS,
        retryWhen: req.slowDown ? (a) => req.slowDown!(answerOf(a)) : undefined,
      }),
    );
  } catch (error) {
    throw callError(req.sourceName, error, timeoutMs, maxBytes);
  }
}

function callError(source: string, error: unknown, timeoutMs: number, maxBytes: number): AppError {
  if (!(error instanceof OutboundError)) throw error;
  switch (error.kind) {
    case 'too_large': {
      const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
      return new AppError('sync.too_large', `${source} sent more than ${megabytes} MB in one answer`, 502, {
        source,
        megabytes,
      });
    }
    case 'aborted':
      return new AppError('sync.deadline', `${source} did not finish in time: the sync stopped`, 504, { source });
    case 'timeout':
      return new AppError('sync.timeout', `${source} did not answer within ${timeoutMs / 1000} s`, 504, {
        source,
        seconds: timeoutMs / 1000,
      });
    default:
      return new AppError('sync.unreachable', `cannot reach ${source} (${error.reason || error.kind})`, 502, {
        source,
        reason: error.reason || error.kind,
      });
  }
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

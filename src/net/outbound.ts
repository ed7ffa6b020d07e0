import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Readable } from 'node:stream';
import { isPrivateAddress, PrivateAddressError, publicOnlyLookup } from './publicAddress.ts';

/**
 * The one outbound HTTP client (lists, sync, webhooks). One call to `send` is one logical request:
 *   - a deadline for the whole answer (`timeoutMs`, not an idle timeout), and the caller's `signal` on top;
 *   - a byte cap on the body after decompression (`maxBytes`), checked while it streams in;
 *   - one queue per host: at most `parallel` calls to a host at once, and `gapMs` between the end of one call and the
 *     start of the next (a queue keeps the largest gap and parallelism any caller asked for);
 *   - retries with exponential backoff on 429, 5xx or `retryWhen(answer)`, waiting at least the server's Retry-After
 *     (seconds or an HTTP date), at most MAX_BACKOFF_MS; the last answer is returned when the tries run out;
 *   - an honest User-Agent; redirects are never followed (the caller decides);
 *   - with `allowPrivate: false` no connection reaches a private or local address (checked when connecting).
 * Failures are an OutboundError whose `kind` says which limit or problem it was; the caller words it.
 */

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  homepage?: string;
};
/** Who is asking, and where to read about it. */
export const USER_AGENT = pkg.homepage
  ? `cote/${pkg.version} (+${pkg.homepage})`
  : `cote/${pkg.version} (self-hosted coding-test planner)`;

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
export const DEFAULT_BACKOFF_MS = 4_000;
export const MAX_BACKOFF_MS = 60_000;

export interface OutboundRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The whole answer must arrive within this (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
  /** The most body bytes after decompression (default DEFAULT_MAX_BYTES). */
  maxBytes?: number;
  /** Ends the call (and any wait) at once. */
  signal?: AbortSignal;
  /** Least time between two calls to the host (default 0). */
  gapMs?: number;
  /** Calls to the host at once (default 1). */
  parallel?: number;
  /** Tries after the first for an answer that says "slow down" (default 0). */
  retries?: number;
  /** The first backoff; doubled on each further try (default DEFAULT_BACKOFF_MS). */
  backoffMs?: number;
  /** A 2xx answer that still means "too fast" (Codeforces says it in the JSON). */
  retryWhen?: (answer: OutboundAnswer) => boolean;
  /** Default true; false refuses private and local addresses, literal or resolved. */
  allowPrivate?: boolean;
}

export interface OutboundAnswer {
  status: number;
  /** Header names in lower case; repeated headers joined with ', '. */
  headers: Record<string, string>;
  body: Buffer;
}

export type OutboundFailure = 'timeout' | 'aborted' | 'too_large' | 'private' | 'unreachable';

export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundFailure,
    readonly url: string,
    /** The system code (ECONNREFUSED…) or the refused address, when there is one. */
    readonly reason: string,
    readonly limit?: number,
  ) {
    super(`${kind}: ${url}${reason ? ` (${reason})` : ''}`);
    this.name = 'OutboundError';
  }
}

/** Sends `req` through its host's queue, retrying as described above. */
export async function send(req: OutboundRequest): Promise<OutboundAnswer> {
  const { retries = 0, backoffMs = DEFAULT_BACKOFF_MS } = req;
  const url = new URL(req.url);
  for (let attempt = 0; ; attempt++) {
    const answer = await inHostQueue(url.host, req, () => once(url, req));
    const slow = answer.status === 429 || answer.status >= 500 || (req.retryWhen?.(answer) ?? false);
    if (!slow || attempt >= retries) return answer;
    const asked = retryAfterMs(answer.headers['retry-after'], new Date()) ?? 0;
    await sleep(Math.min(MAX_BACKOFF_MS, Math.max(asked, backoffMs * 2 ** attempt)), req.signal, req.url);
  }
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date (a past date is 0); undefined if unreadable. */
export function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

interface HostQueue {
  active: number;
  waiting: (() => void)[];
  lastEnd: number;
  gapMs: number;
  parallel: number;
}

const queues = new Map<string, HostQueue>();

async function inHostQueue<T>(host: string, req: OutboundRequest, work: () => Promise<T>): Promise<T> {
  const queue = queues.get(host) ?? { active: 0, waiting: [], lastEnd: 0, gapMs: 0, parallel: 1 };
  queues.set(host, queue);
  queue.gapMs = Math.max(queue.gapMs, req.gapMs ?? 0);
  queue.parallel = Math.max(queue.parallel, req.parallel ?? 1);
  while (queue.active >= queue.parallel) await new Promise<void>((resolve) => queue.waiting.push(resolve));
  queue.active++;
  try {
    const wait = queue.lastEnd + queue.gapMs - Date.now();
    if (wait > 0) await sleep(wait, req.signal, req.url);
    return await work();
  } finally {
    queue.active--;
    queue.lastEnd = Date.now();
    queue.waiting.shift()?.();
    if (queue.active === 0 && queue.waiting.length === 0 && queue.gapMs === 0) queues.delete(host);
  }
}

const agents = {
  open: { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) },
  publicOnly: {
    http: new http.Agent({ keepAlive: true, lookup: publicOnlyLookup }),
    https: new https.Agent({ keepAlive: true, lookup: publicOnlyLookup }),
  },
};

/**
 * One try through axios (the project's HTTP client): its decompression and agents, our deadline, byte cap and
 * private-address rule. Redirects are not followed and every status is an answer; failures become OutboundErrors.
 */
async function once(url: URL, req: OutboundRequest): Promise<OutboundAnswer> {
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
  const allowPrivate = req.allowPrivate ?? true;
  const href = url.href;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // Sockets skip `lookup` for an IP literal: check it here.
  if (!allowPrivate && net.isIP(host) && isPrivateAddress(host)) throw new OutboundError('private', href, host);
  if (req.signal?.aborted) throw new OutboundError('aborted', href, '');
  const pool = allowPrivate ? agents.open : agents.publicOnly;
  const controller = new AbortController();
  let failure: OutboundError | undefined;
  const fail = (error: OutboundError) => {
    failure ??= error;
    controller.abort();
  };
  const timer = setTimeout(() => fail(new OutboundError('timeout', href, '', timeoutMs)), timeoutMs);
  const onAbort = () => fail(new OutboundError('aborted', href, ''));
  req.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const { default: axios } = await import('axios');
    const response = await axios.request<Readable>({
      url: href,
      method: req.method ?? 'GET',
      headers: { 'User-Agent': USER_AGENT, 'Accept-Encoding': 'gzip, deflate, br', ...req.headers },
      data: req.body,
      responseType: 'stream',
      decompress: true,
      maxRedirects: 0,
      proxy: false,
      validateStatus: () => true,
      httpAgent: pool.http,
      httpsAgent: pool.https,
      signal: controller.signal,
    });
    const declared = Number(response.headers['content-length']);
    if (declared > maxBytes) {
      response.data.destroy();
      throw new OutboundError('too_large', href, '', maxBytes);
    }
    const body = await readCapped(response.data, maxBytes, href);
    return { status: response.status, headers: flat(response.headers as Record<string, unknown>), body };
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof OutboundError) throw error;
    throw unreachable(error, href);
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
}

/** The body, decompressed, refused past `maxBytes` while it streams in. */
function readCapped(stream: Readable, maxBytes: number, href: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        stream.destroy();
        reject(new OutboundError('too_large', href, '', maxBytes));
      } else chunks.push(chunk);
    });
    stream.on('error', (error) => reject(unreachable(error, href)));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** A connection that failed: refused as private (the lookup's error), or unreachable with its system code. */
function unreachable(error: unknown, href: string): OutboundError {
  const cause = (error as { cause?: unknown })?.cause;
  const refused = [error, cause].find((e) => e instanceof PrivateAddressError) as PrivateAddressError | undefined;
  if (refused || (error as NodeJS.ErrnoException)?.code === 'EPRIVATEADDRESS')
    return new OutboundError('private', href, refused?.address ?? '');
  const e = error as NodeJS.ErrnoException;
  return new OutboundError('unreachable', href, e?.code ?? e?.message ?? String(error));
}

function flat(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && value !== null)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  return out;
}

function sleep(ms: number, signal: AbortSignal | undefined, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new OutboundError('aborted', url, ''));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new OutboundError('aborted', url, ''));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

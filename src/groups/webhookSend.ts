import net from 'node:net';
import { isPrivateAddress } from '../net/publicAddress.ts';
import { OutboundError, retryAfterMs as headerRetryAfterMs, send } from '../net/outbound.ts';

// One webhook POST through the shared outbound client (src/net/outbound.ts: one queue per host, a deadline for the
// whole answer, a byte cap, no redirects, private addresses refused when connecting unless allowed), and a 429
// answered by waiting what the receiver asks — Discord's JSON `retry_after`, else the Retry-After header (seconds or
// a date) — then trying again, a few times (the client's own backoff does not read Discord's JSON). Nothing else is
// retried here: the caller records the outcome and the delivery job decides (webhookDelivery.ts).

export const POST_TIMEOUT_MS = 10_000;
/** Of an answer: an error text is all cote keeps of it. */
export const MAX_ANSWER_BYTES = 64 * 1024;
/** Tries after a 429. */
export const RATE_LIMIT_RETRIES = 3;
/** A 429 asking for longer than this is not waited for in the request: the post is retried later instead. */
export const MAX_RATE_LIMIT_WAIT_MS = 30_000;

export type PostOutcome =
  | { ok: true; status: number }
  /** `retry`: worth trying later (429, 5xx, unreachable); else the receiver refused it for good (404 deleted webhook). */
  | { ok: false; retry: boolean; error: string };

export interface SendOptions {
  allowPrivate: boolean;
  /** Least time between two calls to one host (COTE_WEBHOOK_GAP_MS, 250 ms by default). */
  gapMs: number;
  timeoutMs?: number;
  /** Waits between 429 retries go through here (tests count them). */
  sleep?: (ms: number) => Promise<void>;
}

export async function sendWebhook(url: string, body: unknown, options: SendOptions): Promise<PostOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // Sockets skip `lookup` for IP literals: those are checked here.
  if (!options.allowPrivate && net.isIP(host) && isPrivateAddress(host))
    return { ok: false, retry: false, error: `${host} is a private or local address` };
  const payload = JSON.stringify(body);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    let answer: Answer;
    try {
      answer = await post(target, payload, options);
    } catch (error) {
      const message = (error as Error).message;
      return { ok: false, retry: !message.includes('private or local address'), error: message };
    }
    if (answer.status >= 200 && answer.status < 300) return { ok: true, status: answer.status };
    const said = describe(answer);
    if (answer.status !== 429) return { ok: false, retry: answer.status >= 500, error: said };
    const wait = retryAfterMs(answer);
    if (attempt >= RATE_LIMIT_RETRIES || wait > MAX_RATE_LIMIT_WAIT_MS) return { ok: false, retry: true, error: said };
    await sleep(wait);
  }
}

interface Answer {
  status: number;
  text: string;
  retryAfter: string | undefined;
}

/** Discord's JSON `retry_after` (seconds, fractional), else the Retry-After header (seconds or a date), else one second. */
export function retryAfterMs(answer: { text: string; retryAfter: string | undefined }): number {
  try {
    const json = JSON.parse(answer.text) as { retry_after?: unknown };
    if (typeof json.retry_after === 'number' && json.retry_after >= 0) return Math.ceil(json.retry_after * 1000);
  } catch {
    // not JSON: the header says it, if anything does
  }
  return headerRetryAfterMs(answer.retryAfter, new Date()) ?? 1000;
}

/** "HTTP 404: Unknown Webhook" — the status and the start of what the receiver said (Discord's `message`). */
function describe(answer: Answer): string {
  let detail = answer.text.trim();
  try {
    const json = JSON.parse(detail) as { message?: unknown; error?: unknown };
    if (typeof json.message === 'string') detail = json.message;
    else if (typeof json.error === 'string') detail = json.error;
  } catch {
    // plain text (Slack says `no_service`, `invalid_token`)
  }
  // The receiver's words reach a terminal and a page: one line, no control characters, bounded.
  detail = [...detail.replace(/\s+/g, ' ').replace(/\p{Cc}/gu, '')].slice(0, 200).join('');
  return `HTTP ${answer.status}${detail ? `: ${detail}` : ''}`;
}

async function post(url: URL, payload: string, options: SendOptions): Promise<Answer> {
  const timeoutMs = options.timeoutMs ?? POST_TIMEOUT_MS;
  try {
    const answer = await send({
      url: url.href,
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: payload,
      timeoutMs,
      maxBytes: MAX_ANSWER_BYTES,
      gapMs: options.gapMs,
      retries: 0,
      allowPrivate: options.allowPrivate,
    });
    return { status: answer.status, text: answer.body.toString('utf8'), retryAfter: answer.headers['retry-after'] };
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    if (error.kind === 'private')
      throw new Error(`${url.hostname} resolves to ${error.reason}, a private or local address`);
    if (error.kind === 'timeout') throw new Error(`no answer within ${timeoutMs / 1000} s`);
    if (error.kind === 'too_large') throw new Error(`the answer was larger than ${MAX_ANSWER_BYTES / 1024} KB`);
    throw new Error(`cannot reach ${url.host} (${error.reason})`);
  }
}

import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { USER_AGENT } from '../catalog/source.ts';
import { isPrivateAddress, publicOnlyLookup } from '../catalog/publicAddress.ts';
import { inHostQueue } from '../sync/politeHttp.ts';

// One webhook POST, politely: through the host's queue of src/sync/politeHttp.ts (one call at a time per host), a
// deadline for the whole answer, a byte cap, no redirects, private addresses refused when connecting (so DNS rebinding
// does not get around it) unless allowed, and a 429 answered by waiting what the receiver asks — Discord's JSON
// `retry_after` or the Retry-After header — then trying again, a few times. Nothing else is retried here: the caller
// records the outcome and the delivery job decides (webhookDelivery.ts).

export const POST_TIMEOUT_MS = 10_000;
/** Of an answer: an error text is all cote keeps of it. */
export const MAX_ANSWER_BYTES = 64 * 1024;
/** Tries after a 429. */
export const RATE_LIMIT_RETRIES = 3;
/** A 429 asking for longer than this is not waited for in the request: the post is retried later instead. */
export const MAX_RATE_LIMIT_WAIT_MS = 30_000;
/** Least time between two calls to one host. */
const HOST_GAP_MS = 250;

export type PostOutcome =
  | { ok: true; status: number }
  /** `retry`: worth trying later (429, 5xx, unreachable); else the receiver refused it for good (404 deleted webhook). */
  | { ok: false; retry: boolean; error: string };

export interface SendOptions {
  allowPrivate: boolean;
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
      answer = await inHostQueue(target.host, HOST_GAP_MS, () => post(target, payload, options));
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
  const header = answer.retryAfter?.trim() ?? '';
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  // Retry-After may also be an HTTP date.
  const at = /[a-z]/i.test(header) ? Date.parse(header) : Number.NaN;
  return Number.isNaN(at) ? 1000 : Math.max(0, at - Date.now());
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

function post(url: URL, payload: string, options: SendOptions): Promise<Answer> {
  const timeoutMs = options.timeoutMs ?? POST_TIMEOUT_MS;
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: 'POST',
        agent: false,
        ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(payload),
          'User-Agent': USER_AGENT,
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.name;
      reject(
        new Error(
          code === 'ABORT_ERR' || error.name === 'TimeoutError' || error.name === 'AbortError'
            ? `no answer within ${timeoutMs / 1000} s`
            : `cannot reach ${url.host} (${error.code === 'EPRIVATEADDRESS' ? error.message : code})`,
        ),
      );
    });
    req.end(payload);
  });
}

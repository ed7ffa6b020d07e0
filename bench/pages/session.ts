import http from 'node:http';

/** Logging in to cote over HTTP as a browser would, and fetching a page with the session cookie. */

/** The `name=value` part of every Set-Cookie of a response. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(';')[0]);
}

/**
 * GET /login for the form's CSRF token and cookies, then POST /login; returns the cookie of the
 * logged-in session. Called once per run: the login form is rate-limited, so a failure is reported, never retried.
 */
export async function logIn(baseUrl: string, login: string, password: string): Promise<string> {
  const form = await fetch(new URL('/login', baseUrl), { redirect: 'manual' });
  const html = await form.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  // The form's cookies (its double-submit token's nonce; no session is stored before the login).
  const cookie = cookiesOf(form).join('; ');
  if (form.status !== 200 || !token) throw new Error(`GET /login answered ${form.status} without a CSRF token`);
  const answer = await fetch(new URL('/login', baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, login, password, next: '/plan/today' }).toString(),
  });
  await answer.arrayBuffer();
  const session = cookiesOf(answer).find((c) => c.startsWith('cote.sid='));
  if (answer.status !== 302 || !session)
    throw new Error(
      `POST /login answered ${answer.status}${answer.status === 429 ? ' (rate-limited: wait 15 minutes)' : ''}, expected a redirect with a session cookie`,
    );
  return session;
}

export interface FetchedPage {
  path: string;
  status: number;
  contentType: string;
  /** Empty when the body is not compressed. */
  contentEncoding: string;
  /** The page's ETag (empty when it sent none): a repeated view asks with it. */
  etag: string;
  /** The body as sent on the wire (still compressed when contentEncoding is set). */
  body: Buffer;
  ms: number;
}

/**
 * One GET with exactly the headers the load generator sends, without following redirects (a redirect to /login means
 * the session is gone) and without decompressing, so the bare server can replay the very same bytes.
 */
export function fetchPage(baseUrl: string, pagePath: string, headers: Record<string, string>): Promise<FetchedPage> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(pagePath, baseUrl), { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          path: pagePath,
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'] ?? '',
          contentEncoding: response.headers['content-encoding'] ?? '',
          etag: response.headers.etag ?? '',
          body: Buffer.concat(chunks),
          ms: Math.round(performance.now() - start),
        }),
      );
    });
    request.on('error', reject);
  });
}

/**
 * Waits until the server has worked off what a load run left queued (requests whose client already hung up are still
 * rendered): a request for a small static file is answered only after them. Bounded by `timeoutMs`.
 */
export async function waitUntilIdle(
  baseUrl: string,
  probePath = '/static/style.css',
  timeoutMs = 120_000,
): Promise<number> {
  const start = performance.now();
  for (;;) {
    const probe = await fetchPage(baseUrl, probePath, {});
    if (probe.ms < 100) return Math.round(performance.now() - start);
    if (performance.now() - start > timeoutMs)
      throw new Error(`the server at ${baseUrl} was still busy after ${timeoutMs} ms`);
  }
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answer of the fake judge: status, body (a string sent as is, anything else as JSON), headers, delay. */
export interface FakeAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Milliseconds before answering; Infinity never answers. */
  delayMs?: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: string;
  headers: http.IncomingHttpHeaders;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface FakeServer {
  url: string;
  requests: FakeRequest[];
  /** Answers given in order to the next requests; when empty, `fallback` answers. */
  queue: FakeAnswer[];
  fallback: (req: FakeRequest) => FakeAnswer;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 answering what a test tells it (a stand-in for Codeforces or LeetCode). */
export async function fakeServer(
  fallback: (req: FakeRequest) => FakeAnswer = () => ({ status: 404, body: 'not found' }),
): Promise<FakeServer> {
  const state: FakeServer = { url: '', requests: [], queue: [], fallback, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: Buffer.concat(chunks).toString('utf8'),
        headers: req.headers,
        at: Date.now(),
      };
      state.requests.push(request);
      const answer = state.queue.shift() ?? state.fallback(request);
      const send = () => {
        if (res.destroyed) return;
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        const type =
          typeof answer.body === 'string' && /^\s*</.test(answer.body)
            ? 'text/html; charset=utf-8'
            : 'application/json';
        res.writeHead(answer.status ?? 200, { 'content-type': type, ...answer.headers }).end(text);
      };
      if (answer.delayMs === Infinity) return;
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** Seconds since the epoch of an ISO instant (Codeforces' creationTimeSeconds). */
export const seconds = (iso: string) => Date.parse(iso) / 1000;

/** A Codeforces submission as user.status lists it. */
export function cfSubmission(
  id: number,
  contestId: number | undefined,
  index: string,
  iso: string,
  verdict?: string,
  extra: { name?: string; rating?: number } = {},
) {
  return {
    id,
    ...(contestId === undefined ? {} : { contestId }),
    creationTimeSeconds: seconds(iso),
    relativeTimeSeconds: 2147483647,
    problem: {
      ...(contestId === undefined ? {} : { contestId }),
      index,
      name: extra.name ?? `Problem ${contestId}${index}`,
      type: 'PROGRAMMING',
      ...(extra.rating ? { rating: extra.rating } : {}),
      tags: [],
    },
    author: {
      contestId,
      members: [{ handle: 'tourist' }],
      participantType: 'PRACTICE',
      ghost: false,
      startTimeSeconds: 0,
    },
    programmingLanguage: 'GNU C++17',
    ...(verdict === undefined ? {} : { verdict }),
    testset: 'TESTS',
    passedTestCount: 10,
    timeConsumedMillis: 15,
    memoryConsumedBytes: 0,
  };
}

/** A Codeforces handle's history: accepted, rejected, duplicates, 23:50 and 00:10 KST, running and broken records. */
export function cfHistory() {
  return [
    cfSubmission(10, 1352, 'A', '2026-03-01T15:10:00Z', 'OK', { name: 'Sum of Round Numbers', rating: 800 }), // 00:10 KST 03-02
    cfSubmission(9, 1352, 'A', '2026-03-01T14:50:00Z', 'OK', { name: 'Sum of Round Numbers', rating: 800 }), // 23:50 KST 03-01
    cfSubmission(8, 1352, 'A', '2026-03-01T14:40:00Z', 'OK', { name: 'Sum of Round Numbers', rating: 800 }), // same day again
    cfSubmission(7, 71, 'A', '2026-03-01T10:00:00Z', 'TESTING', { name: 'Way Too Long Words' }),
    cfSubmission(6, 1, 'B', '2026-03-01T09:00:00Z', undefined, { name: 'Spreadsheet' }),
    cfSubmission(5, 4, 'A', '2026-02-25T03:00:00Z', 'WRONG_ANSWER', { name: 'Watermelon', rating: 800 }),
    cfSubmission(4, 4, 'A', '2026-02-20T03:00:00Z', 'TIME_LIMIT_EXCEEDED', { name: 'Watermelon', rating: 800 }),
    cfSubmission(3, undefined, 'A', '2026-02-15T03:00:00Z', 'OK', { name: 'no contest' }),
    cfSubmission(2, 1520, 'F2', '2026-02-10T03:00:00Z', 'OK', { name: 'Guess the K-th Zero (Hard version)' }),
    cfSubmission(1, 1520, 'F2', '2026-02-10T02:00:00Z', 'WRONG_ANSWER', { name: 'Guess the K-th Zero (Hard version)' }),
  ];
}

/**
 * COTE_CODEFORCES_GAP_MS for tests against a local Codeforces server: calls 20 ms apart instead of the API's 2 s
 * (sync.codeforces' "pages" test checks the 2 s default). Each sync test waited 2 s per call before.
 */
export const FAST_GAP = '20';

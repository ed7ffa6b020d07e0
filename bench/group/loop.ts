import http from 'node:http';
import { rng } from '../pages/history.ts';

/** One learner of the study group: their session cookie, CSRF token and the problems they log, in order. */
export interface GroupLearner {
  login: string;
  cookie: string;
  csrf: string;
  problems: string[];
}

export interface Step {
  /** The page (or action) the figures are reported under. */
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

export const PAGE_STEPS = {
  today: { label: 'GET /plan/today', method: 'GET', path: '/plan/today' },
  checklist: { label: 'GET /', method: 'GET', path: '/' },
  plan: { label: 'GET /plan', method: 'GET', path: '/plan' },
  history: { label: 'GET /history', method: 'GET', path: '/history' },
} as const satisfies Record<string, Step>;
export const LOG_LABEL = 'POST /attempts';

/** A solve of `problem`, as the checklist's ✓ form posts it (then redirected back to Today). */
export function logStep(learner: GroupLearner, problem: string): Step {
  const body = new URLSearchParams({
    _csrf: learner.csrf,
    problem,
    outcome: 'solved',
    minutes: '30',
    back: '/plan/today',
  }).toString();
  return { label: LOG_LABEL, method: 'POST', path: '/attempts', body };
}

/** One request over `agent` (keep-alive, one socket per learner); the body is read whole, not decompressed. */
export function send(
  baseUrl: string,
  agent: http.Agent,
  step: Step,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<Answer> {
  const start = performance.now();
  const extra: Record<string, string | number> =
    step.body === undefined
      ? {}
      : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(step.body) };
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(step.path, baseUrl),
      { method: step.method, agent, headers: { ...headers, ...extra }, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - start,
          }),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${step.label} timed out after ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(step.body);
  });
}

/** Latencies (ms) and failures per step label, over one server's run. */
export class Tally {
  readonly latencies = new Map<string, number[]>();
  failures = 0;
  readonly failureSamples: string[] = [];

  record(label: string, answer: Answer, expected: number): void {
    const list = this.latencies.get(label) ?? [];
    if (list.length === 0) this.latencies.set(label, list);
    list.push(answer.ms);
    if (answer.status !== expected) this.fail(`${label} answered ${answer.status}, expected ${expected}`);
  }

  fail(text: string): void {
    this.failures++;
    if (this.failureSamples.length < 5) this.failureSamples.push(text);
  }

  count(filter: (label: string) => boolean = () => true): number {
    let n = 0;
    for (const [label, list] of this.latencies) if (filter(label)) n += list.length;
    return n;
  }
}

/**
 * Every learner loops Today → (a logged solve, with probability `writeShare`) → checklist → plan → history until
 * `seconds` are up, each on their own keep-alive socket, as fast as the server answers (a closed loop: a slow server
 * gets fewer requests, as a real group would).
 */
export async function runGroupLoop(
  baseUrl: string,
  learners: GroupLearner[],
  options: { seconds: number; writeShare: number; acceptEncoding: string },
): Promise<Tally> {
  const tally = new Tally();
  const end = performance.now() + options.seconds * 1000;
  await Promise.all(
    learners.map(async (learner, index) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const random = rng(7919 * (index + 1));
      const headers = { cookie: learner.cookie, accept: 'text/html', 'accept-encoding': options.acceptEncoding };
      let next = 0;
      const step = async (s: Step, expected: number) => {
        try {
          tally.record(s.label, await send(baseUrl, agent, s, headers), expected);
        } catch (error) {
          tally.fail(`${s.label}: ${(error as Error).message}`);
        }
      };
      try {
        while (performance.now() < end) {
          await step(PAGE_STEPS.today, 200);
          if (random() < options.writeShare) {
            await step(logStep(learner, learner.problems[next++ % learner.problems.length]), 302);
          }
          await step(PAGE_STEPS.checklist, 200);
          await step(PAGE_STEPS.plan, 200);
          await step(PAGE_STEPS.history, 200);
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  return tally;
}

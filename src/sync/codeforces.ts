import { AppError } from '../errors.ts';
import { problemIdOf } from '../judges/judges.ts';
import { codeforcesLevel } from '../judges/difficulty.ts';
import { jsonOf, looksLikeJson, politeRequest, statusError, type Answer } from './politeHttp.ts';
import type { Fetched, Submission } from './types.ts';
import { inWorker } from './worker.ts';

/** Codeforces asks for at most one call per 2 seconds (SOURCES.md). */
export const CODEFORCES_GAP_MS = 2_000;
/** Submissions per user.status call. */
export const CODEFORCES_PAGE = 1_000;
/** At most this many submissions per sync (the newest; older ones came with earlier syncs). */
export const MAX_SUBMISSIONS = 20_000;
/** An answer longer than this (characters) is parsed in the sync worker. */
const PARSE_IN_WORKER_ABOVE = 256 * 1024;
/** One page of 1,000 submissions is about 0.5 MB. */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

export interface CodeforcesOptions {
  baseUrl: string;
  signal?: AbortSignal;
  pageSize?: number;
  backoffMs?: number;
  gapMs?: number;
  retries?: number;
  callTimeoutMs?: number;
}

/** A submission as user.status gives it; every field may be missing in what a server sends. */
interface RawSubmission {
  contestId?: unknown;
  creationTimeSeconds?: unknown;
  problem?: { contestId?: unknown; index?: unknown; name?: unknown; rating?: unknown; problemsetName?: unknown };
  verdict?: unknown;
  testset?: unknown;
}

/**
 * The submissions of `handle`, newest first, page by page (user.status?handle=&from=&count=), until a page comes back
 * short or MAX_SUBMISSIONS are read. A page is never read past the `count` asked for, and a page longer than asked
 * is the last one (a server that ignores `count` is not paged on). Verdict OK on the final tests is accepted; OK on
 * pretests (a contest not yet system-tested), a missing verdict or TESTING is still running and left out, to be read
 * again next sync; anything else is a rejected try. A record without a problem or a time is counted as unusable.
 */
export async function fetchCodeforces(handle: string, options: CodeforcesOptions): Promise<Fetched> {
  const pageSize = options.pageSize ?? CODEFORCES_PAGE;
  const result: Fetched = { submissions: [], fetched: 0, unusable: 0 };
  for (let page = 0; result.fetched < MAX_SUBMISSIONS; page++) {
    const from = page * pageSize + 1;
    const url = `${options.baseUrl}/user.status?handle=${encodeURIComponent(handle)}&from=${from}&count=${pageSize}`;
    const answer = await politeRequest({
      sourceName: 'Codeforces',
      method: 'GET',
      url,
      gapMs: options.gapMs ?? CODEFORCES_GAP_MS,
      signal: options.signal,
      backoffMs: options.backoffMs,
      retries: options.retries,
      timeoutMs: options.callTimeoutMs,
      slowDown: callLimitExceeded,
      maxBytes: MAX_PAGE_BYTES,
    });
    const input = { handle, answer, take: Math.min(pageSize, MAX_SUBMISSIONS - result.fetched) };
    // A big page is parsed off the request path (JSON.parse of megabytes takes tens of ms).
    const { records, taken, submissions, unusable } =
      answer.text.length > PARSE_IN_WORKER_ABOVE ? await inWorker<CodeforcesPage>('cf-page', input) : readPage(input);
    result.fetched += taken;
    result.unusable += unusable;
    for (const s of submissions) result.submissions.push(s);
    if (records !== pageSize) break;
  }
  return result;
}

/** One page read: how many records it held, how many were taken, and what they say. */
export interface CodeforcesPage {
  records: number;
  taken: number;
  submissions: Submission[];
  unusable: number;
}

/** Reads a user.status answer, taking at most `take` records (pure; runs in the sync worker for a big page). */
export function readPage(input: { handle: string; answer: Answer; take: number }): CodeforcesPage {
  const records = statusRecords(input.handle, input.answer);
  const taken = records.slice(0, input.take);
  const page: CodeforcesPage = { records: records.length, taken: taken.length, submissions: [], unusable: 0 };
  for (const raw of taken) {
    const read = submissionOf(raw);
    if (read === 'running') continue;
    if (read === undefined) page.unusable++;
    else page.submissions.push(read);
  }
  return page;
}

function callLimitExceeded(answer: Answer): boolean {
  return /call limit exceeded/i.test(answer.text.slice(0, 2000));
}

/** The `result` array of a user.status answer, or an AppError saying what the answer was instead. */
function statusRecords(handle: string, answer: Answer): unknown[] {
  if (answer.status !== 200 && !looksLikeJson(answer)) throw statusError('Codeforces', answer);
  const body = jsonOf('Codeforces', answer) as { status?: unknown; comment?: unknown; result?: unknown } | null;
  if (body && body.status === 'FAILED') {
    const comment = typeof body.comment === 'string' ? body.comment.slice(0, 300) : '';
    if (/not found/i.test(comment)) {
      throw new AppError(
        'sync.cf_unknown_handle',
        `Codeforces has no user with handle ${JSON.stringify(handle)}`,
        422,
        { handle },
      );
    }
    if (/call limit exceeded/i.test(comment))
      throw new AppError('sync.cf_call_limit', 'Codeforces kept saying "Call limit exceeded": try again later', 429);
    throw new AppError('sync.cf_failed', `Codeforces refused the request: ${comment || 'no reason given'}`, 502, {
      comment,
    });
  }
  if (answer.status !== 200) throw statusError('Codeforces', answer);
  if (body?.status !== 'OK' || !Array.isArray(body.result)) {
    throw new AppError('sync.bad_answer', 'Codeforces answered JSON without "status": "OK" and a "result" list', 502, {
      source: 'Codeforces',
    });
  }
  return body.result;
}

function submissionOf(value: unknown): Submission | 'running' | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as RawSubmission;
  const verdict = raw.verdict;
  if (verdict === undefined || verdict === null || verdict === 'TESTING') return 'running';
  if (verdict === 'OK' && raw.testset === 'PRETESTS') return 'running';
  if (typeof verdict !== 'string') return undefined;
  const problem = raw.problem ?? {};
  const seconds = raw.creationTimeSeconds;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  const id = problemIdOfRaw(problem, raw.contestId);
  if (!id) return undefined;
  const title = typeof problem.name === 'string' && problem.name.trim() ? problem.name.trim().slice(0, 200) : id;
  const level = typeof problem.rating === 'number' ? codeforcesLevel(problem.rating) : 0;
  return {
    problem: { id, title, level },
    at: new Date(seconds * 1000),
    verdict: verdict === 'OK' ? 'accepted' : 'rejected',
  };
}

/**
 * 'cf:1352A' for a contest or gym problem (gym contests are 100000+), 'cf:acmsguru/100' for the acmsguru problemset
 * (no contest of its own: Codeforces files it under contest 99999); undefined when the record names no problem.
 */
function problemIdOfRaw(problem: NonNullable<RawSubmission['problem']>, outerContest: unknown): string | undefined {
  if (typeof problem.index !== 'string') return undefined;
  if (problem.problemsetName === 'acmsguru') return problemIdOf('cf', `acmsguru/${problem.index}`);
  const contest = problem.contestId ?? outerContest;
  if (typeof contest !== 'number' && typeof contest !== 'string') return undefined;
  return problemIdOf('cf', `${contest}${problem.index}`);
}

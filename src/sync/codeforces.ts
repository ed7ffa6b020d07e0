import { AppError } from '../errors.ts';
import { problemIdOf } from '../judges/judges.ts';
import { codeforcesLevel } from '../judges/difficulty.ts';
import { jsonOf, looksLikeJson, politeRequest, statusError, type Answer } from './politeHttp.ts';
import type { Fetched, Submission } from './types.ts';

/** Codeforces asks for at most one call per 2 seconds (SOURCES.md). */
export const CODEFORCES_GAP_MS = 2_000;
/** Submissions per user.status call. */
export const CODEFORCES_PAGE = 1_000;
/** At most this many pages per sync (100,000 submissions): a bound whatever the server says. */
const MAX_PAGES = 100;

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
  problem?: { contestId?: unknown; index?: unknown; name?: unknown; rating?: unknown };
  verdict?: unknown;
}

/**
 * Every submission of `handle`, newest first, page by page (user.status?handle=&from=&count=), until a page comes
 * back short. Verdict OK is accepted; a missing verdict or TESTING is still running and left out; anything else is a
 * rejected try. A record without a contest, an index or a time is counted as unusable.
 */
export async function fetchCodeforces(handle: string, options: CodeforcesOptions): Promise<Fetched> {
  const pageSize = options.pageSize ?? CODEFORCES_PAGE;
  const result: Fetched = { submissions: [], fetched: 0, unusable: 0 };
  for (let page = 0; page < MAX_PAGES; page++) {
    const from = page * pageSize + 1;
    const url = `${options.baseUrl}/user.status?handle=${encodeURIComponent(handle)}&from=${from}&count=${pageSize}`;
    const records = statusRecords(
      handle,
      await politeRequest({
        sourceName: 'Codeforces',
        method: 'GET',
        url,
        gapMs: options.gapMs ?? CODEFORCES_GAP_MS,
        signal: options.signal,
        backoffMs: options.backoffMs,
        retries: options.retries,
        timeoutMs: options.callTimeoutMs,
        slowDown: callLimitExceeded,
      }),
    );
    result.fetched += records.length;
    for (const raw of records) {
      const read = submissionOf(raw);
      if (read === 'running') continue;
      if (read === undefined) result.unusable++;
      else result.submissions.push(read);
    }
    if (records.length < pageSize) break;
  }
  return result;
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
  if (typeof verdict !== 'string') return undefined;
  const problem = raw.problem ?? {};
  const contest = problem.contestId ?? raw.contestId;
  const seconds = raw.creationTimeSeconds;
  if ((typeof contest !== 'number' && typeof contest !== 'string') || typeof problem.index !== 'string')
    return undefined;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  const id = problemIdOf('cf', `${contest}${problem.index}`);
  if (!id) return undefined;
  const title = typeof problem.name === 'string' && problem.name.trim() ? problem.name.trim().slice(0, 200) : id;
  const level = typeof problem.rating === 'number' ? codeforcesLevel(problem.rating) : 0;
  return {
    problem: { id, title, level },
    at: new Date(seconds * 1000),
    verdict: verdict === 'OK' ? 'accepted' : 'rejected',
  };
}

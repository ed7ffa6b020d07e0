import { AppError } from '../errors.ts';
import { problemIdOf } from '../judges/judges.ts';
import { jsonOf, looksLikeJson, politeRequest, statusError, type Answer } from './politeHttp.ts';
import type { Fetched, Submission } from './types.ts';
import { inWorker } from './worker.ts';

/** LeetCode documents no limit; stay near one request per second (SOURCES.md). */
export const LEETCODE_GAP_MS = 1_000;
/** recentAcSubmissionList gives at most the last 20 accepted submissions. */
export const LEETCODE_LIMIT = 20;
/** 20 submissions are a few KB; an answer of 30,000 (a server ignoring the limit) still fits, and only 20 are read. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** An answer longer than this (characters) is parsed in the sync worker. */
const PARSE_IN_WORKER_ABOVE = 256 * 1024;

// matchedUser tells an unknown user (null) from a known one with no recent solves (both have an empty list).
const QUERY = `query recentAcSubmissions($username: String!, $limit: Int!) {
  matchedUser(username: $username) { username }
  recentAcSubmissionList(username: $username, limit: $limit) { id title titleSlug timestamp lang }
}`;

export interface LeetcodeOptions {
  url: string;
  signal?: AbortSignal;
  backoffMs?: number;
  gapMs?: number;
  retries?: number;
  callTimeoutMs?: number;
}

/**
 * The learner's recent accepted submissions (LeetCode keeps only the last 20 reachable without a login: polled every
 * night, that is the whole history from the first sync on). `timestamp` is Unix seconds as a string.
 */
export async function fetchLeetcode(username: string, options: LeetcodeOptions): Promise<Fetched> {
  const answer = await politeRequest({
    sourceName: 'LeetCode',
    method: 'POST',
    url: options.url,
    body: JSON.stringify({ query: QUERY, variables: { username, limit: LEETCODE_LIMIT } }),
    headers: { 'Content-Type': 'application/json', Referer: 'https://leetcode.com' },
    gapMs: options.gapMs ?? LEETCODE_GAP_MS,
    signal: options.signal,
    backoffMs: options.backoffMs,
    retries: options.retries,
    timeoutMs: options.callTimeoutMs,
    maxBytes: MAX_ANSWER_BYTES,
  });
  const input = { username, answer };
  // A big answer (a server ignoring the limit) is parsed off the request path.
  return answer.text.length > PARSE_IN_WORKER_ABOVE ? inWorker<Fetched>('lc-answer', input) : readAnswer(input);
}

/** Reads a recentAcSubmissionList answer, at most LEETCODE_LIMIT records (pure; runs in the sync worker when big). */
export function readAnswer({ username, answer }: { username: string; answer: Answer }): Fetched {
  if (answer.status !== 200 && !looksLikeJson(answer)) throw statusError('LeetCode', answer);
  const body = jsonOf('LeetCode', answer) as {
    data?: { recentAcSubmissionList?: unknown; matchedUser?: unknown } | null;
    errors?: unknown;
  } | null;
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const list = body?.data?.recentAcSubmissionList;
  if (body?.data?.matchedUser === null && (!Array.isArray(list) || list.length === 0))
    throw new AppError('sync.leetcode_unknown_user', `LeetCode has no user ${JSON.stringify(username)}`, 422, {
      username,
    });
  if (errors.length > 0 && !Array.isArray(list)) {
    const message = String((errors[0] as { message?: unknown })?.message ?? '').slice(0, 300);
    if (/does not exist|not found/i.test(message)) {
      throw new AppError('sync.leetcode_unknown_user', `LeetCode has no user ${JSON.stringify(username)}`, 422, {
        username,
      });
    }
    throw new AppError('sync.leetcode_failed', `LeetCode refused the request: ${message || 'no reason given'}`, 502, {
      message,
    });
  }
  if (answer.status !== 200) throw statusError('LeetCode', answer);
  if (!Array.isArray(list)) {
    throw new AppError('sync.bad_answer', 'LeetCode answered JSON without data.recentAcSubmissionList', 502, {
      source: 'LeetCode',
    });
  }
  // Never more than was asked for, whatever the answer holds.
  const taken = list.slice(0, LEETCODE_LIMIT);
  const result: Fetched = { submissions: [], fetched: taken.length, unusable: 0 };
  for (const raw of taken) {
    const read = submissionOf(raw);
    if (read) result.submissions.push(read);
    else result.unusable++;
  }
  return result;
}

function submissionOf(value: unknown): Submission | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as { title?: unknown; titleSlug?: unknown; timestamp?: unknown };
  const seconds = Number(raw.timestamp);
  if (typeof raw.titleSlug !== 'string' || (typeof raw.timestamp !== 'string' && typeof raw.timestamp !== 'number'))
    return undefined;
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  const id = problemIdOf('leetcode', raw.titleSlug);
  if (!id) return undefined;
  const title = typeof raw.title === 'string' && raw.title.trim() ? raw.title.trim().slice(0, 200) : raw.titleSlug;
  // Only accepted submissions are listed; LeetCode's difficulty is not in this answer (the problem stays unrated).
  return { problem: { id, title, level: 0 }, at: new Date(seconds * 1000), verdict: 'accepted' };
}

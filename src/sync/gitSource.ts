import { instantAt } from '../day.ts';
import { AppError } from '../errors.ts';
import { parseHubReadme } from '../progress/imports/baekjoonHubReadme.ts';
import { decodeUtf8 } from '../text/utf8.ts';
import { checkReadmeCount, listReadmes, readmeAddedDates, readReadmes, tooManyLines } from './gitReadmes.ts';
import { cloneOrFetch, type RepoOptions } from './gitRepo.ts';
import { attemptsFrom, type PlannedRead } from './solves.ts';
import type { Fetched, Submission } from './types.ts';
import { inWorker } from './worker.ts';

/**
 * The solves in a BaekjoonHub-style repository at `url` (cloned or fetched first), dated as the BaekjoonHub import
 * dates them: `### 제출 일자` (Korean time), else when git first added the README. The READMEs are read and parsed in
 * a worker thread and turned into the attempts to write there (for the learner's `day`), so the server keeps answering
 * while a large repository is read.
 */
export async function fetchGitRepo(
  url: string,
  options: RepoOptions,
  day: { timeZone: string; today: string },
): Promise<PlannedRead> {
  const clone = await cloneOrFetch(url, options);
  return inWorker<PlannedRead>('git', { url, dir: clone.dir, commit: clone.commit, ...day });
}

/**
 * Reads the solves of a bare clone at `commit` (runs in the worker). A README that is too large, too long, not UTF-8,
 * unreadable or cannot be dated is unusable (counted, never guessed). A repository without 백준/ or 프로그래머스/
 * READMEs, or with more than MAX_READMES of them, is an error.
 */
export async function readHubRepo(url: string, dir: string, commit: string): Promise<Fetched> {
  const entries = await listReadmes(dir, commit);
  if (entries.length === 0)
    throw new AppError(
      'sync.git_not_hub',
      `${url} is not a BaekjoonHub repository: no 백준/ or 프로그래머스/ folder with README.md files`,
      422,
      { url },
    );
  checkReadmeCount(url, entries);
  const result: Fetched = { submissions: [], fetched: entries.length, unusable: 0 };
  const undated: { path: string; record: { problem: string; title: string; level: number } }[] = [];
  await readReadmes(dir, entries, (entry, read) => {
    if (!Buffer.isBuffer(read) || tooManyLines(read)) {
      result.unusable++;
      return;
    }
    const decoded = decodeUtf8(read);
    const record = 'text' in decoded ? parseHubReadme(decoded.text, entry.judge) : undefined;
    if (!record || 'error' in record) {
      result.unusable++;
      return;
    }
    if (!record.submitted) {
      undated.push({ path: entry.path, record });
      return;
    }
    result.submissions.push(submission(record, instantAt(record.submitted.day, record.submitted.time, 'Asia/Seoul')));
  });
  if (undated.length > 0) {
    const dates = await readmeAddedDates(dir, commit);
    for (const { path, record } of undated) {
      const at = dates.get(path);
      if (at) result.submissions.push(submission(record, at));
      else result.unusable++;
    }
  }
  return result;
}

function submission(record: { problem: string; title: string; level: number }, at: Date): Submission {
  return { problem: { id: record.problem, title: record.title, level: record.level }, at, verdict: 'accepted' };
}

/** readHubRepo and the attempts it makes (the worker's whole job). */
export async function planHubRepo(input: {
  url: string;
  dir: string;
  commit: string;
  timeZone: string;
  today: string;
}): Promise<PlannedRead> {
  const fetched = await readHubRepo(input.url, input.dir, input.commit);
  return {
    fetched: fetched.fetched,
    unusable: fetched.unusable,
    plan: attemptsFrom(fetched.submissions, input.timeZone, input.today),
  };
}

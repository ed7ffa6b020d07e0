import { AppError } from '../errors.ts';
import { instantAt } from '../day.ts';
import { gitAddedDates, hubReadmes, type HubFile } from '../progress/imports/baekjoonHubFiles.ts';
import { parseHubReadme } from '../progress/imports/baekjoonHubReadme.ts';
import { cloneOrFetch, type RepoOptions } from './gitRepo.ts';
import type { Fetched, Submission } from './types.ts';

/**
 * The solves in a BaekjoonHub-style repository at `url` (cloned or fetched first), dated as the BaekjoonHub import
 * dates them: `### 제출 일자` (Korean time), else when git first added the README. A README that is unreadable or
 * cannot be dated is unusable (counted, never guessed). A repository without 백준/ or 프로그래머스/ READMEs is an error.
 */
export async function fetchGitRepo(url: string, options: RepoOptions): Promise<Fetched> {
  const dir = await cloneOrFetch(url, options);
  let files: HubFile[];
  try {
    files = hubReadmes(dir);
  } catch (error) {
    if (error instanceof AppError && error.code === 'progress.not_baekjoonhub') {
      throw new AppError(
        'sync.git_not_hub',
        `${url} is not a BaekjoonHub repository: no 백준/ or 프로그래머스/ folder with README.md files`,
        422,
        { url },
      );
    }
    throw error;
  }
  const records = files.map((file) => ({
    file,
    record: file.error ? undefined : parseHubReadme(file.text, file.judge),
  }));
  const dates = records.some(({ record }) => record && !('error' in record) && record.submitted === null)
    ? await gitAddedDates(dir)
    : undefined;
  const result: Fetched = { submissions: [], fetched: files.length, unusable: 0 };
  for (const { file, record } of records) {
    if (!record || 'error' in record) {
      result.unusable++;
      continue;
    }
    const at = record.submitted
      ? instantAt(record.submitted.day, record.submitted.time, 'Asia/Seoul')
      : dates?.get(file.path);
    if (!at) {
      result.unusable++;
      continue;
    }
    const submission: Submission = {
      problem: { id: record.problem, title: record.title, level: record.level },
      at,
      verdict: 'accepted',
    };
    result.submissions.push(submission);
  }
  return result;
}

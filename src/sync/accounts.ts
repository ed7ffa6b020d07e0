import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { checkRepoUrl } from './gitRepo.ts';
import { replaceAccounts } from './syncRepository.ts';
import type { SyncSource } from './types.ts';

/** A learner may name at most this many repositories. */
export const MAX_REPOS = 10;

/** What a learner sets; an undefined field is left as it is, '' (or [] for repos) clears it. */
export interface AccountsInput {
  codeforces?: string;
  leetcode?: string;
  solvedac?: string;
  repos?: string[];
}

// Handles as each site allows them (letters, digits and a few marks), so nothing else reaches a URL or a query.
const HANDLES: Record<Exclude<SyncSource, 'git'>, { re: RegExp; name: string }> = {
  codeforces: { re: /^[A-Za-z0-9_.-]{2,24}$/, name: 'Codeforces handle' },
  leetcode: { re: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, name: 'LeetCode username' },
  solvedac: { re: /^[A-Za-z0-9_]{2,20}$/, name: 'solved.ac handle' },
};

/** Checks every given field (422 naming the first bad one), then saves them in one transaction. */
export function setAccounts(
  db: Db,
  learnerId: number,
  input: AccountsInput,
  options: { allowPrivate: boolean; now: Date },
): void {
  const plan: [SyncSource, string[]][] = [];
  for (const source of ['codeforces', 'leetcode', 'solvedac'] as const) {
    const value = input[source]?.trim();
    if (value === undefined) continue;
    if (value !== '' && !HANDLES[source].re.test(value)) {
      throw new AppError(
        'sync.bad_handle',
        `${JSON.stringify(value.slice(0, 50))} is not a ${HANDLES[source].name}: letters, digits, _ . - only`,
        422,
        { source, value: value.slice(0, 50) },
      );
    }
    plan.push([source, value === '' ? [] : [value]]);
  }
  if (input.repos !== undefined) {
    const repos = [...new Set(input.repos.map((r) => r.trim()).filter(Boolean))];
    if (repos.length > MAX_REPOS)
      throw new AppError('sync.too_many_repos', `${repos.length} repositories: at most ${MAX_REPOS}`, 422, {
        count: repos.length,
        max: MAX_REPOS,
      });
    plan.push(['git', repos.map((r) => checkRepoUrl(r, options.allowPrivate))]);
  }
  db.transaction(() => {
    for (const [source, handles] of plan) replaceAccounts(db, learnerId, source, handles, options.now);
  })();
}

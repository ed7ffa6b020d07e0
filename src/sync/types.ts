/** The sources a learner's solves can be synced from. solved.ac is configurable but not synced (see solvedac.ts). */
export const SYNC_SOURCES = ['codeforces', 'leetcode', 'git', 'solvedac'] as const;
export type SyncSource = (typeof SYNC_SOURCES)[number];

/** The sources `cote sync --source` names. */
export const CLI_SOURCES = ['codeforces', 'leetcode', 'git'] as const;

/** What a source reports of one submission, once it is read into cote's terms. */
export interface Submission {
  problem: { id: string; title: string; level: number };
  at: Date;
  verdict: 'accepted' | 'rejected';
}

/** What one source fetched: its submissions, and how many records it read but could not use (missing fields). */
export interface Fetched {
  submissions: Submission[];
  /** Records read from the source (submissions, READMEs), usable or not. */
  fetched: number;
  /** Records that could not be used (a missing field, an unreadable README). */
  unusable: number;
}

/** The result of syncing one source, as the CLI's --json prints it. */
export interface SourceResult {
  source: SyncSource;
  fetched: number;
  imported: number;
  skipped: number;
  days: number;
  /** The English line of what went wrong; null when the source worked. */
  error: string | null;
}

import { addDays, localDay } from '../day.ts';
import type { Outcome } from '../progress/outcomes.ts';
import type { Submission } from './types.ts';

/** One attempt a sync writes. `key` is its import key: the same key (per learner and origin) is never written twice. */
export interface SyncAttempt {
  problem: { id: string; title: string; level: number };
  day: string;
  outcome: Extract<Outcome, 'solved' | 'failed'>;
  key: string;
}

/** No judge cote syncs from existed before this day (Codeforces 2010, Baekjoon 2010, LeetCode 2015). */
export const EARLIEST_SOLVE_DAY = '2000-01-01';
const EARLIEST_MS = Date.parse(`${EARLIEST_SOLVE_DAY}T00:00:00Z`);

/** What a sync writes, and the submissions it refused for their time (each skipped on its own, never the sync). */
export interface SyncPlan {
  attempts: SyncAttempt[];
  /** Submissions whose time is no date, before EARLIEST_SOLVE_DAY or after the learner's tomorrow. */
  refused: { problem: string; at: string }[];
}

/** What one account gave: records read, records unusable, and the attempts they make. */
export interface PlannedRead {
  fetched: number;
  unusable: number;
  plan: SyncPlan;
}

/**
 * What a sync writes for a learner, from submissions (pure, linear in their number apart from sorting). Per problem:
 * one `solved` attempt on each local day (in `timeZone`) with an accepted submission; a problem never accepted gets
 * one `failed` attempt on the day of its latest rejected try. A submission dated after `today` (a clock ahead of the
 * learner's) is left out until that day comes; one with an impossible time (see SyncPlan.refused) is refused. Dates
 * are compared as instants first, so a year past 9999 never reaches a string comparison. The key names the problem,
 * day and outcome, so running the sync again imports nothing new.
 */
export function attemptsFrom(submissions: Submission[], timeZone: string, today: string): SyncPlan {
  const latestMs = Date.parse(`${addDays(today, 2)}T00:00:00Z`) + 14 * 3_600_000;
  const byProblem = new Map<
    string,
    { problem: Submission['problem']; latestAt: number; days: Set<string>; solved: Set<string> }
  >();
  const refused: SyncPlan['refused'] = [];
  for (const s of submissions) {
    const ms = s.at.getTime();
    if (!Number.isFinite(ms) || ms < EARLIEST_MS || ms > latestMs) {
      refused.push({ problem: s.problem.id, at: Number.isFinite(ms) ? s.at.toISOString() : 'no date' });
      continue;
    }
    const day = localDay(s.at, timeZone);
    if (day < EARLIEST_SOLVE_DAY || day > addDays(today, 1)) {
      refused.push({ problem: s.problem.id, at: s.at.toISOString() });
      continue;
    }
    let group = byProblem.get(s.problem.id);
    if (!group) {
      group = { problem: s.problem, latestAt: ms, days: new Set(), solved: new Set() };
      byProblem.set(s.problem.id, group);
    } else if (ms > group.latestAt) {
      group.problem = s.problem;
      group.latestAt = ms;
    }
    if (day > today) continue;
    group.days.add(day);
    if (s.verdict === 'accepted') group.solved.add(day);
  }
  const attempts: SyncAttempt[] = [];
  for (const [id, group] of [...byProblem].sort(([a], [b]) => a.localeCompare(b))) {
    const { problem } = group;
    const solvedDays = [...group.solved].sort();
    for (const day of solvedDays) attempts.push({ problem, day, outcome: 'solved', key: `${id}|${day}|solved` });
    if (solvedDays.length === 0 && group.days.size > 0) {
      const day = [...group.days].sort().at(-1)!;
      attempts.push({ problem, day, outcome: 'failed', key: `${id}|${day}|failed` });
    }
  }
  return { attempts, refused };
}

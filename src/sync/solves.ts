import { localDay } from '../day.ts';
import type { Outcome } from '../progress/outcomes.ts';
import type { Submission } from './types.ts';

/** One attempt a sync writes. `key` is its import key: the same key (per learner and origin) is never written twice. */
export interface SyncAttempt {
  problem: { id: string; title: string; level: number };
  day: string;
  outcome: Extract<Outcome, 'solved' | 'failed'>;
  key: string;
}

/**
 * What a sync writes for a learner, from submissions (pure). Per problem: one `solved` attempt on each local day
 * (in `timeZone`) with an accepted submission; a problem never accepted gets one `failed` attempt on the day of its
 * latest rejected try. Submissions after `today` (a clock ahead of the learner's) are left out. The key names the
 * problem, day and outcome, so running the sync again imports nothing new.
 */
export function attemptsFrom(submissions: Submission[], timeZone: string, today: string): SyncAttempt[] {
  const byProblem = new Map<string, Submission[]>();
  for (const s of submissions) byProblem.set(s.problem.id, [...(byProblem.get(s.problem.id) ?? []), s]);
  const out: SyncAttempt[] = [];
  for (const [id, list] of [...byProblem].sort(([a], [b]) => a.localeCompare(b))) {
    const dated = list.map((s) => ({ s, day: localDay(s.at, timeZone) })).filter((d) => d.day <= today);
    const problem = latest(list).problem;
    const solvedDays = [...new Set(dated.filter((d) => d.s.verdict === 'accepted').map((d) => d.day))].sort();
    for (const day of solvedDays) out.push({ problem, day, outcome: 'solved', key: `${id}|${day}|solved` });
    if (solvedDays.length === 0 && dated.length > 0) {
      const day = dated
        .map((d) => d.day)
        .sort()
        .at(-1)!;
      out.push({ problem, day, outcome: 'failed', key: `${id}|${day}|failed` });
    }
  }
  return out;
}

function latest(list: Submission[]): Submission {
  return list.reduce((a, b) => (b.at > a.at ? b : a));
}

/**
 * AtCoder histories for the replay: AtCoder Problems' submission rows (kenkoooo.com `results?user=` or
 * `v3/user/submissions`: {epoch_second, problem_id, result}). A task's level comes from its id (abc300_c → the
 * third ABC task, src/judges/difficulty.ts); AtCoder has no tags, so every problem is one type ('untagged') and the
 * replay there measures the skill and the curve, not the per-type part. Tasks of other contests have no level: left out.
 */
import { atcoderLevel } from '../../src/judges/difficulty.ts';
import { firstAttempts, type ReplayAttempt } from './replay.ts';

export interface AtcoderSubmission {
  epoch_second: number;
  problem_id: string;
  result: string;
}

/** Judged results (AC or a failure); compilation errors, internal errors and pending rows say nothing about skill. */
const JUDGED_FAILURES = new Set(['WA', 'TLE', 'MLE', 'RE', 'OLE', 'QLE']);

export function isAtcoderSubmission(x: unknown): x is AtcoderSubmission {
  const s = x as Partial<AtcoderSubmission> | null;
  return !!s && typeof s.epoch_second === 'number' && typeof s.problem_id === 'string' && typeof s.result === 'string';
}

export function atcoderAttemptsOf(submissions: AtcoderSubmission[]): ReplayAttempt[] {
  return firstAttempts(
    submissions
      .filter((s) => s.result === 'AC' || JUDGED_FAILURES.has(s.result))
      .map((s) => ({
        problem: `atcoder:${s.problem_id}`,
        time: s.epoch_second,
        accepted: s.result === 'AC',
        level: atcoderLevel(s.problem_id),
        tags: [],
      })),
  );
}

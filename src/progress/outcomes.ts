import type { Outcome } from '../planner/types.ts';

export type { Outcome };
export const OUTCOMES: Outcome[] = ['solved', 'solved_slow', 'hint', 'failed'];

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as string[]).includes(value);
}

/** A problem counts as solved when it was solved at all: slowly or with a hint included, failed not. */
export function isSolvedOutcome(outcome: Outcome): boolean {
  return outcome !== 'failed';
}

/** SQL condition matching isSolvedOutcome on the attempts table. */
export const SOLVED_SQL = "outcome <> 'failed'";

import type { Db } from '../db/connection.ts';
import { ensureOffListProblem, problemStanding } from '../catalog/problemRepository.ts';
import { cleanTitle } from '../text/title.ts';
import { attemptsOfProblems, hasAttemptOn, recordAttemptOnce } from './attemptRepository.ts';
import { isSolvedOutcome } from './outcomes.ts';
import { saveLearnerTitle } from './learnerTitleRepository.ts';
import type { Outcome } from './outcomes.ts';

/** A problem as a sync or an import names it; `title` and `level` are the source's, untrusted. */
export interface SourceProblem {
  id: string;
  title: string;
  level?: number;
}

/** One attempt a sync or an import brings. */
export interface KeptAttempt {
  problem: SourceProblem;
  day: string | null;
  outcome: Outcome;
  minutes?: number | null;
  note?: string;
  /** Same key (per learner and origin) → not written again. */
  key: string;
  /**
   * A solve the learner already has on that day (logged by hand, synced, imported from elsewhere) makes this one a
   * duplicate: a solve is never counted twice. Syncs and the BaekjoonHub import set it; a CSV (whose rows are the
   * learner's own log) does not.
   */
  sameDayIsDuplicate: boolean;
}

/**
 * The one rule for a problem a sync or an import names: a problem on a list is used as it is (its level only ever
 * improved, see ensureOffListProblem); any other is kept as the learner's off-list problem (a neutral shared row)
 * with the source's title as the learner's own, cleaned (control characters out, at most 300 characters). Returns
 * which of the two it is.
 */
export function keepProblem(db: Db, learnerId: number, problem: SourceProblem): 'listed' | 'off_list' {
  // Also for a listed problem: a level the source knows better (a judge's rating) improves a coarse or missing one.
  ensureOffListProblem(db, { id: problem.id, level: problem.level ?? 0 });
  if (problemStanding(db, problem.id) === 'listed') return 'listed';
  const title = cleanTitle(problem.title);
  if (title !== '' && title !== problem.id) saveLearnerTitle(db, learnerId, problem.id, title);
  return 'off_list';
}

/**
 * Stores one attempt of a sync or an import (inside the caller's transaction): its problem kept by keepProblem, then
 * the attempt unless its key was stored before or (with `sameDayIsDuplicate`) the learner has it on that day already.
 */
export function keepAttempt(
  db: Db,
  learnerId: number,
  origin: string,
  a: KeptAttempt,
  createdAt: string,
): { added: boolean; standing: 'listed' | 'off_list' } {
  const standing = keepProblem(db, learnerId, a.problem);
  if (a.sameDayIsDuplicate && isDuplicate(db, learnerId, a)) return { added: false, standing };
  const added = recordAttemptOnce(db, {
    learnerId,
    problemId: a.problem.id,
    day: a.day,
    outcome: a.outcome,
    minutes: a.minutes ?? null,
    note: a.note ?? '',
    origin,
    externalKey: a.key,
    createdAt,
  });
  return { added, standing };
}

/** A dated attempt the learner has that day already; an undated solve of a problem the learner has solved at all. */
function isDuplicate(db: Db, learnerId: number, a: KeptAttempt): boolean {
  if (a.day !== null) return hasAttemptOn(db, learnerId, a.problem.id, a.day, a.outcome === 'solved');
  return (
    isSolvedOutcome(a.outcome) &&
    attemptsOfProblems(db, learnerId, [a.problem.id]).some((x) => isSolvedOutcome(x.outcome))
  );
}

import type { Db } from '../db/connection.ts';
import { ensureOffListProblem } from '../catalog/problemRepository.ts';
import { hasAttemptOn, recordAttemptOnce } from '../progress/attemptRepository.ts';
import type { SyncAttempt } from './solves.ts';

export interface StoreCounts {
  imported: number;
  skipped: number;
  /** Distinct local days with an attempt imported now. */
  days: number;
}

/**
 * Writes a source's attempts in one transaction (all or nothing). An attempt is skipped when its key was imported
 * before, or when the learner already has that day's attempt of the problem from elsewhere (logged by hand, a
 * BaekjoonHub import): a solve is never counted twice. A problem on no list becomes an off-list problem.
 */
export function storeSync(db: Db, learnerId: number, origin: string, attempts: SyncAttempt[], now: Date): StoreCounts {
  const counts: StoreCounts = { imported: 0, skipped: 0, days: 0 };
  const days = new Set<string>();
  const createdAt = now.toISOString();
  db.transaction(() => {
    for (const a of attempts) {
      if (hasAttemptOn(db, learnerId, a.problem.id, a.day, a.outcome === 'solved')) {
        counts.skipped++;
        continue;
      }
      ensureOffListProblem(db, a.problem);
      const added = recordAttemptOnce(db, {
        learnerId,
        problemId: a.problem.id,
        day: a.day,
        outcome: a.outcome,
        origin,
        externalKey: a.key,
        createdAt,
      });
      if (!added) {
        counts.skipped++;
        continue;
      }
      counts.imported++;
      days.add(a.day);
    }
  })();
  counts.days = days.size;
  return counts;
}

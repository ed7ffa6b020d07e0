import type { Db } from '../db/connection.ts';
import { addDays } from '../day.ts';
import { dayOutOfRange } from '../progress/dayRange.ts';
import { keepAttempt } from '../progress/keepAttempt.ts';
import type { SyncAttempt } from './solves.ts';

export interface StoreCounts {
  imported: number;
  skipped: number;
  /** Distinct local days with an attempt imported now. */
  days: number;
  /** Of the imported attempts: how many are of problems on a list, how many of problems kept off-list. */
  onList: number;
  offList: number;
}

/**
 * Writes a source's attempts in one transaction (all or nothing). An attempt is skipped when its key was imported
 * before, when the learner already has that day's attempt of the problem from elsewhere (logged by hand, a
 * BaekjoonHub import): a solve is never counted twice, or when its day is outside [1970-01-01, `today` + 1]. A
 * problem on no list is kept as the learner's off-list problem by the one rule every import shares (keepProblem).
 */
export function storeSync(
  db: Db,
  learnerId: number,
  origin: string,
  attempts: SyncAttempt[],
  now: Date,
  // The learner's today when the caller knows it; else a day no learner's today is past (UTC's + 1, in every zone).
  today = addDays(now.toISOString().slice(0, 10), 1),
): StoreCounts {
  const counts: StoreCounts = { imported: 0, skipped: 0, days: 0, onList: 0, offList: 0 };
  const days = new Set<string>();
  const createdAt = now.toISOString();
  db.transaction(() => {
    for (const a of attempts) {
      if (dayOutOfRange(a.day, today)) {
        counts.skipped++;
        continue;
      }
      const kept = keepAttempt(db, learnerId, origin, { ...a, sameDayIsDuplicate: true }, createdAt);
      if (!kept.added) {
        counts.skipped++;
        continue;
      }
      counts.imported++;
      counts[kept.standing === 'listed' ? 'onList' : 'offList']++;
      days.add(a.day);
    }
  })();
  counts.days = days.size;
  return counts;
}

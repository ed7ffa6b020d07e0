import type { Db } from '../db/connection.ts';
import { localDay } from '../day.ts';
import { DEFAULT_SETTINGS } from '../learners/learnerSettings.ts';
import { membersOf } from '../membership/memberRepository.ts';

/**
 * The time zone of a group as a whole (the CLI's default day, an admin looking at a board): the one most of its
 * members live in (the earliest member's among equals), else the default. A member always sees their own local day.
 */
export function groupTimeZone(db: Db, groupId: number): string {
  const counts = new Map<string, number>();
  for (const m of membersOf(db, groupId)) counts.set(m.timezone, (counts.get(m.timezone) ?? 0) + 1);
  let best = DEFAULT_SETTINGS.timezone;
  let most = 0;
  for (const [zone, n] of counts)
    if (n > most) {
      best = zone;
      most = n;
    }
  return best;
}

export function groupToday(db: Db, groupId: number, now: Date): string {
  return localDay(now, groupTimeZone(db, groupId));
}

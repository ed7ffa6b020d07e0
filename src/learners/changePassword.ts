import type { Db } from '../db/connection.ts';
import { setLearnerPassword } from './learnerRepository.ts';
import { acceptablePassword, hashPassword } from './password.ts';
import { endSessionsOf } from './sessionRepository.ts';

/**
 * Sets a learner's new password (refused with a 422 AppError unless acceptablePassword) and ends every other session of
 * theirs in the same transaction: whoever else was logged in with the old password is logged out. `keepSid` is the
 * session that made the change (the settings page); the CLI keeps none.
 */
export function changePassword(db: Db, learnerId: number, password: unknown, keepSid?: string): void {
  const hash = hashPassword(acceptablePassword(password));
  db.transaction(() => {
    setLearnerPassword(db, learnerId, hash);
    endSessionsOf(db, learnerId, keepSid);
  })();
}

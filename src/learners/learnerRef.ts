import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { learnerById, learnerByLogin, type Learner } from './learnerRepository.ts';

/**
 * The learner a command or an admin form names: a login, or an id given as a number (`--learner alice` and
 * `--learner 3` both work; a login made of digits wins over the id it spells). Every CLI command and the group member
 * form find learners through this one function, so they accept the same values and fail with the same message.
 */
export function learnerFor(db: Db, ref: unknown): Learner {
  const text = typeof ref === 'string' ? ref.trim() : typeof ref === 'number' ? String(ref) : '';
  if (text === '') throw new AppError('learner.required', 'name a learner by login or id (--learner <login|id>)');
  const found = learnerByLogin(db, text) ?? (/^\d{1,15}$/.test(text) ? learnerById(db, Number(text)) : undefined);
  if (!found)
    throw new AppError('learner.unknown', `there is no learner ${JSON.stringify(text)}`, 404, { learner: text });
  return found;
}

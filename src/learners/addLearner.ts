import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { createLearner, learnerByLogin, type Learner } from './learnerRepository.ts';
import { DEFAULT_SETTINGS, parseLearnerSettings, parseLogin } from './learnerSettings.ts';
import { acceptablePassword, hashPassword } from './password.ts';

/**
 * Validates and creates a learner from raw fields (a form or CLI options): login, password, name, email and the
 * optional settings. The login must be free. A missing password is allowed only when `passwordOptional`.
 */
export function addLearner(
  db: Db,
  raw: Record<string, unknown>,
  options: { isAdmin: boolean; now: Date; passwordOptional?: boolean },
): Learner {
  const login = parseLogin(raw.login);
  const settings = parseLearnerSettings(
    { ...raw, name: raw.name ?? '', email: raw.email ?? '' },
    DEFAULT_SETTINGS,
    options.now,
  );
  const missing = raw.password === undefined || raw.password === '';
  if (!(missing && options.passwordOptional)) acceptablePassword(raw.password);
  if (learnerByLogin(db, login))
    throw new AppError('progress.login_taken', `login ${JSON.stringify(login)} is taken`, 422, { value: login });
  const passwordHash = missing ? null : hashPassword(raw.password as string);
  return createLearner(db, { ...settings, login, passwordHash, isAdmin: options.isAdmin }, options.now);
}

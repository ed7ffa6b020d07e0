import { randomBytes, scrypt, timingSafeEqual, scryptSync, type ScryptOptions } from 'node:crypto';
import { AppError } from '../errors.ts';

/**
 * Passwords are stored as 'scrypt$N$r$p$salt$hash' (salt and hash base64). The parameters travel with the
 * hash so they can be raised later (or lowered in tests) without breaking existing logins.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** What the server hashes with: ~100 ms a hash. */
export const PRODUCTION_SCRYPT_COST: Readonly<ScryptCost> = Object.freeze({ N: 16384, r: 8, p: 1 });
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1024;

let cost: ScryptCost = { ...PRODUCTION_SCRYPT_COST };

/**
 * Sets the cost of new hashes. Only the test suite calls this (test/support/fastScrypt.ts) to keep integration tests
 * fast; stored hashes keep verifying whatever the current cost, because each names its own parameters.
 */
export function setScryptCost(next: ScryptCost): void {
  cost = { ...next };
  decoyHash = undefined;
}

export function scryptCost(): ScryptCost {
  return { ...cost };
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const { N, r, p } = cost;
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: maxmem(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

interface StoredHash {
  salt: Buffer;
  expected: Buffer;
  options: ScryptOptions;
}

function maxmem(n: number, r: number): number {
  return 256 * n * r + 1024 * 1024;
}

function parseStored(stored: string | null | undefined): StoredHash | undefined {
  const parts = stored?.split('$');
  if (parts?.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  if (![n, r, p].every((x) => Number.isInteger(x) && x > 0) || n > 1 << 20 || r > 32 || p > 16) return undefined;
  const expected = Buffer.from(parts[5], 'base64');
  if (expected.length === 0) return undefined;
  return { salt: Buffer.from(parts[4], 'base64'), expected, options: { N: n, r, p, maxmem: maxmem(n, r) } };
}

let decoyHash: string | undefined;

/**
 * True when `password` matches `stored`, computed off the event loop: scrypt takes ~100 ms, which must not stall
 * other requests. A login that does not exist (`stored` undefined) is checked against a decoy hash, so the answer takes
 * as long as for a real one and its timing does not tell which logins exist. A missing or malformed hash never matches.
 */
export async function checkPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (stored === null || stored === undefined) decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const hash = parseStored(stored ?? decoyHash ?? '');
  if (!hash) return false;
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), hash.salt, hash.expected.length, hash.options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  return timingSafeEqual(actual, hash.expected) && stored !== undefined && stored !== null;
}

/**
 * Why a password a learner chose is refused (the English line), or undefined when it is acceptable: at least
 * MIN_PASSWORD_LENGTH characters, not only white space, not one character repeated.
 */
export function passwordProblem(password: unknown): { code: string; message: string } | undefined {
  if (
    typeof password !== 'string' ||
    [...password].length < MIN_PASSWORD_LENGTH ||
    password.length > MAX_PASSWORD_LENGTH
  ) {
    return {
      code: 'progress.weak_password',
      message: `the password must have ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`,
    };
  }
  if (password.trim() === '')
    return { code: 'progress.blank_password', message: 'the password must not be only spaces' };
  if (new Set(password).size === 1)
    return { code: 'progress.repeated_password', message: 'the password must not be one character repeated' };
  return undefined;
}

/** The password itself when acceptable (see passwordProblem); else a 422 AppError naming the rule it breaks. */
export function acceptablePassword(password: unknown): string {
  const problem = passwordProblem(password);
  if (problem)
    throw new AppError(problem.code, problem.message, 422, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
  return password as string;
}

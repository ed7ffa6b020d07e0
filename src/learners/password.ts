import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Passwords are stored as 'scrypt$N$r$p$salt$hash' (salt and hash base64). The parameters travel with the
 * hash so they can be raised later without breaking existing logins.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** True when `password` matches `stored`; false for a missing or malformed hash. Compares in constant time. */
export function verifyPassword(password: string, stored: string | null | undefined): boolean {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  if (![n, r, p].every((x) => Number.isInteger(x) && x > 0) || n > 1 << 20) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (expected.length === 0) return false;
  const actual = scryptSync(password.normalize('NFC'), salt, expected.length, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 });
  return timingSafeEqual(actual, expected);
}

/** Hashes a password the learner chose, after checking it is long enough. */
export function isAcceptablePassword(password: unknown): password is string {
  return typeof password === 'string' && [...password].length >= MIN_PASSWORD_LENGTH && password.length <= 1024;
}

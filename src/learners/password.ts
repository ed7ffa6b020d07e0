import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

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

interface StoredHash {
  salt: Buffer;
  expected: Buffer;
  options: ScryptOptions;
}

function parseStored(stored: string | null | undefined): StoredHash | undefined {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  if (![n, r, p].every((x) => Number.isInteger(x) && x > 0) || n > 1 << 20) return undefined;
  const expected = Buffer.from(parts[5], 'base64');
  if (expected.length === 0) return undefined;
  return { salt: Buffer.from(parts[4], 'base64'), expected, options: { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 } };
}

/** True when `password` matches `stored`; false for a missing or malformed hash. Compares in constant time. */
export function verifyPassword(password: string, stored: string | null | undefined): boolean {
  const hash = parseStored(stored);
  if (!hash) return false;
  return timingSafeEqual(scryptSync(password.normalize('NFC'), hash.salt, hash.expected.length, hash.options), hash.expected);
}

let decoyHash: string | undefined;

/**
 * verifyPassword() off the event loop, for the login form: scrypt takes ~100 ms, which must not stall other requests.
 * A login that does not exist (`stored` undefined) is checked against a decoy hash, so the answer takes as long as for
 * a real one and its timing does not tell which logins exist.
 */
export async function checkPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const hash = parseStored(stored ?? (decoyHash ??= hashPassword(randomBytes(16).toString('hex'))));
  if (!hash) return false;
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), hash.salt, hash.expected.length, hash.options, (error, key) => (error ? reject(error) : resolve(key))),
  );
  return timingSafeEqual(actual, hash.expected) && stored !== undefined && stored !== null;
}

/** Hashes a password the learner chose, after checking it is long enough. */
export function isAcceptablePassword(password: unknown): password is string {
  return typeof password === 'string' && [...password].length >= MIN_PASSWORD_LENGTH && password.length <= 1024;
}

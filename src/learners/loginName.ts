/**
 * The one form of a login as typed into the login form: trimmed and lower-cased (logins are ASCII and compared
 * without case). The lookup and the login limiter's key both use it, so every spelling that reaches one account
 * (' MINA ', 'mina') counts against the same limit.
 */
export function normalizeLogin(typed: string): string {
  return typed.normalize('NFC').trim().toLowerCase();
}

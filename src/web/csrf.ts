import crypto from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { csrfSync } from 'csrf-sync';
import { AppError } from '../errors.ts';
import { cookieValue } from './cookies.ts';
import { submittedToken } from './validate.ts';

/** The cookie that binds an anonymous visitor's form token: a random nonce, never stored on the server. */
export const FORM_COOKIE = 'cote.form';
const NONCE_BYTES = 24;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection in two halves, so that an anonymous visitor costs the server no stored row:
 * - a logged-in learner's forms carry a synchroniser token kept in their session (csrf-sync);
 * - an anonymous visitor's forms (login, first-run setup, the language switch) carry a signed double-submit token:
 *   HMAC(secret, nonce) where the nonce lives only in the visitor's httpOnly SameSite cookie. A flood of anonymous
 *   form pages therefore writes nothing and can evict nobody's pending login.
 * A cross-site POST is refused either way: browsers send `Sec-Fetch-Site`, and the token is unreadable from
 * another site.
 */
export function csrfProtection(secret: string, skip: (req: Request) => boolean): RequestHandler {
  const { csrfSynchronisedProtection } = csrfSync({
    size: 32,
    getTokenFromRequest: submittedToken,
    skipCsrfProtection: skip,
  });
  const sign = (nonce: string) => crypto.createHmac('sha256', secret).update(`form:${nonce}`).digest('base64url');

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.session?.learnerId !== undefined) return csrfSynchronisedProtection(req, res, next);
    req.csrfToken = () => sign(formNonce(req, res));
    if (SAFE_METHODS.has(req.method) || skip(req)) return next();
    const nonce = cookieValue(req.headers.cookie, FORM_COOKIE);
    const token = submittedToken(req);
    if (crossSite(req) || !nonce || !token || !sameText(token, sign(nonce))) return next(csrfError());
    next();
  };
}

/** The visitor's nonce: the cookie's, or a new one set on this answer (once per request). */
function formNonce(req: Request, res: Response): string {
  const known = (res.locals.formNonce as string | undefined) ?? cookieValue(req.headers.cookie, FORM_COOKIE);
  if (known && /^[A-Za-z0-9_-]{32}$/.test(known)) return known;
  const nonce = crypto.randomBytes(NONCE_BYTES).toString('base64url');
  res.locals.formNonce = nonce;
  res.cookie(FORM_COOKIE, nonce, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
  return nonce;
}

/**
 * A browser that says the request came from another site is refused whatever it carries. (Origin is no help here:
 * under the no-referrer policy helmet sets, Chromium sends `Origin: null` for same-origin form posts too.)
 */
function crossSite(req: Request): boolean {
  return req.headers['sec-fetch-site'] === 'cross-site';
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

function csrfError(): AppError {
  return new AppError('csrf', 'the form expired or did not come from this site', 403);
}

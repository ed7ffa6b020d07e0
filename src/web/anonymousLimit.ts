import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { translator } from '../i18n/index.ts';
import { cookieValue } from './cookies.ts';
import { pageLanguage } from './locals.ts';

/** The two places one limit is checked: before anything else runs, and once a session cookie has been read. */
export interface AnonymousLimit {
  /** For requests with no session cookie, which can only be anonymous: as early as possible, so a flood costs little. */
  cookieless: RequestHandler;
  /** For requests whose session cookie turned out to hold no learner (stale, logged out or made up). */
  afterSession: RequestHandler;
}

/**
 * Bounds what one address may ask before logging in (pages, the login and setup forms, errors), so that a flood from
 * one address costs a counter and a line of text, not a render each, and other addresses — a member logging in — are
 * not slowed. A logged-in learner is never counted; static files are served before this runs. 0 turns it off.
 */
export function anonymousLimit(perMinute: number, sessionCookie: string): AnonymousLimit {
  const limiter = rateLimit({
    windowMs: 60 * 1000,
    limit: perMinute,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // A line of text in the visitor's language, not a rendered page: answering a flood must cost as little as possible.
    handler: (req, res) => {
      res
        .status(429)
        .type('text/plain; charset=utf-8')
        .send(translator(pageLanguage(req))('error.request.too_many'));
    },
  });
  const hasSession = (req: Request) => cookieValue(req.headers.cookie, sessionCookie) !== undefined;
  const off = (_req: Request, _res: Response, next: NextFunction) => next();
  if (perMinute === 0) return { cookieless: off, afterSession: off };
  return {
    cookieless: (req, res, next) => (hasSession(req) ? next() : limiter(req, res, next)),
    afterSession: (req, res, next) => (!hasSession(req) || req.learner ? next() : limiter(req, res, next)),
  };
}

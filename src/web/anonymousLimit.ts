import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Translate } from '../i18n/index.ts';

/**
 * Bounds what one address may ask before logging in (pages, the login and setup forms, errors), so a flood from one
 * address costs a counter, not a render each, and other addresses — a member logging in — are not slowed. A logged-in
 * learner is never counted here; static files are served before this runs. 0 turns it off.
 * Runs after viewLocals, so the answer is in the visitor's language.
 */
export function anonymousLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60 * 1000,
    limit: perMinute,
    skip: (req) => perMinute === 0 || req.learner !== undefined,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // A line of text, not a rendered page: answering a flood must cost as little as possible.
    handler: (_req, res) => {
      const t = res.locals.t as Translate;
      res.status(429).type('text/plain; charset=utf-8').send(t('error.request.too_many'));
    },
  });
}

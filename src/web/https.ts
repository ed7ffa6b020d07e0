import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { Config } from '../config.ts';

/**
 * One decision per request, read everywhere as `req.secure`: the user reaches this request over HTTPS when
 * COTE_SECURE_COOKIES says the site is served over HTTPS, or when a proxy trusted by COTE_TRUST_PROXY says so
 * (X-Forwarded-Proto: https). Plain HTTP on a LAN (`http://study-pc:3000`) is neither.
 */
export function httpsDecision(config: Pick<Config, 'secureCookies'>): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (config.secureCookies) Object.defineProperty(req, 'secure', { value: true, configurable: true });
    next();
  };
}

const CSP = { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'form-action': ["'self'"] };

/**
 * helmet's headers for the request's scheme. Over plain HTTP, `upgrade-insecure-requests` would send the page's CSS,
 * JS and form posts to https://, which a LAN server does not answer, and HSTS is meaningless: neither is sent.
 * Cross-Origin-Opener-Policy and Origin-Agent-Cluster apply only to potentially trustworthy origins: over
 * `http://study-pc:3000` Chromium ignores them and logs an error and a warning on every page, so neither is sent.
 */
export function securityHeaders(): RequestHandler {
  const overHttps = helmet({ contentSecurityPolicy: { directives: CSP } });
  const overHttp = helmet({
    contentSecurityPolicy: { directives: { ...CSP, 'upgrade-insecure-requests': null } },
    strictTransportSecurity: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
  });
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next);
}

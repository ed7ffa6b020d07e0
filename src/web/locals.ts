import type { NextFunction, Request, Response } from 'express';
import { isLang, LANGS, translator, type Lang } from '../i18n/index.ts';
import { tierLabel, tierOf } from '../judges/tier.ts';
import { formatInstant, isoWeekday, localDay, localTime } from '../day.ts';
import { DEFAULT_SETTINGS } from '../learners/learnerSettings.ts';
import { originLabel } from '../i18n/origin.ts';
import { AppError } from '../errors.ts';
import { jsonScript } from './jsonScript.ts';
import { cookieValue } from './cookies.ts';

export const LANG_COOKIE = 'cote_lang';

/**
 * The page language: the switch's cookie, else the learner's setting, else the best of ko and en by the browser's
 * Accept-Language (Express's negotiation: qualities, `en-US` for en, `q=0` refuses); Korean when it accepts neither.
 */
export function pageLanguage(req: Request): Lang {
  const cookie = langCookie(req);
  if (cookie.ok && isLang(cookie.value)) return cookie.value;
  if (req.learner) return req.learner.language;
  return (req.acceptsLanguages(...LANGS) || 'ko') as Lang;
}

/**
 * The CSRF token as views print it (`<%= csrfToken %>`): made only when a view prints it, i.e. when a page has a form
 * (a logged-in learner's is kept in their session; an anonymous visitor's is signed and stored nowhere, web/csrf.ts).
 */
export function lazyCsrfToken(req: Request): { toString(): string } {
  return { toString: () => (req.csrfToken ? req.csrfToken() : '') };
}

/**
 * Puts what every view uses on res.locals: t, lang, the learner, the CSRF token, tier helpers. A `cote_lang` cookie
 * that cannot be decoded is a bad request (400): it is cleared, so the next page works again.
 */
export function viewLocals(req: Request, res: Response, next: NextFunction) {
  const lang = pageLanguage(req);
  const t = translator(lang);
  res.locals.lang = lang;
  res.locals.t = t;
  res.locals.learner = req.learner;
  res.locals.currentPath = req.originalUrl;
  res.locals.csrfToken = lazyCsrfToken(req);
  res.locals.tierLabel = (level: number) => tierLabel(level, t);
  res.locals.tierOf = tierOf;
  res.locals.weekday = (day: string) => t(`progress.weekday.${isoWeekday(day)}`);
  res.locals.originLabel = (origin: string) => originLabel(origin, t);
  res.locals.jsonScript = jsonScript;
  // Stored instants (UTC) shown in the reader's zone: the learner's, else the default a new learner gets.
  const zone = req.learner?.timezone ?? DEFAULT_SETTINGS.timezone;
  res.locals.localMinute = (instant: Date | string | null) => formatInstant(instant, zone);
  // The reader's calendar date of an instant: a learner created at 04:40 KST on 12-07 joined on 12-07, not 12-06 (UTC).
  res.locals.localDate = (instant: Date | string) => localDay(new Date(instant), zone);
  res.locals.localClock = (instant: Date | string) => localTime(new Date(instant), zone);
  res.locals.flash = req.session?.flash;
  if (req.session?.flash) delete req.session.flash;
  if (!langCookie(req).ok) {
    res.clearCookie(LANG_COOKIE);
    return next(
      new AppError('request.bad_cookie', `the ${LANG_COOKIE} cookie is malformed`, 400, { name: LANG_COOKIE }),
    );
  }
  next();
}

/** The language cookie's value; ok is false when it is present but not a valid percent-encoding. */
function langCookie(req: Request): { ok: boolean; value?: string } {
  const raw = cookieValue(req.headers.cookie, LANG_COOKIE);
  if (raw === undefined) return { ok: true };
  try {
    return { ok: true, value: decodeURIComponent(raw) };
  } catch {
    return { ok: false };
  }
}

import type { NextFunction, Request, Response } from 'express';
import { isLang, langFromAcceptLanguage, translator, type Lang } from '../i18n/index.ts';
import { tierLabel, tierOf } from '../catalog/tier.ts';
import { formatInstant, isoWeekday } from '../day.ts';
import { DEFAULT_SETTINGS } from '../learners/learnerSettings.ts';
import { originLabel } from '../i18n/origin.ts';
import { jsonScript } from './jsonScript.ts';

export const LANG_COOKIE = 'cote_lang';

/** The page language: the switch's cookie, else the learner's setting, else the browser's Accept-Language. */
export function pageLanguage(req: Request): Lang {
  const cookie = parseCookie(req.headers.cookie, LANG_COOKIE);
  if (isLang(cookie)) return cookie;
  if (req.learner) return req.learner.language;
  return langFromAcceptLanguage(req.headers['accept-language']);
}

/** Puts what every view uses on res.locals: t, lang, the learner, the CSRF token, tier and time helpers. */
export function viewLocals(req: Request, res: Response, next: NextFunction) {
  const lang = pageLanguage(req);
  const t = translator(lang);
  res.locals.lang = lang;
  res.locals.t = t;
  res.locals.learner = req.learner;
  res.locals.currentPath = req.originalUrl;
  res.locals.csrfToken = req.csrfToken ? req.csrfToken() : '';
  res.locals.tierLabel = (level: number) => tierLabel(level, t);
  res.locals.tierOf = tierOf;
  res.locals.weekday = (day: string) => t(`progress.weekday.${isoWeekday(day)}`);
  res.locals.originLabel = (origin: string) => originLabel(origin, t);
  res.locals.jsonScript = jsonScript;
  // Stored instants (UTC) shown in the reader's zone: the learner's, else the default a new learner gets.
  const zone = req.learner?.timezone ?? DEFAULT_SETTINGS.timezone;
  res.locals.localMinute = (instant: Date | string | null) => formatInstant(instant, zone);
  res.locals.flash = req.session?.flash;
  if (req.session?.flash) delete req.session.flash;
  next();
}

function parseCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

import { Router } from 'express';
import { z } from 'zod';
import { isLang } from '../i18n/index.ts';
import { setLearnerLanguage } from '../learners/learnerRepository.ts';
import type { AppDeps } from '../context.ts';
import { LANG_COOKIE } from './locals.ts';
import { AppError } from '../errors.ts';
import { sameOriginPath } from './sameOriginPath.ts';
import { field, parseBody, parseQuery } from './validate.ts';

const LanguageForm = z.object({ lang: field.text(10), back: field.optional(2048) });

/**
 * POST /language — the language switch of a logged-in learner: a cookie, and their setting (emails follow it).
 * GET /language?lang=en&back=/x — the switch of anonymous visitors: only the cookie, so it needs no session and no
 * CSRF token (pages without a form store no session for them).
 */
export function languageRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.post('/language', (req, res) => {
    const form = parseBody(LanguageForm, req);
    const lang = form.lang;
    if (!isLang(lang))
      throw new AppError('language.unknown', `unknown language ${JSON.stringify(lang)}: expected ko or en`, 400);
    res.cookie(LANG_COOKIE, lang, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 * 1000 });
    if (req.learner) setLearnerLanguage(db, req.learner.id, lang);
    res.redirect(safeBack(pageToReturnTo(form.back)));
  });
  router.get('/language', (req, res) => {
    const form = parseQuery(LanguageForm, req);
    if (!isLang(form.lang))
      throw new AppError('language.unknown', `unknown language ${JSON.stringify(form.lang)}: expected ko or en`, 400);
    res.cookie(LANG_COOKIE, form.lang, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 * 1000 });
    res.redirect(safeBack(form.back));
  });
  return router;
}

/**
 * Pages re-rendered by a POST (a form with an error) name their POST-only path as `back`; following it back would
 * be a GET of a path that has none (404). Such paths go back to the page their form lives on instead.
 */
const POST_ONLY_PATHS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^\/attempts\/(\d+)$/, (m) => `/attempts/${m[1]}/edit`],
  [/^\/attempts(\/undo)?$/, () => '/'],
  [/^\/attempts\/restore$/, () => '/history'],
  [/^\/plan\/today\/[a-z]+$/, () => '/plan/today'],
  [/^\/history\/import\/baekjoonhub$/, () => '/history/import'],
  [/^\/lists\/import$/, () => '/lists'],
  [/^\/settings\/password$/, () => '/settings'],
  [/^\/settings\/email\/test$/, () => '/settings/email'],
  [/^\/(language|logout)$/, () => '/'],
];

/** `back` with a POST-only path replaced by the page to return to; anything else unchanged (safeBack judges it). */
export function pageToReturnTo(back: unknown): unknown {
  if (typeof back !== 'string') return back;
  const pathOnly = back.split(/[?#]/)[0];
  for (const [pattern, page] of POST_ONLY_PATHS) {
    const m = pattern.exec(pathOnly);
    if (m) return page(m);
  }
  return back;
}

/** Where to go back to after a form: the user-given path when it stays on this site (see sameOriginPath), else '/'. */
export function safeBack(back: unknown): string {
  return sameOriginPath(back) ?? '/';
}

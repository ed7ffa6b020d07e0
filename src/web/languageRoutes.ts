import { Router } from 'express';
import { isLang } from '../i18n/index.ts';
import { setLearnerLanguage } from '../learners/learnerRepository.ts';
import type { AppDeps } from './deps.ts';
import { LANG_COOKIE } from './locals.ts';
import { AppError } from '../errors.ts';

/** POST /language — the language switch: a cookie for everyone, and the learner's setting (emails follow it). */
export function languageRoutes({ db }: AppDeps): Router {
  const router = Router();
  router.post('/language', (req, res) => {
    const lang = req.body?.lang;
    if (!isLang(lang)) throw new AppError('language.unknown', `unknown language ${JSON.stringify(lang)}: expected ko or en`, 400);
    res.cookie(LANG_COOKIE, lang, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 * 1000 });
    if (req.learner) setLearnerLanguage(db, req.learner.id, lang);
    res.redirect(safeBack(pageToReturnTo(req.body?.back)));
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

/** Only same-site relative paths are followed back, never another host. */
export function safeBack(back: unknown): string {
  return typeof back === 'string' && back.startsWith('/') && !back.startsWith('//') ? back : '/';
}

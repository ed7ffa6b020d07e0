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
    res.redirect(safeBack(req.body?.back));
  });
  return router;
}

/** Only same-site relative paths are followed back, never another host. */
export function safeBack(back: unknown): string {
  return typeof back === 'string' && back.startsWith('/') && !back.startsWith('//') ? back : '/';
}

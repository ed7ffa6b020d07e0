import { Router, type Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../../errors.ts';
import { learnerById, learnerCount, passwordHashByLogin } from '../../learners/learnerRepository.ts';
import { addLearner } from '../../learners/addLearner.ts';
import { DEFAULT_SETTINGS } from '../../learners/learnerSettings.ts';
import { checkPassword } from '../../learners/password.ts';
import { safeBack } from '../languageRoutes.ts';
import { settingsForm, submittedForm, TIME_ZONES, withFormErrors } from './forms.ts';

const LANDING = '/plan/today';

/** GET/POST /setup (the first learner, an admin), GET/POST /login, POST /logout. */
export function authRoutes({ db, now }: AppDeps): Router {
  const router = Router();
  const loginLimit = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 10,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${String(req.body?.login ?? '').toLowerCase()}`,
    handler: (req, res) => res.status(429).render('auth/login', { title: res.locals.t('progress.login.title'), login: String(req.body?.login ?? ''), next: nextOf(req), error: res.locals.t('error.progress.too_many_logins') }),
  });

  router.get('/setup', (_req, res) => {
    if (learnerCount(db) > 0) return res.redirect('/login');
    res.render('auth/setup', { title: res.locals.t('progress.setup.title'), form: settingsForm({ ...DEFAULT_SETTINGS, language: res.locals.lang, login: '' }), timeZones: TIME_ZONES });
  });

  router.post('/setup', (req, res, next) => {
    const locals = { title: res.locals.t('progress.setup.title'), form: submittedForm(req.body), timeZones: TIME_ZONES };
    withFormErrors(res, 'auth/setup', locals, () => {
      const learner = db.transaction(() => {
        if (learnerCount(db) > 0) throw new AppError('progress.setup_done', 'setup is already done: log in', 409);
        // The learner's language defaults to the page's (the browser's Accept-Language before anyone logs in).
        return addLearner(db, { language: res.locals.lang, ...req.body, studyDays: req.body.studyDays ?? [] }, { isAdmin: true, now: now() });
      })();
      logIn(req, learner.id, LANDING).then((to) => res.redirect(to), next);
    });
  });

  router.get('/login', (req, res) => {
    if (learnerCount(db) === 0) return res.redirect('/setup');
    if (req.learner) return res.redirect(safeNext(req.query.next));
    res.render('auth/login', { title: res.locals.t('progress.login.title'), login: '', next: nextOf(req) });
  });

  router.post('/login', loginLimit, async (req, res) => {
    const login = String(req.body?.login ?? '').trim();
    const found = passwordHashByLogin(db, login);
    // One generic answer whether the login or the password is wrong, so logins cannot be probed.
    const matches = await checkPassword(String(req.body?.password ?? ''), found?.hash);
    if (!found || !matches || !learnerById(db, found.id)) {
      return res.status(401).render('auth/login', { title: res.locals.t('progress.login.title'), login, next: nextOf(req), error: res.locals.t('error.progress.bad_login') });
    }
    res.redirect(await logIn(req, found.id, safeNext(req.body?.next)));
  });

  router.post('/logout', (req, res, next) => {
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie('cote.sid');
      res.redirect('/login');
    });
  });
  return router;
}

/** A fresh session id on login, so a session id planted before login is worthless after it. */
function logIn(req: Request, learnerId: number, to: string): Promise<string> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((error) => {
      if (error) return reject(error);
      req.session.learnerId = learnerId;
      req.session.save((saveError) => (saveError ? reject(saveError) : resolve(to)));
    });
  });
}

function nextOf(req: Request): string {
  const next = req.body?.next ?? req.query.next;
  return typeof next === 'string' ? next : '';
}

function safeNext(next: unknown): string {
  const to = safeBack(next);
  return to === '/' && next !== '/' ? LANDING : to;
}

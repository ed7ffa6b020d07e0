import { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { AppDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { learnerById, learnerCount, passwordHashByLogin } from '../../learners/learnerRepository.ts';
import { addLearner } from '../../learners/addLearner.ts';
import { DEFAULT_SETTINGS } from '../../learners/learnerSettings.ts';
import { normalizeLogin } from '../../learners/loginName.ts';
import { checkPassword, MAX_PASSWORD_LENGTH } from '../../learners/password.ts';
import { safeBack } from '../languageRoutes.ts';
import { LEARNER_SESSION_MS } from '../sessionStore.ts';
import { field, parseBody, parseQuery } from '../validate.ts';
import { NewLearnerBody, settingsForm, submittedForm, TIME_ZONES, withFormErrors } from './forms.ts';

const LANDING = '/plan/today';

const LoginQuery = z.object({ next: field.optional(2048) });
const LoginBody = z.object({
  login: field.text(200),
  password: field.text(MAX_PASSWORD_LENGTH * 4),
  next: field.optional(2048),
});

/** GET/POST /setup (the first learner, an admin), GET/POST /login, POST /logout. */
export function authRoutes({ db, now }: AppDeps): Router {
  const router = Router();
  const loginLimit = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 10,
    skipSuccessfulRequests: true,
    // One bucket per address and account: the login is normalised exactly as for the lookup.
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${normalizeLogin(parseBody(LoginBody, req).login)}`,
    handler: (req, res) => {
      const body = parseBody(LoginBody, req);
      renderLogin(
        res.status(429),
        normalizeLogin(body.login),
        body.next ?? '',
        res.locals.t('error.progress.too_many_logins'),
      );
    },
  });

  router.get('/setup', (_req, res) => {
    if (learnerCount(db) > 0) return res.redirect('/login');
    res.render('auth/setup', {
      title: res.locals.t('progress.setup.title'),
      form: settingsForm({ ...DEFAULT_SETTINGS, language: res.locals.lang, login: '' }),
      timeZones: TIME_ZONES,
    });
  });

  router.post('/setup', (req, res) => {
    const body = parseBody(NewLearnerBody, req);
    const locals = { title: res.locals.t('progress.setup.title'), form: submittedForm(body), timeZones: TIME_ZONES };
    return withFormErrors(res, 'auth/setup', locals, async () => {
      const learner = db.transaction(() => {
        if (learnerCount(db) > 0) throw new AppError('progress.setup_done', 'setup is already done: log in', 409);
        // The learner's language defaults to the page's (the browser's Accept-Language before anyone logs in).
        return addLearner(
          db,
          { language: res.locals.lang, ...body, studyDays: body.studyDays ?? [] },
          { isAdmin: true, now: now() },
        );
      })();
      res.redirect(await logIn(req, learner.id, LANDING));
    });
  });

  router.get('/login', (req, res) => {
    const query = parseQuery(LoginQuery, req);
    if (learnerCount(db) === 0) return res.redirect('/setup');
    if (req.learner) return res.redirect(safeNext(query.next));
    renderLogin(res, '', query.next ?? '');
  });

  router.post('/login', loginLimit, async (req, res) => {
    const body = parseBody(LoginBody, req);
    const login = normalizeLogin(body.login);
    const found = passwordHashByLogin(db, login);
    // One generic answer whether the login or the password is wrong, so logins cannot be probed.
    const matches = await checkPassword(body.password, found?.hash);
    if (!found || !matches || !learnerById(db, found.id)) {
      return renderLogin(res.status(401), login, body.next ?? '', res.locals.t('error.progress.bad_login'));
    }
    res.redirect(await logIn(req, found.id, safeNext(body.next)));
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

function renderLogin(res: Response, login: string, next: string, error?: string) {
  res.render('auth/login', { title: res.locals.t('progress.login.title'), login, next, error });
}

/**
 * A fresh session id on login, so a session id planted before login is worthless after it; the logged-in session
 * lives 30 days from the last request (an anonymous one, an hour).
 */
function logIn(req: Request, learnerId: number, to: string): Promise<string> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((error) => {
      if (error) return reject(error);
      req.session.learnerId = learnerId;
      req.session.cookie.maxAge = LEARNER_SESSION_MS;
      req.session.save((saveError) => (saveError ? reject(saveError) : resolve(to)));
    });
  });
}

function safeNext(next: string | undefined): string {
  const to = safeBack(next);
  return to === '/' && next !== '/' ? LANDING : to;
}

import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { groupOfLearner } from '../../plans/planSettings.ts';
import type { AppDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { currentLearner, requireAdmin, requireLearner } from '../auth.ts';
import { addLearner } from '../../learners/addLearner.ts';
import { changePassword } from '../../learners/changePassword.ts';
import {
  learnerCount,
  learnersPage,
  passwordHashById,
  updateLearner,
  type Learner,
} from '../../learners/learnerRepository.ts';
import { DEFAULT_SETTINGS, parseLearnerSettings, type LearnerSettings } from '../../learners/learnerSettings.ts';
import { acceptablePassword, checkPassword, MAX_PASSWORD_LENGTH } from '../../learners/password.ts';
import { PageQuery, pageOf } from '../pagination.ts';
import { field, parseBody, parseQuery } from '../validate.ts';
import {
  flash,
  NewLearnerBody,
  SettingsBody,
  settingsForm,
  submittedForm,
  TIME_ZONES,
  withFormErrors,
} from './forms.ts';

const PasswordBody = z.object({
  current: field.text(MAX_PASSWORD_LENGTH * 4),
  password: field.text(MAX_PASSWORD_LENGTH * 4),
  confirm: field.text(MAX_PASSWORD_LENGTH * 4),
});

/** GET/POST /settings, POST /settings/password, and the admin's GET/POST /learners. */
export function settingsRoutes({ db, now }: AppDeps): Router {
  const router = Router();
  const passwordPage = (learner: Learner, t: (key: string) => string) => ({
    title: t('progress.settings.title'),
    form: settingsForm({ ...settingsOf(learner), login: learner.login }),
    timeZones: TIME_ZONES,
    passwordError: true,
  });
  // Guessing the current password from a stolen session is limited like the login form: 5 wrong guesses per 15 minutes.
  const passwordCheckLimit = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: 5,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.locals.wrongPassword !== true,
    keyGenerator: (req) => `learner:${currentLearner(req).id}`,
    handler: (req, res) => {
      const t = res.locals.t;
      res.status(429).render('settings/index', {
        ...passwordPage(currentLearner(req), t),
        error: t('error.progress.too_many_password_checks'),
      });
    },
  });

  // The settings a study group supplies while the learner keeps the default, shown next to those fields.
  router.use('/settings', (req, res, next) => {
    const group = req.learner && groupOfLearner(db, req.learner.id);
    if (group) res.locals.groupHint = { name: group.name, profile: group.profile, examDate: group.examDate };
    next();
  });

  router.get('/settings', requireLearner, (req, res) => {
    const learner = currentLearner(req);
    res.render('settings/index', {
      title: res.locals.t('progress.settings.title'),
      form: settingsForm({ ...settingsOf(learner), login: learner.login }),
      timeZones: TIME_ZONES,
    });
  });

  router.post('/settings', requireLearner, (req, res) => {
    const body = parseBody(SettingsBody, req);
    const learner = currentLearner(req);
    const locals = {
      title: res.locals.t('progress.settings.title'),
      form: { ...submittedForm(body), login: learner.login },
      timeZones: TIME_ZONES,
    };
    return withFormErrors(res, 'settings/index', locals, () => {
      // Unticked checkboxes are not sent: no study day box means no study days.
      updateLearner(
        db,
        learner.id,
        parseLearnerSettings({ ...body, studyDays: body.studyDays ?? [] }, settingsOf(learner), now()),
      );
      flash(req, 'ok', res.locals.t('progress.settings.saved'));
      res.redirect('/settings');
    });
  });

  router.post('/settings/password', requireLearner, passwordCheckLimit, (req, res) => {
    const body = parseBody(PasswordBody, req);
    const learner = currentLearner(req);
    return withFormErrors(res, 'settings/index', passwordPage(learner, res.locals.t), async () => {
      if (!(await checkPassword(body.current, passwordHashById(db, learner.id)))) {
        res.locals.wrongPassword = true;
        throw new AppError('progress.wrong_password', 'the current password is wrong', 422);
      }
      acceptablePassword(body.password);
      if (body.password !== body.confirm)
        throw new AppError('progress.password_mismatch', 'the two new passwords differ', 422);
      // The learner's other sessions end: a device logged in with the old password is logged out.
      changePassword(db, learner.id, body.password, req.sessionID);
      flash(req, 'ok', res.locals.t('progress.settings.password_changed'));
      res.redirect('/settings');
    });
  });

  // The list of learners comes in pages of 100 (?page=N).
  const learnerList = (query: unknown) => {
    const page = pageOf(query, learnerCount(db), (n) => `/learners?page=${n}`);
    return { learners: learnersPage(db, page.limit, page.offset), page };
  };

  router.get('/learners', requireAdmin, (req, res) => {
    res.render('learners/index', {
      title: res.locals.t('progress.learners.title'),
      ...learnerList(parseQuery(PageQuery, req).page),
      form: settingsForm({ ...DEFAULT_SETTINGS, language: res.locals.lang, login: '' }),
      timeZones: TIME_ZONES,
    });
  });

  router.post('/learners', requireAdmin, (req, res) => {
    const body = parseBody(NewLearnerBody, req);
    const locals = {
      title: res.locals.t('progress.learners.title'),
      ...learnerList(undefined),
      form: submittedForm(body),
      timeZones: TIME_ZONES,
    };
    return withFormErrors(res, 'learners/index', locals, () => {
      const added = addLearner(
        db,
        { language: res.locals.lang, ...body, studyDays: body.studyDays ?? [] },
        { isAdmin: body.isAdmin === '1', now: now() },
      );
      flash(req, 'ok', res.locals.t('progress.learners.added', { login: added.login }));
      res.redirect('/learners');
    });
  });
  return router;
}

function settingsOf(l: Learner): LearnerSettings {
  return {
    name: l.name,
    email: l.email,
    timezone: l.timezone,
    language: l.language,
    examDate: l.examDate,
    dailyMinutes: l.dailyMinutes,
    studyDays: l.studyDays,
    profile: l.profile,
  };
}

import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../../errors.ts';
import { currentLearner, requireAdmin, requireLearner } from '../auth.ts';
import { addLearner } from '../../learners/addLearner.ts';
import { learnerCount, learnersPage, passwordHashById, setLearnerPassword, updateLearner, type Learner } from '../../learners/learnerRepository.ts';
import { DEFAULT_SETTINGS, parseLearnerSettings, type LearnerSettings } from '../../learners/learnerSettings.ts';
import { hashPassword, isAcceptablePassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../../learners/password.ts';
import { pageOf } from '../pagination.ts';
import { flash, settingsForm, submittedForm, TIME_ZONES, withFormErrors } from './forms.ts';

/** GET/POST /settings, POST /settings/password, and the admin's GET/POST /learners. */
export function settingsRoutes({ db, now }: AppDeps): Router {
  const router = Router();

  router.get('/settings', requireLearner, (req, res) => {
    const learner = currentLearner(req);
    res.render('settings/index', { title: res.locals.t('progress.settings.title'), form: settingsForm({ ...settingsOf(learner), login: learner.login }), timeZones: TIME_ZONES });
  });

  router.post('/settings', requireLearner, (req, res) => {
    const learner = currentLearner(req);
    const locals = { title: res.locals.t('progress.settings.title'), form: { ...submittedForm(req.body), login: learner.login }, timeZones: TIME_ZONES };
    withFormErrors(res, 'settings/index', locals, () => {
      // Unticked checkboxes are not sent: no study day box means no study days.
      updateLearner(db, learner.id, parseLearnerSettings({ ...req.body, studyDays: req.body.studyDays ?? [] }, settingsOf(learner), now()));
      flash(req, 'ok', res.locals.t('progress.settings.saved'));
      res.redirect('/settings');
    });
  });

  router.post('/settings/password', requireLearner, (req, res) => {
    const learner = currentLearner(req);
    const locals = { title: res.locals.t('progress.settings.title'), form: settingsForm({ ...settingsOf(learner), login: learner.login }), timeZones: TIME_ZONES, passwordError: true };
    withFormErrors(res, 'settings/index', locals, () => {
      if (!verifyPassword(String(req.body.current ?? ''), passwordHashById(db, learner.id))) throw new AppError('progress.wrong_password', 'the current password is wrong', 422);
      if (!isAcceptablePassword(req.body.password)) throw new AppError('progress.weak_password', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`, 422, { min: MIN_PASSWORD_LENGTH });
      if (req.body.password !== req.body.confirm) throw new AppError('progress.password_mismatch', 'the two new passwords differ', 422);
      setLearnerPassword(db, learner.id, hashPassword(req.body.password));
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
    res.render('learners/index', { title: res.locals.t('progress.learners.title'), ...learnerList(req.query.page), form: settingsForm({ ...DEFAULT_SETTINGS, language: res.locals.lang, login: '' }), timeZones: TIME_ZONES });
  });

  router.post('/learners', requireAdmin, (req, res) => {
    const locals = { title: res.locals.t('progress.learners.title'), ...learnerList(undefined), form: submittedForm(req.body), timeZones: TIME_ZONES };
    withFormErrors(res, 'learners/index', locals, () => {
      const added = addLearner(db, { language: res.locals.lang, ...req.body, studyDays: req.body.studyDays ?? [] }, { isAdmin: req.body.isAdmin === '1', now: now() });
      flash(req, 'ok', res.locals.t('progress.learners.added', { login: added.login }));
      res.redirect('/learners');
    });
  });
  return router;
}

function settingsOf(l: Learner): LearnerSettings {
  return { name: l.name, email: l.email, timezone: l.timezone, language: l.language, examDate: l.examDate, dailyMinutes: l.dailyMinutes, studyDays: l.studyDays, profile: l.profile };
}

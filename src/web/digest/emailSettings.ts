import path from 'node:path';
import type { Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { localTime } from '../../day.ts';
import { recentDigests } from '../../digest/digestRepository.ts';
import { sendTestEmail, TEST_EMAIL_WINDOW_MS, TEST_EMAILS_PER_HOUR } from '../../digest/testEmail.ts';
import { createMailer } from '../../digest/transport.ts';
import { setDigestSettings, type Learner } from '../../learners/learnerRepository.ts';
import { currentLearner } from '../auth.ts';
import { ClockRateStore } from '../clockRateStore.ts';
import type { AppDeps } from '../../context.ts';
import { z } from 'zod';
import { field, parseBody } from '../validate.ts';
import { flash } from '../progress/forms.ts';

const EmailSettingsBody = z.object({ enabled: field.checkbox('on'), time: field.text(20) });

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

function renderPage(
  deps: AppDeps,
  res: Response,
  learner: Learner,
  form: { enabled: boolean; time: string },
  error?: string,
) {
  const recent = recentDigests(deps.db, learner.id);
  res.render('settings/email', {
    title: res.locals.t('digest.settings.title'),
    form,
    error,
    zone: learner.timezone,
    address: learner.email,
    recent,
    failed: recent.filter((d) => d.status === 'failed'),
  });
}

// GET /settings/email — digest on/off and time, the test button, recent and failed digests.
export function showEmailSettings(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const learner = currentLearner(req);
    renderPage(deps, res, learner, { enabled: learner.digestEnabled, time: learner.digestTime });
  };
}

// POST /settings/email — a bad time re-renders with 422; a good form is saved, flashed and redirected.
export function saveEmailSettings(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const body = parseBody(EmailSettingsBody, req);
    const learner = currentLearner(req);
    const form = { enabled: body.enabled === 'on', time: body.time.trim() };
    if (!TIME_RE.test(form.time)) {
      res.status(422);
      return renderPage(deps, res, learner, form, res.locals.t('error.digest.bad_time'));
    }
    setDigestSettings(deps.db, learner.id, form);
    flash(req, 'ok', res.locals.t('digest.settings.saved'));
    res.redirect('/settings/email');
  };
}

// POST /settings/email/test — sends one test email now and says what happened; at most 3 an hour (else 429).
export function sendTestEmailAction(deps: AppDeps) {
  const limit = rateLimit({
    windowMs: TEST_EMAIL_WINDOW_MS,
    limit: TEST_EMAILS_PER_HOUR,
    store: new ClockRateStore(deps.now),
    // A learner without an address is sent back to add one: that sends nothing, so it is not counted.
    skip: (req) => !req.learner?.email,
    keyGenerator: (req) => String(currentLearner(req).id),
    standardHeaders: false,
    legacyHeaders: false,
    handler: (req, res) => {
      const learner = currentLearner(req);
      const retryAt = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime ?? deps.now();
      res.status(429).set('Retry-After', String(Math.ceil((retryAt.getTime() - deps.now().getTime()) / 1000)));
      const message = res.locals.t('error.digest.test_limit', {
        max: TEST_EMAILS_PER_HOUR,
        time: localTime(retryAt, learner.timezone),
      });
      renderPage(deps, res, learner, { enabled: learner.digestEnabled, time: learner.digestTime }, message);
    },
  });
  const send = async (req: Request, res: Response) => {
    const learner = currentLearner(req);
    const t = res.locals.t;
    if (!learner.email) {
      flash(req, 'error', t('error.digest.no_email'));
      return res.redirect('/settings/email');
    }
    const mailer = createMailer(deps.config, { pool: false });
    try {
      const sent = await sendTestEmail(deps.config, mailer, learner, deps.now());
      const text = sent.file
        ? t('digest.settings.test_written', { file: path.basename(sent.file) })
        : t('digest.settings.test_sent', { address: learner.email });
      flash(req, 'ok', text);
    } catch (error) {
      deps.logger.warn('digest: test email failed', { learner: learner.id, error: (error as Error).message });
      flash(req, 'error', t('digest.settings.test_failed', { error: (error as Error).message }));
    } finally {
      mailer.close();
    }
    res.redirect('/settings/email');
  };
  return [limit, send];
}

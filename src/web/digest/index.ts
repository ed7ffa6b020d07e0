import { Router } from 'express';
import { requireLearner } from '../auth.ts';
import type { AppDeps } from '../../context.ts';
import { saveEmailSettings, sendTestEmailAction, showEmailSettings } from './emailSettings.ts';
import { showDigestPreview, showOutboxFile, showOutboxHtml, showOutboxMessage } from './preview.ts';
import { showUnsubscribePage, unsubscribe } from './unsubscribe.ts';

/** Routes of the digest pages. /unsubscribe/:token is public: its token is the credential. */
export function digestRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/digest/preview', requireLearner, showDigestPreview(deps));
  router.get('/digest/outbox/:name', requireLearner, showOutboxFile(deps));
  router.get('/digest/outbox/:name/view', requireLearner, showOutboxMessage(deps));
  router.get('/digest/outbox/:name/html', requireLearner, showOutboxHtml(deps));
  router.get('/settings/email', requireLearner, showEmailSettings(deps));
  router.post('/settings/email', requireLearner, saveEmailSettings(deps));
  router.post('/settings/email/test', requireLearner, sendTestEmailAction(deps));
  router.get('/unsubscribe/:token', showUnsubscribePage(deps));
  router.post('/unsubscribe/:token', unsubscribe(deps));
  return router;
}

import { Router } from 'express';
import type { AppDeps } from '../../context.ts';
import { requireLearner } from '../auth.ts';
import { saveAccounts, showAccounts, syncNow, syncStatus } from './accountsPage.ts';

/** The accounts page and "sync now": every route is the logged-in learner's own. */
export function syncRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/settings/accounts', requireLearner, showAccounts(deps));
  router.post('/settings/accounts', requireLearner, saveAccounts(deps));
  router.post('/settings/accounts/sync', requireLearner, syncNow(deps));
  router.get('/api/sync', requireLearner, syncStatus(deps));
  return router;
}

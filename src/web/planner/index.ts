import { Router } from 'express';
import { requireLearner } from '../auth.ts';
import type { AppDeps } from '../../context.ts';
import { showPlanPage } from './planPage.ts';
import { lessTimeAction, logItemAction, showTodayPage, skipAction, swapAction, unskipAction } from './todayRoutes.ts';
import { saveWeights, showWeights } from './weightsRoutes.ts';

/** Routes of the planner pages: Today (the landing page) with its actions, the whole plan, custom weights. */
export function plannerRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(['/plan', '/settings/weights'], requireLearner);
  router.get('/plan/today', showTodayPage(deps));
  router.post('/plan/today/log', logItemAction(deps));
  router.post('/plan/today/skip', skipAction(deps));
  router.post('/plan/today/unskip', unskipAction(deps));
  router.post('/plan/today/swap', swapAction(deps));
  router.post('/plan/today/less', lessTimeAction(deps));
  router.get('/plan', showPlanPage(deps));
  router.get('/settings/weights', showWeights(deps));
  router.post('/settings/weights', saveWeights(deps));
  return router;
}

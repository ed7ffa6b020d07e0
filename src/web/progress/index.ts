import { Router } from 'express';
import type { AppDeps } from '../../context.ts';
import { authRoutes } from './authRoutes.ts';
import { settingsRoutes } from './settingsRoutes.ts';
import { attemptRoutes } from './attemptRoutes.ts';
import { historyRoutes } from './historyRoutes.ts';
import { importRoutes } from './importRoutes.ts';

/** Routes of the progress pages: logins, settings, learners, the attempt log, history, imports and exports. */
export function progressRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use(authRoutes(deps));
  router.use(settingsRoutes(deps));
  router.use(attemptRoutes(deps));
  router.use(importRoutes(deps));
  router.use(historyRoutes(deps));
  return router;
}

import { Router } from 'express';
import type { AppDeps } from '../deps.ts';

/** Routes of the planner pages. */
export function plannerRoutes(_deps: AppDeps): Router {
  const router = Router();
  return router;
}

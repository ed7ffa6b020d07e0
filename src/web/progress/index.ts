import { Router } from 'express';
import type { AppDeps } from '../deps.ts';

/** Routes of the progress pages. */
export function progressRoutes(_deps: AppDeps): Router {
  const router = Router();
  return router;
}

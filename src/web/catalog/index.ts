import { Router } from 'express';
import type { AppDeps } from '../deps.ts';

/** Routes of the catalog pages. */
export function catalogRoutes(_deps: AppDeps): Router {
  const router = Router();
  return router;
}

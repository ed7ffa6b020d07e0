import { Router } from 'express';
import type { AppDeps } from '../deps.ts';

/** Routes of the digest pages. */
export function digestRoutes(_deps: AppDeps): Router {
  const router = Router();
  return router;
}

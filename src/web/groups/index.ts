import { Router } from 'express';
import type { AppDeps } from '../../context.ts';
import { groupAdminRoutes } from './adminRoutes.ts';
import { groupBoardRoutes } from './boardRoutes.ts';
import { reachAdminRoutes } from './reachRoutes.ts';

/** Routes of the study groups: the board and a member's own group settings, the admin's group pages. */
export function groupRoutes(deps: AppDeps): Router {
  const router = Router();
  // The board first: GET /groups/:id/board is open to the group's members, the rest of /groups to admins only.
  router.use(groupBoardRoutes(deps));
  router.use(groupAdminRoutes(deps));
  router.use(reachAdminRoutes(deps));
  return router;
}

import { Router } from 'express';
import type { AppDeps } from '../deps.ts';
import { showChecklistPage } from './checklistPage.ts';
import { requireLearner } from '../auth.ts';
import { showImportRun, showListsPage, startImport } from './listsPage.ts';

/** Routes of the catalog pages. Reading is open to everyone on the instance; importing is for admins (see mayImport). */
export function catalogRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/', requireLearner, showChecklistPage(deps));
  router.get('/lists', showListsPage(deps));
  router.post('/lists/import', startImport(deps));
  router.get('/api/imports/:id', showImportRun(deps));
  return router;
}

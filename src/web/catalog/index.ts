import { Router, type NextFunction, type Request, type Response } from 'express';
import type { AppDeps } from '../../context.ts';
import { showChecklistPage, showTypeRows } from './checklistPage.ts';
import { requireLearner } from '../auth.ts';
import { learnerCount } from '../../learners/learnerRepository.ts';
import { showImportRun, showListsPage, startImport } from './listsPage.ts';
import { savePlanLists, saveTypeMapping, uploadList } from './listForms.ts';

/** Routes of the catalog pages. The lists page is open to everyone on the instance; importing is for admins (see mayImport). */
export function catalogRoutes(deps: AppDeps): Router {
  const router = Router();
  // Learners log in to see their checklist; on the first run (no learner yet) the page is open, so whoever started
  // the server sees the list — or why it is missing — and the way to set up the first account.
  const checklistAccess = (req: Request, res: Response, next: NextFunction) =>
    learnerCount(deps.db) === 0 ? next() : requireLearner(req, res, next);
  router.get('/', checklistAccess, showChecklistPage(deps));
  router.get('/types/:key/rows', checklistAccess, showTypeRows(deps));
  router.get('/lists', showListsPage(deps));
  router.post('/lists/import', startImport(deps));
  router.post('/lists/upload', uploadList(deps));
  router.post('/lists/types', saveTypeMapping(deps));
  router.post('/lists/plan', requireLearner, savePlanLists(deps));
  router.get('/api/imports/:id', showImportRun(deps));
  return router;
}

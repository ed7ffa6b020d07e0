import type { Request, Response } from 'express';
import type { AppDeps } from '../deps.ts';
import { checklistFilters, checklistView } from '../../catalog/checklist.ts';
import { latestImportRun } from '../../catalog/importRunRepository.ts';
import { tierOptions } from '../../catalog/tier.ts';
import { runFailure } from './importState.ts';
import { checklistProgress } from '../../progress/checklistProgress.ts';
import { mayImport } from './listsPage.ts';
import { z } from 'zod';
import { field, parseQuery } from '../validate.ts';

const ChecklistQuery = z.object({
  list: field.optional(100),
  type: field.optional(100),
  min: field.optional(10),
  max: field.optional(10),
  recommended: field.optional(10),
  q: field.optional(200),
});

// GET / — the checklist: the list's types and, inside each, its problems in list order, filtered by the GET form.
export function showChecklistPage(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const view = checklistView(deps.db, checklistFilters(parseQuery(ChecklistQuery, req)));
    const run = view.list ? undefined : latestImportRun(deps.db);
    // Sources and failure reasons are for whoever may import (see /lists); other learners see neither.
    const seesSources = mayImport(deps, req);
    res.render('catalog/index', {
      title: res.locals.t('catalog.title'),
      view,
      run: run && { ...run, source: seesSources ? run.source : res.locals.t('catalog.source_hidden') },
      seesSources,
      runFailure: run ? (seesSources ? runFailure(run, res.locals.t) : res.locals.t('lists.failed_generic')) : '',
      refreshSeconds: run?.status === 'running' ? 2 : undefined,
      listSource: deps.config.listSource,
      tierOptions: tierOptions(),
      progress: req.learner ? checklistProgress(deps.db, req.learner.id) : undefined,
      firstRun: !req.learner,
    });
  };
}

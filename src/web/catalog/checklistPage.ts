import type { Request, Response } from 'express';
import type { AppDeps } from '../../context.ts';
import { checklistFilters, checklistView, filterQuery, STATUS_FILTERS } from '../../progress/checklist.ts';
import { latestImportRun } from '../../catalog/importRunRepository.ts';
import { tierOptions } from '../../judges/tier.ts';
import { parseProblemRef } from '../../catalog/problemRef.ts';
import { problemById } from '../../catalog/problemRepository.ts';
import { AppError, notFound } from '../../errors.ts';
import { runFailure } from './importState.ts';
import { mayImport } from './listsPage.ts';
import { z } from 'zod';
import { field, parseParams, parseQuery } from '../validate.ts';

const ChecklistQuery = z.object({
  list: field.optional(100),
  type: field.optional(100),
  min: field.optional(10),
  max: field.optional(10),
  recommended: field.optional(10),
  status: field.optional(20),
  q: field.optional(200),
  log: field.optional(100),
});
const TypeParams = z.object({ key: field.text(200) });

// GET / — the checklist: every type of the list with the learner's figures, folded; a type opens in place (its rows
// are fetched from GET /types/:key/rows) or as /?type=key. Filters live in the URL; a narrow filter opens its matches.
export function showChecklistPage(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const query = parseQuery(ChecklistQuery, req);
    const filters = checklistFilters(query);
    const logProblem = req.learner ? problemToLog(deps, query.log) : undefined;
    const view = checklistView(deps.db, filters, req.learner?.id);
    const run = view.list ? undefined : latestImportRun(deps.db);
    // Sources and failure reasons are for whoever may import (see /lists); other learners see neither.
    const seesSources = mayImport(deps, req);
    const filtersOnly = filterQuery(filters);
    res.render('catalog/index', {
      title: res.locals.t('catalog.title'),
      view,
      query: filtersOnly,
      run: run && { ...run, source: seesSources ? run.source : res.locals.t('catalog.source_hidden') },
      seesSources,
      runFailure: run ? (seesSources ? runFailure(run, res.locals.t) : res.locals.t('lists.failed_generic')) : '',
      refreshSeconds: run?.status === 'running' ? 2 : undefined,
      listSource: deps.config.listSource,
      tierOptions: tierOptions(),
      statusFilters: STATUS_FILTERS,
      hasLearner: !!req.learner,
      logProblem,
      // The shared forms come back to the page as it is, without the problem picked for the detailed form.
      currentPath: filtersOnly ? `/?${filtersOnly}` : '/',
      logHref: logHref(filtersOnly),
      firstRun: !req.learner,
    });
  };
}

// GET /types/:key/rows — the rows of one type that pass the filters in the query, as an HTML fragment: what the
// checklist loads when a folded type is opened.
export function showTypeRows(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const filters = { ...checklistFilters(parseQuery(ChecklistQuery, req)), category: undefined };
    const view = checklistView(deps.db, filters, req.learner?.id);
    const { key } = parseParams(TypeParams, req);
    const category = view.categories.find((c) => c.key === key) ?? notFound('type');
    res.render('catalog/_rows', {
      category,
      hasLearner: !!req.learner,
      logHref: logHref(filterQuery({ ...filters, category: category.key })),
    });
  };
}

/** The start of a row's "…" link: the page with its filters and the problem to log appended. */
function logHref(filtersOnly: string): string {
  return `/?${filtersOnly ? `${filtersOnly}&` : ''}log=`;
}

/** The problem named by ?log= for the detailed form: a malformed name is a 400, an unknown problem a 404. */
function problemToLog(deps: AppDeps, raw: unknown): { id: string; title: string } | undefined {
  if (raw === undefined || raw === '') return undefined;
  const text = typeof raw === 'string' ? raw.trim() : '';
  const id = parseProblemRef(text);
  if (!id)
    throw new AppError('catalog.bad_log', `log must name a problem like 1260 or boj:1260, not "${text}"`, 400, {
      value: text,
    });
  const problem = problemById(deps.db, id);
  if (!problem)
    throw new AppError('progress.unknown_problem', `problem "${text}" is not in the catalog`, 404, { value: text });
  return { id, title: problem.title };
}

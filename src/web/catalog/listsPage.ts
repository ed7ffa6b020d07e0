import type { NextFunction, Request, Response } from 'express';
import type { AppDeps } from '../deps.ts';
import { allLists } from '../../catalog/listRepository.ts';
import { listCounts } from '../../catalog/entryRepository.ts';
import { importRunById, recentImportRuns } from '../../catalog/importRunRepository.ts';
import { startImportRun } from '../../catalog/importRuns.ts';
import { canonicalChoices, checkAnySource, parseFormat, typesToMap } from '../../catalog/listAdmin.ts';
import { LIST_FORMATS } from '../../catalog/formats/listRows.ts';
import { planListsOf } from '../../learners/learnerRepository.ts';
import { learnerCount } from '../../learners/learnerRepository.ts';
import { AppError, notFound } from '../../errors.ts';
import { requireAdmin } from '../auth.ts';
import { runFailure, utcMinute } from './importState.ts';
import { changeLines } from '../../catalog/changeLines.ts';

/** Who may import: an admin, or anyone on the machine before the first learner exists (first run, before setup). */
export function mayImport(deps: AppDeps, req: Request): boolean {
  return Boolean(req.learner?.isAdmin) || learnerCount(deps.db) === 0;
}

/** What the forms of /lists were sent with, and the error of the one that failed. */
export interface ListsForms {
  source: string;
  format?: string;
  name?: string;
  error?: string;
  upload?: { name: string; format: string; text: string; error?: string };
  typesError?: string;
  planError?: string;
}

export function renderLists(deps: AppDeps, req: Request, res: Response, form: ListsForms = { source: '' }) {
  const runs = recentImportRuns(deps.db, 10);
  const planLists = req.learner ? planListsOf(deps.db, req.learner.id) : null;
  res.render('lists/index', {
    title: res.locals.t('lists.title'),
    lists: allLists(deps.db).map((list) => ({ ...list, counts: listCounts(deps.db, list.id) })),
    runs: runs.map((run) => ({ ...run, failure: runFailure(run, res.locals.t), changeLines: changeLines(run.summary, res.locals.t) })),
    refreshSeconds: runs.some((r) => r.status === 'running') ? 2 : undefined,
    canImport: mayImport(deps, req),
    form: { ...form, source: form.source || deps.config.listSource, error: form.error },
    upload: form.upload ?? { name: '', format: '', text: '' },
    formats: LIST_FORMATS,
    typesToMap: typesToMap(deps.db),
    canonicalTypes: canonicalChoices(),
    inPlan: (key: string) => planLists === null || planLists.includes(key),
    utcMinute,
  });
}

// GET /lists — each imported list and the recent import runs, with the import form.
export function showListsPage(deps: AppDeps) {
  return (req: Request, res: Response) => renderLists(deps, req, res);
}

// POST /lists/import — starts an import in the background and goes back to /lists, which shows its progress.
export function startImport(deps: AppDeps) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!mayImport(deps, req)) return requireAdmin(req, res, next);
    const source = typeof req.body?.source === 'string' ? req.body.source.trim() : '';
    const name = typeof req.body?.name === 'string' ? req.body.name.trim().slice(0, 100) : '';
    try {
      const format = parseFormat(req.body?.format);
      checkAnySource(source);
      startImportRun(deps, source, { format, name: name || undefined });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      res.status(error.status === 409 ? 409 : 422);
      return renderLists(deps, req, res, { source, format: String(req.body?.format ?? ''), name, error: res.locals.t(`error.${error.code}`, error.params) });
    }
    req.session.flash = { kind: 'ok', text: res.locals.t('lists.started', { source }) };
    res.redirect(303, '/lists');
  };
}

// GET /api/imports/:id — one run's progress, polled by public/js/catalog.js.
export function showImportRun(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const run = importRunById(deps.db, Number(req.params.id)) ?? notFound('import');
    const { id, source, status, done, total, summary, startedAt, finishedAt } = run;
    const counts = summary && { categories: summary.categories, problems: summary.problems, entries: summary.entries, recommended: summary.recommended, added: summary.added, removed: summary.removed, changed: summary.changed };
    res.json({ id, source, status, done, total, message: runFailure(run, res.locals.t), summary: counts, startedAt, finishedAt });
  };
}

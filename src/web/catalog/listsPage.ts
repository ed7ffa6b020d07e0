import type { NextFunction, Request, Response } from 'express';
import type { AppDeps } from '../../context.ts';
import { sourceHint } from '../../catalog/listSource.ts';
import { allLists } from '../../catalog/listRepository.ts';
import { listCounts } from '../../catalog/entryRepository.ts';
import { importRunById, recentImportRuns, type ImportRun } from '../../catalog/importRunRepository.ts';
import { startImportRun } from '../../catalog/importRuns.ts';
import { checkPublicSource, sameSource } from '../../catalog/listSource.ts';
import type { Translate } from '../../i18n/index.ts';
import { canonicalChoices, checkAnySource, parseFormat, typesToMap } from '../../catalog/listAdmin.ts';
import { LIST_FORMATS } from '../../catalog/formats/listRows.ts';
import { planListsOf } from '../../learners/learnerRepository.ts';
import { learnerCount } from '../../learners/learnerRepository.ts';
import { notFound } from '../../errors.ts';
import { flash, withFormErrors } from '../progress/forms.ts';
import { requireAdmin } from '../auth.ts';
import { runFailure } from './importState.ts';
import { changeLines } from '../../catalog/changeLines.ts';
import { warningLines } from '../../catalog/warnings.ts';
import { z } from 'zod';
import { field, parseBody, parseParams } from '../validate.ts';

const ImportBody = z.object({ source: field.optional(4096), format: field.optional(20), name: field.optional(100) });
const ImportRunParams = z.object({ id: field.id() });

/** Who may import: an admin, or anyone on the machine before the first learner exists (first run, before setup). */
export function mayImport(deps: AppDeps, req: Request): boolean {
  return Boolean(req.learner?.isAdmin) || learnerCount(deps.db) === 0;
}

/**
 * What a reader may see of where lists come from: whoever may import sees sources and the full reason of a failure;
 * anyone else (anonymous, or a learner who is not an admin) sees no server path or URL and no probe result.
 */
function runFor(run: ImportRun, seesSources: boolean, t: Translate) {
  const failure = seesSources ? runFailure(run, t) : t('lists.failed_generic');
  return { ...run, source: seesSources ? run.source : '', failure };
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
  const canImport = mayImport(deps, req);
  const planLists = req.learner ? planListsOf(deps.db, req.learner.id) : null;
  res.render('lists/index', {
    title: res.locals.t('lists.title'),
    lists: allLists(deps.db).map((list, _i, all) => ({
      ...list,
      source: canImport ? list.source : '',
      // Lists are their sources and may share a name: a reader who cannot see sources gets where each is from.
      origin: !canImport && all.some((o) => o.id !== list.id && o.name === list.name) ? sourceHint(list.source) : '',
      counts: listCounts(deps.db, list.id),
    })),
    runs: runs.map((run) => ({
      ...runFor(run, canImport, res.locals.t),
      changeLines: changeLines(run.summary, res.locals.t),
      warningLines: warningLines(run.summary, res.locals.t),
    })),
    refreshSeconds: runs.some((r) => r.status === 'running') ? 2 : undefined,
    canImport,
    form: { ...form, source: form.source || deps.config.listSource, error: form.error },
    upload: form.upload ?? { name: '', format: '', text: '' },
    formats: LIST_FORMATS,
    typesToMap: typesToMap(deps.db),
    canonicalTypes: canonicalChoices(),
    inPlan: (key: string) => planLists === null || planLists.includes(key),
  });
}

// GET /lists — each imported list and the recent import runs, with the import form.
export function showListsPage(deps: AppDeps) {
  return (req: Request, res: Response) => renderLists(deps, req, res);
}

// POST /lists/import — starts an import in the background and goes back to /lists, which shows its progress.
// A URL typed here may not reach private or local addresses unless COTE_ALLOW_PRIVATE_SOURCES; the operator's own
// COTE_LIST_SOURCE (what "refresh" of the default list sends) is trusted like the CLI.
export function startImport(deps: AppDeps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!mayImport(deps, req)) return requireAdmin(req, res, next);
    const body = parseBody(ImportBody, req);
    const source = (body.source ?? '').trim();
    const name = (body.name ?? '').trim();
    const rerender = (error: string) => renderLists(deps, req, res, { source, format: body.format ?? '', name, error });
    return withFormErrors(res, rerender, async () => {
      const format = parseFormat(body.format);
      checkAnySource(source);
      const allowPrivate = deps.config.allowPrivateSources || sameSource(source, deps.config.listSource);
      if (!allowPrivate) await checkPublicSource(source);
      startImportRun(deps, source, { allowPrivate, format, name: name || undefined });
      flash(req, 'ok', res.locals.t('lists.started', { source }));
      res.redirect(303, '/lists');
    });
  };
}

// GET /api/imports/:id — one run's progress, polled by public/js/catalog.js.
export function showImportRun(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const run = importRunById(deps.db, parseParams(ImportRunParams, req).id) ?? notFound('import');
    const { id, status, done, total, summary, startedAt, finishedAt } = run;
    const counts = summary && {
      categories: summary.categories,
      problems: summary.problems,
      entries: summary.entries,
      recommended: summary.recommended,
      added: summary.added,
      removed: summary.removed,
      changed: summary.changed,
    };
    if (!mayImport(deps, req)) {
      // No source and no reason: only whether and how far it ran, and the counts.
      const message = status === 'failed' ? res.locals.t('lists.failed_generic') : '';
      return res.json({ id, status, done, total, message, summary: counts, startedAt, finishedAt });
    }
    res.json({
      id,
      source: run.source,
      status,
      done,
      total,
      message: runFailure(run, res.locals.t),
      summary: counts,
      startedAt,
      finishedAt,
    });
  };
}

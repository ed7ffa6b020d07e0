import type { NextFunction, Request, Response } from 'express';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../../errors.ts';
import { requireAdmin } from '../auth.ts';
import { importAnyList } from '../../catalog/importAnyList.ts';
import { summaryLine } from '../../catalog/importRuns.ts';
import { mapType, parseFormat, parsePlanLists } from '../../catalog/listAdmin.ts';
import { setPlanLists } from '../../learners/learnerRepository.ts';
import { mayImport, renderLists } from './listsPage.ts';

const MAX_UPLOAD = 1_000_000;
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** The message of a known error in the reader's language; anything else is rethrown to the error handler. */
function known(error: unknown, res: Response): string {
  if (!(error instanceof AppError) || error.status >= 500) throw error;
  return res.locals.t(`error.${error.code}`, error.params);
}

// POST /lists/upload — a list file's text (loaded into the textarea by JS, or pasted), imported at once under a name.
export function uploadList(deps: AppDeps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!mayImport(deps, req)) return requireAdmin(req, res, next);
    const raw = typeof req.body?.text === 'string' ? req.body.text : '';
    const upload = { name: text(req.body?.name, 100), format: text(req.body?.format, 20), text: raw.length > MAX_UPLOAD ? '' : raw };
    try {
      if (raw.length > MAX_UPLOAD) throw new AppError('catalog.upload_too_large', `the list is larger than ${MAX_UPLOAD} characters`, 413, { max: MAX_UPLOAD });
      if (upload.name === '') throw new AppError('catalog.upload_no_name', 'give the list a name', 422);
      if (raw.trim() === '') throw new AppError('catalog.upload_empty', 'paste the list or choose its file', 422);
      const format = parseFormat(upload.format);
      const summary = await importAnyList(deps.db, `upload:${upload.name}`, { text: raw, format, name: upload.name, now: deps.now });
      req.session.flash = { kind: 'ok', text: res.locals.t('lists.uploaded', { name: upload.name, summary: summaryLine(summary), skipped: summary.skipped }) };
      res.redirect(303, '/lists');
    } catch (error) {
      const message = known(error, res);
      res.status((error as AppError).status === 413 ? 413 : 422);
      renderLists(deps, req, res, { source: '', upload: { ...upload, error: message } });
    }
  };
}

// POST /lists/types — an admin maps a list's own type to a canonical type (or back to its own); kept across re-imports.
export function saveTypeMapping(deps: AppDeps) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.learner?.isAdmin) return requireAdmin(req, res, next);
    if (typeof req.body?.alias !== 'string' || typeof (req.body?.type ?? '') !== 'string') {
      throw new AppError('catalog.bad_type_name', 'name the type to map', 400);
    }
    try {
      mapType(deps.db, req.body.alias, String(req.body.type ?? ''), deps.now());
    } catch (error) {
      const message = known(error, res);
      res.status(422);
      return renderLists(deps, req, res, { source: '', typesError: message });
    }
    req.session.flash = { kind: 'ok', text: res.locals.t('lists.type_mapped') };
    res.redirect(303, '/lists');
  };
}

// POST /lists/plan — which lists feed the learner's own plan.
export function savePlanLists(deps: AppDeps) {
  return (req: Request, res: Response) => {
    try {
      setPlanLists(deps.db, req.learner!.id, parsePlanLists(deps.db, req.body?.lists));
    } catch (error) {
      const message = known(error, res);
      res.status(422);
      return renderLists(deps, req, res, { source: '', planError: message });
    }
    req.session.flash = { kind: 'ok', text: res.locals.t('lists.plan_saved') };
    res.redirect(303, '/lists');
  };
}

import type { NextFunction, Request, Response } from 'express';
import type { AppDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { flash, withFormErrors } from '../progress/forms.ts';
import { currentLearner, requireAdmin } from '../auth.ts';
import { importAnyList } from '../../catalog/importAnyList.ts';
import { recordedImport } from '../../catalog/importRuns.ts';
import { warningText } from '../../catalog/warnings.ts';
import type { AnyImportSummary } from '../../catalog/importAnyList.ts';
import type { Translate } from '../../i18n/index.ts';
import { mapType, parseFormat, parsePlanLists } from '../../catalog/listAdmin.ts';
import { setPlanLists } from '../../learners/learnerRepository.ts';
import { mayImport, renderLists } from './listsPage.ts';
import { z } from 'zod';
import { field, parseBody } from '../validate.ts';

const MAX_UPLOAD = 1_000_000;
// The text's own cap is MAX_UPLOAD (413 with the form kept); the schema only refuses what no form sends.
const UploadBody = z.object({
  name: field.optional(1000),
  format: field.optional(100),
  text: field.optional(4 * MAX_UPLOAD),
});
const TypeMappingBody = z.object({ alias: field.text(1000), type: field.optional(100) });
const PlanListsBody = z.object({ lists: field.many(100, 200) });

/** The message of a known error in the reader's language; anything else is rethrown to the error handler. */
// POST /lists/upload — a list file's text (loaded into the textarea by JS, or pasted), imported at once under a name.
export function uploadList(deps: AppDeps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!mayImport(deps, req)) return requireAdmin(req, res, next);
    const body = parseBody(UploadBody, req);
    const raw = body.text ?? '';
    const upload = {
      name: (body.name ?? '').trim().slice(0, 100),
      format: (body.format ?? '').trim(),
      text: raw.length > MAX_UPLOAD ? '' : raw,
    };
    const rerender = (error: string) => renderLists(deps, req, res, { source: '', upload: { ...upload, error } });
    return withFormErrors(res, rerender, async () => {
      if (raw.length > MAX_UPLOAD)
        throw new AppError('catalog.upload_too_large', `the list is larger than ${MAX_UPLOAD} characters`, 413, {
          max: MAX_UPLOAD,
        });
      if (upload.name === '') throw new AppError('catalog.upload_no_name', 'give the list a name', 422);
      if (raw.trim() === '') throw new AppError('catalog.upload_empty', 'paste the list or choose its file', 422);
      const format = parseFormat(upload.format);
      const source = `upload:${upload.name}`;
      const summary = await recordedImport(deps.db, source, deps.now, () =>
        importAnyList(deps.db, source, { text: raw, format, name: upload.name, now: deps.now }),
      );
      flash(req, 'ok', uploadedText(res.locals.t, upload.name, summary));
      res.redirect(303, '/lists');
    });
  };
}

// POST /lists/types — an admin maps a list's own type to a canonical type (or back to its own); kept across re-imports.
export function saveTypeMapping(deps: AppDeps) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.learner?.isAdmin) return requireAdmin(req, res, next);
    const body = parseBody(TypeMappingBody, req);
    const rerender = (typesError: string) => renderLists(deps, req, res, { source: '', typesError });
    return withFormErrors(res, rerender, () => {
      mapType(deps.db, body.alias, body.type ?? '', deps.now());
      flash(req, 'ok', res.locals.t('lists.type_mapped'));
      res.redirect(303, '/lists');
    });
  };
}

// POST /lists/plan — which lists feed the learner's own plan.
export function savePlanLists(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const body = parseBody(PlanListsBody, req);
    const rerender = (planError: string) => renderLists(deps, req, res, { source: '', planError });
    return withFormErrors(res, rerender, () => {
      setPlanLists(deps.db, currentLearner(req).id, parsePlanLists(deps.db, body.lists));
      flash(req, 'ok', res.locals.t('lists.plan_saved'));
      res.redirect(303, '/lists');
    });
  };
}

/** The upload's outcome in the reader's words, naming the first skipped links (the rest counted). */
function uploadedText(t: Translate, name: string, summary: AnyImportSummary): string {
  const counts = t('lists.counts', summary as unknown as Record<string, number>);
  const skips = (summary.warningCodes ?? []).filter((w) => warningText(w).endsWith('(skipped)'));
  const named = skips.slice(0, 3).map((w) => warningText(w, t));
  const more = skips.length > named.length ? [t('lists.uploaded_more', { n: skips.length - named.length })] : [];
  return [t('lists.uploaded', { name, summary: counts, skipped: summary.skipped }), ...named, ...more].join(' ');
}

import { Router, type Response } from 'express';
import type { AppDeps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { currentLearner, requireLearner } from '../auth.ts';
import { importAttemptCsv } from '../../progress/imports/csvImport.ts';
import { importBaekjoonHub } from '../../progress/imports/baekjoonHubImport.ts';
import { ImportRejected, type ImportSummary } from '../../progress/imports/storeImport.ts';
import { withFormErrors } from './forms.ts';
import { importSummaryLine } from '../../progress/imports/summaryLine.ts';
import { z } from 'zod';
import { field, parseBody } from '../validate.ts';

const CsvImportBody = z.object({ csv: field.text(4 * 1024 * 1024), partial: field.checkbox('1') });
const HubImportBody = z.object({ dir: field.text(4096), partial: field.checkbox('1') });

/**
 * GET /history/import, POST /history/import (CSV pasted or loaded into the textarea), POST /history/import/baekjoonhub.
 * The BaekjoonHub import reads a directory on the server, so only an admin (who runs the server) may use it.
 */
export function importRoutes({ db, now }: AppDeps): Router {
  const router = Router();
  router.use('/history/import', requireLearner);

  router.get('/history/import', (_req, res) => render(res, {}));

  router.post('/history/import', (req, res) => {
    const body = parseBody(CsvImportBody, req);
    const form = { csv: body.csv, partial: body.partial === '1' };
    run(res, form, () => importAttemptCsv(db, currentLearner(req), form.csv, { partial: form.partial, now: now() }));
  });

  router.post('/history/import/baekjoonhub', async (req, res) => {
    const learner = currentLearner(req);
    if (!learner.isAdmin) throw new AppError('auth.admin_only', 'only an admin can do this', 403);
    const body = parseBody(HubImportBody, req);
    const form = { dir: body.dir.trim(), partial: body.partial === '1' };
    await run(res, form, () => importBaekjoonHub(db, learner, form.dir, { partial: form.partial, now: now() }));
  });
  return router;
}

/** Shows the summary on success (200) or the message and the bad rows (422), with the form as submitted. */
async function run(res: Response, form: Record<string, unknown>, action: () => ImportSummary | Promise<ImportSummary>) {
  const rerender = (message: string, error: AppError) =>
    render(res, {
      // A text over the limit is not sent back into the form.
      form: error.status === 413 ? { ...form, csv: '' } : form,
      error: message,
      badRows: error instanceof ImportRejected ? error.rows : [],
    });
  await withFormErrors(res, rerender, async () => {
    const summary = await action();
    render(res, { form, summary, summaryLine: importSummaryLine(summary, res.locals.t) });
  });
}

function render(res: Response, locals: Record<string, unknown>) {
  res.render('history/import', {
    title: res.locals.t('progress.import.title'),
    form: {},
    summary: undefined,
    error: undefined,
    badRows: [],
    ...locals,
  });
}

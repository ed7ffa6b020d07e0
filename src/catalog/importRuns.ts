import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { importAnyList, type AnyImportOptions } from './importAnyList.ts';
import { createImportRun, finishImportRun, runningImportRun, updateImportProgress } from './importRunRepository.ts';
import type { AnyImportSummary } from './importAnyList.ts';
import type { ImportSummary } from './store.ts';

export interface ImportRunDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
}

/** One line for people: "23 types, 993 problems (1049 entries, 390 recommended); added 0, removed 0, changed 0". */
export function summaryLine(s: ImportSummary): string {
  return `${s.categories} types, ${s.problems} problems (${s.entries} entries, ${s.recommended} recommended); added ${s.added}, removed ${s.removed}, changed ${s.changed}`;
}

/**
 * Starts an import in the background, recorded as an import run whose done/total follow the files as they
 * arrive. Returns the run id at once and a promise of the outcome (which never rejects). One import at a time.
 */
export function startImportRun(
  deps: ImportRunDeps,
  source: string,
  options: AnyImportOptions = {},
): { runId: number; finished: Promise<void> } {
  const { db, logger, now } = deps;
  const running = runningImportRun(db);
  if (running)
    throw new AppError('catalog.import_running', `an import from ${running.source} is already running`, 409, {
      source: running.source,
    });
  const runId = createImportRun(db, source, now());
  const finished = (async () => {
    try {
      const summary = await importAnyList(db, source, {
        ...options,
        now,
        onProgress: (p) => updateImportProgress(db, runId, p.done, p.total),
      });
      finishImportRun(db, runId, { status: 'succeeded', message: summaryLine(summary), summary, at: now() });
      logger.info('catalog: import finished', { source, ...summary, details: undefined });
    } catch (error) {
      const known = error instanceof AppError;
      const message = known ? error.message : `import failed: ${(error as Error).message}`;
      if (known) logger.warn('catalog: import failed', { source, error: message });
      else logger.error('catalog: import crashed', { source, error: (error as Error).stack });
      try {
        finishImportRun(db, runId, {
          status: 'failed',
          message,
          error: known ? { code: error.code, params: error.params } : undefined,
          at: now(),
        });
      } catch (dbError) {
        logger.error('catalog: cannot record the failed import', { source, error: (dbError as Error).message });
      }
    }
  })();
  return { runId, finished };
}

/**
 * An import that runs in the caller (an upload on /lists, `cote import`) recorded as a finished run once it is over,
 * so the lists page's import history counts every import, not only the background ones. A failure with a known cause
 * is recorded and rethrown; nothing is recorded as 'running', so a crash leaves no run that never ends.
 */
export async function recordedImport(
  db: Db,
  source: string,
  now: () => Date,
  run: () => Promise<AnyImportSummary>,
): Promise<AnyImportSummary> {
  const startedAt = now();
  const record = db.transaction((outcome: Parameters<typeof finishImportRun>[2]) =>
    finishImportRun(db, createImportRun(db, source, startedAt), outcome),
  );
  try {
    const summary = await run();
    record({ status: 'succeeded', message: summaryLine(summary), summary, at: now() });
    return summary;
  } catch (error) {
    if (error instanceof AppError)
      record({
        status: 'failed',
        message: error.message,
        error: { code: error.code, params: error.params ?? {} },
        at: now(),
      });
    throw error;
  }
}

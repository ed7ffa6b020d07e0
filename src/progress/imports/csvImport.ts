import type { Db } from '../../db/connection.ts';
import { localDay } from '../../day.ts';
import { AppError } from '../../errors.ts';
import type { Learner } from '../../learners/learnerRepository.ts';
import type { RowError } from './attemptCsv.ts';
import { MAX_IMPORT_ROWS, storeImport, type ImportSummary } from './storeImport.ts';

export const CSV_ORIGIN = 'import:csv';
/** A CSV import is at most this many bytes (UTF-8): ~20 times a 5,000-row export. */
export const MAX_CSV_BYTES = 1024 * 1024;

/**
 * Imports `problem,day,outcome,minutes` rows (at most MAX_CSV_BYTES and MAX_IMPORT_ROWS, else a 413). A problem on no
 * list is kept as the learner's off-list problem, like a sync's (the CSV names no title: it is shown by its id). A
 * row's key is its problem, day, outcome and minutes: importing the same file again adds nothing.
 */
export async function importAttemptCsv(
  db: Db,
  learner: Learner,
  text: string,
  options: { partial: boolean; now: Date },
): Promise<ImportSummary> {
  checkCsvSize(Buffer.byteLength(text, 'utf8'));
  // csv-parse is loaded by the first CSV import, not at boot.
  const { parseAttemptCsv } = await import('./attemptCsv.ts');
  const parsed = parseAttemptCsv(text, localDay(options.now, learner.timezone), MAX_IMPORT_ROWS);
  const importRows = parsed.rows.map((r) => ({
    problem: { id: r.problem, title: r.problem },
    where: `line ${r.line}`,
    day: r.day,
    outcome: r.outcome,
    minutes: r.minutes,
    note: r.note,
    externalKey: [r.problem, r.day ?? '', r.outcome, r.minutes ?? ''].join('|'),
  }));
  // Bad rows in file order.
  const errors = [...parsed.errors].sort((a, b) => lineOf(a) - lineOf(b));
  return storeImport(db, learner.id, CSV_ORIGIN, { rows: importRows, errors }, options);
}

function lineOf(error: RowError): number {
  return Number(error.where.slice('line '.length));
}

/** A 413 naming the limit when a CSV of `bytes` is too large to import. */
export function checkCsvSize(bytes: number): void {
  if (bytes > MAX_CSV_BYTES) {
    throw new AppError(
      'progress.import_too_large',
      `the CSV is ${bytes} bytes: import at most ${MAX_CSV_BYTES} bytes (1 MB) at a time`,
      413,
      { bytes, limit: MAX_CSV_BYTES },
    );
  }
}

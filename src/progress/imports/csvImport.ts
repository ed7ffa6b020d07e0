import type { Db } from '../../db/connection.ts';
import { localDay } from '../../day.ts';
import { AppError } from '../../errors.ts';
import type { Learner } from '../../learners/learnerRepository.ts';
import type { RowError } from './attemptCsv.ts';
import { problemsByIds } from '../../catalog/problemRepository.ts';
import { MAX_IMPORT_ROWS, storeImport, unknownProblem, type ImportSummary } from './storeImport.ts';

export const CSV_ORIGIN = 'import:csv';
/** A CSV import is at most this many bytes (UTF-8): ~20 times a 5,000-row export. */
export const MAX_CSV_BYTES = 1024 * 1024;

/**
 * Imports `problem,day,outcome,minutes` rows (at most MAX_CSV_BYTES and MAX_IMPORT_ROWS, else a 413). A row whose
 * problem is on no imported list is a bad row like any other (the shared catalog only grows by importing a list).
 * A row's key is its problem, day, outcome and minutes: importing the same file again adds nothing.
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
  const known = problemsByIds(db, [...new Set(parsed.rows.map((r) => r.problem))]);
  const rows = parsed.rows.filter((r) => known.has(r.problem));
  const unknown = parsed.rows
    .filter((r) => !known.has(r.problem))
    .map((r) => ({ where: `line ${r.line}`, message: unknownProblem(r.problem) }));
  // Bad rows in file order, whatever made them bad.
  const errors = [...parsed.errors, ...unknown].sort((a, b) => lineOf(a) - lineOf(b));
  const importRows = rows.map((r) => ({
    problem: { id: r.problem, title: r.problem },
    where: `line ${r.line}`,
    day: r.day,
    outcome: r.outcome,
    minutes: r.minutes,
    note: r.note,
    externalKey: [r.problem, r.day ?? '', r.outcome, r.minutes ?? ''].join('|'),
  }));
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

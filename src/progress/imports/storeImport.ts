import type { Db } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import { keepAttempt } from '../keepAttempt.ts';
import { translate } from '../../i18n/index.ts';
import type { Outcome } from '../outcomes.ts';
import type { RowError } from './attemptCsv.ts';

export type { RowError };

/** An import brings at most this many rows (good and bad); more is a 413 naming the limit. */
export const MAX_IMPORT_ROWS = 5000;

/** One attempt to import. */
export interface ImportRow {
  /** The problem as the source named it (title and level untrusted; a problem on no list is kept off-list). */
  problem: { id: string; title: string; level?: number };
  /** Where the row came from ('line 4', a README's path), for messages; the problem id when not given. */
  where?: string;
  day: string | null;
  outcome: Outcome;
  minutes: number | null;
  note?: string;
  /** Same key (per learner and origin) on a re-import → not added again. */
  externalKey: string;
  /** A solve the learner already has that day is a duplicate (see keepAttempt); false when not given. */
  sameDayIsDuplicate?: boolean;
}

/** The counts an import reports (CLI `--json` uses the snake_case names). */
export interface ImportSummary {
  imported: number;
  /** Of `imported`: attempts of problems on a list, and of problems kept as the learner's off-list ones. */
  onList: number;
  offList: number;
  /** Rows not imported: bad ones (`skippedRows` names each) and ones imported before. */
  skipped: number;
  /** Of `skipped`: rows the learner already had (the same key, or the same day's solve from elsewhere). */
  known: number;
  undated: number;
  days: number;
  /** Bad rows left out of a partial import, each with what is wrong. */
  skippedRows: RowError[];
  /** Things the reader should know that are not about one row: message keys (progress.import.warning.*). */
  warnings: string[];
}

/** Bad rows refused an all-or-nothing import; `rows` lists each with what is wrong. */
export class ImportRejected extends AppError {
  readonly rows: RowError[];
  constructor(rows: RowError[]) {
    const first = rows[0];
    super(
      'progress.import_rejected',
      `${rows.length} bad row(s), nothing imported; first: ${first.where}: ${first.message}`,
      422,
      { count: rows.length },
    );
    this.rows = rows;
  }
}

/**
 * Stores parsed rows in one transaction. With bad rows the import is refused as a whole unless `partial`, in which
 * case the good rows are kept and the bad ones listed in `skippedRows`. A problem on no list is kept as the learner's
 * off-list problem, by the same rule a sync follows (keepAttempt): every solve a learner brings is kept.
 */
export function storeImport(
  db: Db,
  learnerId: number,
  origin: string,
  parsed: { rows: ImportRow[]; errors: RowError[]; warnings?: string[] },
  options: { partial: boolean; now: Date },
): ImportSummary {
  const count = parsed.rows.length + parsed.errors.length;
  if (count > MAX_IMPORT_ROWS) {
    throw new AppError(
      'progress.import_too_many_rows',
      `${count} rows: import at most ${MAX_IMPORT_ROWS} at a time`,
      413,
      { limit: MAX_IMPORT_ROWS },
    );
  }
  const { errors } = parsed;
  if (errors.length > 0 && !options.partial) throw new ImportRejected(errors);
  const summary: ImportSummary = {
    imported: 0,
    onList: 0,
    offList: 0,
    skipped: errors.length,
    known: 0,
    undated: 0,
    days: 0,
    skippedRows: errors,
    warnings: [...(parsed.warnings ?? [])],
  };
  const days = new Set<string>();
  const createdAt = options.now.toISOString();
  db.transaction(() => {
    for (const row of parsed.rows) {
      const kept = keepAttempt(
        db,
        learnerId,
        origin,
        { ...row, key: row.externalKey, sameDayIsDuplicate: row.sameDayIsDuplicate ?? false },
        createdAt,
      );
      if (!kept.added) {
        summary.skipped++;
        summary.known++;
        continue;
      }
      summary.imported++;
      summary[kept.standing === 'listed' ? 'onList' : 'offList']++;
      if (row.day === null) summary.undated++;
      else days.add(row.day);
    }
  })();
  summary.days = days.size;
  return summary;
}

/** The CLI's JSON shape of a summary. */
export function summaryJson(s: ImportSummary) {
  return {
    imported: s.imported,
    on_list: s.onList,
    off_list: s.offList,
    skipped: s.skipped,
    known: s.known,
    undated: s.undated,
    days: s.days,
    skipped_rows: s.skippedRows,
    warnings: s.warnings.map((key) => translate('en', key)),
  };
}

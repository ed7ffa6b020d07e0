import type { Db } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import { problemById } from '../../catalog/problemRepository.ts';
import { recordAttemptOnce } from '../attemptRepository.ts';
import type { Outcome } from '../outcomes.ts';
import type { RowError } from './attemptCsv.ts';

export type { RowError };

/** An import brings at most this many rows (good and bad); more is a 413 naming the limit. */
export const MAX_IMPORT_ROWS = 5000;

/** One attempt to import. */
export interface ImportRow {
  /** The problem as the source named it; only `id` is used: problems come from imported lists, never from imports. */
  problem: { id: string; title: string; level?: number };
  /** Where the row came from ('line 4', a README's path), for messages; the problem id when not given. */
  where?: string;
  day: string | null;
  outcome: Outcome;
  minutes: number | null;
  note?: string;
  /** Same key (per learner and origin) on a re-import → not added again. */
  externalKey: string;
}

/** The counts an import reports (CLI `--json` uses the snake_case names). */
export interface ImportSummary {
  imported: number;
  skipped: number;
  undated: number;
  days: number;
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
 * case the good rows are kept and each bad one becomes a warning. An import never adds to the catalog every learner
 * shares: a row whose problem is on no imported list is skipped with a warning naming it (a BaekjoonHub repository
 * holds a learner's whole history, most of it off the list; the CSV import refuses such rows as bad ones before).
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
  const rows = parsed.rows.filter((row) => problemById(db, row.problem.id));
  const offList = parsed.rows
    .filter((row) => !rows.includes(row))
    .map((row) => ({ where: row.where ?? row.problem.id, message: unknownProblem(row.problem.id) }));
  const summary: ImportSummary = {
    imported: 0,
    skipped: errors.length + offList.length,
    undated: 0,
    days: 0,
    warnings: [...(parsed.warnings ?? [])],
  };
  summary.warnings.push(...[...errors, ...offList].map((e) => `skipped ${e.where}: ${e.message}`));
  const days = new Set<string>();
  const createdAt = options.now.toISOString();
  db.transaction(() => {
    for (const row of rows) {
      const added = recordAttemptOnce(db, {
        learnerId,
        problemId: row.problem.id,
        day: row.day,
        outcome: row.outcome,
        minutes: row.minutes,
        note: row.note ?? '',
        origin,
        externalKey: row.externalKey,
        createdAt,
      });
      if (!added) {
        summary.skipped++;
        continue;
      }
      summary.imported++;
      if (row.day === null) summary.undated++;
      else days.add(row.day);
    }
  })();
  summary.days = days.size;
  return summary;
}

export function unknownProblem(id: string): string {
  return `problem ${id} is not on any imported list`;
}

/** The CLI's JSON shape of a summary. */
export function summaryJson(s: ImportSummary) {
  return { imported: s.imported, skipped: s.skipped, undated: s.undated, days: s.days, warnings: s.warnings };
}

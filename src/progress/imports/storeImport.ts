import type { Db } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import { ensureProblem, problemById } from '../../catalog/problemRepository.ts';
import { recordAttemptOnce } from '../attemptRepository.ts';
import type { Outcome } from '../outcomes.ts';
import type { RowError } from './attemptCsv.ts';

export type { RowError };

/** One attempt to import, with what is known about its problem in case the catalog lacks it. */
export interface ImportRow {
  problem: { id: string; title: string; level?: number };
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
  problemsCreated: number;
  days: number;
  warnings: string[];
}

/** Bad rows refused an all-or-nothing import; `rows` lists each with what is wrong. */
export class ImportRejected extends AppError {
  readonly rows: RowError[];
  constructor(rows: RowError[]) {
    const first = rows[0];
    super('progress.import_rejected', `${rows.length} bad row(s), nothing imported; first: ${first.where}: ${first.message}`, 422, { count: rows.length });
    this.rows = rows;
  }
}

/**
 * Stores parsed rows in one transaction. With bad rows the import is refused as a whole unless `partial`,
 * in which case the good rows are kept and each bad one becomes a warning.
 */
export function storeImport(
  db: Db,
  learnerId: number,
  origin: string,
  parsed: { rows: ImportRow[]; errors: RowError[]; warnings?: string[] },
  options: { partial: boolean; now: Date },
): ImportSummary {
  if (parsed.errors.length > 0 && !options.partial) throw new ImportRejected(parsed.errors);
  const summary: ImportSummary = { imported: 0, skipped: parsed.errors.length, undated: 0, problemsCreated: 0, days: 0, warnings: [...(parsed.warnings ?? [])] };
  summary.warnings.push(...parsed.errors.map((e) => `skipped ${e.where}: ${e.message}`));
  const days = new Set<string>();
  const createdAt = options.now.toISOString();
  db.transaction(() => {
    for (const row of parsed.rows) {
      if (!problemById(db, row.problem.id)) {
        ensureProblem(db, { id: row.problem.id, title: row.problem.title, level: row.problem.level ?? 0 });
        summary.problemsCreated++;
      }
      const added = recordAttemptOnce(db, { learnerId, problemId: row.problem.id, day: row.day, outcome: row.outcome, minutes: row.minutes, note: row.note ?? '', origin, externalKey: row.externalKey, createdAt });
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

/** The CLI's JSON shape of a summary. */
export function summaryJson(s: ImportSummary) {
  return { imported: s.imported, skipped: s.skipped, undated: s.undated, problems_created: s.problemsCreated, days: s.days, warnings: s.warnings };
}

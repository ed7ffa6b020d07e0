import { parseProblemRef } from '../../catalog/problemRef.ts';
import { problemIdProblem } from '../../judges/judges.ts';
import { AppError } from '../../errors.ts';
import { parseAttemptFields } from '../attemptInput.ts';
import type { Outcome } from '../outcomes.ts';
import { readCsv, unescapeFormula } from './csv.ts';

export interface CsvAttempt {
  line: number;
  problem: string;
  day: string | null;
  outcome: Outcome;
  minutes: number | null;
  note: string;
}

export interface RowError {
  /** 'line 4' for a CSV, the README's path for BaekjoonHub. */
  where: string;
  message: string;
}

const REQUIRED = ['problem', 'day', 'outcome', 'minutes'];

/**
 * Parses `problem,day,outcome,minutes[,note,…]` with a header row (columns found by name, extra ones ignored, so
 * /export.csv reads back). An empty day is unknown, an empty outcome is solved. Rows dated after `today` are bad.
 * More than `maxRows` rows below the header is a 413 (the rest of the text is not parsed).
 */
export function parseAttemptCsv(
  text: string,
  today: string,
  maxRows = Infinity,
): { rows: CsvAttempt[]; errors: RowError[] } {
  const { rows: records, more } = readCsv(text, maxRows + 1);
  if (more) {
    throw new AppError(
      'progress.import_too_many_rows',
      `the CSV has more than ${maxRows} rows: import at most ${maxRows} at a time`,
      413,
      { limit: maxRows },
    );
  }
  const [header, ...body] = records;
  const names = header?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const missing = REQUIRED.filter((n) => !names.includes(n));
  if (!header || missing.length > 0) {
    throw new AppError(
      'progress.csv_header',
      `the CSV needs a header row with ${REQUIRED.join(',')} (missing: ${missing.join(', ')})`,
      422,
      { missing: missing.join(', ') },
    );
  }
  // Cells are read as /export.csv wrote them: a formula-escaping quote is taken off again.
  const col = (cells: string[], name: string) =>
    names.includes(name) ? unescapeFormula((cells[names.indexOf(name)] ?? '').trim()) : '';
  const rows: CsvAttempt[] = [];
  const errors: RowError[] = [];
  for (const { line, cells } of body) {
    try {
      const problem = parseProblemRef(col(cells, 'problem'));
      if (!problem)
        throw new AppError(
          'progress.bad_problem',
          `problem ${JSON.stringify(col(cells, 'problem').slice(0, 100))} is not a problem reference like boj:1260: ${problemIdProblem(col(cells, 'problem')) ?? 'unknown form'}`,
          422,
        );
      const fields = parseAttemptFields(
        {
          day: col(cells, 'day'),
          outcome: col(cells, 'outcome'),
          minutes: col(cells, 'minutes'),
          note: col(cells, 'note'),
        },
        today,
        'unknown',
      );
      rows.push({ line, problem, ...fields });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push({ where: `line ${line}`, message: error.message });
    }
  }
  return { rows, errors };
}

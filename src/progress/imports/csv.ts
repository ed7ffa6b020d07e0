import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../errors.ts';

/** One CSV record and the line it starts on (1-based, as an editor shows it). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Reads RFC 4180 CSV (commas, double quotes with "" escapes and line breaks inside, CRLF, LF or CR, a BOM) with
 * csv-parse. Rows of only blanks are dropped. At most `maxRecords` records are read, blank ones included; `more`
 * says that the text has more (which is not parsed). Malformed quoting is a 422 naming the line, never the
 * parser's own message.
 */
export function readCsv(text: string, maxRecords = Infinity): { rows: CsvRow[]; more: boolean } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes as { record, info } (the typings do not follow that option).
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      ...(Number.isFinite(maxRecords) ? { to: maxRecords + 1 } : {}),
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 0;
    throw new AppError('progress.csv_malformed', `the CSV is malformed near line ${line} (check its quotes)`, 422, {
      line,
    });
  }
  const more = records.length > maxRecords;
  const rows = records
    .slice(0, maxRecords)
    .map(({ record, info }) => ({ line: info.lines - lineBreaksIn(record), cells: record }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { rows, more };
}

/** info.lines is the line a record ends on; quoted line breaks inside its cells move its start up. */
function lineBreaksIn(cells: string[]): number {
  let n = 0;
  for (const cell of cells) n += cell.match(/\r\n|\n|\r/g)?.length ?? 0;
  return n;
}

/**
 * Writes rows as CSV with CRLF line ends. A text cell that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a CR, or their full-width forms) is prefixed with a single quote; readCsv's callers undo it
 * with `unescapeFormula`, so an export imports back unchanged.
 */
export function writeCsv(rows: (string | number | null)[][]): string {
  // A lone CR inside a cell must be quoted too: readCsv takes CR, LF and CRLF as line ends.
  return stringify(rows, { escape_formulas: true, record_delimiter: 'windows', quoted_match: /\r|\n/ });
}

const ESCAPED_FORMULA = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell as written before `writeCsv` escaped it: "'=1+1" → "=1+1"; other cells are returned as they are. */
export function unescapeFormula(cell: string): string {
  return ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell;
}

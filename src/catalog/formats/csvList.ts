import { parse } from 'csv-parse/sync';
import { badList, lowerKeys, rowsFromRecords, type Record_ } from './tableRows.ts';
import type { ParsedRows } from './listRows.ts';

const EXPECTED = 'a header row with url,type,title,level,recommended or judge,id,type,title,level,recommended';

/** A list as CSV: one problem per line under a header naming the columns (any order, extra columns ignored). */
export function parseCsvList(text: string, file: string): ParsedRows {
  let records: Record_[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as Record_[];
  } catch (error) {
    throw badList(file, 'CSV', EXPECTED, (error as { code?: string }).code ?? 'unreadable');
  }
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  const hasProblem =
    header.includes('url') ||
    header.includes('link') ||
    (header.includes('judge') && header.includes('id')) ||
    header.includes('problem') ||
    header.includes('id');
  if (!hasProblem)
    throw badList(file, 'CSV', EXPECTED, header.length ? `the header is ${header.join(',')}` : 'no rows');
  // Line 1 is the header: record i sits on line i + 2 (for files without quoted line breaks).
  return rowsFromRecords(records.map(lowerKeys), file, (i) => ({ line: i + 2 }));
}

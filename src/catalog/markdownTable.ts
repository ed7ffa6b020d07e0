/** Markdown pipe tables found in a file, with 1-based line numbers so warnings can name the row. */
export interface MarkdownTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/** Lines longer than this are no table's (a tony9402 row is < 1,000 characters); skipping them bounds the work. */
const MAX_LINE = 10_000;

/** `| --- | :--: |`: every cell two or more dashes with optional colons. One split, no backtracking. */
function isSeparator(line: string): boolean {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|')) text = text.slice(0, -1);
  return text !== '' && text.split('|').every((cell) => /^:?-{2,}:?$/.test(cell.trim()));
}

/** Splits one table line into trimmed cells; `\|` inside a cell is a literal pipe. */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  if (!text.includes('\\|')) return text.split('|').map((cell) => cell.trim());
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current.trim());
  return cells;
}

/** Every table in the text: a header line, a separator line, then the lines that start with a pipe. */
export function markdownTables(text: string): MarkdownTable[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const tables: MarkdownTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].length > MAX_LINE || !lines[i].includes('|') || lines[i + 1].length > MAX_LINE) continue;
    if (!isSeparator(lines[i + 1])) continue;
    const table: MarkdownTable = { header: splitRow(lines[i]), rows: [] };
    let j = i + 2;
    for (; j < lines.length && lines[j].length <= MAX_LINE && lines[j].trim().startsWith('|'); j++) {
      table.rows.push({ line: j + 1, cells: splitRow(lines[j]) });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

/** The index of the first header cell matching one of the names (case- and space-insensitive); -1 if none. */
export function columnOf(header: string[], ...names: string[]): number {
  const norm = (s: string) => s.replace(/[*_`\s]/g, '').toLowerCase();
  const wanted = names.map(norm);
  return header.findIndex((cell) => wanted.includes(norm(cell)));
}

/** Markdown pipe tables found in a file, with 1-based line numbers so warnings can name the row. */
export interface MarkdownTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

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
    if (!lines[i].includes('|') || !SEPARATOR.test(lines[i + 1])) continue;
    const table: MarkdownTable = { header: splitRow(lines[i]), rows: [] };
    let j = i + 2;
    for (; j < lines.length && lines[j].trim().startsWith('|'); j++) {
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

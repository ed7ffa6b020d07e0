import { AppError } from '../../errors.ts';
import { badList, lowerKeys, rowsFromRecords, type Record_ } from './tableRows.ts';
import type { ParsedRows } from './listRows.ts';

const EXPECTED =
  '[{ "url" (or "judge" and "id"), "type", "title", "level", "recommended" }, …], { "name", "problems": [ … ] } or { "name", "types": [{ "name", "problems": [ … ] }] }';

/**
 * A list as JSON, in one of three shapes: an array of problems; `{ name, problems }`; `{ name, types: [{ name,
 * problems }] }` (also `categories`). A problem is an object with url or judge+id, or a URL string.
 */
export function parseJsonList(text: string, file: string): ParsedRows {
  checkDepth(text, file);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw badList(file, 'JSON', EXPECTED, 'the file is not valid JSON');
  }
  const records: Record_[] = [];
  const asRecord = (item: unknown, type?: string): Record_ | undefined => {
    if (typeof item === 'string') return { url: item, ...(type !== undefined ? { type } : {}) };
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const r = lowerKeys(item as Record_);
      return type !== undefined && (r.type === undefined || r.type === '') ? { ...r, type } : r;
    }
    return undefined;
  };
  const push = (items: unknown, type?: string) => {
    if (!Array.isArray(items)) throw badList(file, 'JSON', EXPECTED, 'problems must be an array');
    for (const item of items) records.push(asRecord(item, type) ?? { id: JSON.stringify(item) });
  };
  let title: string | undefined;
  if (Array.isArray(data)) push(data);
  else if (data && typeof data === 'object') {
    const obj = lowerKeys(data as Record_);
    title = typeof obj.name === 'string' ? obj.name : typeof obj.title === 'string' ? obj.title : undefined;
    const types = obj.types ?? obj.categories;
    if (Array.isArray(types)) {
      for (const t of types) {
        const type = t && typeof t === 'object' ? lowerKeys(t as Record_) : {};
        push(type.problems ?? [], String(type.name ?? type.type ?? ''));
      }
    }
    if (obj.problems !== undefined) push(obj.problems);
    if (!Array.isArray(types) && obj.problems === undefined)
      throw badList(file, 'JSON', EXPECTED, 'no "problems" or "types"');
  } else {
    throw badList(file, 'JSON', EXPECTED);
  }
  return { ...rowsFromRecords(records, file, (i) => ({ item: i + 1 })), title };
}

/** Arrays and objects nested deeper than this are refused before parsing: a list needs 3 levels. */
export const MAX_JSON_DEPTH = 32;

/** One pass over the text (strings skipped) refusing nesting deeper than MAX_JSON_DEPTH, so nothing recurses deep. */
function checkDepth(text: string, file: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > MAX_JSON_DEPTH)
        throw new AppError(
          'catalog.json_too_deep',
          `${file}: arrays or objects nested more than ${MAX_JSON_DEPTH} levels deep; a list needs at most 3`,
          422,
          { file, max: MAX_JSON_DEPTH },
        );
    } else if (ch === 93 || ch === 125) depth--;
  }
}

import { AppError } from '../../errors.ts';
import { problemIdOf } from '../../judges/judges.ts';
import { linkKind } from '../../judges/problemUrl.ts';
import { atcoderLevel, levelFromText } from '../../judges/difficulty.ts';
import { parseProblemRef } from '../problemRef.ts';
import { recommendedMark, type ListRow, type ParsedRows } from './listRows.ts';

/** One record of a CSV or JSON list, its field names lower-cased. */
export type Record_ = Record<string, unknown>;

const str = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v.trim() : String(v));

/**
 * Rows from records with `url,type,title,level,recommended` or `judge,id,type,…` (or `problem` = 'boj:1260'). A
 * record whose problem cannot be read is skipped with a warning naming `where(i)`.
 */
export function rowsFromRecords(records: Record_[], where: (i: number) => string, defaultType = ''): ParsedRows {
  const rows: ListRow[] = [];
  const warnings: string[] = [];
  let skipped = 0;
  records.forEach((record, i) => {
    const url = str(record.url ?? record.link);
    const judge = str(record.judge);
    const rawId = str(record.id ?? record.problem ?? record.number);
    let id: string | undefined;
    let problem = '';
    if (url) {
      const kind = linkKind(url);
      id = kind.kind === 'problem' ? kind.id : undefined;
      problem = kind.kind === 'not_problem' ? `${url} is ${kind.reason}` : `${url} is not a problem on a judge cote knows`;
    } else if (judge) {
      id = problemIdOf(judge, rawId);
      problem = `judge "${judge}" with id "${rawId}" is not a problem cote can name (judges: boj, programmers, leetcode, cf, atcoder)`;
    } else {
      id = rawId ? parseProblemRef(rawId) : undefined;
      problem = rawId ? `"${rawId}" is not a problem id like boj:1260` : 'no url, no judge and id';
    }
    if (!id) {
      warnings.push(`${where(i)}: ${problem} (skipped)`);
      skipped++;
      return;
    }
    const judgeKey = id.slice(0, id.indexOf(':'));
    const level = levelFromText(judgeKey, str(record.level ?? record.difficulty ?? record.tier)) || (judgeKey === 'atcoder' ? atcoderLevel(id.slice(id.indexOf(':') + 1)) : 0);
    const recommended = typeof record.recommended === 'boolean' ? record.recommended : recommendedMark(str(record.recommended));
    rows.push({ type: str(record.type ?? record.category) || defaultType, id, title: str(record.title ?? record.name), level, recommended });
  });
  return { rows, warnings, skipped };
}

/** Field names as the parsers compare them: 'URL ' → 'url'. */
export function lowerKeys(record: Record_): Record_ {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.trim().toLowerCase(), v]));
}

export function badList(file: string, format: string, expected: string, detail = ''): AppError {
  return new AppError('catalog.bad_list', `${file}: not a ${format} list${detail ? ` (${detail})` : ''}; expected ${expected}`, 422, { file, format, expected });
}

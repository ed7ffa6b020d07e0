import { AppError } from '../../errors.ts';
import { problemIdOf } from '../../judges/judges.ts';
import { linkKind } from '../../judges/problemUrl.ts';
import { levelFromId, readLevel } from '../../judges/difficulty.ts';
import { parseProblemRef } from '../problemRef.ts';
import type { ListWarning } from '../types.ts';
import { recommendedMark, type ListRow, type ParsedRows } from './listRows.ts';

/** One record of a CSV or JSON list, its field names lower-cased. */
export type Record_ = Record<string, unknown>;

const str = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v.trim() : String(v));

/**
 * Rows from records with `url,type,title,level,recommended` or `judge,id,type,…` (or `problem` = 'boj:1260'). A
 * record whose problem cannot be read is skipped with a warning naming `file` and `where(i)` (its line or index).
 */
export function rowsFromRecords(
  records: Record_[],
  file: string,
  where: (i: number) => { line: number } | { item: number },
  defaultType = '',
): ParsedRows {
  const rows: ListRow[] = [];
  const warnings: ListWarning[] = [];
  let skipped = 0;
  records.forEach((record, i) => {
    const url = str(record.url ?? record.link);
    const judge = str(record.judge);
    const rawId = str(record.id ?? record.problem ?? record.number);
    let id: string | undefined;
    let problem: Omit<ListWarning['params'], 'file' | 'line'> & { code?: string } = {};
    if (url) {
      const kind = linkKind(url);
      id = kind.kind === 'problem' ? kind.id : undefined;
      problem =
        kind.kind === 'not_problem' ? { code: `not_problem_${kind.reason}`, url } : { code: 'unknown_judge_link', url };
    } else if (judge) {
      id = problemIdOf(judge, rawId);
      problem = { code: 'bad_judge_id', judge, id: rawId };
    } else {
      id = rawId ? parseProblemRef(rawId) : undefined;
      problem = rawId ? { code: 'bad_problem_id', id: rawId } : { code: 'no_problem_ref' };
    }
    if (!id) {
      const { code, ...params } = problem;
      warnings.push({ code: String(code), params: { file, ...where(i), ...params } });
      skipped++;
      return;
    }
    const judgeKey = id.slice(0, id.indexOf(':'));
    const given = readLevel(judgeKey, str(record.level ?? record.difficulty ?? record.tier));
    const level = given.level > 0 ? given : levelFromId(id);
    const recommended =
      typeof record.recommended === 'boolean' ? record.recommended : recommendedMark(str(record.recommended));
    rows.push({
      type: str(record.type ?? record.category) || defaultType,
      id,
      title: str(record.title ?? record.name),
      level: level.level,
      levelPrecision: level.precision,
      recommended,
    });
  });
  return { rows, warnings, skipped };
}

/** Field names as the parsers compare them: 'URL ' → 'url'. */
export function lowerKeys(record: Record_): Record_ {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.trim().toLowerCase(), v]));
}

export function badList(file: string, format: string, expected: string, detail = ''): AppError {
  return new AppError(
    'catalog.bad_list',
    `${file}: not a ${format} list${detail ? ` (${detail})` : ''}; expected ${expected}`,
    422,
    { file, format, expected },
  );
}

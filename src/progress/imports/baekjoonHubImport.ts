import type { Db } from '../../db/connection.ts';
import { daysBetween, instantAt, localDay } from '../../day.ts';
import type { Learner } from '../../learners/learnerRepository.ts';
import { MIN_DAY } from '../attemptInput.ts';
import { dayOutOfRange } from '../dayRange.ts';
import { hubReadmes, gitAddedDates } from './baekjoonHubFiles.ts';
import { parseHubReadme, type HubRecord } from './baekjoonHubReadme.ts';
import { storeImport, type ImportRow, type ImportSummary, type RowError } from './storeImport.ts';

export const HUB_ORIGIN = 'import:baekjoonhub';

/**
 * Imports a BaekjoonHub repository (a directory, usually a git clone) as solved attempts of `learner`, by the rule a
 * sync of the same repository follows (src/sync/solves.ts, attemptsFrom): one solve per problem and local day, keyed
 * `<problem>|<day>|solved`, a solve the learner has that day already not counted twice; so a sync after an import,
 * or an import after a sync, adds nothing. Day: `### 제출 일자` (Korean time) → else the day git first added the
 * README → else unknown (null), never guessed. Problems on no list are kept as the learner's off-list problems
 * (keepAttempt). A day before MIN_DAY (which the sync refuses too) or after today is a bad row naming the README.
 */
export async function importBaekjoonHub(
  db: Db,
  learner: Learner,
  dir: string,
  options: { partial: boolean; now: Date },
): Promise<ImportSummary> {
  const files = hubReadmes(dir);
  const today = localDay(options.now, learner.timezone);
  const parsed = files.map((file) => ({
    file,
    record: file.error ? { error: file.error } : parseHubReadme(file.text, file.judge),
  }));
  const needGit = parsed.some(({ record }) => !('error' in record) && record.submitted === null);
  const gitDates = needGit ? await gitAddedDates(dir) : undefined;
  const warnings = needGit && !gitDates ? ['progress.import.warning.no_git'] : [];
  const errors: RowError[] = [];
  // Per problem: the days it was solved, and the README that first names it (for messages).
  const solved = new Map<string, { record: HubRecord; days: Set<string>; where: string }>();
  const undated: HubRecord[] = [];
  for (const { file, record } of parsed) {
    if ('error' in record) {
      errors.push({ where: file.path, message: record.error });
      continue;
    }
    const at = record.submitted
      ? instantAt(record.submitted.day, record.submitted.time, 'Asia/Seoul')
      : gitDates?.get(file.path);
    if (!at || Number.isNaN(at.getTime())) {
      undated.push(record);
      continue;
    }
    const day = localDay(at, learner.timezone);
    // Past today is refused here, not dropped (the sync drops it): the reader is shown which README and why.
    const wrong =
      dayOutOfRange(day, today) ??
      (daysBetween(today, day) > 0 ? `day ${day} is after today` : undefined) ??
      (daysBetween(MIN_DAY, day) < 0 ? `day ${day} is before ${MIN_DAY}` : undefined);
    if (wrong) {
      errors.push({ where: file.path, message: `submission ${wrong}` });
      continue;
    }
    const entry = solved.get(record.problem) ?? { record, days: new Set<string>(), where: file.path };
    entry.days.add(day);
    solved.set(record.problem, entry);
  }
  const rows: ImportRow[] = [];
  for (const [id, { record, days, where }] of [...solved].sort(([a], [b]) => a.localeCompare(b))) {
    for (const day of [...days].sort())
      rows.push({
        problem: { id, title: record.title, level: record.level },
        where,
        day,
        outcome: 'solved',
        minutes: null,
        externalKey: `${id}|${day}|solved`,
        sameDayIsDuplicate: true,
      });
  }
  // An undated README of a problem solved on a known day is that solve; of the rest, one solve per problem.
  const known = new Set(solved.keys());
  for (const record of undated) {
    if (known.has(record.problem)) continue;
    known.add(record.problem);
    rows.push({
      problem: { id: record.problem, title: record.title, level: record.level },
      day: null,
      outcome: 'solved',
      minutes: null,
      externalKey: `${record.problem}|unknown|solved`,
      sameDayIsDuplicate: true,
    });
  }
  return storeImport(db, learner.id, HUB_ORIGIN, { rows, errors, warnings }, options);
}

import type { Db } from '../../db/connection.ts';
import { localDay } from '../../day.ts';
import type { Learner } from '../../learners/learnerRepository.ts';
import { hubReadmes, gitAddedDates } from './baekjoonHubFiles.ts';
import { hubSubmissionDay, parseHubReadme } from './baekjoonHubReadme.ts';
import { storeImport, type ImportRow, type ImportSummary, type RowError } from './storeImport.ts';

export const HUB_ORIGIN = 'import:baekjoonhub';

/**
 * Imports a BaekjoonHub repository (a directory, usually a git clone) as solved attempts of `learner`.
 * Day: `### 제출 일자` (Korean time) → else the day git first added the README → else unknown (null), never guessed.
 * Each problem is imported once per learner (its id is the external key), so re-importing adds nothing twice.
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
  const warnings =
    needGit && !gitDates ? ['no git history: READMEs without 제출 일자 are imported as solved on an unknown day'] : [];
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const { file, record } of parsed) {
    if ('error' in record) {
      errors.push({ where: file.path, message: record.error });
      continue;
    }
    const added = gitDates?.get(file.path);
    const day = record.submitted
      ? hubSubmissionDay(record.submitted, learner.timezone)
      : added
        ? localDay(added, learner.timezone)
        : null;
    if (day !== null && day > today) {
      errors.push({ where: file.path, message: `submission day ${day} is in the future (today is ${today})` });
      continue;
    }
    // The same problem in two folders (re-solved in another language) is one solve.
    if (seen.has(record.problem)) continue;
    seen.add(record.problem);
    rows.push({
      problem: { id: record.problem, title: record.title, level: record.level },
      day,
      outcome: 'solved',
      minutes: null,
      externalKey: record.problem,
    });
  }
  return storeImport(db, learner.id, HUB_ORIGIN, { rows, errors, warnings }, options);
}

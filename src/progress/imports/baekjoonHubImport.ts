import type { Db } from '../../db/connection.ts';
import { daysBetween, instantAt, localDay } from '../../day.ts';
import type { Learner } from '../../learners/learnerRepository.ts';
import { attemptsFrom, EARLIEST_SOLVE_DAY } from '../../sync/solves.ts';
import type { Submission } from '../../sync/types.ts';
import { dayOutOfRange } from '../dayRange.ts';
import { hubReadmes, gitAddedDates } from './baekjoonHubFiles.ts';
import { parseHubReadme, type HubRecord } from './baekjoonHubReadme.ts';
import { storeImport, type ImportRow, type ImportSummary, type RowError } from './storeImport.ts';

export const HUB_ORIGIN = 'import:baekjoonhub';

/**
 * Imports a BaekjoonHub repository (a directory, usually a git clone) as solved attempts of `learner`, with the days
 * and keys a sync of the same repository gives (the sync's own attemptsFrom): so a sync after an import, or an import
 * after a sync, adds nothing. Day: `### 제출 일자` (Korean time) → else the day git first added the README → else
 * unknown (null), never guessed. Problems on no list are kept as the learner's off-list problems (keepAttempt).
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
  const submissions: Submission[] = [];
  const where = new Map<string, string>();
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
    const wrong = dayOutOfRange(day, today) ?? (daysBetween(today, day) > 0 ? `day ${day} is after today` : undefined);
    if (wrong) {
      errors.push({ where: file.path, message: `submission ${wrong}` });
      continue;
    }
    where.set(record.problem, where.get(record.problem) ?? file.path);
    submissions.push({
      problem: { id: record.problem, title: record.title, level: record.level },
      at,
      verdict: 'accepted',
    });
  }
  const plan = attemptsFrom(submissions, learner.timezone, today);
  // What the sync would refuse for its time (before 2000, say) is a named bad row here, never a silent loss.
  for (const r of plan.refused)
    errors.push({
      where: where.get(r.problem) ?? r.problem,
      message: `submission time ${r.at} is refused (before ${EARLIEST_SOLVE_DAY})`,
    });
  const rows: ImportRow[] = plan.attempts.map((a) => ({
    problem: a.problem,
    where: where.get(a.problem.id),
    day: a.day,
    outcome: a.outcome,
    minutes: null,
    externalKey: a.key,
    sameDayIsDuplicate: true,
  }));
  // An undated README of a problem solved on a known day is that solve; of the rest, one solve per problem.
  const known = new Set(submissions.map((s) => s.problem.id));
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

import type { Db } from '../../db/connection.ts';
import { localDay } from '../../day.ts';
import { problemById } from '../../catalog/problemRepository.ts';
import type { Learner } from '../../learners/learnerRepository.ts';
import { parseAttemptCsv } from './attemptCsv.ts';
import { storeImport, type ImportSummary } from './storeImport.ts';

export const CSV_ORIGIN = 'import:csv';

/**
 * Imports `problem,day,outcome,minutes` rows. Problems the catalog lacks are created under their judge with their
 * id as title (and named in the warnings). A row's key is its problem, day, outcome and minutes: importing the
 * same file again adds nothing.
 */
export function importAttemptCsv(db: Db, learner: Learner, text: string, options: { partial: boolean; now: Date }): ImportSummary {
  const { rows, errors } = parseAttemptCsv(text, localDay(options.now, learner.timezone));
  const warnings = [...new Set(rows.map((r) => r.problem))].filter((id) => !problemById(db, id)).map((id) => `${id} is not in the catalog: added under its own judge`);
  const importRows = rows.map((r) => ({
    problem: { id: r.problem, title: r.problem },
    day: r.day,
    outcome: r.outcome,
    minutes: r.minutes,
    note: r.note,
    externalKey: [r.problem, r.day ?? '', r.outcome, r.minutes ?? ''].join('|'),
  }));
  return storeImport(db, learner.id, CSV_ORIGIN, { rows: importRows, errors, warnings }, options);
}

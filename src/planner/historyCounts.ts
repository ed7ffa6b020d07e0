/** What the learner's history says before planning: new problems per type so far, recent attempts, study days between. */
import { daysBetween, isoWeekday } from '../day.ts';
import type { CatalogIndex } from './catalogIndex.ts';
import { isGraded } from './model.ts';
import type { HistoryAttempt, PlanInput } from './types.ts';

/**
 * The learner's graded first attempts per category (since the preparation's start when given), and the study day
 * of the latest one, counted back from today (only study weekdays count).
 */
export function newProblemCounts(
  index: CatalogIndex,
  ordered: HistoryAttempt[],
  input: PlanInput,
): { newIn: Float64Array; newTotal: number; lastNew: Float64Array } {
  const cats = index.catKeys.length;
  const newIn = new Float64Array(cats);
  const lastNew = new Float64Array(cats).fill(-Infinity);
  const studyDays = new Set(input.settings.studyDays);
  const seen = new Set<number>();
  const back = new Map<string, number>();
  let newTotal = 0;
  for (const a of ordered) {
    const p = index.byId.get(a.problem);
    if (p === undefined || seen.has(p)) continue;
    seen.add(p);
    if (!isGraded(a) || !a.day || a.day > input.today || (input.startDay && a.day < input.startDay)) continue;
    newTotal++;
    let ago = back.get(a.day);
    if (ago === undefined) {
      ago = -studyDaysBetween(a.day, input.today, studyDays);
      back.set(a.day, ago);
    }
    for (const c of index.problemCats[p]) {
      newIn[c] += 1 / index.problemCats[p].length;
      lastNew[c] = Math.max(lastNew[c], ago);
    }
  }
  return { newIn, newTotal, lastNew };
}

/** A problem attempted this many days ago or less is not re-solved yet (it is still fresh). */
const RECENT_DAYS = 7;

export function recentProblems(index: CatalogIndex, ordered: HistoryAttempt[], today: string): Set<number> {
  const out = new Set<number>();
  for (const a of ordered) {
    const p = index.byId.get(a.problem);
    if (p !== undefined && a.day && a.day <= today && daysBetween(a.day, today) <= RECENT_DAYS) out.add(p);
  }
  return out;
}

/**
 * Study weekdays in [from, to) (0 when from ≥ to); at most 400 days are counted. Whole weeks count once each and
 * only the last partial week is walked: constant time, since the planner asks this for every day a learner logged.
 */
export function studyDaysBetween(from: string, to: string, studyDays: Set<number>): number {
  const span = Math.min(400, daysBetween(from, to));
  if (span <= 0) return 0;
  let perWeek = 0;
  for (let weekday = 1; weekday <= 7; weekday++) if (studyDays.has(weekday)) perWeek++;
  const first = isoWeekday(from);
  let n = Math.floor(span / 7) * perWeek;
  for (let i = 0; i < span % 7; i++) if (studyDays.has(((first - 1 + i) % 7) + 1)) n++;
  return n;
}

/** The indices of problems not on `judge`; null when there is no judge or no problem on it (mocks then use any). */
export function offJudge(problems: { id: string }[], judge: string | undefined): Set<number> | null {
  if (!judge) return null;
  const prefix = `${judge}:`;
  if (!problems.some((p) => p.id.startsWith(prefix))) return null;
  const off = new Set<number>();
  problems.forEach((p, i) => {
    if (!p.id.startsWith(prefix)) off.add(i);
  });
  return off;
}

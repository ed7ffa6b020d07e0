/**
 * What a planner is to the simulator: something that, each morning, looks at the learner's logged history
 * and returns today's problems in the order the learner should work through them.
 */
import type { HistoryAttempt, Plan, PlanInput, PlannerCatalog } from '../../src/planner/types.ts';
import type { SimProfile } from './exam.ts';
import type { CatalogIndex } from './world.ts';

/** Everything a planner may know about a run: public facts only (no hidden skills or difficulties). */
export interface RunSetup {
  index: CatalogIndex;
  profile: SimProfile;
  /** The profile's published category weights (baselines use only which are > 0). */
  weights: Map<string, number>;
  budget: number;
  /** Days of practice before the exam; the exam is on day `days`. */
  days: number;
  startDay: string;
  examDay: string;
  /** ISO weekdays the learner studies (the planners are asked only on them). */
  studyDays: number[];
  /** A per-learner seed for planners that draw at random (TONY) and for cote's `seed`. */
  seed: number;
}

export interface DayRequest {
  dayIndex: number;
  today: string;
  history: HistoryAttempt[];
}

export interface DailyPlanner {
  today(request: DayRequest): string[];
  /** The planner's day-0 projection of P(pass), when it makes one (cote). */
  projection?(): number | null;
}

export type PlannerFactory = (setup: RunSetup) => DailyPlanner;

/** The shape of src/planner/index.ts `plan`. */
export type PlanFunction = (input: PlanInput) => Plan;

/** Problems the learner has done (solved, slowly or with a hint); a plain failure stays open. */
export function doneSet(history: HistoryAttempt[]): Set<string> {
  const done = new Set<string>();
  for (const a of history) if (a.outcome !== 'failed') done.add(a.problem);
  return done;
}

/** Entries of the list in order (category order, then position), one per problem (its first entry). */
export function listOrder(catalog: PlannerCatalog, keep: (category: string) => boolean = () => true): string[] {
  const catPos = new Map(catalog.categories.map((c) => [c.key, c.position]));
  const entries = catalog.entries
    .filter((e) => keep(e.category))
    .sort((a, b) => (catPos.get(a.category) ?? 0) - (catPos.get(b.category) ?? 0) || a.position - b.position);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of entries) {
    if (seen.has(e.problem)) continue;
    seen.add(e.problem);
    out.push(e.problem);
  }
  return out;
}

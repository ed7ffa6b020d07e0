import diagnostics_channel from 'node:diagnostics_channel';
import type { Db } from '../db/connection.ts';
import { plannerCatalog } from '../catalog/plannerCatalog.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import { plan } from '../planner/index.ts';
import type { Plan, PlanInput, PlannerCatalog } from '../planner/types.ts';
import { plannerHistory } from '../progress/plannerHistory.ts';
import { planInputSettings } from './planInputs.ts';
import { planDayOf, storePlanDay, type StoredPlanDay } from './planDayRepository.ts';

export interface PlanForOptions {
  /** Store today's list when none is stored yet, so it stays stable through the day (default true). */
  store?: boolean;
  /** The instant recorded with a stored list (default: the day at 00:00 UTC). */
  now?: Date;
  /** Plan only this many days in detail (PlanInput.horizonDays). */
  horizonDays?: number;
}

const catalogs = new WeakMap<Db, Map<string, { stamp: string; catalog: PlannerCatalog }>>();

/**
 * The planner's catalog over the learner's lists (null = every list), rebuilt only when a list was imported again
 * or an admin mapped a type (the planner memoises per object).
 */
export function currentCatalog(db: Db, listKeys: string[] | null = null): PlannerCatalog {
  const stamp = String(
    db
      .prepare(
        `SELECT coalesce(group_concat(imported_at || ':' || version || ':' || id, ','), '') ||
                (SELECT coalesce(group_concat(name || '=' || type_key, ','), '') FROM type_aliases) FROM lists`,
      )
      .pluck()
      .get(),
  );
  let perSelection = catalogs.get(db);
  if (!perSelection) {
    perSelection = new Map();
    catalogs.set(db, perSelection);
  }
  const selection = listKeys ? JSON.stringify(listKeys) : '*';
  const cached = perSelection.get(selection);
  if (cached && cached.stamp === stamp) return cached.catalog;
  const catalog = plannerCatalog(db, listKeys);
  perSelection.set(selection, { stamp, catalog });
  return catalog;
}

/** The catalog of the lists that feed the learner's plan (their choice on /lists, else their group's; default every list). */
export function learnerCatalog(db: Db, learner: Learner): PlannerCatalog {
  return currentCatalog(db, planInputSettings(db, learner).lists);
}

/**
 * Every planner run is published on this diagnostics channel with the learner's today and how long it took: an
 * operator's or a test's window on the planner (LOG_LEVEL=debug logs each run, main.ts), free when nobody listens.
 */
export const plannerRuns = diagnostics_channel.channel('cote:planner-run');

export interface PlannerRun {
  today: string;
  ms: number;
}

/** Every planner run of cote goes through here (pages, actions, CLI, digest), so that runs can be observed. */
export function runPlanner(input: PlanInput): Plan {
  if (!plannerRuns.hasSubscribers) return plan(input);
  const started = performance.now();
  const result = plan(input);
  plannerRuns.publish({ today: input.today, ms: performance.now() - started } satisfies PlannerRun);
  return result;
}

export function planInputFor(
  db: Db,
  learner: Learner,
  today: string,
  stored: StoredPlanDay | undefined,
  extra: Partial<PlanInput> = {},
): PlanInput {
  // The one object the fingerprint reads too (src/plans/planInputs.ts).
  const { lists, ...settings } = planInputSettings(db, learner);
  return {
    catalog: currentCatalog(db, lists),
    history: extra.history ?? plannerHistory(db, learner.id),
    settings,
    today,
    todayItems: stored?.items,
    excludeToday: stored?.skipped,
    minutesToday: stored?.minutesToday ?? undefined,
    ...extra,
  };
}

/**
 * The learner's plan from `today` (their local date) to the exam, built from what actually happened, computed now
 * (pages read the stored plan instead: src/plans/storedPlan.ts). Today's list is stored the first time it is planned
 * and kept for the rest of the day (minus what was done or skipped).
 */
export function planFor(db: Db, learner: Learner, today: string, options: PlanForOptions = {}): Plan {
  const stored = planDayOf(db, learner.id, today);
  const result = runPlanner(planInputFor(db, learner, today, stored, { horizonDays: options.horizonDays }));
  const first = result.days[0];
  if (!stored && options.store !== false && first && first.day === today && !first.rest && first.items.length > 0) {
    storePlanDay(db, learner.id, today, first.items, (options.now ?? new Date(`${today}T00:00:00Z`)).toISOString());
  }
  return result;
}

import zlib from 'node:zlib';
import { wasSwappedIn } from './swappedIn.ts';
import type { Db } from '../db/connection.ts';
import { localDay } from '../day.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { HistoryAttempt, Plan, PlanItem } from '../planner/types.ts';
import { plannerHistory } from '../progress/plannerHistory.ts';
import { settledByAnyAttempt } from './itemAttempts.ts';
import { isWarmUpDay, lastStudyDayBefore, nextDayList } from './nextDay.ts';
import {
  adoptPlanDayInputs,
  planDayOf,
  rebuildPlanDay,
  storePlanDay,
  type StoredPlanDay,
} from './planDayRepository.ts';
import { planFingerprint, type PlanFingerprint } from './planFingerprint.ts';
import { planInputFor, runPlanner } from './planService.ts';
import {
  refingerprintStoredPlan,
  saveStoredPlan,
  storedPlanMeta,
  storedPlanRow,
  type StoredPlanRow,
} from './storedPlanRepository.ts';

/** A learner's plan as stored: computed once per change of its inputs, read by every page, the CLI and the digest. */
export interface StoredPlan {
  /** The learner-local day the plan starts on. */
  today: string;
  plan: Plan;
  /** When the planner computed it (ISO instant). */
  computedAt: string;
  /** The list part of the fingerprint it was computed from (see planFingerprint). */
  listInputs: string;
}

export interface StoredPlanOptions {
  /** Store today's list when none is stored yet, so it stays stable through the day (default true; the digest: false). */
  storeList?: boolean;
}

/**
 * The planner's choice for a learner at `now` (their local today): the stored plan, computed again only when what
 * it is computed from changed (see planFingerprint). For other features, e.g. study groups.
 */
export function storedPlanFor(deps: { db: Db }, learner: Learner, now: Date): StoredPlan {
  return storedPlan(deps.db, learner, localDay(now, learner.timezone), now);
}

/**
 * The learner's plan from `today`. A fingerprint of its inputs (a few indexed reads) is compared with the stored one;
 * the planner runs only when they differ, at most once per call. Today's list is stored when first planned and kept
 * through the day (minus what was done or skipped); it is rebuilt when the settings, the catalog or the learner's
 * imports change (what was acted on stays). A new day opens with the list the stored plan forecast for it, the last
 * study day's undone problems first (nextDayList), when nothing but the day changed.
 */
export function storedPlan(
  db: Db,
  learner: Learner,
  today: string,
  now: Date,
  options: StoredPlanOptions = {},
): StoredPlan {
  const storeList = options.storeList !== false;
  const fingerprint = planFingerprint(db, learner, today);
  const row = storedPlanRow(db, learner.id);
  if (row && row.day === today && row.fingerprint === fingerprint.full) {
    const stored = fromRow(row);
    if (storeList && fingerprint.versions.listVersion === null) storeFirstList(db, learner, stored, fingerprint, now);
    return stored;
  }
  return db.transaction(() => compute(db, learner, today, now, fingerprint, row, storeList, true))();
}

/** Plans as views last read them, kept in memory (not in the database) per connection and learner. */
const viewedPerDb = new WeakMap<Db, Map<number, { key: string; stored: StoredPlan }>>();
/** Learners whose viewed plan is kept in memory: a few active learners, bounded so memory stays small. */
export const VIEWED_PLANS_KEPT = 64;

/**
 * The learner's plan as a page (a GET) shows it, without writing anything: the stored plan when it was made for
 * `today` from the same settings, lists and imports — even when attempts were logged since (a write refreshes it in
 * the background, src/web/planRefresh.ts: the days ahead follow within seconds, today's marks are read live) —
 * otherwise the plan computed now as `storedPlan` would compute it, kept in memory only. Today's list is never stored
 * here: the first write of the day stores it (ensureTodayList).
 */
export function viewedPlan(db: Db, learner: Learner, today: string, now: Date): StoredPlan {
  const fingerprint = planFingerprint(db, learner, today);
  // The plan itself (compressed JSON) is read only when the one kept in memory is not it.
  const meta = storedPlanMeta(db, learner.id);
  const key =
    meta && meta.day === today && meta.listInputs === fingerprint.list
      ? `row:${meta.fingerprint}:${meta.computedAt}`
      : `now:${fingerprint.full}`;
  let viewed = viewedPerDb.get(db);
  if (!viewed) {
    viewed = new Map();
    viewedPerDb.set(db, viewed);
  }
  const kept = viewed.get(learner.id);
  if (kept && kept.key === key) {
    viewed.delete(learner.id);
    viewed.set(learner.id, kept);
    return kept.stored;
  }
  const row = storedPlanRow(db, learner.id);
  const stored =
    row && key === `row:${row.fingerprint}:${row.computedAt}`
      ? fromRow(row)
      : compute(db, learner, today, now, fingerprint, row, false, false);
  viewed.set(learner.id, { key, stored });
  if (viewed.size > VIEWED_PLANS_KEPT) viewed.delete(viewed.keys().next().value as number);
  return stored;
}

/**
 * Before a learner's write (a POST of theirs): today's list is stored if it is not yet, as the pages showed it —
 * from the stored plan of today when it still holds, else planned now — so the write (a solve) never reshapes the
 * list it was made from. One indexed read when the list is stored already.
 */
export function ensureTodayList(db: Db, learner: Learner, today: string, now: Date): void {
  if (planDayOf(db, learner.id, today)) return;
  const fingerprint = planFingerprint(db, learner, today);
  const row = storedPlanRow(db, learner.id);
  if (row && row.day === today && row.listInputs === fingerprint.list) {
    const first = fromRow(row).plan.days[0];
    if (first && first.day === today && !first.rest && first.items.length > 0)
      storePlanDay(db, learner.id, today, first.items, now.toISOString(), fingerprint.list);
    return;
  }
  storedPlan(db, learner, today, now);
}

/**
 * The list `day` opens with, from the plan stored on an earlier day, when nothing but the day (and attempts) changed
 * since and that plan was made on or after the last study day; undefined otherwise (the planner chooses afresh).
 */
export function openingList(
  db: Db,
  learner: Learner,
  previous: StoredPlan,
  day: string,
  listInputs: string,
  history: HistoryAttempt[],
): PlanItem[] | undefined {
  if (previous.today >= day || previous.listInputs !== listInputs) return undefined;
  const last = lastStudyDayBefore(day, learner.studyDays);
  if (!last || previous.today < last) return undefined;
  const forecast = previous.plan.days.find((d) => d.day === day);
  if (!forecast || forecast.rest) return undefined;
  const lastList = planDayOf(db, learner.id, last);
  const undone = lastList
    ? lastList.items.filter((it) => !lastList.skipped.includes(it.problem))
    : previous.plan.today === last
      ? (previous.plan.days[0]?.items ?? [])
      : [];
  const warmUp = isWarmUpDay(day, learner.examDate, learner.studyDays);
  return nextDayList({
    undone,
    undoneDay: last,
    forecast: forecast.items,
    day,
    history,
    budget: learner.dailyMinutes,
    warmUp,
  });
}

/** The learner's stored plan as it is, whatever day it was computed for and whether it is still current. */
export function lastStoredPlan(db: Db, learnerId: number): StoredPlan | undefined {
  const row = storedPlanRow(db, learnerId);
  return row && fromRow(row);
}

function fromRow(row: StoredPlanRow): StoredPlan {
  return { today: row.day, plan: decodePlan(row.plan), computedAt: row.computedAt, listInputs: row.listInputs };
}

function compute(
  db: Db,
  learner: Learner,
  today: string,
  now: Date,
  fingerprint: PlanFingerprint,
  row: StoredPlanRow | undefined,
  storeList: boolean,
  persist: boolean,
): StoredPlan {
  const history = plannerHistory(db, learner.id);
  const stored = planDayOf(db, learner.id, today);
  let plan: Plan;
  if (stored && stored.listInputs !== null && stored.listInputs !== fingerprint.list) {
    plan = rebuildToday(db, learner, stored, history, fingerprint.list, persist);
  } else if (stored) {
    if (persist && stored.listInputs === null) adoptPlanDayInputs(db, learner.id, today, fingerprint.list);
    plan = runPlanner(planInputFor(db, learner, today, stored, { history }));
  } else {
    const previous = row && fromRow(row);
    const opening = previous && openingList(db, learner, previous, today, fingerprint.list, history);
    const extra = opening ? { history, todayItems: opening } : { history };
    plan = runPlanner(planInputFor(db, learner, today, undefined, extra));
    const first = plan.days[0];
    if (persist && storeList && first && first.day === today && !first.rest && first.items.length > 0) {
      storePlanDay(db, learner.id, today, first.items, now.toISOString(), fingerprint.list);
    }
  }
  const computedAt = now.toISOString();
  if (!persist) return { today, plan, computedAt, listInputs: fingerprint.list };
  // The fingerprint after the list writes above: the list stored from this plan does not make it stale.
  const after = planFingerprint(db, learner, today);
  const encoded = encodePlan(plan);
  saveStoredPlan(db, {
    learnerId: learner.id,
    day: today,
    listInputs: fingerprint.list,
    fingerprint: after.full,
    plan: encoded,
    computedAt,
  });
  return { today, plan, computedAt, listInputs: fingerprint.list };
}

/**
 * Today's list after its inputs changed: the items the learner acted on stay (logged, solved elsewhere, skipped), the
 * rest is planned again within what is left of today's budget.
 */
function rebuildToday(
  db: Db,
  learner: Learner,
  stored: StoredPlanDay,
  history: HistoryAttempt[],
  listInputs: string,
  persist: boolean,
): Plan {
  const today = stored.day;
  const attemptedEver = new Set(history.map((a) => a.problem));
  const attemptedToday = new Set(history.filter((a) => a.day === today).map((a) => a.problem));
  const skipped = new Set(stored.skipped);
  const actedOn = (it: PlanItem) =>
    skipped.has(it.problem) ||
    wasSwappedIn(it) ||
    (settledByAnyAttempt(it) ? attemptedEver : attemptedToday).has(it.problem);
  const kept = stored.items.filter(actedOn);
  const spent = kept.filter((it) => !skipped.has(it.problem)).reduce((s, it) => s + it.minutes, 0);
  const left = Math.min(stored.minutesToday ?? learner.dailyMinutes, learner.dailyMinutes) - spent;
  if (left <= 0) {
    if (persist) rebuildPlanDay(db, learner.id, today, kept, listInputs);
    return runPlanner(planInputFor(db, learner, today, { ...stored, items: kept }, { history }));
  }
  const input = planInputFor(db, learner, today, undefined, {
    history,
    excludeToday: stored.skipped,
    minutesToday: left,
  });
  const plan = runPlanner(input);
  const first = plan.days[0];
  const keptIds = new Set(kept.map((it) => it.problem));
  const fresh = first && first.day === today && !first.rest ? first.items.filter((it) => !keptIds.has(it.problem)) : [];
  if (persist) rebuildPlanDay(db, learner.id, today, [...kept, ...fresh], listInputs);
  // What was already done today is work, not a budget too small: the notice would be untrue.
  if (kept.length > 0 && plan.notice?.code === 'budget_too_small') delete plan.notice;
  return plan;
}

/** A plan computed by the digest (no list stored): the first page view stores its first day as today's list. */
function storeFirstList(db: Db, learner: Learner, stored: StoredPlan, fingerprint: PlanFingerprint, now: Date): void {
  const first = stored.plan.days[0];
  if (!first || first.day !== stored.today || first.rest || first.items.length === 0) return;
  if (!storePlanDay(db, learner.id, stored.today, first.items, now.toISOString(), fingerprint.list)) return;
  refingerprintStoredPlan(db, learner.id, fingerprint.full, planFingerprint(db, learner, stored.today).full);
}

function encodePlan(plan: Plan): Buffer {
  return zlib.deflateRawSync(JSON.stringify(plan));
}

function decodePlan(bytes: Buffer): Plan {
  return JSON.parse(zlib.inflateRawSync(bytes).toString('utf8')) as Plan;
}

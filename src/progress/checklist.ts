import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { allLists, type List } from '../catalog/listRepository.ts';
import { categoriesOfList, type Category } from '../catalog/categoryRepository.ts';
import { typeResolver } from '../catalog/listTypes.ts';
import type { ProblemStatus } from './checklistStatus.ts';
import { isSolvedOutcome } from './outcomes.ts';
import { attemptLog, type LoggedAttempt } from './attemptLog.ts';
import { typeStats, type StatsEntry, type TypeStats } from './stats.ts';

/** What the status filter keeps: solved at all, not solved yet, tried but not solved, never logged. */
export const STATUS_FILTERS = ['solved', 'unsolved', 'failed', 'new'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/**
 * The checklist's filters, as the GET form and every link of the page carry them. A new filter is added in four
 * places of this file: this interface, checklistFilters (parse), filterQuery (write back) and matchesFilters (apply).
 */
export interface ChecklistFilters {
  /** One list's key; absent = every list. */
  list?: string;
  category?: string;
  minLevel?: number;
  maxLevel?: number;
  recommendedOnly?: boolean;
  /** A problem number, or part of a title. */
  q?: string;
  status?: StatusFilter;
}

/** A filtered view opens every type with matches in place when it has at most this many rows; more stay folded. */
export const INLINE_ROWS = 200;

export interface ChecklistRow {
  problemId: string;
  number: string;
  title: string;
  level: number;
  url: string | null;
  recommended: boolean;
  position: number;
  categoryKey: string;
  /** The learner's status; undefined when they never logged the problem (or nobody is logged in). */
  status?: ProblemStatus;
}

export interface ChecklistCategory {
  key: string;
  /** The list it belongs to. */
  listKey: string;
  /** The canonical type it counts as (readiness, weights). */
  typeKey: string;
  nameEn: string;
  nameKo: string;
  position: number;
  /** Counts of the whole type, whatever the filters. */
  problemCount: number;
  recommendedCount: number;
  /** The learner's figures over the whole type, whatever the filters (all zero without a learner). */
  stats: TypeStats;
  /** The rows that pass the filters other than the type, in list order (shown when the type is open). */
  rows: ChecklistRow[];
  /** Whether the page shows the rows in place; a folded type loads them when opened (or links to ?type=key). */
  open: boolean;
}

export interface ChecklistView {
  /** The first list shown; undefined when no list is imported. */
  list?: List;
  /** The lists shown (one when filtered), and every list for the list filter. */
  lists: List[];
  allLists: List[];
  filters: ChecklistFilters;
  /** Whether any filter besides the type is set. */
  narrowed: boolean;
  /** Every type of the list (for the overview and the type filter); `rows` filtered. */
  categories: ChecklistCategory[];
  totals: { categories: number; problems: number; entries: number; recommended: number; shown: number };
}

interface RowData {
  category_id: number;
  problem_id: string;
  number: string;
  title: string;
  level: number;
  url: string | null;
  recommended: number;
  position: number;
}

/** Every entry of the lists, in list order (the learner's status is read apart: learnerStatuses). */
const CHECKLIST_ROWS = `SELECT e.category_id, e.problem_id, p.number, p.title, p.level, p.url, e.recommended, e.position
    FROM entries e JOIN categories c ON c.id = e.category_id JOIN problems p ON p.id = e.problem_id
   WHERE c.list_id IN (SELECT value FROM json_each(@lists)) ORDER BY c.list_id, e.position, p.id`;

/** The lists' rows and what follows from them alone: the same for every learner and every view. */
interface ListRows {
  stamp: string;
  rows: RowData[];
  byCategory: Map<number, RowData[]>;
  /** Each category's entries as typeStats counts them. */
  entries: Map<number, StatsEntry[]>;
  problems: number;
  recommended: number;
}

const keptRows = new WeakMap<Db, Map<string, ListRows>>();

/**
 * The lists' rows, read again only when a list was imported or refreshed since (its stamp changed): they are the same
 * for every learner and every view, and reading ~2,000 of them was most of a checklist view's cost. Shared and frozen,
 * with their grouping by type and counts (made once, not on every view).
 */
function listRows(db: Db, lists: List[], categories: Category[]): ListRows {
  const stamp = String(
    db
      .prepare("SELECT coalesce(group_concat(imported_at || ':' || version || ':' || id, ','), '') FROM lists")
      .pluck()
      .get(),
  );
  const ids = JSON.stringify(lists.map((l) => l.id));
  let perLists = keptRows.get(db);
  if (!perLists) {
    perLists = new Map();
    keptRows.set(db, perLists);
  }
  const kept = perLists.get(ids);
  if (kept && kept.stamp === stamp) return kept;
  const rows = (db.prepare(CHECKLIST_ROWS).all({ lists: ids }) as RowData[]).map((r) => Object.freeze(r));
  const byCategory = new Map<number, RowData[]>(categories.map((c) => [c.id, []]));
  for (const r of rows) byCategory.get(r.category_id)?.push(r);
  const entries = new Map(
    categories.map((c) => [
      c.id,
      (byCategory.get(c.id) ?? []).map((r) => ({
        category: c.key,
        problem: r.problem_id,
        recommended: r.recommended === 1,
        level: r.level,
      })),
    ]),
  );
  const made: ListRows = {
    stamp,
    rows,
    byCategory,
    entries,
    problems: new Set(rows.map((r) => r.problem_id)).size,
    recommended: rows.filter((r) => r.recommended === 1).length,
  };
  perLists.set(ids, made);
  return made;
}

/** A row as the page shows it to whoever never logged its problem: made once per list row and shared. */
const plainRows = new WeakMap<RowData, ChecklistRow>();

function rowOf(r: RowData, categoryKey: string, status: ProblemStatus | undefined): ChecklistRow {
  if (status) return toRow(r, categoryKey, status);
  let row = plainRows.get(r);
  if (!row) {
    row = Object.freeze(toRow(r, categoryKey, undefined));
    plainRows.set(r, row);
  }
  return row;
}

interface LearnerStatuses {
  statuses: Map<string, ProblemStatus>;
  solved: Set<string>;
}

/** Statuses made from one attempt log (a frozen array, replaced on every change): made once per log. */
const statusesOfLog = new WeakMap<readonly LoggedAttempt[], LearnerStatuses>();

/**
 * The learner's status of every problem they logged, by problem (checklistStatus.ts's rule: the latest attempt by
 * day — undated ones older than any dated — then by when it was logged; solved once any attempt solved it), from the
 * learner's attempt log (progress/attemptLog.ts), which is oldest first in that very order: the last one seen is the
 * latest.
 */
function learnerStatuses(db: Db, learnerId: number | undefined): LearnerStatuses {
  if (learnerId === undefined) return { statuses: new Map(), solved: new Set() };
  const log = attemptLog(db, learnerId);
  const known = statusesOfLog.get(log);
  if (known) return known;
  const latest = new Map<string, LoggedAttempt>();
  const solved = new Set<string>();
  for (const a of log) {
    latest.set(a.problem, a);
    if (isSolvedOutcome(a.outcome)) solved.add(a.problem);
  }
  const statuses = new Map<string, ProblemStatus>();
  for (const [problem, a] of latest)
    statuses.set(problem, {
      state: solved.has(problem) ? 'solved' : 'attempted',
      lastDay: a.day,
      lastOutcome: a.outcome,
    });
  const made = { statuses, solved };
  statusesOfLog.set(log, made);
  return made;
}

/**
 * The data of the checklist: each list's types (or one list's) and, inside each, its problems in list order with the
 * learner's status. Every row and every status come from one statement; the filters and per-type figures apply here.
 */
export function checklistView(db: Db, filters: ChecklistFilters = {}, learnerId?: number): ChecklistView {
  const every = allLists(db);
  const narrowed = isNarrowed(filters);
  const empty = { categories: 0, problems: 0, entries: 0, recommended: 0, shown: 0 };
  if (every.length === 0) return { lists: [], allLists: [], filters, narrowed, categories: [], totals: empty };
  const lists = filters.list ? every.filter((l) => l.key === filters.list) : every;
  if (lists.length === 0)
    throw new AppError('catalog.unknown_list', `there is no list "${filters.list}"`, 400, { key: filters.list ?? '' });
  const listOf = new Map<number, string>();
  const listCategories = lists.flatMap((list) => {
    const categories = categoriesOfList(db, list.id);
    for (const c of categories) listOf.set(c.id, list.key);
    return categories;
  });
  const resolve = typeResolver(db);
  if (filters.category && !listCategories.some((c) => c.key === filters.category)) {
    throw new AppError('catalog.unknown_type', `there is no type "${filters.category}" in the list`, 400, {
      key: filters.category,
    });
  }
  const kept = listRows(db, lists, listCategories);
  const { statuses, solved } = learnerStatuses(db, learnerId);
  const noStats = { solved: 0, total: 0, recommendedSolved: 0, recommendedTotal: 0, highestLevel: 0 };

  const categories = listCategories.map((c): ChecklistCategory => {
    const all = kept.byCategory.get(c.id) ?? [];
    const rows: ChecklistRow[] = [];
    let recommendedCount = 0;
    for (const r of all) {
      if (r.recommended === 1) recommendedCount++;
      const status = statuses.get(r.problem_id);
      if (!narrowed || matchesFilters(filters, r, status)) rows.push(rowOf(r, c.key, status));
    }
    return {
      key: c.key,
      listKey: listOf.get(c.id) ?? '',
      typeKey: resolve(c).key,
      nameEn: c.nameEn,
      nameKo: c.nameKo,
      position: c.position,
      problemCount: all.length,
      recommendedCount,
      stats: typeStats(kept.entries.get(c.id) ?? [], solved).get(c.key) ?? { ...noStats },
      rows,
      open: false,
    };
  });
  const chosen = (c: ChecklistCategory) => !filters.category || filters.category === c.key;
  const shown = categories.filter(chosen).reduce((sum, c) => sum + c.rows.length, 0);
  for (const c of categories)
    c.open = filters.category === c.key || (!filters.category && narrowed && shown <= INLINE_ROWS && c.rows.length > 0);
  const totals = {
    categories: categories.length,
    problems: kept.problems,
    entries: kept.rows.length,
    recommended: kept.recommended,
    shown,
  };
  return { list: lists[0], lists, allLists: every, filters, narrowed, categories, totals };
}

function toRow(r: RowData, categoryKey: string, status: ProblemStatus | undefined): ChecklistRow {
  return {
    problemId: r.problem_id,
    number: r.number,
    title: r.title,
    level: r.level,
    url: r.url,
    recommended: r.recommended === 1,
    position: r.position,
    categoryKey,
    status,
  };
}

function isNarrowed(f: ChecklistFilters): boolean {
  return f.minLevel !== undefined || f.maxLevel !== undefined || !!f.recommendedOnly || !!f.q || !!f.status;
}

/** Whether a row passes the filters other than the type. */
function matchesFilters(f: ChecklistFilters, r: RowData, status: ProblemStatus | undefined): boolean {
  const q = f.q?.toLowerCase() ?? '';
  return (
    (f.minLevel === undefined || r.level >= f.minLevel) &&
    (f.maxLevel === undefined || r.level <= f.maxLevel) &&
    (!f.recommendedOnly || r.recommended === 1) &&
    (q === '' || (/^\d+$/.test(q) && r.number === String(Number(q))) || r.title.toLowerCase().includes(q)) &&
    (!f.status || matchesStatus(f.status, status))
  );
}

function matchesStatus(filter: StatusFilter, status: ProblemStatus | undefined): boolean {
  switch (filter) {
    case 'solved':
      return status?.state === 'solved';
    case 'unsolved':
      return status?.state !== 'solved';
    case 'failed':
      return status?.state === 'attempted';
    case 'new':
      return status === undefined;
  }
}

/**
 * Filters from a query string. A tier outside 0–30 or an unknown status is a bad request naming the parameter;
 * a reversed tier range is swapped.
 */
export function checklistFilters(query: Record<string, unknown>): ChecklistFilters {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const level = (name: string) => {
    const raw = text(name);
    if (raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 30) {
      throw new AppError('catalog.bad_level', `${name} must be a level from 0 to 30, not "${raw}"`, 400, {
        name,
        value: raw,
      });
    }
    return n;
  };
  let minLevel = level('min');
  let maxLevel = level('max');
  if (minLevel !== undefined && maxLevel !== undefined && minLevel > maxLevel)
    [minLevel, maxLevel] = [maxLevel, minLevel];
  const list = text('list');
  const status = text('status');
  if (status !== '' && !(STATUS_FILTERS as readonly string[]).includes(status)) {
    const expected = STATUS_FILTERS.join(', ');
    throw new AppError('catalog.bad_status', `status must be one of ${expected}, not "${status}"`, 400, {
      value: status,
      expected,
    });
  }
  return {
    ...(list ? { list } : {}),
    category: text('type') || undefined,
    minLevel,
    maxLevel,
    recommendedOnly: ['1', 'on', 'true'].includes(text('recommended')),
    q: text('q') || undefined,
    status: (status || undefined) as StatusFilter | undefined,
  };
}

/** The query string that gives back `filters` (without '?'; empty when none is set), for the page's links. */
export function filterQuery(filters: ChecklistFilters): string {
  const query = new URLSearchParams();
  if (filters.list) query.set('list', filters.list);
  if (filters.category) query.set('type', filters.category);
  if (filters.minLevel !== undefined) query.set('min', String(filters.minLevel));
  if (filters.maxLevel !== undefined) query.set('max', String(filters.maxLevel));
  if (filters.recommendedOnly) query.set('recommended', '1');
  if (filters.status) query.set('status', filters.status);
  if (filters.q) query.set('q', filters.q);
  return query.toString();
}

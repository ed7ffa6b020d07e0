import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { allLists, type List } from './listRepository.ts';
import { categoriesOfList } from './categoryRepository.ts';
import { typeResolver } from './listTypes.ts';

/** The checklist's filters, as the GET form sends them. */
export interface ChecklistFilters {
  /** One list's key; absent = every list. */
  list?: string;
  category?: string;
  minLevel?: number;
  maxLevel?: number;
  recommendedOnly?: boolean;
  /** A problem number, or part of a title. */
  q?: string;
}

export interface ChecklistRow {
  problemId: string;
  number: string;
  title: string;
  level: number;
  url: string | null;
  recommended: boolean;
  position: number;
  categoryKey: string;
}

export interface ChecklistCategory {
  key: string;
  /** The list it belongs to. */
  listKey: string;
  /** The canonical type it counts as (readiness, weights, the per-type figures). */
  typeKey: string;
  nameEn: string;
  nameKo: string;
  position: number;
  /** Counts of the whole type, whatever the filters. */
  problemCount: number;
  recommendedCount: number;
  /** The rows that pass the filters, in list order. */
  rows: ChecklistRow[];
}

export interface ChecklistView {
  /** The first list shown; undefined when no list is imported. */
  list?: List;
  /** The lists shown (one when filtered), and every list for the list filter. */
  lists: List[];
  allLists: List[];
  filters: ChecklistFilters;
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

/** The data of the home checklist: each list's types (or one list's) and, inside each, its problems in list order. */
export function checklistView(db: Db, filters: ChecklistFilters = {}): ChecklistView {
  const every = allLists(db);
  const empty = { categories: 0, problems: 0, entries: 0, recommended: 0, shown: 0 };
  if (every.length === 0) return { filters, lists: [], allLists: [], categories: [], totals: empty };
  const lists = filters.list ? every.filter((l) => l.key === filters.list) : every;
  if (lists.length === 0) throw new AppError('catalog.unknown_list', `there is no list "${filters.list}"`, 400, { key: filters.list ?? '' });
  const select = db.prepare(
    `SELECT e.category_id, e.problem_id, p.number, p.title, p.level, p.url, e.recommended, e.position
       FROM entries e JOIN categories c ON c.id = e.category_id JOIN problems p ON p.id = e.problem_id
      WHERE c.list_id = ? ORDER BY e.position, p.id`,
  );
  const rows = lists.flatMap((list) => select.all(list.id) as RowData[]);
  const listOf = new Map<number, string>();
  const listCategories = lists.flatMap((list) => categoriesOfList(db, list.id).map((c) => (listOf.set(c.id, list.key), c)));
  const resolve = typeResolver(db);
  if (filters.category && !listCategories.some((c) => c.key === filters.category)) {
    throw new AppError('catalog.unknown_type', `there is no type "${filters.category}" in the list`, 400, { key: filters.category });
  }
  const matches = rowFilter(filters);
  const distinct = new Set<string>();
  let shown = 0;
  const categories = listCategories.map((c): ChecklistCategory => {
    const all = rows.filter((r) => r.category_id === c.id);
    all.forEach((r) => distinct.add(r.problem_id));
    const visible = filters.category && filters.category !== c.key ? [] : all.filter(matches);
    shown += visible.length;
    return {
      key: c.key,
      listKey: listOf.get(c.id)!,
      typeKey: resolve(c).key,
      nameEn: c.nameEn,
      nameKo: c.nameKo,
      position: c.position,
      problemCount: all.length,
      recommendedCount: all.filter((r) => r.recommended === 1).length,
      rows: visible.map((r) => ({
        problemId: r.problem_id,
        number: r.number,
        title: r.title,
        level: r.level,
        url: r.url,
        recommended: r.recommended === 1,
        position: r.position,
        categoryKey: c.key,
      })),
    };
  });
  const totals = {
    categories: categories.length,
    problems: distinct.size,
    entries: rows.length,
    recommended: rows.filter((r) => r.recommended === 1).length,
    shown,
  };
  return { list: lists[0], lists, allLists: every, filters, categories, totals };
}

function rowFilter(f: ChecklistFilters): (r: RowData) => boolean {
  const q = f.q?.trim().toLowerCase() ?? '';
  const isNumber = /^\d+$/.test(q);
  return (r) =>
    (f.minLevel === undefined || r.level >= f.minLevel) &&
    (f.maxLevel === undefined || r.level <= f.maxLevel) &&
    (!f.recommendedOnly || r.recommended === 1) &&
    (q === '' || (isNumber && r.number === String(Number(q))) || r.title.toLowerCase().includes(q));
}

/** Filters from a query string; a tier outside 0–30 is a bad request naming the parameter. A reversed range is swapped. */
export function checklistFilters(query: Record<string, unknown>): ChecklistFilters {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const level = (name: string) => {
    const raw = text(name);
    if (raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 30) {
      throw new AppError('catalog.bad_level', `${name} must be a level from 0 to 30, not "${raw}"`, 400, { name, value: raw });
    }
    return n;
  };
  let minLevel = level('min');
  let maxLevel = level('max');
  if (minLevel !== undefined && maxLevel !== undefined && minLevel > maxLevel) [minLevel, maxLevel] = [maxLevel, minLevel];
  const list = text('list');
  return {
    ...(list ? { list } : {}),
    category: text('type') || undefined,
    minLevel,
    maxLevel,
    recommendedOnly: ['1', 'on', 'true'].includes(text('recommended')),
    q: text('q') || undefined,
  };
}

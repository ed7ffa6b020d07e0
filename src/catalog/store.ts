import type { Db } from '../db/connection.ts';
import type { ListWarning, PageRow, ParsedList } from './types.ts';
import { warningText } from './warnings.ts';
import { diffList, type ListDiff, type ListedProblem, type ProblemChange } from './diff.ts';
import { listByKey, saveList } from './listRepository.ts';
import { categoriesOfList, deleteCategory, saveCategory } from './categoryRepository.ts';
import { deleteEntry, entriesOfList, saveEntry } from './entryRepository.ts';
import { deleteProblemIfUnused, problemsByIds, saveProblem } from './problemRepository.ts';
import { problemUrl, splitProblemId } from './problemRef.ts';
import { saveListFiles } from './listFileRepository.ts';
import type { CachedFile } from './source.ts';
import { EXACT, mergeLevel } from '../judges/difficulty.ts';
import { tierLabel } from '../judges/tier.ts';

/** What an import did, relative to what was stored before. The first nine keys are `cote import --json`. */
export interface ImportSummary {
  list: string;
  categories: number;
  /** Distinct problems. */
  problems: number;
  /** Category rows. */
  entries: number;
  /** Category rows with the recommended mark. */
  recommended: number;
  added: number;
  removed: number;
  changed: number;
  /** The parsers' warnings in English (the CLI's lines and `--json`). */
  warnings: string[];
  /** The same warnings as codes and params, so pages word them in the reader's language (absent in old runs). */
  warningCodes?: ListWarning[];
  details: { added: string[]; removed: string[]; changes: ProblemChange[] };
}

/**
 * Stores a parsed list in one transaction and reports the difference. Storing the same content again writes
 * nothing (only a new source, or new HTTP validators in `files`, are remembered). A problem that leaves the list
 * stays when a learner logged it.
 */
export function storeList(
  db: Db,
  list: ParsedList & { version: string },
  source: string,
  now: Date,
  files: CachedFile[] = [],
): ImportSummary {
  return db.transaction(() => {
    const stored = listByKey(db, list.key);
    const after = listedProblems(list);
    const levelWarnings = settleLevels(db, after, list.categories[0]?.pagePath ?? list.key);
    const diff = diffList(stored ? storedProblems(db, stored.id) : new Map(), after);
    let listId = stored?.id;
    if (stored && stored.version === list.version) {
      if (stored.source !== source) saveList(db, { ...stored, source });
    } else {
      listId = write(db, list, source, now, diff, after);
    }
    saveListFiles(db, listId!, files);
    return summarize({ ...list, warnings: [...list.warnings, ...levelWarnings] }, after, diff);
  })();
}

/** Writes the list's new content; returns the list's id. */
function write(
  db: Db,
  list: ParsedList & { version: string },
  source: string,
  now: Date,
  diff: ListDiff,
  problems: Map<string, ListedProblem>,
): number {
  const listId = saveList(db, {
    key: list.key,
    name: list.name,
    source,
    version: list.version,
    importedAt: now.toISOString(),
    format: list.format,
  });
  const keep = new Set(list.categories.map((c) => c.key));
  for (const category of categoriesOfList(db, listId)) if (!keep.has(category.key)) deleteCategory(db, category.id);
  const existing = entriesOfList(db, listId);
  const seen = new Set<string>();
  for (const category of list.categories) {
    const categoryId = saveCategory(db, {
      listId,
      key: category.key,
      nameEn: category.nameEn,
      nameKo: category.nameKo,
      position: category.position,
    });
    const ids = new Set<string>();
    for (const row of category.rows) {
      const id = rowId(row);
      ids.add(id);
      if (!seen.has(id)) {
        seen.add(id);
        const meta = list.meta.get(row.number);
        const [judge, number] = splitProblemId(id);
        const settled = problems.get(id)!;
        saveProblem(db, {
          id,
          judge,
          number,
          title: row.title,
          level: settled.level,
          levelPrecision: settled.precision,
          url: problemUrl(id) ?? null,
          tags: meta?.tags ?? [],
          averageTries: meta?.averageTries ?? null,
        });
      }
      saveEntry(db, { categoryId, problemId: id, position: row.position, recommended: row.recommended });
    }
    for (const entry of existing)
      if (entry.categoryId === categoryId && !ids.has(entry.problemId)) deleteEntry(db, categoryId, entry.problemId);
  }
  for (const id of diff.removed) deleteProblemIfUnused(db, id);
  return listId;
}

/** A row's problem id: its own, or (tony9402's pages) the Baekjoon problem of its number. */
const rowId = (row: PageRow) => row.id ?? `boj:${row.number}`;

function listedProblems(list: ParsedList): Map<string, ListedProblem> {
  const problems = new Map<string, ListedProblem>();
  for (const category of list.categories) {
    for (const row of category.rows) {
      const id = rowId(row);
      const problem = problems.get(id) ?? {
        title: row.title,
        level: row.level,
        precision: row.level > 0 ? (row.levelPrecision ?? EXACT) : 0,
        placements: new Map(),
      };
      problem.placements.set(category.key, row.recommended);
      problems.set(id, problem);
    }
  }
  return problems;
}

/**
 * Merges each listed problem's level with the stored one (mergeLevel: never erased, a finer form kept over a coarser
 * one), in place; returns a warning for each problem whose stored level was kept over, or refined by, the list's.
 */
function settleLevels(db: Db, problems: Map<string, ListedProblem>, file: string): ListWarning[] {
  const warnings: ListWarning[] = [];
  const stored = problemsByIds(db, [...problems.keys()]);
  for (const [id, problem] of problems) {
    const before = stored.get(id);
    if (!before || before.level <= 0) continue;
    const old = { level: before.level, precision: before.levelPrecision ?? 0 };
    const given = { level: problem.level, precision: problem.precision ?? 0 };
    const merged = mergeLevel(old, given);
    const params = { file, id, kept: tierLabel(old.level), given: tierLabel(given.level) };
    if (merged.conflict) warnings.push({ code: 'level_kept', params });
    else if (given.level > 0 && given.level !== old.level && given.precision > old.precision)
      warnings.push({ code: 'level_refined', params });
    problem.level = merged.level;
    problem.precision = merged.precision;
  }
  return warnings;
}

function storedProblems(db: Db, listId: number): Map<string, ListedProblem> {
  const entries = entriesOfList(db, listId);
  const data = problemsByIds(db, [...new Set(entries.map((e) => e.problemId))]);
  const problems = new Map<string, ListedProblem>();
  for (const entry of entries) {
    const p = data.get(entry.problemId)!;
    const problem = problems.get(entry.problemId) ?? { title: p.title, level: p.level, placements: new Map() };
    problem.placements.set(entry.categoryKey, entry.recommended);
    problems.set(entry.problemId, problem);
  }
  return problems;
}

function summarize(list: ParsedList, problems: Map<string, ListedProblem>, diff: ListDiff): ImportSummary {
  const rows = list.categories.flatMap((c) => c.rows);
  return {
    list: list.key,
    categories: list.categories.length,
    problems: problems.size,
    entries: rows.length,
    recommended: rows.filter((r) => r.recommended).length,
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    warnings: list.warnings.map((w) => warningText(w)),
    warningCodes: list.warnings,
    details: { added: diff.added, removed: diff.removed, changes: diff.changes },
  };
}

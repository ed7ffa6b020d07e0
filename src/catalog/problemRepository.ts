import type { Db } from '../db/connection.ts';
import { statement } from './statements.ts';
import { problemUrl, splitProblemId } from './problemRef.ts';
import { judgePrecision, type LevelPrecision } from '../judges/difficulty.ts';
import { cleanTitle } from '../text/title.ts';

/** One task on one judge: 'boj:1260'. */
export interface Problem {
  id: string;
  judge: string;
  number: string;
  title: string;
  level: number;
  /** How precise `level` is (difficulty.ts): a later source replaces it only with an equal or finer form. */
  levelPrecision?: LevelPrecision;
  url: string | null;
  tags: string[];
  averageTries: number | null;
}

interface ProblemRow {
  id: string;
  judge: string;
  number: string;
  title: string;
  level: number;
  url: string | null;
  tags: string;
  average_tries: number | null;
  level_precision: number;
}

function toProblem(row: ProblemRow): Problem {
  return {
    id: row.id,
    judge: row.judge,
    number: row.number,
    title: row.title,
    level: row.level,
    levelPrecision: row.level_precision as LevelPrecision,
    url: row.url,
    tags: JSON.parse(row.tags) as string[],
    averageTries: row.average_tries,
  };
}

export function problemById(db: Db, id: string): Problem | undefined {
  const row = statement(db, 'SELECT * FROM problems WHERE id = ?').get(id) as ProblemRow | undefined;
  return row && toProblem(row);
}

/** Whether a problem is on a list ('listed'), kept only for learners' histories ('off_list'), or unknown (undefined). */
export function problemStanding(db: Db, id: string): 'listed' | 'off_list' | undefined {
  const row = statement(db, 'SELECT off_list FROM problems WHERE id = ?').get(id) as { off_list: number } | undefined;
  return row === undefined ? undefined : row.off_list ? 'off_list' : 'listed';
}

/** Problems by id, for the ids that exist. */
export function problemsByIds(db: Db, ids: string[]): Map<string, Problem> {
  const found = new Map<string, Problem>();
  const select = statement(db, 'SELECT * FROM problems WHERE id = ?');
  for (const id of ids) {
    const row = select.get(id) as ProblemRow | undefined;
    if (row) found.set(id, toProblem(row));
  }
  return found;
}

/**
 * Makes sure a problem exists — e.g. one outside every list that a learner logs ('programmers:12951') — and returns it.
 * An existing problem is left as it is (the list's data wins over what a learner typed).
 */
export function ensureProblem(
  db: Db,
  input: { id: string; judge?: string; number?: string; title: string; level?: number; url?: string | null },
): Problem {
  const existing = problemById(db, input.id);
  if (existing) return existing;
  const [judge, number] = splitProblemId(input.id);
  const level = input.level ?? 0;
  statement(
    db,
    'INSERT INTO problems (id, judge, number, title, level, level_precision, url) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    input.id,
    input.judge ?? judge,
    input.number ?? number,
    cleanTitle(input.title, input.id),
    level,
    judgePrecision(input.judge ?? judge, level),
    input.url ?? problemUrl(input.id) ?? null,
  );
  return problemById(db, input.id)!;
}

/**
 * Makes sure an off-list problem exists for a synced or imported solve (a problem on no list): a new row is flagged
 * off_list, so it never joins a list, the checklist or the planner's catalog (they read entries), and carries a
 * neutral title, its id (each learner's own title is theirs: learner_problem_titles). An existing row (listed or not)
 * keeps its title; its level is only ever improved: filled when it had none, or replaced when the judge's own level
 * is more precise (a Codeforces rating over a list's coarse word).
 */
export function ensureOffListProblem(
  db: Db,
  input: { id: string; level: number; levelPrecision?: LevelPrecision },
): void {
  const [judge, number] = splitProblemId(input.id);
  const precision = input.level > 0 ? (input.levelPrecision ?? judgePrecision(judge, input.level)) : 0;
  statement(
    db,
    `INSERT INTO problems (id, judge, number, title, level, level_precision, url, off_list) VALUES (?, ?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT (id) DO UPDATE SET level = excluded.level, level_precision = excluded.level_precision
       WHERE excluded.level > 0 AND (problems.level <= 0 OR excluded.level_precision > problems.level_precision)`,
  ).run(input.id, judge, number, input.id, input.level, precision, problemUrl(input.id) ?? null);
}

/**
 * Inserts or overwrites a problem with the list's data (an off-list problem a list now includes becomes listed). The
 * caller has already merged the level with the stored one (store.ts, mergeLevel): `level` is written as given. The
 * title is cleaned as every stored title is (src/text/title.ts): a list is remote text.
 */
export function saveProblem(db: Db, p: Problem): void {
  statement(
    db,
    `INSERT INTO problems (id, judge, number, title, level, level_precision, url, tags, average_tries)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, level = excluded.level,
       level_precision = excluded.level_precision, url = excluded.url, tags = excluded.tags,
       average_tries = excluded.average_tries, off_list = 0`,
  ).run(
    p.id,
    p.judge,
    p.number,
    cleanTitle(p.title, p.id),
    p.level,
    p.level > 0 ? (p.levelPrecision ?? judgePrecision(p.judge, p.level)) : 0,
    p.url,
    JSON.stringify(p.tags),
    p.averageTries,
  );
}

/**
 * Deletes a problem that sits in no list and that no learner logged; returns whether it went.
 * Another table referring to it (a foreign key) keeps it too.
 */
export function deleteProblemIfUnused(db: Db, id: string): boolean {
  try {
    const result = statement(
      db,
      `DELETE FROM problems WHERE id = ?
         AND NOT EXISTS (SELECT 1 FROM entries WHERE problem_id = problems.id)
         AND NOT EXISTS (SELECT 1 FROM attempts WHERE problem_id = problems.id)`,
    ).run(id);
    return result.changes > 0;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
    throw error;
  }
}

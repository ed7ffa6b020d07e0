import { AppError } from '../errors.ts';
import type { ProblemMeta } from './types.ts';

interface RawProblem {
  problemId?: number | string;
  averageTries?: number;
  tags?: { key?: string }[];
}

/** solved.ac metadata from scripts/database.json (`{ "<id>": { problemId, averageTries, tags: [{ key }] } }`). */
export function parseDatabase(text: string, file: string): Map<string, ProblemMeta> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AppError('catalog.bad_database', `${file}: expected JSON (${(error as Error).message})`, 422, { file });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new AppError('catalog.bad_database', `${file}: expected a JSON object keyed by problem number`, 422, {
      file,
    });
  }
  const meta = new Map<string, ProblemMeta>();
  for (const [id, value] of Object.entries(data as Record<string, RawProblem>)) {
    if (!value || typeof value !== 'object') continue;
    const number = String(value.problemId ?? id);
    if (!/^\d+$/.test(number)) continue;
    const tags = Array.isArray(value.tags)
      ? value.tags.map((tag) => tag?.key).filter((key): key is string => typeof key === 'string')
      : [];
    const tries =
      typeof value.averageTries === 'number' && Number.isFinite(value.averageTries) ? value.averageTries : null;
    meta.set(String(Number(number)), { tags, averageTries: tries });
  }
  return meta;
}

/** The metadata as a compact database.json that parseDatabase() reads back the same (what a refresh keeps of the file). */
export function databaseJson(meta: Map<string, ProblemMeta>): string {
  const entries = [...meta].map(([number, m]) => [
    number,
    { problemId: Number(number), averageTries: m.averageTries ?? undefined, tags: m.tags.map((key) => ({ key })) },
  ]);
  return JSON.stringify(Object.fromEntries(entries));
}

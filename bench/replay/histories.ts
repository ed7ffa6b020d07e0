/**
 * The histories a replay reads, and the split of learners into a tuning set and a held-out set.
 *
 * Protocol (fixed before any held-out figure was looked at): a history's learner is held out when a stable hash of its
 * file name (without .json) is odd, unless an earlier session already saw its figures while choosing the model
 * (SEEN_BEFORE: always tuning). Anything chosen or tuned is chosen on the tuning set only; the held-out set is reported.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { hashKey } from '../planner/rng.ts';
import { atcoderAttemptsOf, isAtcoderSubmission } from './atcoder.ts';
import { attemptsOf, type CfSubmission, type ReplayAttempt } from './replay.ts';

/** The four Codeforces histories of the previous session: their later halves were seen while the model was chosen. */
export const SEEN_BEFORE = new Set([
  'Faysal-star_codeforces-mcp',
  'Uakks_codeforces_api',
  'Rishabh-malhotraa_codeforces-diary',
  'Rutika-B_Codeforces-API',
]);

export type ReplaySet = 'tuning' | 'heldOut';

export function setOf(name: string): ReplaySet {
  if (SEEN_BEFORE.has(name)) return 'tuning';
  return hashKey('bench:replay split', name) % 2 === 1 ? 'heldOut' : 'tuning';
}

export interface History {
  name: string;
  source: 'codeforces' | 'atcoder';
  attempts: ReplayAttempt[];
}

/** One file's rows as attempts: a Codeforces user.status answer (or its bare array), or AtCoder Problems rows. */
export function parseHistory(name: string, data: unknown): History | string {
  const rows = Array.isArray(data) ? data : (data as { result?: unknown } | null)?.result;
  if (!Array.isArray(rows)) return `${name} holds no submission array`;
  if (rows.length > 0 && isAtcoderSubmission(rows[0]))
    return { name, source: 'atcoder', attempts: atcoderAttemptsOf(rows) };
  return { name, source: 'codeforces', attempts: attemptsOf(rows as CfSubmission[]) };
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const full = path.join(dir, f);
      if (statSync(full).isDirectory()) return jsonFiles(full);
      return f.endsWith('.json') ? [full] : [];
    });
}

/** Every *.json under `dir` (subdirectories too), by file name; a file that is not a history is an error. */
export function readHistories(dir: string): History[] | string {
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) return `${dir} is not a directory`;
    files = jsonFiles(dir);
  } catch {
    return `cannot read the directory ${dir}`;
  }
  if (files.length === 0) return `no .json file in ${dir} (expected Codeforces or AtCoder submission histories)`;
  const out: History[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return `${path.basename(file)} is not JSON`;
    }
    const h = parseHistory(path.basename(file, '.json'), data);
    if (typeof h === 'string') return h;
    out.push(h);
  }
  return out;
}

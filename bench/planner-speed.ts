/**
 * `npm run bench:planner-speed`: how long one plan() takes.
 * 1. the real curated list (../shared/data/tony9402-baekjoon) × 60 days, median of many runs (target ≤ 20 ms);
 * 2. a synthetic 30,000-problem catalog × 365 days (target ≤ 500 ms).
 * "warm" reuses the catalog object (the per-catalog index is memoised, as in the simulation); "cold" passes a
 * fresh copy each time (as a page request does: the index is rebuilt). Writes bench/results/planner-speed.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addDays } from '../src/day.ts';
import { plan } from '../src/planner/index.ts';
import type { HistoryAttempt, PlanInput, PlannerCatalog } from '../src/planner/types.ts';
import { listAvailable, listDir, loadCatalog, repoRoot } from './planner/catalog.ts';

const TODAY = '2026-11-28';

/** A deterministic pseudo-random sequence (the bench must not vary between runs). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function syntheticCatalog(problems: number, categories: number): PlannerCatalog {
  const rand = lcg(42);
  const catalog: PlannerCatalog = { problems: [], categories: [], entries: [] };
  for (let c = 0; c < categories; c++)
    catalog.categories.push({ key: `type_${c}`, nameEn: `Type ${c}`, nameKo: `유형 ${c}`, position: c });
  for (let i = 0; i < problems; i++) {
    const id = `boj:${100000 + i}`;
    catalog.problems.push({ id, title: `Problem ${i}`, level: 1 + Math.floor(rand() * 25), tags: [] });
    catalog.entries.push({
      category: `type_${i % categories}`,
      problem: id,
      position: Math.floor(i / categories) + 1,
      recommended: rand() < 0.3,
    });
  }
  return catalog;
}

/** 40 imported solves among the easier problems and 30 graded attempts over the last month. */
function history(catalog: PlannerCatalog): HistoryAttempt[] {
  const rand = lcg(7);
  const easy = catalog.problems.filter((p) => p.level > 0 && p.level <= 9);
  const out: HistoryAttempt[] = [];
  for (let i = 0; i < 40; i++)
    out.push({
      problem: easy[Math.floor(rand() * easy.length)].id,
      day: null,
      outcome: 'solved',
      minutes: null,
      origin: 'import:csv',
    });
  const outcomes = ['solved', 'solved', 'solved_slow', 'hint', 'failed'] as const;
  for (let i = 0; i < 30; i++) {
    const p = catalog.problems[Math.floor(rand() * catalog.problems.length)];
    out.push({
      problem: p.id,
      day: addDays(TODAY, -30 + i),
      outcome: outcomes[i % 5],
      minutes: 20 + Math.floor(rand() * 60),
      origin: 'manual',
    });
  }
  return out;
}

function inputFor(catalog: PlannerCatalog, days: number, profile: string): PlanInput {
  return {
    catalog,
    history: history(catalog),
    today: TODAY,
    settings: {
      examDate: addDays(TODAY, days),
      dailyMinutes: 120,
      studyDays: [1, 2, 3, 4, 5, 6],
      profile,
      customWeights: null,
      lang: 'en',
    },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(
  make: () => PlanInput,
  runs: number,
): { medianMs: number; minMs: number; maxMs: number; runs: number; items: number } {
  const times: number[] = [];
  let items = 0;
  plan(make());
  for (let i = 0; i < runs; i++) {
    const input = make();
    const t0 = performance.now();
    const p = plan(input);
    times.push(performance.now() - t0);
    items = p.days.reduce((s, d) => s + d.items.length, 0);
  }
  return {
    medianMs: round(median(times)),
    minMs: round(Math.min(...times)),
    maxMs: round(Math.max(...times)),
    runs,
    items,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
if (listAvailable()) {
  const real = loadCatalog();
  const warm = inputFor(real, 60, 'samsung');
  const fresh = () => ({ ...warm, catalog: structuredClone(real) });
  results.realList = {
    problems: real.problems.length,
    days: 60,
    targetMs: 20,
    warm: measure(() => warm, 101),
    cold: measure(fresh, 31),
    warmGeneral: measure(() => inputFor(real, 60, 'general'), 101),
  };
} else {
  results.realList = { skipped: `the curated list is absent (${listDir})` };
}
const synthetic = syntheticCatalog(30_000, 30);
const big = inputFor(synthetic, 365, 'general');
results.synthetic = {
  problems: 30_000,
  categories: 30,
  days: 365,
  targetMs: 500,
  warm: measure(() => big, 11),
  cold: measure(() => ({ ...big, catalog: structuredClone(synthetic) }), 5),
};

console.log(JSON.stringify(results, null, 2));
const out = path.join(repoRoot, 'bench/results/planner-speed.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);

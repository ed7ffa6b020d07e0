/**
 * npm run bench:replay -- <dir> [--out bench/results/replay]
 *
 * Reads every *.json in <dir> as a Codeforces user.status answer ({"status":"OK","result":[…]} or the bare array),
 * replays each history (replay.ts) and writes <out>.json and <out>.md: log loss, Brier score and a reliability table
 * of P(solve) on each history's later half, for cote's learner model against one global Elo and a per-type solve rate.
 * The histories stay where they are (public data is fetched into /tmp, never committed); only figures are written.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  attemptsOf,
  brier,
  type CfSubmission,
  type HistoryReplay,
  logLoss,
  type ModelName,
  pairedLossDifference,
  reliability,
  replayHistory,
  type Scored,
} from './replay.ts';

const MODELS: ModelName[] = ['cote', 'elo', 'typeRate'];

function fail(message: string): never {
  process.stderr.write(`bench:replay: ${message}\n`);
  process.exit(1);
}

function readHistories(dir: string): { name: string; submissions: CfSubmission[] }[] {
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) fail(`${dir} is not a directory`);
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    fail(`cannot read the directory ${dir}`);
  }
  if (files.length === 0) fail(`no .json file in ${dir} (expected Codeforces user.status answers)`);
  return files.map((file) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch {
      fail(`${file} is not JSON`);
    }
    const result = Array.isArray(data) ? data : (data as { result?: unknown }).result;
    if (!Array.isArray(result)) fail(`${file} holds no user.status result array`);
    return { name: file.replace(/\.json$/, ''), submissions: result as CfSubmission[] };
  });
}

export interface ReplayReport {
  histories: {
    name: string;
    attempts: number;
    scored: number;
    violations: number;
    logLoss: Record<ModelName, number>;
  }[];
  pooled: {
    scored: number;
    logLoss: Record<ModelName, number>;
    /** cote − baseline, mean log loss per attempt with its bootstrap 95 % interval (negative: cote is better). */
    versus: Record<'elo' | 'typeRate', { mean: number; ci: [number, number] }>;
    brier: Record<ModelName, number>;
    reliability: Record<ModelName, ReturnType<typeof reliability>>;
  };
  violations: number;
}

export function report(replays: HistoryReplay[]): ReplayReport {
  const pooled = Object.fromEntries(MODELS.map((m) => [m, replays.flatMap((r) => r.scored[m])])) as Record<
    ModelName,
    Scored[]
  >;
  const per = <T>(f: (s: Scored[]) => T) =>
    Object.fromEntries(MODELS.map((m) => [m, f(pooled[m])])) as Record<ModelName, T>;
  return {
    histories: replays.map((r) => ({
      name: r.name,
      attempts: r.attempts,
      scored: r.scored.cote.length,
      violations: r.violations,
      logLoss: Object.fromEntries(MODELS.map((m) => [m, logLoss(r.scored[m])])) as Record<ModelName, number>,
    })),
    pooled: {
      scored: pooled.cote.length,
      logLoss: per(logLoss),
      versus: {
        elo: pairedLossDifference(pooled.cote, pooled.elo),
        typeRate: pairedLossDifference(pooled.cote, pooled.typeRate),
      },
      brier: per(brier),
      reliability: per(reliability),
    },
    violations: replays.reduce((s, r) => s + r.violations, 0),
  };
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
const s3 = (x: number) => `${x >= 0 ? '+' : ''}${f3(x)}`;
const signed = (d: { mean: number; ci: [number, number] }) => `${s3(d.mean)} [${s3(d.ci[0])}, ${s3(d.ci[1])}]`;

export function markdown(r: ReplayReport, source: string): string {
  const lines = [
    '# Replay on real histories (bench:replay)',
    '',
    `Source: ${source} — ${r.histories.length} Codeforces user.status answers; each history's later half is scored.`,
    'P(solve) of a first attempt at a problem (solved = accepted within a day of the first submission).',
    '',
    '| history | attempts | scored | cote log loss | global Elo | per-type rate |',
    '|---|---|---|---|---|---|',
    ...r.histories.map(
      (h) =>
        `| ${h.name} | ${h.attempts} | ${h.scored} | ${f3(h.logLoss.cote)} | ${f3(h.logLoss.elo)} | ${f3(h.logLoss.typeRate)} |`,
    ),
    `| **pooled** | | ${r.pooled.scored} | **${f3(r.pooled.logLoss.cote)}** | ${f3(r.pooled.logLoss.elo)} | ${f3(r.pooled.logLoss.typeRate)} |`,
    '',
    `Brier: cote ${f3(r.pooled.brier.cote)}, global Elo ${f3(r.pooled.brier.elo)}, per-type rate ${f3(r.pooled.brier.typeRate)}.`,
    `cote − global Elo: ${signed(r.pooled.versus.elo)}; cote − per-type rate: ${signed(r.pooled.versus.typeRate)} (mean log loss per scored attempt, bootstrap 95 % interval over attempts; negative: cote predicts better).`,
    `Solves after which cote's estimate of a solved type went down: ${r.violations}.`,
    '',
    '## Reliability (pooled): mean predicted vs observed, per bin',
    '',
    '| bin | cote n | cote pred | cote obs | Elo n | Elo pred | Elo obs | type-rate n | pred | obs |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const bins = r.pooled.reliability.cote.length;
  for (let i = 0; i < bins; i++) {
    const [c, e, t] = MODELS.map((m) => r.pooled.reliability[m][i]);
    lines.push(
      `| ${c.from.toFixed(1)}–${c.to.toFixed(1)} | ${c.count} | ${f3(c.meanPredicted)} | ${f3(c.observed)} | ${e.count} | ${f3(e.meanPredicted)} | ${f3(e.observed)} | ${t.count} | ${f3(t.meanPredicted)} | ${f3(t.observed)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function main(argv: string[]): void {
  const args = [...argv];
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args.splice(outAt, 2)[1] : 'bench/results/replay';
  const dir = args[0];
  if (!dir) fail('usage: npm run bench:replay -- <directory of user.status .json files> [--out prefix]');
  const replays = readHistories(dir).map((h) => replayHistory(h.name, attemptsOf(h.submissions)));
  const r = report(replays);
  const root = path.resolve(import.meta.dirname, '../..');
  writeFileSync(path.resolve(root, `${out}.json`), `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(path.resolve(root, `${out}.md`), markdown(r, path.basename(path.resolve(dir))));
  process.stdout.write(markdown(r, path.basename(path.resolve(dir))));
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));

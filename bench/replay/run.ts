/**
 * npm run bench:replay -- <dir> [--out bench/results/replay]
 *
 * Reads every *.json under <dir> (histories.ts: Codeforces user.status answers, AtCoder Problems submission rows),
 * replays each history (replay.ts) and writes <out>.json and <out>.md: log loss, Brier score and a reliability table of
 * P(solve) on each history's later half, for cote's learner model against one global Elo and a per-type solve rate,
 * for the tuning set and the held-out set of learners apart (histories.ts: the split and why).
 * The histories stay where they are (public data is fetched into /tmp, never committed); only figures are written.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readHistories, type ReplaySet, setOf } from './histories.ts';
import {
  brier,
  type HistoryReplay,
  learnerBootstrapDifference,
  logLoss,
  MODELS,
  type ModelName,
  pairedLossDifference,
  reliability,
  replayHistory,
  type Scored,
} from './replay.ts';

function fail(message: string): never {
  process.stderr.write(`bench:replay: ${message}\n`);
  process.exit(1);
}

type Difference = { mean: number; ci: [number, number] };
type Baseline = Exclude<ModelName, 'cote'>;
const BASELINES: Baseline[] = ['elo', 'eloFloor', 'typeRate'];
const LABEL: Record<ModelName, string> = {
  cote: 'cote',
  elo: 'global Elo',
  eloFloor: 'global Elo, cote’s step floor',
  typeRate: 'per-type rate',
};

export interface ReplayReport {
  histories: {
    name: string;
    attempts: number;
    scored: number;
    violations: number;
    logLoss: Record<ModelName, number>;
  }[];
  pooled: {
    learners: number;
    scored: number;
    logLoss: Record<ModelName, number>;
    /** cote − baseline, mean log loss per attempt with its bootstrap 95 % interval over attempts (negative: cote is better). */
    versus: Record<Baseline, Difference>;
    /** The same difference with the bootstrap resampling learners (the honest interval: attempts of one learner are not independent). */
    versusByLearner: Record<Baseline, Difference>;
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
  const byLearner = (b: ModelName) =>
    learnerBootstrapDifference(replays.map((r) => ({ a: r.scored.cote, b: r.scored[b] })));
  return {
    histories: replays.map((r) => ({
      name: r.name,
      attempts: r.attempts,
      scored: r.scored.cote.length,
      violations: r.violations,
      logLoss: Object.fromEntries(MODELS.map((m) => [m, logLoss(r.scored[m])])) as Record<ModelName, number>,
    })),
    pooled: {
      learners: replays.length,
      scored: pooled.cote.length,
      logLoss: per(logLoss),
      versus: Object.fromEntries(BASELINES.map((b) => [b, pairedLossDifference(pooled.cote, pooled[b])])) as Record<
        Baseline,
        Difference
      >,
      versusByLearner: Object.fromEntries(BASELINES.map((b) => [b, byLearner(b)])) as Record<Baseline, Difference>,
      brier: per(brier),
      reliability: per(reliability),
    },
    violations: replays.reduce((s, r) => s + r.violations, 0),
  };
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
const s3 = (x: number) => `${x >= 0 ? '+' : ''}${f3(x)}`;
const signed = (d: Difference) => `${s3(d.mean)} [${s3(d.ci[0])}, ${s3(d.ci[1])}]`;
const TITLE: Record<ReplaySet, string> = {
  heldOut: 'Held-out learners (never used to choose or tune anything)',
  tuning: 'Tuning learners (the model may have been chosen on these)',
};

function section(set: ReplaySet, r: ReplayReport): string[] {
  const lines = [
    `## ${TITLE[set]}: ${r.pooled.learners} learners, ${r.pooled.scored} scored attempts`,
    '',
    `| history | attempts | scored | ${MODELS.map((m) => `${LABEL[m]} log loss`).join(' | ')} |`,
    `|---|---|---|${MODELS.map(() => '---|').join('')}`,
    ...r.histories.map(
      (h) => `| ${h.name} | ${h.attempts} | ${h.scored} | ${MODELS.map((m) => f3(h.logLoss[m])).join(' | ')} |`,
    ),
    `| **pooled** | | ${r.pooled.scored} | ${MODELS.map((m) => f3(r.pooled.logLoss[m])).join(' | ')} |`,
    '',
    `Brier: ${MODELS.map((m) => `${LABEL[m]} ${f3(r.pooled.brier[m])}`).join(', ')}.`,
    `${BASELINES.map((b) => `cote − ${LABEL[b]}: ${signed(r.pooled.versusByLearner[b])}`).join('; ')} (mean log loss per scored attempt; bootstrap 95 % interval resampling learners; negative: cote predicts better). Resampling attempts instead: ${BASELINES.map((b) => signed(r.pooled.versus[b])).join(', ')}.`,
    `Solves after which cote's estimate of a solved type went down: ${r.violations}.`,
    '',
    'Reliability (n, mean predicted, observed solve rate per bin of the prediction):',
    '',
    `| bin | ${MODELS.map((m) => `${LABEL[m]} n | pred | obs`).join(' | ')} |`,
    `|---|${MODELS.map(() => '---|---|---|').join('')}`,
  ];
  for (let i = 0; i < r.pooled.reliability.cote.length; i++) {
    const bins = MODELS.map((m) => r.pooled.reliability[m][i]);
    const cells = bins.map((b) => `${b.count} | ${f3(b.meanPredicted)} | ${f3(b.observed)}`);
    lines.push(`| ${bins[0].from.toFixed(1)}–${bins[0].to.toFixed(1)} | ${cells.join(' | ')} |`);
  }
  return [...lines, ''];
}

export function markdown(sets: Partial<Record<ReplaySet, ReplayReport>>, source: string): string {
  const lines = [
    '# Replay on real histories (bench:replay)',
    '',
    `Source: ${source}. P(solve) of a first attempt at a problem (solved = accepted within a day of the first judged`,
    "submission), scored on each history's later half. Learners split by a hash of the file name (bench/replay/histories.ts).",
    '',
  ];
  for (const set of ['heldOut', 'tuning'] as const) {
    const r = sets[set];
    lines.push(...(r ? section(set, r) : [`## ${TITLE[set]}: none`, '']));
  }
  return `${lines.join('\n')}\n`;
}

function main(argv: string[]): void {
  const args = [...argv];
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args.splice(outAt, 2)[1] : 'bench/results/replay';
  const dir = args[0];
  if (!dir) fail('usage: npm run bench:replay -- <directory of submission histories (.json)> [--out prefix]');
  const histories = readHistories(dir);
  if (typeof histories === 'string') fail(histories);
  const replays: Record<ReplaySet, HistoryReplay[]> = { tuning: [], heldOut: [] };
  for (const h of histories) replays[setOf(h.name)].push(replayHistory(h.name, h.attempts));
  const sets: Partial<Record<ReplaySet, ReplayReport>> = {};
  for (const set of ['heldOut', 'tuning'] as const) if (replays[set].length) sets[set] = report(replays[set]);
  const root = path.resolve(import.meta.dirname, '../..');
  const md = markdown(sets, path.basename(path.resolve(dir)));
  writeFileSync(path.resolve(root, `${out}.json`), `${JSON.stringify(sets, null, 2)}\n`);
  writeFileSync(path.resolve(root, `${out}.md`), md);
  process.stdout.write(md);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));

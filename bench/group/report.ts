import fs from 'node:fs';
import path from 'node:path';
import type { Tally } from './loop.ts';

/** The issue's targets (issue 21) for the loop with 20 learners. */
export const GROUP_TARGETS = { minRatio: 0.2, maxP99Ms: 150, maxCpuMsPerRequest: 3, maxRssMb: 150 };

export interface StepFigures {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface ServerFigures {
  requests: number;
  /** GET pages answered per second (the POSTs are not views). */
  viewsPerSec: number;
  requestsPerSec: number;
  failures: number;
  failureSamples: string[];
  p50: number;
  p99: number;
  steps: Record<string, StepFigures>;
  cpuMsPerRequest: number;
  /** Peak resident memory of the server process over the whole run (VmHWM), MB. */
  peakRssMb: number;
}

export interface GroupResult {
  run: 'normal' | 'scale';
  measuredAt: string;
  node: string;
  cpus: number;
  loadAverage: { start: number[]; end: number[] };
  settings: {
    group: number;
    dbLearners: number;
    attemptsPerLearner: number;
    seconds: number;
    writeShare: number;
    acceptEncoding: string;
    /** The command line cote ran with (`npm start`'s, unless BENCH_PLAIN_NODE=1 or BENCH_SERVER_NODE_ARGS). */
    server: string;
  };
  dbBytes: number;
  pageBytes: Record<string, number>;
  cote: ServerFigures;
  bare: ServerFigures;
  /** cote's views/s divided by the bare server's. */
  ratio: number;
  met: { ratio: boolean; p99: boolean; cpu: boolean; rss: boolean; noFailures: boolean };
  serverWarnings: string[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

const round = (n: number) => Math.round(n * 10) / 10;

export function serverFigures(tally: Tally, seconds: number, cpuMs: number, peakRssMb: number): ServerFigures {
  const steps: Record<string, StepFigures> = {};
  const all: number[] = [];
  for (const [label, list] of tally.latencies) {
    const sorted = [...list].sort((a, b) => a - b);
    all.push(...list);
    steps[label] = {
      count: list.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: round(sorted.at(-1) ?? 0),
    };
  }
  all.sort((a, b) => a - b);
  const requests = tally.count();
  return {
    requests,
    viewsPerSec: round(tally.count((label) => label.startsWith('GET')) / seconds),
    requestsPerSec: round(requests / seconds),
    failures: tally.failures,
    failureSamples: tally.failureSamples,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    steps,
    cpuMsPerRequest: requests > 0 ? Math.round((cpuMs / requests) * 100) / 100 : 0,
    peakRssMb,
  };
}

export function judge(cote: ServerFigures, bare: ServerFigures): Pick<GroupResult, 'ratio' | 'met'> {
  const ratio = bare.viewsPerSec > 0 ? Math.round((cote.viewsPerSec / bare.viewsPerSec) * 1000) / 1000 : 0;
  return {
    ratio,
    met: {
      ratio: ratio >= GROUP_TARGETS.minRatio,
      p99: cote.p99 <= GROUP_TARGETS.maxP99Ms,
      cpu: cote.cpuMsPerRequest <= GROUP_TARGETS.maxCpuMsPerRequest,
      rss: cote.peakRssMb <= GROUP_TARGETS.maxRssMb,
      noFailures: cote.failures === 0,
    },
  };
}

export function table(result: GroupResult): string {
  const lines = [
    '| server | views/s | requests/s | p50 | p99 | CPU per request | peak RSS | failures |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, f] of [
    ['cote', result.cote],
    ['bare Node, same bytes', result.bare],
  ] as const)
    lines.push(
      `| ${name} | ${f.viewsPerSec} | ${f.requestsPerSec} | ${f.p50} ms | ${f.p99} ms | ${f.cpuMsPerRequest} ms | ${f.peakRssMb} MB | ${f.failures} |`,
    );
  lines.push(
    '',
    '| step | cote count | cote p50 | cote p99 | bare p50 | bare p99 | bytes |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const [label, s] of Object.entries(result.cote.steps)) {
    const b = result.bare.steps[label];
    lines.push(
      `| ${label} | ${s.count} | ${s.p50} ms | ${s.p99} ms | ${b?.p50 ?? '-'} ms | ${b?.p99 ?? '-'} ms | ${result.pageBytes[label] ?? '-'} |`,
    );
  }
  return lines.join('\n');
}

export function summary(result: GroupResult): string {
  const s = result.settings;
  return [
    `${result.run} run, ${result.measuredAt}: ${s.group} learners looping for ${s.seconds} s per server (write share ${s.writeShare}), database of ${s.dbLearners.toLocaleString('en-US')} learners × ${s.attemptsPerLearner} attempts (${(result.dbBytes / 1e6).toFixed(1)} MB), accept-encoding "${s.acceptEncoding}"`,
    `cote ran as: ${s.server}`,
    `load average at start ${result.loadAverage.start.join(' ')}, at end ${result.loadAverage.end.join(' ')} on ${result.cpus} CPUs (a shared machine: compare with bare in the same run)`,
    `ratio ${result.ratio} (target ≥ ${GROUP_TARGETS.minRatio}); targets met: ${Object.entries(result.met)
      .map(([k, v]) => `${k} ${v ? 'yes' : 'NO'}`)
      .join(', ')}`,
  ].join('\n');
}

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../results');

/** bench/results/group.json (scale: group-scale.json) and group.md with every run found. */
export function writeGroupResults(result: GroupResult): string[] {
  const json = path.join(RESULTS_DIR, result.run === 'scale' ? 'group-scale.json' : 'group.json');
  fs.writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  const md = path.join(RESULTS_DIR, 'group.md');
  const parts = ["# bench:group — a study group's evening (issue 21)", ''];
  for (const file of ['group.json', 'group-scale.json']) {
    const full = path.join(RESULTS_DIR, file);
    if (!fs.existsSync(full)) continue;
    const run = JSON.parse(fs.readFileSync(full, 'utf8')) as GroupResult;
    parts.push(
      `## ${run.run === 'scale' ? 'Scale run (`npm run bench:group -- --scale`)' : 'Normal run (`npm run bench:group`)'}`,
      '',
      summary(run),
      '',
      table(run),
      '',
    );
  }
  fs.writeFileSync(md, parts.join('\n'));
  return [json, md];
}

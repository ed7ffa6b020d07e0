import fs from 'node:fs';
import path from 'node:path';
import type { DigestRunResult } from './digestRun.ts';
import type { LoadResult } from './load.ts';
import type { SeedSummary } from './seed.ts';

/** The issue's targets for every page. */
export const TARGETS = { minRatio: 0.5, maxP99Ms: 50, maxRssMb: 150, digestMsPer1000: 60_000 };

export interface PageResult {
  path: string;
  status: number;
  bytes: number;
  contentType: string;
  contentEncoding: string;
  /** The single first view, before any load: what one learner alone waits. */
  firstViewMs: number;
  /** One-minute load average when this page's runs started (the machine is shared). */
  loadAverage1m: number;
  /** cote as `npm start` runs it: every view renders the page (no rendered page is kept). */
  cote: LoadResult;
  bare: LoadResult;
  /**
   * The same page asked with the first view's ETag (If-None-Match), as a browser's repeated view: cote still renders
   * it to compare, then answers 304 without the body. Reported, not judged.
   */
  repeat: { load: LoadResult; cpuMsPerRequest: number };
  /**
   * CPU time each server spent per request sent (cote: until it had worked off the queue). Unlike req/s this hardly
   * depends on what else the shared machine runs: compare these when the load average is high.
   */
  cpuMsPerRequest: { cote: number; bare: number };
  /** cote req/s divided by bare req/s. */
  ratio: number;
  /** The cote server after this page's run: peak resident memory so far (VmHWM) and now (VmRSS). */
  rss: { peakMb: number; currentMb: number };
  /** How long cote kept working on queued requests after the load stopped. */
  drainMs: number;
  /** Each target; a run without completed requests or with any failed one meets none of its latency figures. */
  met: { ratio: boolean; p99: boolean; rss: boolean; noFailures: boolean };
}

export interface RunResult {
  /** compressed: a normal run whose requests ask for compressed pages (BENCH_ACCEPT_ENCODING), as browsers do. */
  run: 'normal' | 'compressed' | 'scale';
  measuredAt: string;
  node: string;
  cpus: number;
  loadAverage: { start: number[]; end: number[] };
  settings: { seconds: number; connections: number; timeoutSeconds: number; acceptEncoding: string };
  seed: SeedSummary & { dbBytes: number };
  buildMs: number;
  /** The cote server right after start-up and login, before any page was measured. */
  rssAtStart: { peakMb: number; currentMb: number };
  pages: PageResult[];
  digest?: DigestRunResult & { met: boolean };
  /** warn/error lines cote logged during the run. */
  serverWarnings: string[];
  allTargetsMet: boolean;
}

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../results');
const resultFile = (run: RunResult['run']) =>
  path.join(RESULTS_DIR, run === 'normal' ? 'pages.json' : `pages-${run}.json`);
const RUN_TITLES: Record<RunResult['run'], string> = {
  normal: 'Normal run (`npm run bench:pages`)',
  compressed: 'Compressed pages (`BENCH_ACCEPT_ENCODING="gzip, deflate, br" npm run bench:pages`)',
  scale: 'Scale run (`npm run bench:pages -- --scale`)',
};

export function pageResult(fields: Omit<PageResult, 'ratio' | 'met'>): PageResult {
  const ratio =
    fields.bare.reqPerSec > 0 ? Math.round((fields.cote.reqPerSec / fields.bare.reqPerSec) * 1000) / 1000 : 0;
  const { cote } = fields;
  const noFailures = cote.errors + cote.timeouts + cote.non2xx === 0;
  const met = {
    ratio: ratio >= TARGETS.minRatio,
    p99: cote.completed > 0 && noFailures && cote.p99 <= TARGETS.maxP99Ms,
    rss: fields.rss.peakMb <= TARGETS.maxRssMb,
    noFailures,
  };
  return { ...fields, ratio, met };
}

const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
const size = (bytes: number) =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} KB`;
const num = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : String(n));
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n} ms`);
const failures = (r: LoadResult) => `${r.errors}/${r.timeouts}/${r.non2xx}`;

/** One Markdown table row per page; the same table goes to stdout and to pages.md. */
export function pageTable(pages: PageResult[]): string {
  const head = [
    'page',
    'size',
    'first view',
    'cote req/s',
    'bare req/s',
    'ratio',
    'cote p50 / p99',
    'bare p50 / p99',
    'cote err/timeout/non-2xx',
    'bare err/timeout/non-2xx',
    'CPU ms/request cote / bare',
    'repeated view (If-None-Match): req/s · 304s · p99 · CPU ms/request',
    'cote RSS peak / now',
    'load 1m',
    'ratio ≥ 0.5 · p99 ≤ 50 ms · RSS ≤ 150 MB · no failures',
  ];
  const rows = pages.map((p) => [
    `\`${p.path}\``,
    size(p.bytes),
    ms(p.firstViewMs),
    num(p.cote.reqPerSec),
    num(p.bare.reqPerSec),
    p.ratio.toFixed(3),
    `${ms(p.cote.p50)} / ${ms(p.cote.p99)}`,
    `${ms(p.bare.p50)} / ${ms(p.bare.p99)}`,
    failures(p.cote),
    failures(p.bare),
    `${p.cpuMsPerRequest.cote} / ${p.cpuMsPerRequest.bare}`,
    `${num(p.repeat.load.reqPerSec)} · ${num(p.repeat.load.statusCodes['304'] ?? 0)} · ${ms(p.repeat.load.p99)} · ${p.repeat.cpuMsPerRequest}`,
    `${p.rss.peakMb} / ${p.rss.currentMb} MB`,
    p.loadAverage1m.toFixed(2),
    `${mark(p.met.ratio)} · ${mark(p.met.p99)} · ${mark(p.met.rss)} · ${mark(p.met.noFailures)}`,
  ]);
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function runSummary(result: RunResult): string {
  const s = result.seed;
  const lines = [
    `${result.run} run, ${result.measuredAt}, node ${result.node}, ${result.cpus} CPUs, load average ${result.loadAverage.start.join(' ')} at start, ${result.loadAverage.end.join(' ')} at end`,
    `seeded ${s.problems} problems, ${s.learners.toLocaleString('en-US')} learner(s) × ${(s.attempts / s.learners).toFixed(0)} attempts = ${s.attempts.toLocaleString('en-US')} attempts (catalog ${ms(s.catalogMs)}, learners and attempts ${ms(s.learnersMs)}); database ${size(s.dbBytes)}; exam ${s.examDate}, today ${s.today}`,
    `${result.settings.connections} connections, ${result.settings.seconds} s per page and server, timeout ${result.settings.timeoutSeconds} s, accept-encoding ${result.settings.acceptEncoding || '(none)'}; cote RSS after login ${result.rssAtStart.currentMb} MB`,
  ];
  if (result.digest) {
    const d = result.digest;
    lines.push(
      `nightly digest: ${d.sent.toLocaleString('en-US')} of ${d.learners.toLocaleString('en-US')} sent in ${ms(d.ms)} (${ms(d.msPer1000)} per 1,000 learners; target 60 s per 1,000: ${mark(d.met)})`,
    );
  }
  if (result.serverWarnings.length > 0)
    lines.push(`cote logged ${result.serverWarnings.length} warning/error line(s); see serverWarnings in the JSON`);
  lines.push(`all targets: ${result.allTargetsMet ? 'met' : 'MISSED'}`);
  return lines.join('\n');
}

/** Writes pages.json (or pages-scale.json) and rebuilds pages.md from whichever result files exist. */
export function writeResults(result: RunResult): string[] {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = resultFile(result.run);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const sections = (['normal', 'compressed', 'scale'] as const).flatMap((run) => {
    const f = resultFile(run);
    if (!fs.existsSync(f)) return [];
    const title = RUN_TITLES[run];
    try {
      const r = JSON.parse(fs.readFileSync(f, 'utf8')) as RunResult;
      return [
        `## ${title}\n\n${runSummary(r)
          .split('\n')
          .map((l) => `- ${l}`)
          .join('\n')}\n\n${pageTable(r.pages)}\n`,
      ];
    } catch (error) {
      // A file written by an older version of this script: say so rather than fail the run that just finished.
      return [`## ${title}\n\n${path.basename(f)} could not be shown (${(error as Error).message}): run it again.\n`];
    }
  });
  const md = path.join(RESULTS_DIR, 'pages.md');
  const intro =
    '# Pages: cote vs a bare Node server sending the same bytes\n\nGenerated by bench/pages.ts from the JSON files beside this one. ' +
    "err/timeout/non-2xx are autocannon's counts; req/s is the mean of per-second samples; latencies are per request. " +
    '`cote` is the server as `npm start` runs it; it renders every view (round 3 removed the kept pages: on a study ' +
    'group\'s real loop, where views follow writes, they served almost nothing — see bench:group). "repeated view" ' +
    "asks the same page with the first view's ETag, as a browser does: 304 without the body. The targets (issue 10, " +
    'from when pages were kept) are judged on `cote`.\n\n';
  fs.writeFileSync(md, intro + sections.join('\n'));
  return [file, md];
}

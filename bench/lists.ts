// npm run bench:lists — the markdown list parser (markdown-it) on a generated LeetCode README of ~1 MB (the upload
// cap) and on hostile inputs, at two sizes each, so a quadratic cost shows as a ×4 instead of a ×2. Prints medians
// and writes bench/results/lists.json. No server: this measures the parser alone.
import fs from 'node:fs';
import path from 'node:path';
import { parseMarkdownList } from '../src/catalog/formats/markdownList.ts';
import { leetcodeHeartsReadme } from '../test/fixtures/lists/shapes/leetcodeHearts.ts';

const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 5);
const RESULTS = path.resolve(import.meta.dirname, 'results/lists.json');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time(text: string): { ms: number; rows: number } {
  let rows = 0;
  const runs: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const start = performance.now();
    rows = parseMarkdownList(text, 'bench.md').rows.length;
    runs.push(performance.now() - start);
  }
  return { ms: Math.round(median(runs) * 10) / 10, rows };
}

const inputs: [name: string, make: (scale: number) => string][] = [
  ['LeetCode README, hearts, one table per topic', (s) => leetcodeHeartsReadme(Math.round(7400 * s)).text],
  ['"a | b" + spaces + "x" (issue 19 item 5)', (s) => `a | b\n${' '.repeat(Math.round(200_000 * s))}x\n`],
  ['many short "a | b" + spaces lines', (s) => `a | b\n${' '.repeat(9_000)}x\n`.repeat(Math.round(100 * s))],
  [
    'unclosed "[" and "(" (link scanner)',
    (s) => `${'[x]('.repeat(Math.round(2_000 * s))}\n`.repeat(Math.round(100 * s)),
  ],
  [
    'unclosed <a href> cells in one HTML table',
    (s) =>
      `<table>\n${'<tr><td><a href="https://www.acmicpc.net/problem/1000">x</td></tr>\n'.repeat(Math.round(12_000 * s))}</table>\n`,
  ],
  ['emphasis delimiters "*a_" on 9,000-char lines', (s) => `${'*a_'.repeat(3_000)}\n`.repeat(Math.round(100 * s))],
];

const results: Record<string, unknown>[] = [];
for (const [name, make] of inputs) {
  const half = make(0.5);
  const full = make(1);
  parseMarkdownList(full, 'warm-up.md'); // the first parse compiles the parser's code: not part of either figure
  const a = time(half);
  const b = time(full);
  const row = {
    input: name,
    halfBytes: Buffer.byteLength(half),
    halfMs: a.ms,
    fullBytes: Buffer.byteLength(full),
    fullMs: b.ms,
    ratio: Math.round((b.ms / Math.max(a.ms, 0.1)) * 100) / 100,
    rows: b.rows,
  };
  results.push(row);
  console.log(
    `${name.padEnd(48)} ${(row.halfBytes / 1e6).toFixed(2)} MB ${String(a.ms).padStart(7)} ms | ${(row.fullBytes / 1e6).toFixed(2)} MB ${String(b.ms).padStart(7)} ms | ×${row.ratio} | ${b.rows} rows`,
  );
}
fs.writeFileSync(
  RESULTS,
  `${JSON.stringify({ at: new Date().toISOString(), repetitions: REPETITIONS, results }, null, 2)}\n`,
);

/** The report as text: a compact stdout table and the markdown file bench/results/planner*.md. */
import { EXTRA_VARIANTS } from './grid.ts';
import type { CellSummary, PlannerCellSummary, VariantSummary } from './report.ts';

export interface ReportData {
  command: string;
  coteName: string;
  plannerVersion: string;
  learners: Record<string, number>;
  seed: number;
  seconds: number;
  variants: VariantSummary[];
  overview: Record<string, PlannerCellSummary>;
  cells: CellSummary[];
  plannerMsPerDay: Record<string, number>;
  adapter: { errors: number; firstError?: string; notices: Record<string, number> };
}

const f = (x: number, digits = 3): string => x.toFixed(digits);
const signed = (x: number, digits = 3): string => (x >= 0 ? '+' : '') + x.toFixed(digits);
const ci = (c: [number, number]): string => `[${signed(c[0])}, ${signed(c[1])}]`;

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function overviewTable(d: ReportData): string[] {
  return table(
    ['planner', 'P(pass)', 'score', 'success', 'hint', 'budget use', 'tries/day', 'mean d−s', 'focus', 're-solves', 'invalid', 'ms/day'],
    Object.entries(d.overview).map(([name, o]) => [
      name, f(o.pass), f(o.score, 2), f(o.successRate, 2), f(o.hintRate, 2), f(o.budgetUse, 2), f(o.attemptsPerDay, 2),
      signed(o.meanGap, 2), f(o.focusShare, 2), f(o.resolveShare, 2), String(o.invalid), f(d.plannerMsPerDay[name] ?? 0, 2),
    ]),
  );
}

function variantTable(d: ReportData): string[] {
  return table(
    ['variant', 'cells', 'cote wins', 'significant wins', 'significant losses', 'score wins', 'mean ΔP(pass)'],
    d.variants.map((v) => [
      v.variant, String(v.cells), `${v.wins} (${f((100 * v.wins) / v.cells, 0)} %)`, String(v.significantWins),
      String(v.significantLosses), String(v.scoreWins), signed(v.meanDiff),
    ]),
  );
}

/** One line per group: the base grid, PLANNER.md's robustness matrix pooled, and the extra variants pooled. */
function verdictLines(d: ReportData): string[] {
  const extra = new Set(EXTRA_VARIANTS.map((v) => v.name));
  const groups: Array<[string, VariantSummary[]]> = [
    ['base grid', d.variants.filter((v) => v.variant === 'base')],
    ["robustness matrix (PLANNER.md's 9 variants)", d.variants.filter((v) => v.variant !== 'base' && !extra.has(v.variant))],
    ['extra: exam strays from the profile', d.variants.filter((v) => extra.has(v.variant))],
  ];
  return groups
    .filter(([, vs]) => vs.length)
    .map(([label, vs]) => {
      const total = (k: keyof VariantSummary) => vs.reduce((s, v) => s + (v[k] as number), 0);
      const cells = total('cells');
      return `- ${label}: cote wins ${total('wins')} of ${cells} cells (${f((100 * total('wins')) / cells, 1)} %), ` +
        `${total('significantWins')} significantly; ${total('significantLosses')} significant losses.`;
    });
}

function cellTable(cells: CellSummary[], cote: string): string[] {
  return table(
    ['cell', `${cote} P(pass)`, 'best baseline', 'its P(pass)', 'Δ P(pass) [95 % CI]', 'Δ score [95 % CI]', 'success', 'budget use', 'd−s (best)', 'focus (best)'],
    cells.map((c) => {
      const [me, best] = [c.planners[cote], c.planners[c.pass.best]];
      return [
        c.cell, f(me.pass), c.pass.best, f(c.pass.bestMean), `${signed(c.pass.diff)} ${ci(c.pass.ci)}`,
        `${signed(c.score.diff)} ${ci(c.score.ci)} vs ${c.score.best}`, f(me.successRate, 2), f(me.budgetUse, 2),
        `${signed(me.meanGap, 1)} (${signed(best.meanGap, 1)})`, `${f(me.focusShare, 2)} (${f(best.focusShare, 2)})`,
      ];
    }),
  );
}

/** Every planner's mean P(pass) per cell, so a loss can be traced to the baseline that beat cote. */
function allPlannersTable(cells: CellSummary[]): string[] {
  const names = Object.keys(cells[0]?.planners ?? {});
  return table(['cell', ...names], cells.map((c) => [c.cell, ...names.map((n) => `${f(c.planners[n].pass)} / ${f(c.planners[n].score, 2)}`)]));
}

export function markdown(d: ReportData): string {
  const base = d.cells.filter((c) => c.variant === 'base');
  const robust = d.cells.filter((c) => c.variant !== 'base');
  const lines = [
    '# Planner quality: simulation (bench/planner)',
    '',
    `Command: \`${d.command}\` — planner under test: **${d.coteName}** (${d.plannerVersion}), seed ${d.seed}, learners per cell ${JSON.stringify(d.learners)}, ${f(d.seconds, 0)} s.`,
    'Simulation results are relative, not absolute truths. A win = paired mean ΔP(pass) > 0 against the best baseline of that cell',
    '(the baseline with the highest mean P(pass) there, chosen after the fact, which favours the baselines); significant = the bootstrap 95 % CI excludes 0.',
    '',
    '## Verdict',
    '',
    ...verdictLines(d),
    '',
    '## Wins per simulator variant',
    '',
    ...variantTable(d),
    '',
    '## Planners, averaged over the base grid',
    '',
    ...overviewTable(d),
    '',
  ];
  if (d.adapter.errors || Object.keys(d.adapter.notices).length) {
    lines.push(`cote adapter: ${d.adapter.errors} plan() errors, notices ${JSON.stringify(d.adapter.notices)}`);
    if (d.adapter.firstError) lines.push('', '```', d.adapter.firstError, '```');
    lines.push('');
  }
  lines.push('## Base grid: cote against the best baseline', '', ...cellTable(base, d.coteName), '');
  lines.push('## Base grid: every planner, P(pass) / expected score', '', ...allPlannersTable(base), '');
  if (robust.length) lines.push('## Robustness cells', '', ...cellTable(robust.map((c) => ({ ...c, cell: `${c.variant} ${c.cell}` })), d.coteName), '');
  return lines.join('\n');
}

export function stdoutSummary(d: ReportData): string {
  const base = d.cells.filter((c) => c.variant === 'base');
  return [
    ...overviewTable(d), '', '(per cell: P(pass) / expected score)', ...allPlannersTable(base), '', ...cellTable(base, d.coteName), '',
    ...variantTable(d), '', ...verdictLines(d),
  ].join('\n');
}

/** The report as text: a compact stdout table and the markdown file bench/results/planner*.md. */
import { EXTRA_VARIANTS, SHAPE_VARIANTS } from './grid.ts';
import type { CalibrationCell, CalibrationRow } from './calibration.ts';
import type { CellSummary, PlannerCellSummary, VariantSummary } from './report.ts';
import type { StabilityCounts } from './stability.ts';

export type StabilityRow = { profile: string; learners: number } & StabilityCounts;

/** The targets (issue 11). */
export const TARGETS = {
  baseWins: 0.9,
  baseSignificant: 0.6,
  robustWins: 0.8,
  calibration: 0.05,
  nextDay: 0.8,
  week: 0.6,
};

export interface ReportData {
  command: string;
  coteName: string;
  plannerVersion: string;
  learners: Record<string, number>;
  seed: number;
  /** 'report seed' (published results), 'tuning seed' (used while tuning) or 'ad-hoc seed'. */
  seedRole?: string;
  seconds: number;
  calibration?: { base: CalibrationRow[]; inputs: CalibrationRow[]; cells: CalibrationCell[] };
  stability?: StabilityRow[];
  variants: VariantSummary[];
  overview: Record<string, PlannerCellSummary>;
  cells: CellSummary[];
  plannerMsPerDay: Record<string, number>;
  adapter: {
    errors: number;
    firstError?: string;
    notices: Record<string, number>;
    truth?: { checked: number; falseClaims: number; examples: string[] };
  };
}

const f = (x: number, digits = 3): string => x.toFixed(digits);
const signed = (x: number, digits = 3): string => (x >= 0 ? '+' : '') + x.toFixed(digits);
const ci = (c: [number, number]): string => `[${signed(c[0])}, ${signed(c[1])}]`;

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function overviewTable(d: ReportData): string[] {
  return table(
    [
      'planner',
      'P(pass)',
      'score',
      'success',
      'hint',
      'budget use',
      'tries/day',
      'mean d−s',
      'focus',
      're-solves',
      'invalid',
      'ms/day',
    ],
    Object.entries(d.overview).map(([name, o]) => [
      name,
      f(o.pass),
      f(o.score, 2),
      f(o.successRate, 2),
      f(o.hintRate, 2),
      f(o.budgetUse, 2),
      f(o.attemptsPerDay, 2),
      signed(o.meanGap, 2),
      f(o.focusShare, 2),
      f(o.resolveShare, 2),
      String(o.invalid),
      f(d.plannerMsPerDay[name] ?? 0, 2),
    ]),
  );
}

function variantTable(d: ReportData): string[] {
  return table(
    ['variant', 'cells', 'cote wins', 'significant wins', 'significant losses', 'score wins', 'mean ΔP(pass)'],
    d.variants.map((v) => [
      v.variant,
      String(v.cells),
      `${v.wins} (${f((100 * v.wins) / v.cells, 0)} %)`,
      String(v.significantWins),
      String(v.significantLosses),
      String(v.scoreWins),
      signed(v.meanDiff),
    ]),
  );
}

/** One line per group: the base grid, PLANNER.md's robustness matrix pooled, and the extra variants pooled. */
function verdictLines(d: ReportData): string[] {
  const extra = new Set(EXTRA_VARIANTS.map((v) => v.name));
  const shapes = new Set(SHAPE_VARIANTS.map((v) => v.name));
  for (const v of shapes) extra.add(v);
  const groups: Array<[string, VariantSummary[]]> = [
    ['base grid', d.variants.filter((v) => v.variant === 'base')],
    [
      "robustness matrix (PLANNER.md's 9 variants + noisy logging)",
      d.variants.filter((v) => v.variant !== 'base' && v.variant !== 'inputs' && !extra.has(v.variant)),
    ],
    [
      'inputs round 1 never had (study days, budgets 15/30/600, fresh learners, exams 1–3 days away)',
      d.variants.filter((v) => v.variant === 'inputs'),
    ],
    ['extra: exam strays from the profile', d.variants.filter((v) => extra.has(v.variant) && !shapes.has(v.variant))],
    [
      'worlds of another shape (heavy-tailed minutes, a ramp success curve, step learning, hidden transfer, all four)',
      d.variants.filter((v) => shapes.has(v.variant)),
    ],
  ];
  return groups
    .filter(([, vs]) => vs.length)
    .map(([label, vs]) => {
      const total = (k: keyof VariantSummary) => vs.reduce((s, v) => s + (v[k] as number), 0);
      const cells = total('cells');
      return (
        `- ${label}: cote wins ${total('wins')} of ${cells} cells (${f((100 * total('wins')) / cells, 1)} %), ` +
        `${total('significantWins')} significantly; ${total('significantLosses')} significant losses.`
      );
    });
}

function cellTable(cells: CellSummary[], cote: string): string[] {
  return table(
    [
      'cell',
      `${cote} P(pass)`,
      'best baseline',
      'its P(pass)',
      'Δ P(pass) [95 % CI]',
      'Δ score [95 % CI]',
      'success',
      'budget use',
      'd−s (best)',
      'focus (best)',
    ],
    cells.map((c) => {
      const [me, best] = [c.planners[cote], c.planners[c.pass.best]];
      return [
        c.cell,
        f(me.pass),
        c.pass.best,
        f(c.pass.bestMean),
        `${signed(c.pass.diff)} ${ci(c.pass.ci)}`,
        `${signed(c.score.diff)} ${ci(c.score.ci)} vs ${c.score.best}`,
        f(me.successRate, 2),
        f(me.budgetUse, 2),
        `${signed(me.meanGap, 1)} (${signed(best.meanGap, 1)})`,
        `${f(me.focusShare, 2)} (${f(best.focusShare, 2)})`,
      ];
    }),
  );
}

/** Every planner's mean P(pass) per cell, so a loss can be traced to the baseline that beat cote. */
function allPlannersTable(cells: CellSummary[]): string[] {
  const names = Object.keys(cells[0]?.planners ?? {});
  return table(
    ['cell', ...names],
    cells.map((c) => [c.cell, ...names.map((n) => `${f(c.planners[n].pass)} / ${f(c.planners[n].score, 2)}`)]),
  );
}

const pct = (kept: number, total: number): string => (total ? `${f((100 * kept) / total, 1)} %` : '–');

function calibrationLines(rows: CalibrationRow[]): string[] {
  return table(
    [
      'profile',
      'cells',
      'mean day-0 projected P(pass)',
      'realised pass rate',
      'bias (proj − real)',
      'mean |gap| over cells',
      `≤ ${TARGETS.calibration}?`,
    ],
    rows.map((r) => [
      r.profile,
      String(r.cells),
      f(r.projected),
      f(r.realised),
      signed(r.bias),
      f(r.meanAbsGap),
      r.meanAbsGap <= TARGETS.calibration ? 'yes' : 'NO',
    ]),
  );
}

function stabilityLines(rows: StabilityRow[]): string[] {
  return table(
    [
      'profile',
      'learners',
      'next day kept',
      'D+2..D+7 kept (in the week)',
      'D+2..D+7 kept (same day)',
      'items counted (next / week)',
    ],
    rows.map((r) => [
      r.profile,
      String(r.learners),
      pct(r.nextKept, r.nextTotal),
      pct(r.weekKept, r.weekTotal),
      pct(r.weekExactKept, r.weekTotal),
      `${r.nextTotal} / ${r.weekTotal}`,
    ]),
  );
}

/** Each target of issue 11, met or not, from this run's figures. */
function targetLines(d: ReportData): string[] {
  const shapes = new Set(SHAPE_VARIANTS.map((v) => v.name));
  const extra = new Set([...EXTRA_VARIANTS.map((v) => v.name), ...shapes]);
  const sum = (vs: VariantSummary[], k: keyof VariantSummary) => vs.reduce((s, v) => s + (v[k] as number), 0);
  const shaped = d.variants.filter((v) => shapes.has(v.variant));
  const base = d.variants.filter((v) => v.variant === 'base');
  const robust = d.variants.filter((v) => v.variant !== 'base' && v.variant !== 'inputs' && !extra.has(v.variant));
  const out: string[] = [];
  const line = (label: string, value: number, target: number, more = true) =>
    out.push(
      `- ${label}: ${f(100 * value, 1)} % (target ${more ? '≥' : '≤'} ${f(100 * target, 0)} %) — ${(more ? value >= target : value <= target) ? 'met' : 'NOT met'}`,
    );
  if (sum(base, 'cells')) {
    line(
      'base cells won against the best baseline (COACH included)',
      sum(base, 'wins') / sum(base, 'cells'),
      TARGETS.baseWins,
    );
    line('base cells won significantly', sum(base, 'significantWins') / sum(base, 'cells'), TARGETS.baseSignificant);
  }
  if (sum(robust, 'cells'))
    line('robustness cells won', sum(robust, 'wins') / sum(robust, 'cells'), TARGETS.robustWins);
  if (d.adapter.truth)
    out.push(
      `- truth check: ${d.adapter.truth.falseClaims} false claims of ${d.adapter.truth.checked} checked in every reason, verdict, notice and advice of cote's plans (target 0) — ${d.adapter.truth.falseClaims === 0 ? 'met' : 'NOT met'}` +
        (d.adapter.truth.examples.length ? `; e.g. ${d.adapter.truth.examples.slice(0, 3).join('; ')}` : ''),
    );
  if (sum(shaped, 'cells'))
    line('cells won in worlds of another shape', sum(shaped, 'wins') / sum(shaped, 'cells'), TARGETS.robustWins);
  for (const r of d.calibration?.base ?? []) {
    const pooled = Math.abs(r.bias) <= TARGETS.calibration;
    const perCell = r.meanAbsGap <= TARGETS.calibration;
    out.push(
      `- calibration ${r.profile}: profile mean projected ${f(r.projected)} vs realised ${f(r.realised)}, gap ${signed(r.bias)} ` +
        `(±${TARGETS.calibration} per profile: ${pooled ? 'met' : 'NOT met'}); mean |gap| per cell ${f(r.meanAbsGap)} over ${r.cells} base cells ` +
        `(≤ ${TARGETS.calibration}: ${perCell ? 'met' : 'NOT met'})`,
    );
  }
  for (const r of d.stability ?? []) {
    const next = r.nextTotal ? r.nextKept / r.nextTotal : 0;
    const week = r.weekTotal ? r.weekKept / r.weekTotal : 0;
    out.push(
      `- stability ${r.profile}: next day ${pct(r.nextKept, r.nextTotal)} (≥ 80 %: ${next >= TARGETS.nextDay ? 'met' : 'NOT met'}), week ${pct(r.weekKept, r.weekTotal)} (≥ 60 %: ${week >= TARGETS.week ? 'met' : 'NOT met'})`,
    );
  }
  return out;
}

/** cote against COACH alone, per group of cells. */
function coachLines(d: ReportData): string[] {
  const groups = new Map<string, CellSummary[]>();
  for (const c of d.cells) if (c.planners.COACH) groups.set(c.variant, [...(groups.get(c.variant) ?? []), c]);
  return [...groups].map(([variant, cells]) => {
    const wins = cells.filter((c) => c.planners[d.coteName].pass > c.planners.COACH.pass).length;
    const diff = cells.reduce((s, c) => s + c.planners[d.coteName].pass - c.planners.COACH.pass, 0) / cells.length;
    return `- ${variant}: cote beats COACH in ${wins} of ${cells.length} cells, mean ΔP(pass) ${signed(diff)}`;
  });
}

export function markdown(d: ReportData): string {
  const base = d.cells.filter((c) => c.variant === 'base');
  const robust = d.cells.filter((c) => c.variant !== 'base');
  const lines = [
    '# Planner quality: simulation (bench/planner)',
    '',
    `Command: \`${d.command}\` — planner under test: **${d.coteName}** (${d.plannerVersion}), seed ${d.seed} (${d.seedRole ?? 'seed'}), learners per cell ${JSON.stringify(d.learners)}, ${f(d.seconds, 0)} s.`,
    'Simulation results are relative, not absolute truths. A win = paired mean ΔP(pass) > 0 against the best baseline of that cell',
    '(the baseline with the highest mean P(pass) there, chosen after the fact, which favours the baselines); significant = the bootstrap 95 % CI excludes 0.',
    '',
    '## Verdict',
    '',
    ...verdictLines(d),
    '',
    '## Targets (issue 11)',
    '',
    ...targetLines(d),
    '',
    '## cote against COACH',
    '',
    ...coachLines(d),
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
  if (d.calibration) {
    lines.push(
      '## Calibration: day-0 projected P(pass) against the realised pass rate',
      '',
      'Base grid:',
      '',
      ...calibrationLines(d.calibration.base),
      '',
    );
    if (d.calibration.inputs.length) lines.push('Input cells:', '', ...calibrationLines(d.calibration.inputs), '');
  }
  if (d.stability?.length) {
    lines.push(
      '## Stability: a learner who does each day as planned, with the predicted outcome',
      '',
      ...stabilityLines(d.stability),
      '',
    );
  }
  lines.push('## Base grid: cote against the best baseline', '', ...cellTable(base, d.coteName), '');
  lines.push('## Base grid: every planner, P(pass) / expected score', '', ...allPlannersTable(base), '');
  const inputs = robust.filter((c) => c.variant === 'inputs');
  if (inputs.length)
    lines.push(
      '## Input cells (base simulator): cote against the best baseline',
      '',
      ...cellTable(inputs, d.coteName),
      '',
      ...allPlannersTable(inputs),
      '',
    );
  const others = robust.filter((c) => c.variant !== 'inputs');
  if (others.length)
    lines.push(
      '## Robustness cells',
      '',
      ...cellTable(
        others.map((c) => ({ ...c, cell: `${c.variant} ${c.cell}` })),
        d.coteName,
      ),
      '',
    );
  return lines.join('\n');
}

export function stdoutSummary(d: ReportData): string {
  const base = d.cells.filter((c) => c.variant === 'base');
  return [
    ...overviewTable(d),
    '',
    '(per cell: P(pass) / expected score)',
    ...allPlannersTable(base),
    '',
    ...cellTable(base, d.coteName),
    '',
    ...variantTable(d),
    '',
    ...verdictLines(d),
    '',
    ...coachLines(d),
    '',
    ...(d.calibration ? calibrationLines(d.calibration.base) : []),
    '',
    ...(d.stability?.length ? stabilityLines(d.stability) : []),
    '',
    ...targetLines(d),
  ].join('\n');
}

/**
 * The truth check (PLANNER.md "Round 3"): every reason, verdict and notice a plan carries is a code with parameters;
 * each is checked against the plan's own data and its input (counts, minutes, readiness now, solved before) and the
 * false ones are counted. Pure: a plan and its input in, the false claims out (one line each, for the report).
 */
import { PROFILES } from '../../src/planner/profiles.ts';
import type { Plan, PlanInput, PlanItem } from '../../src/planner/types.ts';

const HEAVY = 0.1;
const NEARLY_READY = 0.8;
const STRETCH = 35;
const ON_TRACK = 0.7;

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface TruthCount {
  checked: number;
  falseClaims: number;
  examples: string[];
}

export function emptyTruth(): TruthCount {
  return { checked: 0, falseClaims: 0, examples: [] };
}

/** Adds one plan's checks to `into` (at most 5 examples kept). */
export function checkPlan(plan: Plan, input: PlanInput, into: TruthCount): void {
  for (const claim of claims(plan, input)) {
    into.checked++;
    if (claim.ok) continue;
    into.falseClaims++;
    if (into.examples.length < (process.env.TRUTH_EXAMPLES ? 200 : 5))
      into.examples.push(`${input.today} ${claim.what}`);
  }
}

interface Claim {
  what: string;
  ok: boolean;
}

export function claims(plan: Plan, input: PlanInput): Claim[] {
  const out: Claim[] = [];
  const say = (what: string, ok: boolean) => out.push({ what, ok });
  const categoryOf = new Map<string, string[]>();
  for (const e of input.catalog.entries) categoryOf.set(e.problem, [...(categoryOf.get(e.problem) ?? []), e.category]);
  const solvedBefore = new Set(input.history.filter((a) => a.outcome !== 'failed').map((a) => a.problem));
  const lastAttempt = new Map<string, { day: string | null; outcome: string }>();
  for (const a of input.history) lastAttempt.set(a.problem, { day: a.day, outcome: a.outcome });
  const now = new Map(plan.readiness.map((r) => [r.category, r]));
  const heavy = plan.readiness.filter((r) => r.weight >= HEAVY - 1e-9);
  const earlier = new Set<string>();
  const earlierIn = new Map<string, number>();

  for (const day of plan.days) {
    const mocks = day.items.filter((i) => i.kind === 'mock');
    const mockSum = mocks.reduce((s, i) => s + i.minutes, 0);
    for (const item of day.items) {
      const { code, params } = item.reason;
      const tag = `${day.day} ${item.problem} ${code}`;
      if (typeof params.success === 'number')
        say(
          `${tag}: success ${params.success} ≠ predicted ${item.predicted}`,
          params.success === Math.round(item.predicted * 100),
        );
      if (typeof params.readiness === 'number')
        say(
          `${tag}: readiness ${params.readiness} ≠ now ${now.get(String(params.category))?.now}`,
          params.readiness === round2(now.get(String(params.category))?.now ?? -1),
        );
      if (code === 'mock' || code === 'mock_resolve') {
        say(`${tag}: count ${params.count} ≠ ${mocks.length} mock items`, params.count === mocks.length);
        say(
          `${tag}: minutes ${params.minutes} ≠ the set's ${mockSum}`,
          params.minutes === mockSum && item.mockMinutes === mockSum,
        );
        if (code === 'mock_resolve')
          say(`${tag}: not met before`, solvedBefore.has(item.problem) || earlier.has(item.problem));
      }
      if (code === 'review' || code === 'review_undated') {
        const last = lastAttempt.get(item.problem);
        say(
          `${tag}: no lapse logged`,
          last !== undefined &&
            (last.outcome === 'hint' || last.outcome === 'failed' || last.outcome === 'solved_slow'),
        );
        if (code === 'review') say(`${tag}: day ${params.day} ≠ last attempt ${last?.day}`, last?.day === params.day);
      }
      if (code === 'resolve_solved' || code === 'resolve_leftover')
        say(`${tag}: "solved" but never solved`, solvedBefore.has(item.problem));
      if (code === 'resolve_planned')
        say(`${tag}: "planned earlier" but not`, earlier.has(item.problem) && !solvedBefore.has(item.problem));
      if (code === 'warmup_resolve')
        say(`${tag}: "met before" but not`, solvedBefore.has(item.problem) || earlier.has(item.problem));
      if (code === 'maintain')
        say(
          `${tag}: "nearly ready" at ${now.get(item.category)?.now}`,
          (now.get(item.category)?.now ?? 0) >= NEARLY_READY,
        );
      // (A rounded figure: 34.6 % is said "35".)
      if (code === 'stretch') say(`${tag}: "stretch" at ${params.success} %`, Number(params.success) <= STRETCH);
      if (code === 'weakest') {
        const mine = now.get(item.category);
        say(
          `${tag}: "weakest heavy type" but not`,
          mine !== undefined &&
            mine.weight >= HEAVY - 1e-9 &&
            heavy.every((r) => r.category === item.category || r.now >= mine.now),
        );
      }
      if (code === 'cover') {
        const solvedIn = [...solvedBefore].filter((p) => (categoryOf.get(p) ?? []).includes(item.category)).length;
        const planned = earlierIn.get(item.category) ?? 0;
        say(`${tag}: "new type" but ${solvedIn} solved, ${planned} planned`, solvedIn + planned < 2);
      }
      if (code === 'warmup' || code === 'warmup_resolve')
        say(`${tag}: warm-up of a type the exam does not weigh`, (now.get(item.category)?.weight ?? 0) > 0);
      countEarlier(item, categoryOf.get(item.problem) ?? [item.category], earlier, earlierIn);
    }
  }

  if (plan.pass && plan.verdict !== 'uncertain')
    say(
      `verdict ${plan.verdict} at P(pass) ${plan.pass.p}`,
      plan.verdict === (plan.pass.p >= ON_TRACK ? 'on_track' : 'behind'),
    );
  const notice = plan.notice;
  if (notice?.code === 'list_exhausted') {
    const onList = new Set(input.catalog.problems.map((p) => p.id));
    const solved = [...solvedBefore].filter((p) => onList.has(p)).length;
    say(`notice list_exhausted: solved ${notice.params.solved} ≠ ${solved}`, notice.params.solved === solved);
  }
  if (notice?.code === 'mock_too_long') {
    const format = (PROFILES[input.settings.profile as keyof typeof PROFILES] ?? PROFILES.general).format;
    say(
      `notice mock_too_long: ${notice.params.minutes} ≠ the exam's ${format.minutes}`,
      notice.params.minutes === format.minutes,
    );
    say(
      'notice mock_too_long but a mock is planned',
      plan.days.every((d) => d.items.every((i) => i.kind !== 'mock')),
    );
  }
  for (const a of plan.advice) {
    if (a.code === 'drop_light')
      for (const c of String(a.params.categories).split(','))
        say(`advice drop_light ${c} at weight ${now.get(c)?.weight}`, (now.get(c)?.weight ?? 0) > 0);
    if (a.code === 'more_minutes')
      say('advice more_minutes not more', Number(a.params.minutes) > input.settings.dailyMinutes);
  }
  return out;
}

/** Problems planned so far (new or mock) and items per category so far (every kind, as the planner counts practice). */
function countEarlier(item: PlanItem, cats: string[], earlier: Set<string>, earlierIn: Map<string, number>): void {
  // The next part of a problem split over study days is the same problem, already counted on its first day.
  if (item.reason.code === 'split_continue') return;
  for (const c of cats) earlierIn.set(c, (earlierIn.get(c) ?? 0) + 1);
  if (item.kind !== 'review') earlier.add(item.problem);
}

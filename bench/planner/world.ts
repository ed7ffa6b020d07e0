/**
 * The simulator's hidden truth (PLANNER.md, "The benchmark that decides"): the catalog with its true
 * difficulties, the synthetic learner's skills, how an attempt turns out, how practice teaches and how
 * skill fades. The planners never see any of this; they see only the logged outcomes.
 */
import type { HistoryAttempt, Outcome, PlannerCatalog } from '../../src/planner/types.ts';
import { Rng, uniformAt } from './rng.ts';

/** The knobs the robustness matrix turns; `BASE_PARAMS` is the simulator as specified. */
export interface SimParams {
  slope: number;
  learningRate: number;
  /** The gap d − s at which a problem teaches most. */
  bestGap: number;
  forgetting: boolean;
  difficultyNoise: number;
  /** Share of the real exam's weight spread evenly over all types, unknown to the planners (0 = the profile is the truth). */
  examShift: number;
  /** Share of logged outcomes flipped (a solve logged as a hint and a hint as a solve): a noisy learner's log. */
  logNoise: number;
  /**
   * Worlds of another SHAPE than the planner assumes (PLANNER.md "Round 3"), not only other parameters:
   * minutes 'heavytail' — log-normal (σ 0.5) around a median 6·(1 + d)^0.75 (concave, not exponential in the level),
   * one attempt in ten ×3; success 'ramp' — linear in s − d with a floor of careless failures (0.05) and a ceiling
   * (0.9), not logistic; learning 'steps' — a type "clicks" at its 3rd solve (+1.5), a fifth of the gain before;
   * transfer 'hidden' — practice carries over along a table the planner does not know, not its related types.
   */
  minutes?: 'formula' | 'heavytail';
  success?: 'logistic' | 'ramp';
  learning?: 'smooth' | 'steps';
  transfer?: 'table' | 'hidden';
}

export const BASE_PARAMS: SimParams = {
  slope: 0.8,
  learningRate: 0.45,
  bestGap: 1,
  forgetting: true,
  difficultyNoise: 1,
  examShift: 0,
  logNoise: 0,
};

export const HINT_ON_FAILURE = 0.7;
export const RELATED_SHARE = 0.25;
export const PRIOR_SOLVES_MEAN = 40;
export const MINUTES_NOISE_SD = 0.3;
export const RESOLVE_MINUTES = 0.6;
export const SLOW_FACTOR = 1.5;

/** The related categories of PLANNER.md, mapped onto the list's category keys (symmetric). */
const RELATED_GROUPS: string[][] = [
  ['graph_traversal', 'shortest_path'],
  ['graph_traversal', 'tree'],
  ['graph_traversal', 'topological_sorting'],
  ['dynamic_programming_1', 'dynamic_programming_2'],
  ['minimum_spanning_tree', 'disjoint_set'],
  ['implementation', 'simulation'],
  ['brute_force', 'backtracking'],
  ['binary_search', 'two_pointer', 'prefix_sum'],
];

export function relatedCategories(key: string, groups: string[][] = RELATED_GROUPS): string[] {
  const out = new Set<string>();
  for (const group of groups) if (group.includes(key)) for (const k of group) if (k !== key) out.add(k);
  return [...out];
}

/** The 'hidden' transfer world: practice carries over along these pairs (share 0.4), none of them the planner's. */
const HIDDEN_GROUPS: string[][] = [
  ['greedy', 'math'],
  ['string', 'implementation'],
  ['graph_traversal', 'backtracking'],
  ['simulation', 'brute_force'],
  ['dynamic_programming_1', 'prefix_sum'],
  ['binary_search', 'greedy'],
  ['tree', 'dynamic_programming_on_trees'],
  ['shortest_path', 'data_structure'],
];
const HIDDEN_SHARE = 0.4;
/** The 'steps' world: a type clicks at this many solves. */
const CLICK_AT = 3;
const CLICK_GAIN = 1.5;

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The planner-independent minutes estimate t̂(ℓ) = 12·e^{0.1ℓ}; "slow" means more than 1.5× this. */
export const estimatedMinutes = (level: number): number => 12 * Math.exp(0.1 * level);

/** Lookups over the catalog shared by the simulator and the baselines. */
export interface CatalogIndex {
  catalog: PlannerCatalog;
  level: Map<string, number>;
  /** Categories of each problem, in list order (56 problems sit in two). */
  categoriesOf: Map<string, string[]>;
  /** Mean listed level per category (ℓ̄_c). */
  meanLevel: Map<string, number>;
  recommended: Set<string>;
}

export function indexCatalog(catalog: PlannerCatalog): CatalogIndex {
  const level = new Map(catalog.problems.map((p) => [p.id, p.level]));
  const categoriesOf = new Map<string, string[]>();
  const sums = new Map<string, { total: number; n: number }>();
  const recommended = new Set<string>();
  for (const e of catalog.entries) {
    const cats = categoriesOf.get(e.problem) ?? [];
    if (!cats.includes(e.category)) cats.push(e.category);
    categoriesOf.set(e.problem, cats);
    const s = sums.get(e.category) ?? { total: 0, n: 0 };
    s.total += level.get(e.problem) ?? 0;
    s.n++;
    sums.set(e.category, s);
    if (e.recommended) recommended.add(e.problem);
  }
  const meanLevel = new Map([...sums].map(([k, s]) => [k, s.total / s.n]));
  return { catalog, level, categoriesOf, meanLevel, recommended };
}

/** One synthetic learner's hidden traits and the catalog's hidden difficulties as this learner meets them. */
export interface Learner {
  key: number;
  master: number;
  mu: number;
  pace: number;
  base: Map<string, number>;
  difficulty: Map<string, number>;
  priorSolved: string[];
}

/** `fresh`: a learner with no earlier solves (the same hidden skills, nothing imported). */
export function makeLearner(
  index: CatalogIndex,
  params: SimParams,
  master: number,
  key: number,
  muPop: number,
  fresh = false,
): Learner {
  const rng = Rng.of(master, 'learner', key);
  const mu = rng.normal(muPop, 2);
  const pace = Math.exp(rng.normal(0, 0.25));
  const base = new Map<string, number>();
  for (const c of index.catalog.categories) {
    const noise = Rng.of(master, 'skill', key, c.key).normal(0, 2);
    base.set(c.key, mu - 0.3 * ((index.meanLevel.get(c.key) ?? 10) - 10) + noise);
  }
  const difficulty = new Map<string, number>();
  for (const p of index.catalog.problems) {
    difficulty.set(p.id, p.level + params.difficultyNoise * Rng.of(master, 'difficulty', key, p.id).normal());
  }
  const learner: Learner = { key, master, mu, pace, base, difficulty, priorSolved: [] };
  const count = rng.poisson(PRIOR_SOLVES_MEAN);
  learner.priorSolved = fresh ? [] : priorSolves(index, params, learner, count);
  return learner;
}

/**
 * The problems solved before the simulation starts: `count` of them, drawn without replacement with weight
 * "would this learner solve it" (doubled for recommended problems, the ones people meet first), by
 * Efraimidis–Spirakis keys u^(1/w).
 */
function priorSolves(index: CatalogIndex, params: SimParams, learner: Learner, count: number): string[] {
  const keyed = index.catalog.problems.map((p) => {
    const cats = index.categoriesOf.get(p.id) ?? [];
    const s = mean(cats.map((c) => learner.base.get(c) ?? learner.mu));
    const w =
      sigmoid(params.slope * (s - (learner.difficulty.get(p.id) ?? p.level))) * (index.recommended.has(p.id) ? 2 : 1);
    const u = uniformAt(learner.master, 'prior', learner.key, p.id);
    return { id: p.id, k: Math.log(u) / Math.max(w, 1e-9) };
  });
  keyed.sort((a, b) => b.k - a.k || (a.id < b.id ? -1 : 1));
  return keyed.slice(0, Math.min(count, keyed.length)).map((x) => x.id);
}

export function priorHistory(learner: Learner): HistoryAttempt[] {
  return learner.priorSolved.map((problem) => ({
    problem,
    day: null,
    outcome: 'solved',
    minutes: null,
    origin: 'import',
  }));
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Per-category learned gain with its forgetting state (PLANNER.md: g_c, S_c, L_c). */
interface Memory {
  gain: number;
  stability: number;
  last: number;
  practisedOn: number;
}

export interface AttemptResult {
  outcome: Outcome;
  minutes: number;
  solved: boolean;
  resolve: boolean;
  /** d − s at the moment of the attempt: how far above the learner's skill the problem was. */
  gap: number;
}

/** A learner in the middle of a simulated run: hidden skills that move with practice and fade with time. */
export class LearnerState {
  private memory = new Map<string, Memory>();
  private attemptsOf = new Map<string, number>();
  private seen = new Set<string>();
  private solvesIn = new Map<string, number>();

  constructor(
    readonly learner: Learner,
    readonly index: CatalogIndex,
    readonly params: SimParams,
  ) {
    for (const p of learner.priorSolved) this.seen.add(p);
  }

  /** s_c(t) = b_c + g_c·(1 + (t − L_c)/(9·S_c))^{−1}. */
  skill(category: string, day: number): number {
    const base = this.learner.base.get(category) ?? this.learner.mu;
    const m = this.memory.get(category);
    if (!m) return base;
    return base + m.gain * this.retention(m, day);
  }

  private retention(m: Memory, day: number): number {
    return this.params.forgetting ? 1 / (1 + (day - m.last) / (9 * m.stability)) : 1;
  }

  /** Minutes the next attempt at `problem` would take, drawn before the learner decides to start it. */
  nextMinutes(problem: string): number {
    const n = this.attemptsOf.get(problem) ?? 0;
    const d = this.learner.difficulty.get(problem) ?? 0;
    const noise = Math.exp(
      Rng.of(this.learner.master, 'minutes', this.learner.key, problem, n).normal(0, MINUTES_NOISE_SD),
    );
    const again = this.seen.has(problem) ? RESOLVE_MINUTES : 1;
    if (this.params.minutes === 'heavytail') {
      const rng = Rng.of(this.learner.master, 'minutes-shape', this.learner.key, problem, n);
      const tail = rng.uniform() < 0.1 ? 3 : 1;
      return 6 * (1 + Math.max(0, d)) ** 0.75 * this.learner.pace * Math.exp(rng.normal(0, 0.5)) * tail * again;
    }
    return estimatedMinutes(d) * this.learner.pace * noise * again;
  }

  /** P(solve) at skill s and difficulty d: logistic, or in the 'ramp' world linear with a floor and a ceiling. */
  pSolve(s: number, d: number): number {
    if (this.params.success === 'ramp')
      return Math.min(0.9, Math.max(0.05, 0.5 + 0.15 * (this.params.slope / 0.8) * (s - d)));
    return sigmoid(this.params.slope * (s - d));
  }

  attempt(problem: string, day: number): AttemptResult {
    const n = this.attemptsOf.get(problem) ?? 0;
    const minutes = this.nextMinutes(problem);
    const resolve = this.seen.has(problem);
    const cats = this.index.categoriesOf.get(problem) ?? [];
    const d = this.learner.difficulty.get(problem) ?? 0;
    const s = mean(cats.map((c) => this.skill(c, day)));
    const { master, key } = this.learner;
    const solved = uniformAt(master, 'solve', key, problem, n) < this.pSolve(s, d);
    const hint = !solved && uniformAt(master, 'hint', key, problem, n) < HINT_ON_FAILURE;
    const level = this.index.level.get(problem) ?? 0;
    const expected = estimatedMinutes(level) * (resolve ? RESOLVE_MINUTES : 1);
    let outcome: Outcome = solved
      ? minutes > SLOW_FACTOR * expected
        ? 'solved_slow'
        : 'solved'
      : hint
        ? 'hint'
        : 'failed';
    // A noisy log: the learning follows what happened, the log (all a planner sees) says the opposite now and then.
    if (
      this.params.logNoise > 0 &&
      outcome !== 'failed' &&
      uniformAt(master, 'lognoise', key, problem, n) < this.params.logNoise
    ) {
      outcome = outcome === 'hint' ? 'solved' : 'hint';
    }
    this.learn(cats, d, day, solved ? 1 : hint ? 0.6 : 0.3, resolve, solved && !resolve);
    this.attemptsOf.set(problem, n + 1);
    if (solved || hint) this.seen.add(problem);
    return { outcome, minutes, solved, resolve, gap: d - s };
  }

  /** Δg_c = rate·exp(−(d − s − gap)²/8)·m, halved for re-solves; related categories get 0.25 of it. */
  private learn(cats: string[], d: number, day: number, m: number, resolve: boolean, firstSolve: boolean): void {
    const gains = new Map<string, number>();
    const hidden = this.params.transfer === 'hidden';
    for (const c of cats) {
      const s = this.skill(c, day);
      let delta =
        this.params.learningRate * Math.exp(-((d - s - this.params.bestGap) ** 2) / 8) * m * (resolve ? 0.5 : 1);
      if (this.params.learning === 'steps') {
        const solves = (this.solvesIn.get(c) ?? 0) + Number(firstSolve);
        this.solvesIn.set(c, solves);
        delta = solves < CLICK_AT ? 0.2 * delta : delta + (firstSolve && solves === CLICK_AT ? CLICK_GAIN : 0);
      }
      gains.set(c, (gains.get(c) ?? 0) + delta);
      for (const r of relatedCategories(c, hidden ? HIDDEN_GROUPS : RELATED_GROUPS))
        if (!cats.includes(r)) gains.set(r, (gains.get(r) ?? 0) + (hidden ? HIDDEN_SHARE : RELATED_SHARE) * delta);
    }
    for (const [c, delta] of gains) this.practise(c, day).gain += delta;
  }

  /** First practice of a category on a day: g ← g·R, S ← S(1 + 3(1 − R) + 0.2), L ← t (skill now unchanged). */
  private practise(category: string, day: number): Memory {
    let m = this.memory.get(category);
    if (!m) {
      m = { gain: 0, stability: 3, last: day, practisedOn: -1 };
      this.memory.set(category, m);
    }
    if (m.practisedOn !== day) {
      const r = this.retention(m, day);
      m.gain *= r;
      m.stability *= 1 + 3 * (1 - r) + 0.2;
      m.last = day;
      m.practisedOn = day;
    }
    return m;
  }

  /** The exam's mean success p̄ = Σ_c π_c · mean over exam levels of σ(slope(s_c(T) − ℓ)). */
  examSuccess(weights: Map<string, number>, levels: [number, number], day: number): number {
    let total = 0;
    for (const [c, w] of weights) {
      if (w === 0) continue;
      const s = this.skill(c, day);
      let sum = 0;
      for (let l = levels[0]; l <= levels[1]; l++) sum += this.pSolve(s, l);
      total += (w * sum) / (levels[1] - levels[0] + 1);
    }
    return total;
  }
}

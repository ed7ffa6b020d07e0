/**
 * The planner's input and output. The planner is pure: everything it needs comes in here, `today` included;
 * it reads no database, no clock and no Math.random (randomness, if any, comes from `seed`).
 */
import type { Lang } from '../i18n/index.ts';

export type Outcome = 'solved' | 'solved_slow' | 'hint' | 'failed';
export type ItemKind = 'new' | 'review' | 'mock';
export type ProfileKey = 'general' | 'samsung' | 'kakao' | 'custom';

export interface CatalogProblem {
  /** '<judge>:<number>', e.g. 'boj:1260'. */
  id: string;
  title: string;
  /** solved.ac level 0–30 (0 unrated). */
  level: number;
  tags: string[];
  averageTries?: number | null;
}

export interface CatalogCategory {
  /** 'graph_traversal' */
  key: string;
  nameEn: string;
  nameKo: string;
  position: number;
}

export interface CatalogEntry {
  category: string;
  problem: string;
  position: number;
  recommended: boolean;
}

/** The curated list as the planner sees it: entries in list order within each category. */
export interface PlannerCatalog {
  problems: CatalogProblem[];
  categories: CatalogCategory[];
  entries: CatalogEntry[];
}

/** One logged try. `day` is null when an import could not date it (solved, day unknown). */
export interface HistoryAttempt {
  problem: string;
  day: string | null;
  outcome: Outcome;
  minutes: number | null;
  origin: string;
  /**
   * For a problem on none of the lists (an imported history's off-list solve): its level 0–30 on solved.ac's
   * scale (the judge's rating converted, src/judges/difficulty.ts) and the list's category keys it belongs to, when
   * known. Such attempts count as evidence of skill; problems on a list take their level from the catalog.
   */
  level?: number | null;
  categories?: string[];
}

export interface PlannerSettings {
  /** YYYY-MM-DD; the last day of the plan. */
  examDate: string | null;
  dailyMinutes: number;
  /** ISO weekdays studied: 1 = Monday … 7 = Sunday. */
  studyDays: number[];
  profile: string;
  /** Category weights the learner set; they replace the profile's weights when present. */
  customWeights?: Record<string, number> | null;
  /** Language of the reasons and messages. */
  lang: Lang;
}

export interface PlanInput {
  catalog: PlannerCatalog;
  history: HistoryAttempt[];
  settings: PlannerSettings;
  /** The learner's local date; the plan starts here. */
  today: string;
  seed?: number;
  /** Today's list as stored when first shown; when given, day 0 keeps it (minus what was done or skipped). */
  todayItems?: PlanItem[];
  /** Minutes available today when the learner asked for less time today. */
  minutesToday?: number;
  /** Problems the learner skipped or swapped today: not offered again today. */
  excludeToday?: string[];
  /**
   * Plan only the first N days in detail (the simulation needs just today). Readiness at the exam is then
   * projected from the end of those days. Default: every day to the exam.
   */
  horizonDays?: number;
  /** A problem on today's stored list to replace by the next-best candidate (the "swap" action). */
  swap?: string;
  /**
   * The first day of the preparation, which anchors the phases (A: first 55 %, B, C: last 15 %) when the plan is
   * made again every day. Default: the first day with a graded (not imported) attempt, at most 120 days before the exam.
   */
  startDay?: string;
}

/**
 * A reason, notice or piece of advice as a code and its parameters, rendered in the viewer's language when shown
 * (src/plans/planWords.ts). Parameters by convention: `category` (a category key), `categories` (keys joined by
 * ','), `level` (0–30, shown as a tier), `outcome` (an Outcome), `profile` (a profile key), plain numbers otherwise.
 */
export interface Reason {
  code: string;
  params: Record<string, string | number>;
}

export type NoticeCode =
  | 'no_exam'
  | 'exam_today'
  | 'exam_past'
  | 'exam_far'
  | 'no_budget'
  | 'no_study_days'
  | 'all_solved'
  | 'empty_catalog'
  | 'budget_too_small'
  | 'list_exhausted'
  | 'mock_too_long'
  | 'mock_missing'
  | 'mock_off_judge';

export interface PlanItem {
  problem: string;
  kind: ItemKind;
  category: string;
  level: number;
  /** Estimated minutes for this learner. */
  minutes: number;
  /** Predicted probability of solving it, 0–1. */
  predicted: number;
  /** Why this problem today (rendered in the viewer's language). Lists stored before codes hold a finished sentence. */
  reason: Reason;
  /** Minutes of the timed mock set this item belongs to (mock items only). */
  mockMinutes?: number;
}

export interface PlanDay {
  day: string;
  /** A rest day (not a study weekday): no items. */
  rest: boolean;
  items: PlanItem[];
  /** The preparation phase: A covers the weak, heavy types; B deepens with weekly mocks; C rehearses before the exam. */
  phase?: 'A' | 'B' | 'C';
}

export interface CategoryReadiness {
  category: string;
  /** The exam profile's weight for this category (sums to 1 over the list). */
  weight: number;
  /** Readiness now and projected at the exam if the plan is followed, 0–1. */
  now: number;
  atExam: number;
  /**
   * No evidence yet: nothing solved or attempted in this type. Its estimate is the global skill minus a margin
   * (model.ts UNTRIED_MARGIN), a guess the pages mark as such.
   */
  noEvidence: boolean;
}

export type Verdict = 'on_track' | 'behind' | 'uncertain';

/** The projected chance to pass the exam if the plan is followed, with what "pass" means for the profile. */
export interface PassProjection {
  /** P(pass), 0–1, and its 80 % interval from the uncertainty of the skill estimates (see readiness.ts). */
  p: number;
  low: number;
  high: number;
  /** Passing is solving at least `need` of the exam's `of` problems. */
  need: number;
  of: number;
}

export interface Plan {
  today: string;
  exam: string | null;
  days: PlanDay[];
  readiness: CategoryReadiness[];
  /** 'uncertain': too little evidence (a new learner with few graded attempts) to say either. */
  verdict: Verdict;
  /** The projection behind the verdict (absent when there is nothing to plan). */
  pass?: PassProjection;
  /** What would fix a 'behind' verdict (more minutes a day, dropping a light type). */
  advice: Reason[];
  /**
   * Set when there is nothing to plan: the exam is today or past, no exam date, budget 0, no study days,
   * nothing left unsolved, an empty list. The page shows it instead of an empty plan.
   */
  notice?: { code: NoticeCode; params: Record<string, string | number> };
}

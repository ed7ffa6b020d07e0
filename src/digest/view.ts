import type { Db } from '../db/connection.ts';
import { addDays, daysBetween, isoWeekday } from '../day.ts';
import type { Lang } from '../i18n/index.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import type { ItemKind, Plan, PlanItem } from '../planner/types.ts';
import { isSolvedOutcome } from '../progress/outcomes.ts';
import { planWords } from '../plans/planWords.ts';
import { currentCatalog } from '../plans/planService.ts';
import { typesWithEvidence } from '../plans/evidence.ts';
import { plannerHistory } from '../progress/plannerHistory.ts';
import { attemptsOnDay, categoryNames, openingListOn, planOn, problemById, streakOn } from './sources.ts';
import { groupDigestSection, type DigestGroup } from '../groups/groupDigest.ts';
import type { Config } from '../config.ts';
import { type LinkTemplates, linkTemplatesOf, problemLinks } from '../judges/links.ts';

/** A problem line of the digest; `url` is where the problem can be read (see problemUrl), when known. */
export interface DigestProblem {
  id: string;
  title: string;
  level: number;
  url: string | null;
}

export interface DigestItem extends DigestProblem {
  kind: ItemKind;
  category: string;
  minutes: number;
  reason: string;
}

export interface DigestReadiness {
  category: string;
  name: string;
  /** Whole percents 0–100. */
  now: number;
  atExam: number;
  /** A type the exam weighs heavily (weight ≥ HEAVY_WEIGHT): a row of its own; the rest share one line. */
  heavy: boolean;
  /** False while the learner has no attempt in the type: its number is a prior, shown as "no evidence yet". */
  evidence: boolean;
}

/** The weight from which a type is "heavy" (as /plan marks it). */
export const HEAVY_WEIGHT = 0.1;

/** Everything the nightly email shows for one learner and one local day; the preview page renders the same. */
export interface DigestView {
  lang: Lang;
  learner: { id: number; name: string; email: string };
  day: string;
  /** Days until the exam (0 on the day); null without an exam date or once it has passed. */
  dDay: number | null;
  solves: (DigestProblem & { outcome: string })[];
  streak: { current: number; longest: number };
  readiness: DigestReadiness[];
  /** Tomorrow's plan; `weekday` is ISO (1 = Monday … 7 = Sunday), worded by the template. */
  tomorrow: { day: string; weekday: number; rest: boolean; items: DigestItem[] };
  /** Re-solves (review items) due tomorrow or still open today, kept apart from tomorrow's new problems. */
  reviews: DigestItem[];
  verdict: 'on_track' | 'behind' | 'uncertain' | null;
  advice: string[];
  /** The planner's reason for having no plan (no exam date, exam passed …), shown instead of tomorrow's list. */
  notice: string | null;
  links: { plan: string; settings: string; unsubscribe: string };
  /** The study group's section (mission done by N of M, the group's streak); null outside a group or switched off. */
  group?: DigestGroup | null;
}

/**
 * Reads the digest's data from the learner's stored plan (computed if its inputs changed; today's list is not stored).
 * Tomorrow is the list the Today page will open with tomorrow morning if nothing more is logged.
 */
export function digestView(
  db: Db,
  config: DigestConfig,
  learner: Learner,
  day: string,
  now: Date,
  persist = true,
): DigestView {
  const templates = linkTemplatesOf(config);
  const problem = (id: string) => problemLine(db, id, templates);
  // persist false (the preview page): nothing is stored, the plan is read as the learner's pages show it.
  const stored = planOn(db, learner, day, now, persist);
  const plan = stored.plan;
  const tomorrowDay = addDays(day, 1);
  const planned = plan.days.find((d) => d.day === tomorrowDay);
  const words = planWords(learner.language, currentCatalog(db).categories);
  const toItem = (item: PlanItem): DigestItem => ({
    ...problem(item.problem),
    kind: item.kind,
    category: item.category,
    minutes: item.minutes,
    reason: words.reason(item.reason),
  });
  const opening = planned && !planned.rest ? openingListOn(db, learner, stored, tomorrowDay) : undefined;
  // Re-solves still open today are as due as tomorrow's: the morning's list carries them over.
  const leftToday = (plan.days.find((d) => d.day === day)?.items ?? []).filter((i) => i.kind === 'review');
  const tomorrowIds = new Set(planned?.items.map((i) => i.problem));
  const tomorrowItems = opening ?? planned?.items ?? [];
  const reviews = opening
    ? opening.filter((i) => i.kind === 'review')
    : [
        ...leftToday.filter((i) => !tomorrowIds.has(i.problem)),
        ...(planned?.items ?? []).filter((i) => i.kind === 'review'),
      ];
  // The plan's exam: the learner's own date, else their study group's.
  const dDay = plan.exam ? daysBetween(day, plan.exam) : null;
  const base = config.baseUrl.replace(/\/+$/, '');
  return {
    lang: learner.language,
    learner: { id: learner.id, name: learner.name, email: learner.email },
    day,
    dDay: dDay !== null && dDay >= 0 ? dDay : null,
    solves: solvesOn(db, learner.id, day, problem),
    streak: streakOn(db, learner.id, day),
    readiness: readiness(db, plan, learner),
    tomorrow: {
      day: tomorrowDay,
      weekday: isoWeekday(tomorrowDay),
      rest: planned?.rest ?? false,
      items: tomorrowItems.filter((i) => i.kind !== 'review').map(toItem),
    },
    reviews: reviews.map(toItem),
    // A notice that only explains (list used up, no exam date) leaves the verdict; one with no plan at all hides it.
    verdict: plan.days.length === 0 ? null : plan.verdict,
    advice: plan.advice.map(words.advice),
    notice: plan.notice ? words.notice(plan.notice) : null,
    links: {
      plan: `${base}/plan/today`,
      settings: `${base}/settings/email`,
      unsubscribe: `${base}/unsubscribe/${encodeURIComponent(learner.unsubscribeToken)}`,
    },
    group: linkedGroup(groupDigestSection(db, learner, day), (id) => problem(id).url),
  };
}

/** Distinct problems solved on the day, in the order first solved. */
function solvesOn(
  db: Db,
  learnerId: number,
  day: string,
  problem: (id: string) => DigestProblem,
): DigestView['solves'] {
  const seen = new Set<string>();
  const out: DigestView['solves'] = [];
  for (const attempt of attemptsOnDay(db, learnerId, day)) {
    if (!isSolvedOutcome(attempt.outcome) || seen.has(attempt.problemId)) continue;
    seen.add(attempt.problemId);
    // The attempt's title: for an off-list problem the learner's own, never another learner's.
    out.push({ ...problem(attempt.problemId), title: attempt.title, outcome: attempt.outcome });
  }
  return out;
}

/** What the digest needs of the settings: the public URL, and the judges' link templates (COTE_LINK_<JUDGE>). */
export type DigestConfig = Pick<
  Config,
  'baseUrl' | 'linkBoj' | 'linkProgrammers' | 'linkLeetcode' | 'linkCf' | 'linkAtcoder'
>;

/**
 * A problem's line with a link that still leads somewhere: the judge's page (or the group's mirror when a template is
 * set); for Baekjoon, closed since 2026-04-28, the archived copy unless a mirror is set. Only web links go into an email.
 */
function problemLine(db: Db, id: string, templates: LinkTemplates): DigestProblem {
  const found = problemById(db, id);
  const stored = found?.url && /^https?:\/\//i.test(found.url) ? found.url : null;
  const url = problemLinks(id, templates, stored).best;
  return {
    id,
    title: found?.title ?? id,
    level: found?.level ?? 0,
    url: url && /^https?:\/\//i.test(url) ? url : null,
  };
}

/** The group section with its problems linked as every other digest line is (the archive for Baekjoon, a mirror). */
function linkedGroup(group: DigestGroup | null, url: (id: string) => string | null): DigestGroup | null {
  return group && { ...group, problems: group.problems.map((p) => ({ ...p, url: url(p.id) })) };
}

/** The types the exam counts (weight above 0), heaviest first: a Samsung learner sees 5 bars, not 23. */
function readiness(db: Db, plan: Plan, learner: Learner): DigestReadiness[] {
  const names = categoryNames(db);
  const evidence = typesWithEvidence(plannerHistory(db, learner.id), currentCatalog(db).entries);
  const counted = plan.readiness.filter((r) => r.weight > 0).sort((a, b) => b.weight - a.weight);
  return counted.map((r) => ({
    category: r.category,
    name: names.get(r.category)?.[learner.language] ?? r.category,
    now: Math.round(r.now * 100),
    atExam: Math.round(r.atExam * 100),
    heavy: r.weight >= HEAVY_WEIGHT,
    evidence: evidence.has(r.category),
  }));
}

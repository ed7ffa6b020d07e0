import { tierLabel } from '../judges/tier.ts';
import type { Db } from '../db/connection.ts';
import { daysBetween, isDay, localDay } from '../day.ts';
import { AppError } from '../errors.ts';
import { translator } from '../i18n/index.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import { learnerFor } from '../learners/learnerRef.ts';
import type { PassProjection, Plan, Reason, Verdict } from '../planner/types.ts';
import type { PlanWords } from './planWords.ts';
import { planFor } from './planService.ts';
import { storedPlan } from './storedPlan.ts';

type PassFigures = { [K in 'p' | 'low' | 'high']: number | null };

/** The `cote plan --json` shape (issue 4); `notice` appears only when there is nothing to plan. */
export interface PlanJson {
  today: string;
  exam: string | null;
  days: {
    day: string;
    items: {
      problem: string;
      kind: string;
      category: string;
      level: number;
      minutes: number;
      reason: string;
      why: Reason | null;
    }[];
  }[];
  readiness: { category: string; weight: number; now: number; atExam: number }[];
  verdict: Verdict;
  /**
   * P(pass) with its 80 % interval and the pass rule (need of `of` problems), and the sentence the page shows. With
   * the verdict "uncertain" the three figures are null: too little evidence to state one (the page says so too).
   */
  pass: (PassFigures & Pick<PassProjection, 'need' | 'of'> & { text: string }) | null;
  notice?: { code: string; message: string; params: Record<string, string | number> };
}

/**
 * The learner's plan from `today` (default: their today at `now`): for the real today the stored plan, as the pages
 * show it (today's list stored); planning another day with --today computes it and changes nothing.
 */
export function planCommand(db: Db, learnerRef: string, today: string | undefined, now: Date): Plan {
  const learner = learnerFor(db, learnerRef);
  if (today !== undefined && !isDay(today))
    throw new AppError('planner.bad_day', `--today ${JSON.stringify(today)} is not a date: use YYYY-MM-DD`, 400, {
      value: today,
    });
  const realToday = localDay(now, learner.timezone);
  const day = today ?? realToday;
  return day === realToday ? storedPlan(db, learner, day, now).plan : planFor(db, learner, day, { store: false });
}

/** `reason` and `notice.message` in `lang`; `why` and `notice.params` are the codes they were rendered from. */
export function planJson(plan: Plan, words: PlanWords): PlanJson {
  return {
    today: plan.today,
    exam: plan.exam,
    days: plan.days.map((d) => ({
      day: d.day,
      items: d.items.map((i) => ({
        problem: i.problem,
        kind: i.kind,
        category: i.category,
        level: i.level,
        minutes: i.minutes,
        reason: words.reason(i.reason),
        why: typeof i.reason === 'string' ? null : i.reason,
      })),
    })),
    readiness: plan.readiness.map((r) => ({ category: r.category, weight: r.weight, now: r.now, atExam: r.atExam })),
    verdict: plan.verdict,
    pass: plan.pass
      ? {
          ...plan.pass,
          ...(plan.verdict === 'uncertain' ? { p: null, low: null, high: null } : {}),
          text: words.pass(plan),
        }
      : null,
    ...(plan.notice
      ? { notice: { code: plan.notice.code, message: words.notice(plan.notice), params: plan.notice.params } }
      : {}),
  };
}

/** The plan as plain text lines for a terminal, in the learner's language. */
export function planText(plan: Plan, learner: Learner, words: PlanWords): string {
  const t = translator(learner.language);
  const lines: string[] = [];
  const dday = plan.exam ? ` (D-${daysBetween(plan.today, plan.exam)})` : '';
  // As on the page and in the email, a plan with no day (exam today or past, no budget…) judges nothing.
  const verdict = plan.days.length > 0 ? ` · ${plan.verdict}` : '';
  lines.push(`${learner.login} · ${plan.today} → ${plan.exam ?? '—'}${dday} · ${learner.profile}${verdict}`);
  if (plan.notice) lines.push(words.notice(plan.notice));
  for (const d of plan.days) {
    if (d.rest) lines.push(`${d.day}  ${t('planner.plan.rest_day')}`);
    else if (d.items.length === 0) lines.push(`${d.day}  ${t('planner.plan.nothing')}`);
    for (const i of d.items) {
      lines.push(
        `${d.day}  ${i.kind.padEnd(6)} ${i.problem.padEnd(10)} ${i.category.padEnd(22)} ${tierLabel(i.level, t).padEnd(12)} ${String(i.minutes).padStart(3)} min  ${words.reason(i.reason)}`,
      );
    }
  }
  if (plan.readiness.length > 0) lines.push('', `${'type'.padEnd(30)} weight  now   exam`);
  for (const r of [...plan.readiness].sort((a, b) => b.weight - a.weight)) {
    lines.push(
      `${r.category.padEnd(30)} ${r.weight.toFixed(2).padStart(6)}  ${r.now.toFixed(2)}  ${r.atExam.toFixed(2)}`,
    );
  }
  for (const a of plan.advice) lines.push(`→ ${words.advice(a)}`);
  return lines.join('\n');
}

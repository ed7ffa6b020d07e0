import type { Request, Response } from 'express';
import { daysBetween } from '../../day.ts';
import { learnerToday } from '../../progress/logAttempt.ts';
import { currentCatalog } from '../../plans/planService.ts';
import { viewedPlan } from '../../plans/storedPlan.ts';
import { planWords } from '../../plans/planWords.ts';
import { currentLearner } from '../auth.ts';
import { problemUrl } from '../../catalog/problemRef.ts';
import type { AppDeps } from '../../context.ts';
import { burnup } from '../../plans/burnup.ts';
import { plannerHistory } from '../../progress/plannerHistory.ts';
import { planSettingsOf } from '../../plans/planSettings.ts';
import { typesWithEvidence } from '../../plans/evidence.ts';

// GET /plan — every remaining day (rest days too), readiness per type now and at the exam against its weight.
export function showPlanPage({ db, now }: AppDeps) {
  return (req: Request, res: Response) => {
    const learner = currentLearner(req);
    const today = learnerToday(learner, now());
    const { plan } = viewedPlan(db, learner, today, now());
    const names = new Map(
      currentCatalog(db).categories.map((c) => [c.key, res.locals.lang === 'ko' ? c.nameKo : c.nameEn]),
    );
    // Each item shows its problem's title and a link to it (the catalog is cached in memory: no query per item).
    const titles = new Map(currentCatalog(db).problems.map((p) => [p.id, p.title]));
    const problemOf = (id: string) => ({ title: titles.get(id) ?? id, url: problemUrl(id) ?? null });
    const readiness = [...plan.readiness].sort((a, b) => b.weight - a.weight || a.category.localeCompare(b.category));
    res.locals.words = planWords(res.locals.lang, currentCatalog(db).categories);
    const history = plannerHistory(db, learner.id);
    res.render('plan/index', {
      title: res.locals.t('planner.plan.title'),
      charts: true,
      plan,
      burnup: burnup(history, plan),
      evidence: typesWithEvidence(history, currentCatalog(db).entries),
      readiness,
      names,
      problemOf,
      daysLeft: plan.exam ? daysBetween(today, plan.exam) : null,
      ...profileInEffect(db, learner),
    });
  };
}

/** The profile the plan uses and whose it is: the learner's own, or their group's where they kept the default. */
function profileInEffect(db: AppDeps['db'], learner: ReturnType<typeof currentLearner>) {
  const { profile } = planSettingsOf(db, learner.id, { examDate: null, profile: learner.profile, lists: null });
  return { profile, profileFromGroup: profile !== learner.profile };
}

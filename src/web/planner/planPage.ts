import type { Request, Response } from 'express';
import { daysBetween } from '../../day.ts';
import { learnerToday } from '../../progress/logAttempt.ts';
import { currentCatalog } from '../../plans/planService.ts';
import type { PlannerCatalog } from '../../planner/types.ts';
import { viewedPlan } from '../../plans/storedPlan.ts';
import { planWords } from '../../plans/planWords.ts';
import { currentLearner } from '../auth.ts';
import type { ProblemLinks } from '../../judges/links.ts';
import type { AppDeps } from '../../context.ts';
import { burnup } from '../../plans/burnup.ts';
import { burnupRowsHtml } from './burnupHtml.ts';
import { plannerHistory } from '../../progress/plannerHistory.ts';
import { planSettingsOf } from '../../plans/planSettings.ts';
import { typesWithEvidence } from '../../plans/evidence.ts';
import { PageQuery, pageOf } from '../pagination.ts';
import { parseQuery } from '../validate.ts';

/**
 * Days of the plan per page of /plan: two weeks, the rest on the next pages (`?page=N`). A 730-day exam at 720
 * minutes a day was one 5.7 MB page costing 0.3–0.7 s of CPU; a page is now bounded whatever the exam and budget.
 */
export const PLAN_DAYS_PER_PAGE = 14;

// GET /plan — readiness per type now and at the exam against its weight, the burn-up, then the next two weeks day by
// day (rest days too); `?page=N` shows the following weeks (a malformed N is a 400, one past the end the last page).
export function showPlanPage({ db, now }: AppDeps) {
  return (req: Request, res: Response) => {
    const query = parseQuery(PageQuery, req).page;
    const learner = currentLearner(req);
    const today = learnerToday(learner, now());
    const { plan } = viewedPlan(db, learner, today, now());
    const catalog = currentCatalog(db);
    const names = new Map(catalog.categories.map((c) => [c.key, res.locals.lang === 'ko' ? c.nameKo : c.nameEn]));
    // Each item shows its problem's title and a link to it (the catalog is cached in memory: no query per item).
    const titles = titlesOf(catalog);
    // One link per item: problemLinks' best (the COTE_LINK_* mirror, else Baekjoon's archived copy, else the page).
    const links = req.app.locals.problemLinks as (id: string) => ProblemLinks;
    const problemOf = (id: string) => ({ title: titles.get(id) ?? id, url: links(id).best });
    const readiness = [...plan.readiness].sort((a, b) => b.weight - a.weight || a.category.localeCompare(b.category));
    res.locals.words = planWords(res.locals.lang, catalog.categories);
    const history = plannerHistory(db, learner.id);
    const page = pageOf(query, plan.days.length, (n) => `/plan?page=${n}#days`, PLAN_DAYS_PER_PAGE);
    const first = page.number === 1;
    // The summary (readiness, burn-up) is on the first page only: the following pages are the days.
    const burnupOfPage = first ? burnup(history, plan) : { days: [], solved: [], planned: [] };
    res.render('plan/index', {
      title: res.locals.t('planner.plan.title'),
      charts: first,
      plan,
      page,
      days: plan.days.slice(page.offset, page.offset + page.limit),
      burnup: burnupOfPage,
      burnupRows: burnupRowsHtml(burnupOfPage, plan.today),
      evidence: typesWithEvidence(history, catalog.entries),
      readiness,
      names,
      problemOf,
      daysLeft: plan.exam ? daysBetween(today, plan.exam) : null,
      ...profileInEffect(db, learner),
    });
  };
}

const titles = new WeakMap<PlannerCatalog, Map<string, string>>();

/** Each problem's title by id, made once per catalog (a catalog is kept until a list changes). */
function titlesOf(catalog: PlannerCatalog): Map<string, string> {
  let byId = titles.get(catalog);
  if (!byId) {
    byId = new Map(catalog.problems.map((p) => [p.id, p.title]));
    titles.set(catalog, byId);
  }
  return byId;
}

/** The profile the plan uses and whose it is: the learner's own, or their group's where they kept the default. */
function profileInEffect(db: AppDeps['db'], learner: ReturnType<typeof currentLearner>) {
  const { profile } = planSettingsOf(db, learner.id, { examDate: null, profile: learner.profile, lists: null });
  return { profile, profileFromGroup: profile !== learner.profile };
}

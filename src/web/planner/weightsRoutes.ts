import type { Request, Response } from 'express';
import { updateCustomWeights } from '../../plans/weights.ts';
import { learnerCatalog } from '../../plans/planService.ts';
import { profileWeights } from '../../planner/profiles.ts';
import type { Learner } from '../../learners/learnerRepository.ts';
import { currentLearner } from '../auth.ts';
import type { AppDeps } from '../../context.ts';
import { flash, withFormErrors } from '../progress/forms.ts';
import { z } from 'zod';
import { parseBody } from '../validate.ts';

/** One `w_<type>` field per type of the list: at most 200 of them, each a short text (the domain checks the number). */
const WeightsBody = z
  .record(z.string().max(200), z.string().max(200))
  .refine((body) => Object.keys(body).length <= 400);

function renderWeights(deps: AppDeps, res: Response, learner: Learner, form: Record<string, string>, error?: string) {
  const catalog = learnerCatalog(deps.db, learner);
  const rows = [...catalog.categories]
    .sort((a, b) => a.position - b.position)
    .map((c) => ({ key: c.key, name: res.locals.lang === 'ko' ? c.nameKo : c.nameEn, value: form[c.key] ?? '' }));
  res.render('settings/weights', {
    title: res.locals.t('planner.weights.title'),
    rows,
    profile: learner.profile,
    error,
  });
}

/** The learner's current weights as percentages (custom ones if set, else the profile's), for the form. */
function currentForm(deps: AppDeps, learner: Learner): Record<string, string> {
  const weights = profileWeights(learner.profile, learnerCatalog(deps.db, learner), learner.customWeights);
  return Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, String(Math.round(w * 1000) / 10)]));
}

// GET /settings/weights — one number per type; saving makes the profile "custom".
export function showWeights(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const learner = currentLearner(req);
    renderWeights(deps, res, learner, currentForm(deps, learner));
  };
}

// POST /settings/weights — invalid numbers re-render with 422 naming the type; valid ones are saved in one go.
export function saveWeights(deps: AppDeps) {
  return (req: Request, res: Response) => {
    const learner = currentLearner(req);
    const fields = Object.entries(parseBody(WeightsBody, req)).filter(([k]) => k.startsWith('w_'));
    const form = Object.fromEntries(fields.map(([k, v]) => [k.slice(2), String(v ?? '')]));
    const rerender = (error: string) => renderWeights(deps, res, learner, form, error);
    return withFormErrors(res, rerender, () => {
      updateCustomWeights(deps.db, learner.id, learnerCatalog(deps.db, learner), form);
      flash(req, 'ok', res.locals.t('planner.weights.saved'));
      res.redirect('/settings/weights');
    });
  };
}

import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { setCustomWeights } from '../learners/learnerRepository.ts';
import type { PlannerCatalog } from '../planner/types.ts';

/** A form with more weight fields than this is refused (a list has a few dozen types). */
export const MAX_WEIGHT_FIELDS = 200;
/** A plain decimal: '25', '12.5', '.5' — no sign, exponent, hex or Infinity. */
const WEIGHT_RE = /^(\d{1,3}(\.\d{0,4})?|\.\d{1,4})$/;

/**
 * Parses the weights form (a percentage 0–100 per category key of the list; empty = 0) into weights that sum
 * to 1. Keys the list does not have are ignored, but at most MAX_WEIGHT_FIELDS are read. Throws an AppError naming
 * the first bad value.
 */
export function parseWeightsForm(catalog: PlannerCatalog, form: Record<string, string>): Record<string, number> {
  const fields = Object.keys(form).length;
  if (fields > MAX_WEIGHT_FIELDS) {
    throw new AppError('planner.too_many_weights', `${fields} weights sent: at most ${MAX_WEIGHT_FIELDS}`, 422, {
      count: fields,
      max: MAX_WEIGHT_FIELDS,
    });
  }
  const weights: Record<string, number> = {};
  let sum = 0;
  for (const { key } of catalog.categories) {
    const text = (form[key] ?? '').trim();
    const value = text === '' ? 0 : Number(text);
    if (!(text === '' || WEIGHT_RE.test(text)) || value > 100) {
      throw new AppError(
        'planner.bad_weight',
        `weight of ${key} must be a number from 0 to 100, not ${JSON.stringify(text)}`,
        422,
        { category: key, value: text },
      );
    }
    weights[key] = value;
    sum += value;
  }
  if (sum <= 0) throw new AppError('planner.no_weight', 'give at least one type a weight above 0', 422);
  for (const key of Object.keys(weights)) weights[key] = Math.round((weights[key] / sum) * 10000) / 10000;
  return weights;
}

/** Validates and saves the learner's custom weights; their profile becomes "custom". */
export function updateCustomWeights(
  db: Db,
  learnerId: number,
  catalog: PlannerCatalog,
  form: Record<string, string>,
): Record<string, number> {
  const weights = parseWeightsForm(catalog, form);
  setCustomWeights(db, learnerId, weights);
  return weights;
}

import { createHash } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import type { Learner } from '../learners/learnerRepository.ts';
import { planInputSettings, settingsFingerprint } from './planInputs.ts';
import { planInputVersions, type PlanInputVersions } from './storedPlanRepository.ts';

/** Bump when stored plans change meaning (a planner change that must reach everyone before tomorrow). */
export const PLAN_FORMAT = 2;

/**
 * What a learner's plan for `day` is computed from, in two parts. `list`: the settings that feed the planner (exam
 * date, budget, study days, profile, custom weights while the profile is custom — with what their study group gives
 * where they kept the default), the lists they chose, the catalog
 * (every list's import stamp and the type mappings) and their imports: when it changes, today's stored list is
 * rebuilt. `full`: `list` plus every attempt change, today's stored list (skip, swap, less time) and the day itself:
 * when it changes, the plan is computed again. The language is not part of it: reasons are codes rendered per viewer.
 */
export interface PlanFingerprint {
  list: string;
  full: string;
  versions: PlanInputVersions;
}

export function planFingerprint(db: Db, learner: Learner, day: string): PlanFingerprint {
  const versions = planInputVersions(db, learner.id, day);
  // The settings as the planner gets them (one builder, src/plans/planInputs.ts), lists included.
  const settings = settingsFingerprint(planInputSettings(db, learner));
  const list = digest(['list', PLAN_FORMAT, settings, versions.catalog, versions.imports]);
  const full = digest(['plan', list, versions.attempts, versions.listVersion ?? '-', day]);
  return { list, full, versions };
}

function digest(parts: (string | number)[]): string {
  return createHash('sha1').update(parts.join('\n')).digest('base64url');
}

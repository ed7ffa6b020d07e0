import type { Db } from '../db/connection.ts';
import { planSettingsOf } from './planSettings.ts';
import { planListsOf, type Learner } from '../learners/learnerRepository.ts';
import type { PlannerSettings } from '../planner/types.ts';

/**
 * What a learner's settings give their plan, built in one place: the planner's input (planService.planInputFor) and
 * the plan's fingerprint (planFingerprint) both read this object, so the two cannot disagree. A study group's exam
 * date, profile and lists apply where the learner kept the default (src/plans/planSettings.ts).
 */
export interface PlanInputSettings extends PlannerSettings {
  /** Keys of the lists that feed the plan (the learner's choice on /lists, else their group's); null = every list. */
  lists: string[] | null;
}

export function planInputSettings(db: Db, learner: Learner): PlanInputSettings {
  const own = { examDate: learner.examDate, profile: learner.profile, lists: planListsOf(db, learner.id) };
  const shared = planSettingsOf(db, learner.id, own);
  return {
    examDate: shared.examDate,
    dailyMinutes: learner.dailyMinutes,
    studyDays: learner.studyDays,
    profile: shared.profile,
    // Custom weights count only while the profile is custom (picking samsung again on the settings page wins).
    customWeights: learner.profile === 'custom' ? learner.customWeights : null,
    lang: learner.language,
    lists: shared.lists,
  };
}

/**
 * The settings' part of the plan's fingerprint: every field but the language (reasons are codes rendered per viewer,
 * so a change of language plans nothing again).
 */
export function settingsFingerprint(settings: PlanInputSettings): string {
  const { lang: _lang, ...planned } = settings;
  return JSON.stringify(planned);
}

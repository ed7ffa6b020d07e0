import type { Request, Response } from 'express';
import { AppError } from '../../errors.ts';
import { hasMessage, type Translate } from '../../i18n/index.ts';
import type { LearnerSettings } from '../../learners/learnerSettings.ts';

/** The user-facing text of an AppError: its translation when the dictionary has one, else its English message. */
export function errorText(error: AppError, t: Translate): string {
  return hasMessage(`error.${error.code}`) ? t(`error.${error.code}`, error.params) : error.message;
}

/**
 * Runs `action`; a 4xx AppError re-renders `view` with the submitted values and the message (422 for invalid
 * input), anything else propagates to the error middleware.
 */
export function withFormErrors(res: Response, view: string, locals: Record<string, unknown>, action: () => void): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    res.status(error.status).render(view, { ...locals, error: errorText(error, res.locals.t as Translate) });
  }
}

export function flash(req: Request, kind: 'ok' | 'error', text: string): void {
  req.session.flash = { kind, text };
}

/** Form values for the learner fields partial, from stored settings. */
export function settingsForm(s: LearnerSettings & { login?: string }): Record<string, unknown> {
  return { ...s, examDate: s.examDate ?? '', dailyMinutes: String(s.dailyMinutes) };
}

/** Form values echoed back after a failed submit; study days default to none when no box was ticked. */
export function submittedForm(body: Record<string, unknown>): Record<string, unknown> {
  const days = body.studyDays === undefined ? [] : ([] as unknown[]).concat(body.studyDays).map(Number);
  return { ...body, studyDays: days, password: '' };
}

export const TIME_ZONES: string[] = Intl.supportedValuesOf('timeZone');

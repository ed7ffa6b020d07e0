import type { Request, Response } from 'express';
import { AppError } from '../../errors.ts';
import type { Translate } from '../../i18n/index.ts';
import type { LearnerSettings } from '../../learners/learnerSettings.ts';
import { errorText } from '../errorHandler.ts';
import { field } from '../validate.ts';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../learners/password.ts';

export { errorText };

/**
 * The one way a form answers a value the user can fix. Runs `action` (sync or async); a 4xx AppError sets the error's
 * own status (the one rule, src/errors.ts: 422 for an invalid value, 400 for a malformed request, 409 …) and re-renders
 * the form with the translated message: `view` with `locals` and `error`, or, for a page built by its own function,
 * `rerender(message, error)`. Anything else propagates to the error middleware. Handlers return its promise so
 * Express sees failures.
 */
export async function withFormErrors(
  res: Response,
  view: string,
  locals: Record<string, unknown>,
  action: () => void | Promise<void>,
): Promise<void>;
export async function withFormErrors(
  res: Response,
  rerender: (message: string, error: AppError) => void,
  action: () => void | Promise<void>,
): Promise<void>;
export async function withFormErrors(
  res: Response,
  target: string | ((message: string, error: AppError) => void),
  ...rest: [Record<string, unknown>, () => void | Promise<void>] | [() => void | Promise<void>]
): Promise<void> {
  const action = rest.length === 2 ? rest[1] : rest[0];
  try {
    await action();
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const message = errorText(error, res.locals.t as Translate);
    res.status(error.status);
    if (typeof target === 'string') res.render(target, { ...(rest.length === 2 ? rest[0] : {}), error: message });
    else target(message, error);
  }
}

/** The one way a message reaches the next page: a form's success (or a refusal) before its redirect. */
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

/** The learner fields form (views/learners/_fields.ejs) as it reaches /setup, /settings and /learners: shape only. */
const learnerFields = {
  name: field.optional(500),
  email: field.optional(500),
  timezone: field.optional(100),
  language: field.optional(10),
  examDate: field.optional(40),
  dailyMinutes: field.optional(40),
  studyDays: field.many(10, 14),
  profile: field.optional(40),
};

/** A new learner's account (setup, an admin's add form): login, password, name and email must be sent. */
export const NewLearnerBody = z.object({
  login: field.text(200),
  password: field.text(MAX_PASSWORD_LENGTH * 4),
  ...learnerFields,
  name: field.text(500),
  email: field.text(500),
  isAdmin: field.checkbox('1'),
});

export const SettingsBody = z.object({ ...learnerFields, name: field.text(500), email: field.text(500) });

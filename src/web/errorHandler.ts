import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.ts';
import { hasMessage, translator } from '../i18n/index.ts';
import type { Logger } from '../log.ts';
import { pageLanguage } from './locals.ts';
import { wantsJson } from './auth.ts';

/**
 * The one place errors become responses. AppErrors show their translated message and status; CSRF
 * failures are 403; anything else is logged with its stack and shown as a plain 500 without details.
 */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const t = translator(pageLanguage(req));
    let status = 500;
    let code = 'internal';
    let message: string;
    if (error instanceof AppError) {
      status = error.status;
      code = error.code;
      message = hasMessage(`error.${code}`) ? t(`error.${code}`, error.params) : error.message;
      if (status >= 500) logger.error('request failed', { path: req.originalUrl, code, error: error.message });
    } else if (isCsrfError(error)) {
      status = 403;
      code = 'csrf';
      message = t('error.csrf');
    } else if (isBodyError(error)) {
      status = 400;
      code = 'bad_body';
      message = (error as Error).message;
    } else {
      logger.error('request failed', { path: req.originalUrl, error: error instanceof Error ? error.stack : String(error) });
      message = t('error.internal');
    }
    if (res.headersSent) return;
    res.status(status);
    if (wantsJson(req)) {
      res.json({ error: { code, message } });
    } else {
      res.render('error', { status, code, message, t, lang: res.locals.lang ?? 'ko', learner: req.learner, csrfToken: res.locals.csrfToken ?? '', currentPath: req.originalUrl });
    }
  };
}

function isCsrfError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'EBADCSRFTOKEN';
}

function isBodyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { type?: string }).type === 'string' && (error as { status?: number }).status === 400;
}

export function pageNotFound(_req: Request, _res: Response, next: NextFunction) {
  next(new AppError('page_not_found', 'page not found', 404));
}

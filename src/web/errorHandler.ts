import type { NextFunction, Request, Response } from 'express';
import { AppError, asAppError } from '../errors.ts';
import { hasMessage, translator, type Translate } from '../i18n/index.ts';
import type { Logger } from '../log.ts';
import { lazyCsrfToken, pageLanguage } from './locals.ts';
import { wantsJson } from './auth.ts';

/** The user-facing text of an AppError: its translation when the dictionary has one, else its English message. */
export function errorText(error: AppError, t: Translate): string {
  return hasMessage(`error.${error.code}`) ? t(`error.${error.code}`, error.params) : error.message;
}

/**
 * The one place errors become responses (the rule is asAppError in src/errors.ts). The page is in the reader's
 * language; a 5xx is logged with its stack and shown without details. Nothing here throws or calls next(error), so
 * Express's default handler — which prints stacks unless NODE_ENV=production — is never reached.
 */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    try {
      const failure = asAppError(error);
      if (failure.status >= 500) {
        logger.error('request failed', {
          path: req.originalUrl,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      }
      // A failure after the answer started (a broken stream): the only honest thing left is to cut the connection.
      if (res.headersSent) return void req.socket?.destroy();
      const t = (res.locals.t as Translate | undefined) ?? translator(pageLanguage(req));
      const message = errorText(failure, t);
      res.status(failure.status);
      if (wantsJson(req)) return void res.json({ error: { code: failure.code, message } });
      const locals = {
        status: failure.status,
        code: failure.code,
        message,
        t,
        lang: res.locals.lang ?? pageLanguage(req),
        learner: req.learner,
        csrfToken: res.locals.csrfToken ?? lazyCsrfToken(req),
        currentPath: req.originalUrl,
      };
      res.render('error', locals, (renderError: Error | null, html?: string) => {
        if (!renderError) return void res.send(html);
        logger.error('error page failed', { path: req.originalUrl, error: renderError.stack ?? renderError.message });
        res.status(failure.status).type('text/plain; charset=utf-8').send(`${failure.status} ${message}`);
      });
    } catch (handlerError) {
      logger.error('error handler failed', {
        path: req.originalUrl,
        error: handlerError instanceof Error ? handlerError.stack : String(handlerError),
      });
      if (res.headersSent) return void req.socket?.destroy();
      res.status(500).type('text/plain; charset=utf-8').send('500');
    }
  };
}

export function pageNotFound(_req: Request, _res: Response, next: NextFunction) {
  next(new AppError('page_not_found', 'page not found', 404));
}

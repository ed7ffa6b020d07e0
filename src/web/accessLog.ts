import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../log.ts';

/**
 * The access log: one line at info per finished request — method, path with the query's names but not its values
 * (a search, a token or an email address in a query stays out of the log), status and milliseconds. A 5xx is logged
 * at error, a 4xx at warn, a request the client gave up on before the answer was sent at warn with `aborted`. Quiet
 * below LOG_LEVEL like every other line (tests run at silent). Written here rather than with pino-http, whose child
 * logger per request cost about 60 µs of every request (a tenth of a small page's CPU) for fields no line used.
 */
export function accessLog(logger: Logger): RequestHandler {
  const pino = logger.pino;
  return (req: Request, res: Response, next: NextFunction) => {
    const start = performance.now();
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      const aborted = !res.writableFinished;
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 || aborted ? 'warn' : 'info';
      if (!pino.isLevelEnabled(level)) return;
      const line = {
        req: { method: req.method, path: pathWithoutValues(req.originalUrl ?? req.url ?? '') },
        res: { status },
        ms: Math.round(performance.now() - start),
        ...(aborted ? { aborted: true } : {}),
      };
      pino[level](line, 'request');
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}

/** '/checklist?q=dfs&list=a' → '/checklist?q&list'. */
export function pathWithoutValues(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=')[0]);
  return `${url.slice(0, at)}${names.length ? `?${names.join('&')}` : ''}`;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../log.ts';

/**
 * The access log: one line at info per finished request — method, path with the query's names but not its values
 * (a search, a token or an email address in a query stays out of the log), status and milliseconds. A 5xx is logged
 * at error, a 4xx at warn. Quiet below LOG_LEVEL like every other line (tests run at silent).
 */
export function accessLog(logger: Logger) {
  return pinoHttp({
    logger: logger.pino,
    quietReqLogger: true,
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customAttributeKeys: { responseTime: 'ms' },
    serializers: {
      req: (req: IncomingMessage & { originalUrl?: string }) => ({
        method: req.method,
        path: pathWithoutValues(req.originalUrl ?? req.url ?? ''),
      }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
    wrapSerializers: false,
  });
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

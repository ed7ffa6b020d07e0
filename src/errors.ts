/**
 * The one error type users see. `code` names the failure (`catalog.source_unreachable`) and picks the
 * translated message on pages; `message` is the plain English line the CLI prints; `params` fill both.
 */
// instanceof works because a process holds one copy of this module: production runs plain ESM, and mocha runs with
// no-experimental-require-module (.mocharc.cjs, test:file) so spec files are imported, not require()d into a
// second, CommonJS copy beside the one a lazily imported command gets.
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly params: Record<string, string | number>;

  constructor(code: string, message: string, status = 400, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.params = params;
  }
}

export function notFound(what: string): never {
  throw new AppError('not_found', `${what} not found`, 404, { what });
}

export function badRequest(code: string, message: string, params: Record<string, string | number> = {}): never {
  throw new AppError(code, message, 400, params);
}

/**
 * The one rule from any error to what a user is told (status and message code), for pages, JSON and form wrappers:
 * - an AppError keeps its status, chosen where it is thrown: malformed request 400, invalid form value 422,
 *   not logged in 401, not allowed 403, unknown thing 404, conflict 409, too large 413, rate-limited 429;
 * - a refused CSRF token is 403;
 * - the body parsers' and router's own errors keep their 4xx (a body over the limit 413, unparseable JSON or form
 *   400, an unknown charset 415, any other 4xx as it is) under a generic message: their raw text never reaches a user;
 * - a URIError (a malformed percent-escape) is 400;
 * - anything else is a 500 whose details stay in the log.
 */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    type?: unknown;
    status?: unknown;
    statusCode?: unknown;
  };
  if (e.code === 'EBADCSRFTOKEN') return new AppError('csrf', 'the form expired or did not come from this site', 403);
  const status = Number(e.status ?? e.statusCode);
  if (status === 413 || e.type === 'entity.too.large' || e.type === 'parameters.too.many') {
    return new AppError('request.too_large', 'the request is too large', 413);
  }
  if (status === 415)
    return new AppError('request.unsupported', 'the request body has an unsupported encoding or charset', 415);
  if (error instanceof URIError || status === 400)
    return new AppError('request.malformed', 'the request is malformed', 400);
  if (Number.isInteger(status) && status > 400 && status < 500)
    return new AppError('request.refused', 'the request was refused', status);
  return new AppError('internal', 'internal error', 500);
}

export function statusOf(error: unknown): number {
  return asAppError(error).status;
}

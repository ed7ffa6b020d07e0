/**
 * The one error type users see. `code` names the failure (`catalog.source_unreachable`) and picks the
 * translated message on pages; `message` is the plain English line the CLI prints; `params` fill both.
 */
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

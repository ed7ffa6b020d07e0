import { isUtf8 } from 'node:buffer';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.ts';

/**
 * Request syntax, checked once at the edge before any handler reads the request (status rule: malformed → 400).
 * The parsers would otherwise turn bad syntax into something that looks valid: Express's query parser reads
 * `?q=%E0%A4%A` as U+FFFD, the form parser keeps `%C0%AF` as literal text, JSON.parse keeps a lone surrogate, and a
 * POST without a form body reaches its handler as an empty form (POST /attempts/:id/delete deleted on one).
 */

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const FORM_TYPE = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** Whether an unsafe request may come without a form body (app.ts: the one-click unsubscribe). */
export type FormExempt = (req: Request) => boolean;

/**
 * Every request: the query string must be valid percent-encoded UTF-8. Every unsafe request but the `exempt` ones (the
 * token-authenticated one-click unsubscribe, which mail providers may send as multipart): a form or JSON body.
 */
export function requestSyntax(exempt: FormExempt) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const url = req.originalUrl;
    const mark = url.indexOf('?');
    if (mark !== -1) checkEscapes(url.slice(mark + 1), 'query');
    if (SAFE_METHODS.has(req.method) || exempt(req)) return next();
    // req.is gives null when there is no body at all, false for another type (text/plain, multipart, XML …). An empty
    // form (Content-Length: 0) is well-formed: a form of no fields, refused further on if it lacks its token or fields.
    if (!req.is([FORM_TYPE, JSON_TYPE])) throw notAForm();
    next();
  };
}

export function notAForm(): AppError {
  return new AppError('request.not_a_form', 'the request must carry a form (or JSON) body', 400);
}

/** The parsers' `verify`: the raw body is UTF-8 (when declared so) and, for a form, its percent-escapes are valid. */
export function verifyBody(req: Request, _res: Response, body: Buffer, encoding: string | null): void {
  const charset = (encoding ?? 'utf-8').toLowerCase();
  if (charset !== 'utf-8' && charset !== 'utf8') return;
  if (!isUtf8(body)) throw notUtf8('body');
  if (req.is(FORM_TYPE)) checkEscapes(body.toString('utf8'), 'body');
}

/** `text` is urlencoded pairs (`+` for a space): the first pair with a malformed escape or invalid UTF-8 is named. */
function checkEscapes(text: string, where: 'query' | 'body'): void {
  const plain = text.replace(/\+/g, ' ');
  if (decodes(plain)) return;
  const pair = plain.split('&').find((p) => !decodes(p)) ?? '';
  const key = pair.slice(0, pair.includes('=') ? pair.indexOf('=') : undefined);
  throw decodes(key) && key !== '' ? badField(where, decodeURIComponent(key).slice(0, 100)) : notUtf8(where);
}

export function badField(where: 'query' | 'body', field: string): AppError {
  return new AppError(
    'request.bad_encoding',
    `${where} field "${field}" has a malformed percent-escape or invalid UTF-8`,
    400,
    { field },
  );
}

export function notUtf8(where: 'query' | 'body'): AppError {
  return new AppError('request.not_utf8', `the request ${where} is not valid percent-encoded UTF-8`, 400);
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

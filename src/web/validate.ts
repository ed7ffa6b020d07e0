import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { badField, notAForm, notUtf8, SAFE_METHODS, type FormExempt } from './requestSyntax.ts';

/**
 * Edge validation: every route parses its body, query and params with one zod schema, so handlers receive typed,
 * bounded values (strings capped, lists capped) and never read req.body/req.query/req.params themselves. The schema
 * checks shape only — presence, type, length; whether a well-formed value makes sense stays with the domain (422).
 * A request that does not fit is malformed: an AppError 400 naming the field.
 */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  // No body, or one the parsers do not read (text/plain, …), is an empty form: required fields are then missing.
  return parse(schema, req.body ?? {}, 'body');
}

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return parse(schema, req.query ?? {}, 'query');
}

export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return parse(schema, req.params ?? {}, 'path');
}

/** Shapes shared by the route schemas. Form values are strings (or lists of strings when a field repeats). */
export const field = {
  /** A text field of at most `max` characters. */
  text: (max: number) => z.string().max(max),
  optional: (max: number) => z.string().max(max).optional(),
  /**
   * A field that may repeat (a group of checkboxes): one value or up to `count` values, each 1 to `max` characters
   * (a ticked box always sends its value: an empty one is no box of the form).
   */
  many: (max: number, count: number) => {
    const one = z.string().min(1).max(max);
    return z.union([one, z.array(one).max(count)]).optional();
  },
  /** A single checkbox: absent (unticked) or exactly the value its input sends (`on` when the input names none). */
  checkbox: (value: string) => z.literal(value).optional(),
  /** A whole number in a path segment or query (digits only, bounded). */
  id: () =>
    z
      .string()
      .regex(/^\d{1,15}$/)
      .transform(Number),
};

type Where = 'body' | 'query' | 'path';

function parse<S extends z.ZodType>(schema: S, input: unknown, where: Where): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue.path.map(String).join('.') || where;
  const value = valueAt(input, issue.path);
  if (value === undefined)
    throw new AppError('request.missing_field', `${where} field "${name}" is missing`, 400, { field: name });
  if (issue.code === 'too_big')
    throw new AppError('request.field_too_long', `${where} field "${name}" is too long`, 400, { field: name });
  throw new AppError('request.bad_field', `${where} field "${name}" is not of the expected kind`, 400, { field: name });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * After the parsers, for unsafe requests but the `exempt` ones: the body is one object (not a JSON array) whose
 * strings — keys included — are well-formed UTF-16 (a JSON `"\ud800"` is no text a page could have sent).
 */
export function bodyShape(exempt: FormExempt) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || exempt(req)) return next();
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw notAForm();
    const bad = illFormedField(body);
    if (bad !== undefined) throw bad === '' ? notUtf8('body') : badField('body', bad);
    next();
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first field (a dotted path) whose string value holds a lone surrogate; '' for such a key; else undefined. */
function illFormedField(value: object): string | undefined {
  const stack: Array<[object, string]> = [[value, '']];
  while (stack.length) {
    const [object, at] = stack.pop()!;
    for (const [key, inner] of Object.entries(object)) {
      const name = at ? `${at}.${key}` : key;
      if (LONE_SURROGATE.test(key)) return '';
      if (typeof inner === 'string' && LONE_SURROGATE.test(inner)) return name.slice(0, 100);
      if (typeof inner === 'object' && inner !== null) stack.push([inner, name]);
    }
  }
  return undefined;
}

/** The CSRF token a form (`_csrf`) or a script (`X-CSRF-Token`) submitted, if it is a string. */
export function submittedToken(req: Request): string | undefined {
  const fromBody = (req.body as { _csrf?: unknown } | undefined)?._csrf;
  if (typeof fromBody === 'string') return fromBody;
  const header = req.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

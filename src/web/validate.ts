import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.ts';

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
  /** A field that may repeat (checkboxes): one value or up to `count` values, each at most `max` characters. */
  many: (max: number, count: number) => z.union([z.string().max(max), z.array(z.string().max(max)).max(count)]).optional(),
  /** A whole number in a path segment or query (digits only, bounded). */
  id: () => z.string().regex(/^\d{1,15}$/).transform(Number),
};

type Where = 'body' | 'query' | 'path';

function parse<S extends z.ZodType>(schema: S, input: unknown, where: Where): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue.path.map(String).join('.') || where;
  const value = valueAt(input, issue.path);
  if (value === undefined) throw new AppError('request.missing_field', `${where} field "${name}" is missing`, 400, { field: name });
  if (issue.code === 'too_big') throw new AppError('request.field_too_long', `${where} field "${name}" is too long`, 400, { field: name });
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

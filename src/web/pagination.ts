import { z } from 'zod';
import { AppError } from '../errors.ts';
import { field } from './validate.ts';

/** The query of a paged list view: `?page=N` (checked by pageOf). */
export const PageQuery = z.object({ page: field.optional(20) });

/** Rows per page of every list view. */
export const PAGE_SIZE = 100;
const PAGE_RE = /^[1-9]\d{0,5}$/;

/** One page of a list: which rows to read, and the links to its neighbours. */
export interface Page {
  /** 1-based. */
  number: number;
  pages: number;
  total: number;
  limit: number;
  offset: number;
  prev?: string;
  next?: string;
}

/**
 * The page `?page=` asks for (absent: the first) of a list of `total` rows. A malformed value is a 400; a page past
 * the last shows the last. `href(n)` is the address of page n, for the links.
 */
export function pageOf(query: unknown, total: number, href: (n: number) => string, size = PAGE_SIZE): Page {
  if (query !== undefined && (typeof query !== 'string' || !PAGE_RE.test(query))) {
    throw new AppError('bad_page', `page ${JSON.stringify(String(query))} is not a page number 1–999999`, 400, {
      value: String(query),
    });
  }
  const pages = Math.max(1, Math.ceil(total / size));
  const number = Math.min(query === undefined ? 1 : Number(query), pages);
  return {
    number,
    pages,
    total,
    limit: size,
    offset: (number - 1) * size,
    ...(number > 1 ? { prev: href(number - 1) } : {}),
    ...(number < pages ? { next: href(number + 1) } : {}),
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.ts';
import { httpSource } from './httpSource.ts';
import { directorySource } from './directorySource.ts';
import type { ListSource, SourceOptions } from './source.ts';

export type { CachedFile, Expected, ListSource, SourceOptions } from './source.ts';

const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** Where a source string points: the base URL with a trailing slash, or the absolute directory. */
export function sourceLocation(source: string): string {
  const text = source.trim();
  if (text === '') throw new AppError('catalog.no_source', 'no list source given: expected a base URL or a directory', 422);
  if (isUrl(text)) {
    const location = text.endsWith('/') ? text : `${text}/`;
    try {
      new URL(location);
    } catch {
      throw new AppError('catalog.bad_source', `${text} is not a valid URL`, 422, { source: text });
    }
    return location;
  }
  if (!/^file:\/\//i.test(text)) return path.resolve(text);
  try {
    return path.resolve(fileURLToPath(text));
  } catch {
    throw new AppError('catalog.bad_source', `${text} is not a valid URL`, 422, { source: text });
  }
}

/** http(s):// → fetched over HTTP; file:// or anything else → a local directory. */
export function openListSource(source: string, options: SourceOptions = {}): ListSource {
  const location = sourceLocation(source);
  return isUrl(location) ? httpSource(location, options) : directorySource(location);
}

/** Checks a source before a background import starts: a valid http(s) URL, or a directory that exists. */
export function checkSource(source: string): void {
  const location = sourceLocation(source);
  if (isUrl(location)) return;
  if (!fs.existsSync(location) || !fs.statSync(location).isDirectory()) {
    throw new AppError('catalog.no_directory', `directory ${location} does not exist`, 422, { file: location });
  }
}

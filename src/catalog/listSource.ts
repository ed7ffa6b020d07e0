import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.ts';
import { httpSource } from './httpSource.ts';
import { directorySource } from './directorySource.ts';
import { PrivateAddressError, checkPublicHost } from '../net/publicAddress.ts';
import type { ListSource, SourceOptions } from './source.ts';

export type { CachedFile, Expected, ListSource, ReadOptions, SourceOptions } from './source.ts';

const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** Where a source string points: the base URL with a trailing slash, or the absolute directory. */
export function sourceLocation(source: string): string {
  const text = source.trim();
  if (text === '')
    throw new AppError('catalog.no_source', 'no list source given: expected a base URL or a directory', 422);
  if (isUrl(text)) {
    const location = text.endsWith('/') ? text : `${text}/`;
    try {
      // Normalised (host lower-cased, IPv6 compressed), so stored sources compare equal and paths prefix-match.
      return new URL(location).href;
    } catch {
      throw new AppError('catalog.bad_source', `${text} is not a valid URL`, 422, { source: text });
    }
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

/**
 * Refuses, before an import starts, a URL whose host is or resolves to a private or local address (the form's
 * answer). The same check runs again on every connection, so a name that changes its address later is still refused.
 * A name that does not resolve now passes: the import then fails saying it cannot reach it.
 */
export async function checkPublicSource(source: string): Promise<void> {
  const location = sourceLocation(source);
  if (!isUrl(location)) return;
  try {
    await checkPublicHost(new URL(location));
  } catch (error) {
    if (!(error instanceof PrivateAddressError)) return;
    throw new AppError(
      'catalog.private_source',
      `${location}: ${error.host} is ${error.address}, a private or local address`,
      422,
      { source: location, host: error.host, address: error.address },
    );
  }
}

/** Do two source strings name the same list location? */
export function sameSource(a: string, b: string): boolean {
  try {
    return sourceLocation(a) === sourceLocation(b);
  } catch {
    return false;
  }
}

/**
 * Where a list comes from, short enough to show anyone and without the server's own paths: a URL's host and last
 * two path segments, a file's folder and name, an upload's name. 'https://raw.githubusercontent.com/a/b/main/x/README.md'
 * → 'raw.githubusercontent.com/…/x/README.md'.
 */
export function sourceHint(source: string): string {
  if (source.startsWith('upload:')) return source;
  const tail = (parts: string[]) => (parts.length > 2 ? `…/${parts.slice(-2).join('/')}` : parts.join('/'));
  if (/^https?:\/\//i.test(source)) {
    try {
      const url = new URL(source);
      return `${url.host}/${tail(url.pathname.split('/').filter(Boolean))}`;
    } catch {
      return '';
    }
  }
  return tail(source.split(/[\\/]/).filter(Boolean));
}

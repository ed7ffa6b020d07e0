import fs from 'node:fs';

// What every list source shares: the interface, what a file should be, the cache of the last fetch, the User-Agent.

/**
 * What a file should be, for error messages: the English line, and a dictionary key (with `type`) so pages can
 * say it in the reader's language.
 */
export interface Expected {
  text: string;
  key: string;
  type?: string;
}

/** A file as last fetched over HTTP: its validators and body, so a refresh can ask "changed since?" (ETag / Last-Modified). */
export interface CachedFile {
  path: string;
  etag: string | null;
  lastModified: string | null;
  body: string;
}

/** Where a list's files come from: a base URL or a local directory laid out like the repository. */
export interface ListSource {
  /** The base URL (with a trailing slash) or the absolute directory. */
  readonly location: string;
  /** The URL or file path of a file inside the list, for messages. */
  describe(relPath: string): string;
  /**
   * The text of a file inside the list. `expected` says what it should be, for the error message.
   * An optional file that does not exist gives undefined; anything else that fails throws an AppError naming the URL/file.
   */
  read(relPath: string, expected: Expected, options?: { optional?: boolean }): Promise<string | undefined>;
  /** The files read so far that carried validators (HTTP only), to be cached for the next refresh. */
  cacheable(): CachedFile[];
}

export interface SourceOptions {
  timeoutMs?: number;
  concurrency?: number;
  /** Files from the previous import of the same location: asked for conditionally, a 304 answers from here. */
  cache?: Map<string, CachedFile>;
}

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; homepage?: string };
/** An honest User-Agent: who is asking, and where to read about it. */
export const USER_AGENT = pkg.homepage ? `cote/${pkg.version} (+${pkg.homepage})` : `cote/${pkg.version} (self-hosted coding-test planner)`;

/** The AppError params that name what was expected. */
export function expectedParams(expected: Expected): Record<string, string> {
  return { expected: expected.text, expectedKey: expected.key, ...(expected.type ? { type: expected.type } : {}) };
}


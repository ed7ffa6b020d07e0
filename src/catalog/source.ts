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
  read(relPath: string, expected: Expected, options?: ReadOptions): Promise<string | undefined>;
  /** The files read so far that carried validators (HTTP only), to be cached for the next refresh. */
  cacheable(): CachedFile[];
  /** Stops every download still running (after a failure elsewhere) and frees the connections; reads after it fail. */
  close?(): void;
}

export interface ReadOptions {
  /** A missing file (404 / ENOENT) gives undefined instead of an error. */
  optional?: boolean;
  /** The most bytes the file may have (after decompression); more is an error. Default MAX_PAGE_BYTES. */
  maxBytes?: number;
}

/** A markdown page of the list (the real index is ~10 KB, a type page ~30 KB). */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
/** scripts/database.json (~2 MB today). */
export const MAX_DATABASE_BYTES = 20 * 1024 * 1024;
/** One file over HTTP, from the request to its last byte (not an idle timeout: a trickle of bytes does not extend it). */
export const FILE_TIMEOUT_MS = 15_000;
/** A whole import over HTTP, every file included. */
export const IMPORT_DEADLINE_MS = 120_000;
/** Redirects followed per file, each to the same host only. */
export const MAX_REDIRECTS = 3;

export interface SourceOptions {
  /** Per file, the whole download (default FILE_TIMEOUT_MS). */
  timeoutMs?: number;
  /** The whole import (default IMPORT_DEADLINE_MS), counted from when the source is opened. */
  deadlineMs?: number;
  /**
   * May URL imports reach loopback, link-local and private addresses? The default (true) is for sources the operator
   * chose (COTE_LIST_SOURCE, the CLI); a source a user typed is opened with COTE_ALLOW_PRIVATE_SOURCES (false by default).
   */
  allowPrivate?: boolean;
  concurrency?: number;
  /** Files from the previous import of the same location: asked for conditionally, a 304 answers from here. */
  cache?: Map<string, CachedFile>;
}

/** The one honest User-Agent of every outbound call (src/net/outbound.ts). */
export { USER_AGENT } from '../net/outbound.ts';

/** The AppError params that name what was expected. */
export function expectedParams(expected: Expected): Record<string, string> {
  return { expected: expected.text, expectedKey: expected.key, ...(expected.type ? { type: expected.type } : {}) };
}

/**
 * Is `relPath` a path inside the list ('algorithms/x/README.md')? Not absolute, no '.', '..' or empty segments, no
 * backslash (a URL reads it as '/'), no control characters: the only paths a source fetches.
 */
export function isListPath(relPath: string): boolean {
  if (relPath === '' || relPath.includes('\\') || [...relPath].some((c) => c < ' ')) return false;
  return relPath.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

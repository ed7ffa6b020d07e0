import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { addDays, instantAt, localDay } from '../day.ts';
import { renewalSlackMs } from './sessionStore.ts';

/**
 * Rendered pages kept in memory and answered again, byte for byte, without running Express, the session store, the
 * planner or a template: a learner who reloads their checklist or plan gets it as fast as a static file.
 *
 * The contract that keeps a kept page right:
 * - It is kept only for a route that asks for it (keepRendered), for a logged-in learner's GET that answered 200
 *   without setting a cookie, and only when no row of the database changed while it was being rendered.
 * - It is answered again only to a request with the same URL and the same cookie, host, accept, encoding and language
 *   headers (so only to the same session, in the same language and compression), while no row of the database has
 *   changed since (one dataVersion token for the whole database: any write forgets every kept page), and before the
 *   learner's next local midnight, the moment their session would be renewed, and the route's own bound.
 * Everything else — a POST, a first view, a page with a flash message (reading it writes the session) — goes to
 * Express as before.
 */
export interface RenderedPagesOptions {
  /** Memory for kept pages (bodies as sent, compressed or not); 0 keeps nothing. Least recently used go first. */
  maxBytes: number;
  /** Changes whenever the database may have changed (src/db/dataVersion.ts). */
  dataVersion: () => string;
  /** The app's clock (a learner's day). */
  now: () => Date;
  /** The clock express-session dates cookies by (Date.now); differs from `now` only under COTE_CLOCK_START. */
  wallClock?: () => number;
}

/** A 200 answer as sent. */
interface KeptPage {
  headers: OutgoingHttpHeaders;
  /** The headers of a 304 answer: the same without the body's. */
  notModifiedHeaders: OutgoingHttpHeaders;
  etag: string | undefined;
  body: Buffer;
  /** Epoch ms it was rendered at (the Age header of a kept answer) and after which it is rendered again. */
  renderedAt: number;
  validUntil: number;
  /** Wall-clock epoch ms at which renewSession would renew the session: the request must reach it by then. */
  sessionRenewalAt: number;
}

/** A page larger than this is not kept (the largest cote page, a type's rows, is about 120 KB). */
const MAX_PAGE_BYTES = 1024 * 1024;
/** Headers that belong to one answer on one connection, never replayed. */
const NOT_KEPT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'content-language']);
/** The request headers a page may depend on besides its URL (see the contract above). */
const KEY_HEADERS = [
  'cookie',
  'host',
  'accept',
  'accept-encoding',
  'accept-language',
  'x-requested-with',
  'x-forwarded-proto',
  'x-forwarded-host',
  'forwarded',
] as const;

declare module 'express-serve-static-core' {
  interface Locals {
    /** Set by keepRendered: this page may be kept until this epoch ms (Infinity: no bound of the route's own). */
    keepRenderedUntil?: number;
  }
}

/** Marks the page being rendered as one that may be kept (see RenderedPages), at most until `until` if given. */
export function keepRendered(res: Response, until?: Date): void {
  res.locals.keepRenderedUntil = until ? until.getTime() : Number.POSITIVE_INFINITY;
}

export class RenderedPages {
  private readonly pages = new Map<string, KeptPage>();
  /** Requests being rendered, by key, with the identical requests that came meanwhile and wait for the result. */
  private readonly rendering = new Map<string, Array<() => void>>();
  private version = '';
  private bytes = 0;

  private readonly wallClock: () => number;

  constructor(private readonly options: RenderedPagesOptions) {
    this.wallClock = options.wallClock ?? Date.now;
  }

  get size(): number {
    return this.pages.size;
  }

  /**
   * Answers `req` with a kept page, or else hands it to `render` (Express). While a request is being rendered, an
   * identical one (same key) waits for it and is then answered from the page it left, if it was kept: fifty reloads
   * at once cost one render, not fifty renders and fifty compressors in memory at once.
   */
  answer(req: IncomingMessage, res: ServerResponse, render: () => void): void {
    if (this.options.maxBytes <= 0 || req.method !== 'GET' || !req.headers.cookie) {
      render();
      return;
    }
    const key = requestKey(req.url ?? '', req);
    if (this.serveKept(key, req, res)) return;
    const waiting = this.rendering.get(key);
    if (waiting) {
      waiting.push(() => this.answer(req, res, render));
      return;
    }
    this.rendering.set(key, []);
    // 'close' comes once the answer is sent or the connection is gone: the next in line renders, or reads the page.
    res.once('close', () => {
      const next = this.rendering.get(key) ?? [];
      this.rendering.delete(key);
      for (const wake of next) wake();
    });
    render();
  }

  private serveKept(key: string, req: IncomingMessage, res: ServerResponse): boolean {
    if (this.pages.size === 0) return false;
    const page = this.pages.get(key);
    if (!page) return false;
    const now = this.options.now().getTime();
    if (!this.stillCurrent() || now >= page.validUntil || this.wallClock() >= page.sessionRenewalAt) {
      this.forget(key);
      return false;
    }
    // Least recently used first out: a hit moves the page to the end of the Map's order.
    this.pages.delete(key);
    this.pages.set(key, page);
    // Age (RFC 9111) says the answer comes from a cache, and how many seconds ago it was rendered.
    res.setHeader('age', String(Math.max(0, Math.floor((now - page.renderedAt) / 1000))));
    if (page.etag && matchesEtag(req.headers['if-none-match'], page.etag)) {
      res.writeHead(304, page.notModifiedHeaders);
      res.end();
    } else {
      res.writeHead(200, page.headers);
      res.end(page.body);
    }
    return true;
  }

  /** The first middleware: records the bytes a GET sends, and keeps them if the contract allows when it ends. */
  readonly capture = (req: Request, res: Response, next: NextFunction) => {
    if (this.options.maxBytes <= 0 || req.method !== 'GET' || !req.headers.cookie) return next();
    const versionAtStart = this.options.dataVersion();
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: unknown, encoding: unknown) => {
      // A route asks before it renders: the bytes of static files and of other pages are not copied.
      if (res.locals.keepRenderedUntil === undefined) return;
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > MAX_PAGE_BYTES) return;
      const buffer =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      chunks.push(buffer);
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
      collect(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      if (size <= MAX_PAGE_BYTES) this.keep(req, res, versionAtStart, chunks);
      return (end as (...args: unknown[]) => Response).call(res, chunk, ...rest);
    }) as Response['end'];
    next();
  };

  private keep(req: Request, res: Response, versionAtStart: string, chunks: Buffer[]): void {
    const routeBound = res.locals.keepRenderedUntil;
    const learner = req.learner;
    if (routeBound === undefined || !learner || res.statusCode !== 200 || res.getHeader('set-cookie') !== undefined)
      return;
    // A write during the render (a plan stored, a flash read) leaves the page stale at once: it would never be served.
    if (this.options.dataVersion() !== versionAtStart) return;
    const now = this.options.now();
    const nextMidnight = instantAt(addDays(localDay(now, learner.timezone), 1), '00:00', learner.timezone).getTime();
    const validUntil = Math.min(routeBound, nextMidnight);
    const renewalAt = sessionRenewalAt(req);
    if (validUntil <= now.getTime() || renewalAt <= this.wallClock()) return;
    if (versionAtStart !== this.version) this.forgetAll(versionAtStart);
    const body = Buffer.concat(chunks);
    const headers: OutgoingHttpHeaders = {};
    const notModifiedHeaders: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value === undefined || NOT_KEPT.has(name)) continue;
      headers[name] = value;
      if (!BODY_HEADERS.has(name)) notModifiedHeaders[name] = value;
    }
    headers['content-length'] = body.length;
    const etag = res.getHeader('etag');
    // originalUrl: a router mounted on a path shortens req.url while its handlers run.
    const key = requestKey(req.originalUrl, req);
    this.forget(key);
    this.pages.set(key, {
      headers,
      notModifiedHeaders,
      etag: typeof etag === 'string' ? etag : undefined,
      body,
      renderedAt: now.getTime(),
      validUntil,
      sessionRenewalAt: renewalAt,
    });
    this.bytes += body.length;
    for (const [oldest] of this.pages) {
      if (this.bytes <= this.options.maxBytes) break;
      this.forget(oldest);
    }
  }

  /** True while the database is unchanged since the kept pages were rendered; otherwise forgets them all. */
  private stillCurrent(): boolean {
    const version = this.options.dataVersion();
    if (version === this.version) return true;
    this.forgetAll(version);
    return false;
  }

  private forgetAll(version: string): void {
    this.pages.clear();
    this.bytes = 0;
    this.version = version;
  }

  private forget(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.bytes -= page.body.length;
    this.pages.delete(key);
  }
}

function requestKey(url: string, req: IncomingMessage): string {
  let key = url;
  for (const name of KEY_HEADERS) key += `\n${req.headers[name] ?? ''}`;
  return key;
}

/** When renewSession would next write this session's expiry: a kept page answered after that would skip the renewal. */
function sessionRenewalAt(req: Request): number {
  const cookie = req.session?.cookie;
  const expires = cookie?.expires?.getTime();
  const maxAge = cookie?.originalMaxAge;
  if (!expires || !maxAge) return 0;
  return expires - maxAge + renewalSlackMs(maxAge);
}

/** If-None-Match against a page's ETag, weak comparison as Express does it (`*`, lists, W/ prefixes). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = bare(etag);
  return header.split(',').some((tag) => bare(tag) === wanted);
}

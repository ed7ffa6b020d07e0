import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** Versioned URLs are cached for a year and never revalidated; plain /static/<file> URLs only for an hour. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
const SHORT_MAX_AGE = '1h';
const VERSIONED = /^\/([0-9a-f]{12})\/(.+)$/;

/** Each file under `dir` ('css/catalog.css', forward slashes) with the first 12 hex digits of its content's SHA-256. */
export function assetManifest(dir: string): Map<string, string> {
  const manifest = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
    manifest.set(path.relative(dir, file).split(path.sep).join('/'), hash);
  }
  return manifest;
}

export interface StaticAssets {
  /** The versioned URL of a file under public/ ('css/style.css' → '/static/<hash>/css/style.css'). */
  url(file: string): string;
  /** Mounted at /static: serves /static/<hash>/<file> (immutable) and /static/<file> (short-lived). */
  middleware: RequestHandler;
}

/**
 * The files under `dir`, hashed once (at boot). Views name every asset through `url`, so a changed file gets a new URL
 * and a browser never needs to revalidate one it has. A URL with an old hash still answers, with the current file and
 * the short cache, so a page rendered before a restart keeps working.
 */
export function staticAssets(dir: string): StaticAssets {
  const manifest = assetManifest(dir);
  const immutable = express.static(dir, { maxAge: '365d', immutable: true, index: false });
  const short = express.static(dir, { maxAge: SHORT_MAX_AGE, index: false });
  return {
    url(file) {
      const hash = manifest.get(file);
      if (!hash) throw new Error(`asset ${file} is not a file under ${dir}`);
      return `/static/${hash}/${file}`;
    },
    middleware(req: Request, res: Response, next: NextFunction) {
      const m = VERSIONED.exec(req.path);
      if (!m) return short(req, res, next);
      req.url = `/${m[2]}`;
      return (manifest.get(m[2]) === m[1] ? immutable : short)(req, res, next);
    },
  };
}

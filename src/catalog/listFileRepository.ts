import type { Db } from '../db/connection.ts';
import type { CachedFile } from './source.ts';
import { statement } from './statements.ts';

interface ListFileRow {
  path: string;
  etag: string | null;
  last_modified: string | null;
  body: string;
}

/** The files a list was last fetched from over HTTP, by path. */
export function listFiles(db: Db, listId: number): Map<string, CachedFile> {
  const rows = statement(db, 'SELECT path, etag, last_modified, body FROM list_files WHERE list_id = ?').all(
    listId,
  ) as ListFileRow[];
  return new Map(
    rows.map((r) => [r.path, { path: r.path, etag: r.etag, lastModified: r.last_modified, body: r.body }]),
  );
}

/** Replaces a list's cached files with `files`; writes nothing when they are the same as stored. */
export function saveListFiles(db: Db, listId: number, files: CachedFile[]): void {
  const stored = listFiles(db, listId);
  const same = (a: CachedFile, b: CachedFile | undefined) =>
    !!b && a.etag === b.etag && a.lastModified === b.lastModified && a.body === b.body;
  if (stored.size === files.length && files.every((f) => same(f, stored.get(f.path)))) return;
  statement(db, 'DELETE FROM list_files WHERE list_id = ?').run(listId);
  const insert = statement(
    db,
    'INSERT INTO list_files (list_id, path, etag, last_modified, body) VALUES (?, ?, ?, ?, ?)',
  );
  for (const f of files) insert.run(listId, f.path, f.etag, f.lastModified, f.body);
}

import type { Db } from '../db/connection.ts';
import { openListSource, sourceLocation, type SourceOptions } from './listSource.ts';
import { DATABASE_PATH, LIST_KEY, fetchList, type Progress } from './fetchList.ts';
import { databaseJson } from './parseDatabase.ts';
import { storeList, type ImportSummary } from './store.ts';
import { listByKey } from './listRepository.ts';
import { listFiles } from './listFileRepository.ts';

export interface ImportOptions extends SourceOptions {
  now?: () => Date;
  onProgress?: (p: Progress) => void;
}

/**
 * Imports the list at `source` (a base URL or a directory): fetch and parse everything first, then store it in
 * one transaction. Any failure rejects with an AppError naming the URL/file and leaves the database as it was.
 * Refreshing from the same URL asks for each file conditionally (ETag / Last-Modified) and reuses what is unchanged.
 */
export async function importList(db: Db, source: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const location = sourceLocation(source);
  const stored = listByKey(db, LIST_KEY);
  const cache = stored && stored.source === location ? listFiles(db, stored.id) : undefined;
  const listSource = openListSource(location, { ...options, cache });
  let parsed: Awaited<ReturnType<typeof fetchList>>;
  try {
    parsed = await fetchList(listSource, options.onProgress);
  } finally {
    // On a failure the other files may still be downloading: stop them. After success nothing is left to stop.
    listSource.close?.();
  }
  // database.json is 2 MB of which cote reads tags and averageTries: the cache keeps just those.
  const files = listSource
    .cacheable()
    .map((f) => (f.path === DATABASE_PATH ? { ...f, body: databaseJson(parsed.meta) } : f));
  return storeList(db, parsed, listSource.location, (options.now ?? (() => new Date()))(), files);
}

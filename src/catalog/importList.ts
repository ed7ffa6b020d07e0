import type { Db } from '../db/connection.ts';
import { openListSource, type SourceOptions } from './listSource.ts';
import { fetchList, type Progress } from './fetchList.ts';
import { storeList, type ImportSummary } from './store.ts';

export interface ImportOptions extends SourceOptions {
  now?: () => Date;
  onProgress?: (p: Progress) => void;
}

/**
 * Imports the list at `source` (a base URL or a directory): fetch and parse everything first, then store it in
 * one transaction. Any failure rejects with an AppError naming the URL/file and leaves the database as it was.
 */
export async function importList(db: Db, source: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const listSource = openListSource(source, options);
  const parsed = await fetchList(listSource, options.onProgress);
  return storeList(db, parsed, listSource.location, (options.now ?? (() => new Date()))());
}

import type { AppDeps } from '../context.ts';
import { listCount } from './listRepository.ts';
import { failInterruptedImportRuns } from './importRunRepository.ts';
import { startImportRun } from './importRuns.ts';

/**
 * At boot: runs a stopped server left 'running' are marked failed; then, when config.autoImport is on and no list
 * is stored, the default list is imported in the background. Never throws: failures show on the lists page.
 */
export function startFirstImport(deps: AppDeps): Promise<void> {
  try {
    failInterruptedImportRuns(deps.db, 'interrupted: the server stopped during the import', deps.now());
    if (!deps.config.autoImport || listCount(deps.db) > 0) return Promise.resolve();
    deps.logger.info('catalog: no list yet, importing the default list', { source: deps.config.listSource });
    return startImportRun(deps, deps.config.listSource).finished;
  } catch (error) {
    deps.logger.error('catalog: cannot start the first import', { error: (error as Error).message });
    return Promise.resolve();
  }
}

import type { Translate } from '../../i18n/index.ts';
import type { ImportSummary } from './storeImport.ts';

/**
 * An import's result as one line in the reader's language ("243 imported: 39 on your lists, 204 kept off-list …"),
 * with what was already there and how many were skipped when any; the page and the CLI print the same line. The
 * skipped rows themselves are listed apart (a collapsible list on the page, stderr lines in the CLI).
 */
export function importSummaryLine(s: ImportSummary, t: Translate): string {
  const parts = [
    s.imported === 0
      ? t('progress.import.nothing_new')
      : t('progress.import.done', { imported: s.imported, onList: s.onList, offList: s.offList, days: s.days }),
  ];
  if (s.undated > 0) parts.push(t('progress.import.done_undated', { undated: s.undated }));
  if (s.known > 0) parts.push(t('progress.import.done_known', { known: s.known }));
  if (s.skippedRows.length > 0) parts.push(t('progress.import.done_skipped', { skipped: s.skippedRows.length }));
  return parts.join(' ');
}

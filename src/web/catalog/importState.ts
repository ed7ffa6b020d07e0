import { hasMessage, type Translate } from '../../i18n/index.ts';
import type { ImportRun } from '../../catalog/importRunRepository.ts';

/** A run's failure in the reader's language when its error code has words, else the English line it stored. */
export function runFailure(run: ImportRun, t: Translate): string {
  const key = run.error ? `error.${run.error.code}` : '';
  return run.error && hasMessage(key) ? t(key, run.error.params) : run.message;
}

/** '2026-11-28 03:00 UTC': instants are stored in UTC and shown as such on the lists page. */
export function utcMinute(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '';
}

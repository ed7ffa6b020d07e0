import { hasMessage, type Translate } from '../../i18n/index.ts';
import type { ImportRun } from '../../catalog/importRunRepository.ts';

/** A run's failure in the reader's language when its error code has words (and what was expected, too), else the English line it stored. */
export function runFailure(run: ImportRun, t: Translate): string {
  const key = run.error ? `error.${run.error.code}` : '';
  if (!run.error || !hasMessage(key)) return run.message;
  const params = run.error.params;
  return t(
    key,
    typeof params.expectedKey === 'string' ? { ...params, expected: t(params.expectedKey, params) } : params,
  );
}

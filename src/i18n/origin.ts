import { hasMessage, type Translate } from './index.ts';

/**
 * Where an attempt came from, in the reader's words: 'import:baekjoonhub' → "BaekjoonHub import",
 * 'sync:codeforces' → "synced from codeforces". An origin without words is shown as stored.
 */
export function originLabel(origin: string, t: Translate): string {
  if (hasMessage(`progress.origin.${origin}`)) return t(`progress.origin.${origin}`);
  const sync = /^sync:(.+)$/.exec(origin);
  return sync ? t('progress.origin.sync', { source: sync[1] }) : origin;
}

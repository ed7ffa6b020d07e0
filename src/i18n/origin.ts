import { hasMessage, type Translate } from './index.ts';

/**
 * Where an attempt came from, in the reader's words: 'import:baekjoonhub' → "BaekjoonHub import",
 * 'sync:codeforces' → "synced from Codeforces" (the source's display name, not its id). An origin without words is
 * shown as stored.
 */
export function originLabel(origin: string, t: Translate): string {
  if (hasMessage(`progress.origin.${origin}`)) return t(`progress.origin.${origin}`);
  const sync = /^sync:(.+)$/.exec(origin);
  if (!sync) return origin;
  const source = hasMessage(`sync.source.${sync[1]}`) ? t(`sync.source.${sync[1]}`) : sync[1];
  return t('progress.origin.sync', { source });
}

import { translator, type Translate } from '../i18n/index.ts';
import type { ImportSummary } from './store.ts';
import type { ListWarning } from './types.ts';

const english = translator('en');

/** One parser warning in `t`'s words; English by default, as the CLI prints it. */
export function warningText(w: ListWarning, t: Translate = english): string {
  return t(`catalog.warning.${w.code}`, w.params);
}

/**
 * An import's warnings in the reader's language. Runs stored before warnings had codes keep their English
 * lines as they were written.
 */
export function warningLines(s: ImportSummary | null, t: Translate): string[] {
  if (!s) return [];
  return s.warningCodes ? s.warningCodes.map((w) => warningText(w, t)) : (s.warnings ?? []);
}

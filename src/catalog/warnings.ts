import { translator, type Translate } from '../i18n/index.ts';
import type { ListWarning } from './types.ts';

const english = translator('en');

/** One parser warning in `t`'s words; English by default, as the CLI prints it. */
export function warningText(w: ListWarning, t: Translate = english): string {
  // Hand-written lists name a row by its line (markdown, CSV) or by its place in a JSON array.
  const at =
    'item' in w.params
      ? t('catalog.warning.at_item', { n: w.params.item })
      : 'line' in w.params
        ? t('catalog.warning.at_line', { n: w.params.line })
        : '';
  return t(`catalog.warning.${w.code}`, { ...w.params, at });
}

/**
 * An import's warnings in the reader's language. Runs stored before warnings had codes keep their English
 * lines as they were written.
 */
export function warningLines(s: { warnings?: string[]; warningCodes?: ListWarning[] } | null, t: Translate): string[] {
  if (!s) return [];
  return s.warningCodes ? s.warningCodes.map((w) => warningText(w, t)) : (s.warnings ?? []);
}

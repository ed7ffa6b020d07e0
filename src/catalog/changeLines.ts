import type { Translate } from '../i18n/index.ts';
import type { ProblemChange } from './diff.ts';
import type { ImportSummary } from './store.ts';
import { tierLabel } from '../judges/tier.ts';

/** What an import changed, one line each in `t`'s language (a first import lists nothing: everything is new). */
export function changeLines(s: ImportSummary | null, t: Translate, shown = 50): string[] {
  if (!s?.details || s.added === s.problems) return [];
  const lines = [
    ...s.details.added.map((problem) => t('lists.change_added', { problem })),
    ...s.details.removed.map((problem) => t('lists.change_removed', { problem })),
    ...s.details.changes.map((change) => changeText(change, t)),
  ];
  return lines.length > shown
    ? [...lines.slice(0, shown), t('lists.change_more', { count: lines.length - shown })]
    : lines;
}

function changeText(c: ProblemChange, t: Translate): string {
  const yesNo = (v: unknown) => t(v ? 'lists.yes' : 'lists.no');
  switch (c.kind) {
    case 'level':
      return t('lists.change_level', {
        problem: c.problem,
        from: tierLabel(Number(c.from), t),
        to: tierLabel(Number(c.to), t),
      });
    case 'recommended':
      return t('lists.change_recommended', {
        problem: c.problem,
        category: c.category ?? '',
        from: yesNo(c.from),
        to: yesNo(c.to),
      });
    default:
      return t(`lists.change_${c.kind}`, { problem: c.problem, from: String(c.from), to: String(c.to) });
  }
}

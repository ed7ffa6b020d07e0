import { tierLabel } from '../judges/tier.ts';
import { translator, type Lang, type Params } from '../i18n/index.ts';
import type { CatalogCategory, Plan, Reason } from '../planner/types.ts';

/**
 * The planner's reasons, notices and advice in the viewer's language, rendered when shown (pages, CLI, email):
 * the plan stores codes and parameters only. A stored list from before codes holds a finished sentence: shown as is.
 */
export interface PlanWords {
  reason(reason: Reason | string): string;
  advice(advice: Reason | string): string;
  notice(notice: Plan['notice'] | { code: string; message?: string; params?: Params }): string;
  /** The verdict's figure: P(pass) with its 80 % interval and what passing means; '' when the plan has none. */
  pass(plan: Pick<Plan, 'pass' | 'verdict'>): string;
}

export function planWords(lang: Lang, categories: CatalogCategory[]): PlanWords {
  const t = translator(lang);
  const names = new Map(categories.map((c) => [c.key, lang === 'ko' ? c.nameKo : c.nameEn]));
  const name = (key: string) => names.get(key) ?? key;
  const params = (raw: Params = {}): Params => {
    const out: Params = { ...raw };
    if (typeof raw.category === 'string') out.category = name(raw.category);
    if (typeof raw.categories === 'string')
      out.categories = raw.categories.split(',').filter(Boolean).map(name).join(', ');
    if (typeof raw.level === 'number') out.tier = tierLabel(raw.level, t);
    if (typeof raw.outcome === 'string') out.outcome = t(`planner.outcome.${raw.outcome}`);
    if (typeof raw.profile === 'string') out.profile = t(`planner.profile.${raw.profile}`);
    for (const key of ['readiness', 'weight'] as const)
      if (typeof raw[key] === 'number') out[key] = raw[key].toFixed(2);
    return out;
  };
  const render = (prefix: string, r: Reason | string) =>
    typeof r === 'string' ? r : t(`${prefix}.${r.code}`, params(r.params));
  return {
    reason: (r) => render('planner.reason', r),
    advice: (a) => render('planner.advice', a),
    pass: (plan) => {
      const pass = plan.pass;
      if (!pass) return '';
      const pct = (x: number) => Math.round(x * 100);
      const rule = { need: pass.need, of: pass.of };
      if (plan.verdict === 'uncertain') return t('planner.pass.uncertain', rule);
      return t('planner.pass.line', { ...rule, p: pct(pass.p), low: pct(pass.low), high: pct(pass.high) });
    },
    notice: (n) =>
      !n
        ? ''
        : n.params
          ? t(`planner.notice.${n.code}`, params(n.params))
          : ((n as { message?: string }).message ?? t(`planner.notice.${n.code}`)),
  };
}

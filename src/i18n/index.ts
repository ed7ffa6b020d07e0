import { common } from './messages/common.ts';
import { catalog } from './messages/catalog.ts';
import { progress } from './messages/progress.ts';
import { planner } from './messages/planner.ts';
import { digest } from './messages/digest.ts';
import { lists } from './messages/lists.ts';
import { groups } from './messages/groups.ts';
import { sync } from './messages/sync.ts';
import { reach } from './messages/reach.ts';

/**
 * The one dictionary every page and email speaks from, in Korean and English. Each feature keeps its
 * words in messages/<feature>.ts as `{ en, ko }` with the same keys (the type checks it); they merge here.
 */
export type Lang = 'ko' | 'en';
export const LANGS: Lang[] = ['ko', 'en'];

const parts = [common, catalog, progress, planner, digest, lists, groups, sync, reach];
const dictionary: Record<Lang, Record<string, string>> = {
  en: Object.assign({}, ...parts.map((p) => p.en)),
  ko: Object.assign({}, ...parts.map((p) => p.ko)),
};

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

const pluralRules: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en'), ko: new Intl.PluralRules('ko') };

/**
 * The text for `key` in `lang` with `{name}` placeholders filled; an unknown key is returned as is.
 * `{name:one|other}` is the word for the number `name` chosen by Intl.PluralRules: "{n} {n:day|days}" → "1 day".
 */
export function translate(lang: Lang, key: string, params: Params = {}): string {
  const template = dictionary[lang][key] ?? dictionary.en[key] ?? key;
  return template
    .replace(/\{(\w+):([^|{}]*)\|([^{}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in params ? (pluralRules[lang].select(Number(params[name])) === 'one' ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function hasMessage(key: string): boolean {
  return key in dictionary.en;
}

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

export function isLang(value: unknown): value is Lang {
  return value === 'ko' || value === 'en';
}

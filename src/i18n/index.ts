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

/** A message split once into literal text, `{name}` and `{name:one|other}` parts (see translate). */
type Part = string | { name: string; whole: string; one?: string; other?: string };

const PLACEHOLDER = /\{(\w+):([^|{}]*)\|([^{}]*)\}|\{(\w+)\}/g;
const compiled: Record<Lang, Map<string, Part[]>> = { en: new Map(), ko: new Map() };

function partsOf(lang: Lang, key: string): Part[] {
  let parts = compiled[lang].get(key);
  if (parts) return parts;
  const template = dictionary[lang][key] ?? dictionary.en[key] ?? key;
  parts = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push(m[4] !== undefined ? { name: m[4], whole: m[0] } : { name: m[1], whole: m[0], one: m[2], other: m[3] });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  // Only dictionary keys are kept: an unknown key (returned as is) must not grow the map without bound.
  if (key in dictionary.en) compiled[lang].set(key, parts);
  return parts;
}

/**
 * The text for `key` in `lang` with `{name}` placeholders filled; an unknown key is returned as is.
 * `{name:one|other}` is the word for the number `name` chosen by Intl.PluralRules: "{n} {n:day|days}" → "1 day".
 * A placeholder whose parameter is missing stays as written. Each message is parsed once (pages call this for every
 * cell of a 365-day heatmap).
 */
export function translate(lang: Lang, key: string, params: Params = {}): string {
  const parts = partsOf(lang, key);
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else if (!(part.name in params)) text += part.whole;
    else if (part.one === undefined) text += String(params[part.name]);
    else text += pluralRules[lang].select(Number(params[part.name])) === 'one' ? part.one : part.other;
  }
  return text;
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

import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { allLists } from './listRepository.ts';
import { categoriesOfList } from './categoryRepository.ts';
import { typeAliases, saveTypeAlias } from './typeAliasRepository.ts';
import { aliasNameOf, resolveType } from './listTypes.ts';
import { canonicalTypeByKey, canonicalTypeOf, TYPE_VOCABULARY } from './typeVocabulary.ts';
import { LIST_FORMATS, type ListFormat } from './formats/listRows.ts';

/** A list's type that matched no canonical type by its names, with the admin's mapping if there is one. */
export interface ListTypeMapping {
  alias: string;
  nameEn: string;
  nameKo: string;
  /** The canonical type an admin mapped it to; '' when it is still its own type. */
  mappedTo: string;
}

/** Per list key: its types whose names match nothing in the vocabulary (the ones an admin may map). */
export function typesToMap(db: Db): Map<string, ListTypeMapping[]> {
  const mapped = typeAliases(db);
  const out = new Map<string, ListTypeMapping[]>();
  for (const list of allLists(db)) {
    const own = categoriesOfList(db, list.id).filter((c) => !canonicalTypeOf([c.key, c.nameKo, c.nameEn]));
    out.set(
      list.key,
      own.map((c) => {
        const type = resolveType(c, mapped);
        return { alias: aliasNameOf(c), nameEn: c.nameEn, nameKo: c.nameKo, mappedTo: type.canonical ? type.key : '' };
      }),
    );
  }
  return out;
}

/** The canonical types an admin can choose from, in vocabulary order. */
export function canonicalChoices(): { key: string; nameEn: string; nameKo: string }[] {
  return TYPE_VOCABULARY.map(({ key, nameEn, nameKo }) => ({ key, nameEn, nameKo }));
}

/** Maps a type name (normalised, as typesToMap gives it) to a canonical type; '' removes the mapping. */
export function mapType(db: Db, alias: string, typeKey: string, now: Date): void {
  if (alias.trim() === '' || alias.length > 200)
    throw new AppError('catalog.bad_type_name', 'name the type to map', 400);
  if (typeKey !== '' && !canonicalTypeByKey(typeKey)) {
    throw new AppError('catalog.unknown_canonical_type', `"${typeKey}" is not a type of the vocabulary`, 422, {
      key: typeKey,
    });
  }
  saveTypeAlias(db, alias, typeKey, now);
}

/** A format field: '' → detected; anything else must be one of the formats. */
export function parseFormat(raw: unknown): ListFormat | undefined {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (value === '') return undefined;
  if (!LIST_FORMATS.includes(value as ListFormat)) {
    throw new AppError('catalog.bad_format', `format must be one of ${LIST_FORMATS.join(', ')}, not "${value}"`, 422, {
      format: value,
    });
  }
  return value as ListFormat;
}

/**
 * Checks a source before a background import: a valid http(s) URL, or a directory or file that exists. Its messages
 * name the source as given, never the path it resolves to on the server (the page is not the server's shell).
 */
export function checkAnySource(source: string): void {
  const text = source.trim();
  if (text === '')
    throw new AppError('catalog.no_source', 'no list source given: expected a URL, a directory or a file', 422);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses.
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw new AppError('catalog.source_control_chars', 'the list source contains control characters', 422, {
      field: 'source',
    });
  }
  if (/^https?:\/\//i.test(text)) {
    try {
      new URL(text);
      return;
    } catch {
      throw new AppError('catalog.bad_source', `${text} is not a valid URL`, 422, { source: text });
    }
  }
  const location = path.resolve(text);
  if (!fs.existsSync(location))
    throw new AppError('catalog.no_directory', `directory ${text} does not exist`, 422, { file: text });
}

/**
 * The lists that feed a learner's plan, from the form's checked keys: every list checked (or none stored) → null,
 * meaning every list, now and whatever is imported later. Unknown keys and an empty choice are refused.
 */
export function parsePlanLists(db: Db, raw: unknown): string[] | null {
  const keys = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((k) => String(k));
  const all = allLists(db).map((l) => l.key);
  const unknown = keys.find((k) => !all.includes(k));
  if (unknown !== undefined)
    throw new AppError('catalog.unknown_list', `there is no list "${unknown}"`, 422, { key: unknown });
  if (keys.length === 0) throw new AppError('catalog.no_plan_list', 'pick at least one list for your plan', 422);
  return all.every((k) => keys.includes(k)) ? null : all.filter((k) => keys.includes(k));
}

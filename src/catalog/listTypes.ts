import type { Db } from '../db/connection.ts';
import { canonicalTypeOf, normaliseTypeName } from './typeVocabulary.ts';
import { typeAliases } from './typeAliasRepository.ts';

/** A list's type as readiness, weights and profiles count it. */
export interface ResolvedType {
  key: string;
  nameEn: string;
  nameKo: string;
  /** Whether the name matched a canonical type (or an admin's mapping); otherwise the type is its own. */
  canonical: boolean;
}

/**
 * The type a list's category counts as: the canonical type its key or one of its names matches (an admin's mapping
 * first), else a type of its own named like the category (its key stays the category's key).
 */
export function resolveType(
  category: { key: string; nameEn: string; nameKo: string },
  mapped: Map<string, string>,
): ResolvedType {
  const type = canonicalTypeOf([category.key, category.nameKo, category.nameEn], mapped);
  if (type) return { key: type.key, nameEn: type.nameEn, nameKo: type.nameKo, canonical: true };
  return { key: category.key, nameEn: category.nameEn, nameKo: category.nameKo, canonical: false };
}

/** Resolves categories against the admin's mappings stored in `db`. */
export function typeResolver(db: Db): (category: { key: string; nameEn: string; nameKo: string }) => ResolvedType {
  const mapped = typeAliases(db);
  return (category) => resolveType(category, mapped);
}

/** The name under which an admin's mapping of this category is stored. */
export function aliasNameOf(category: { nameEn: string; nameKo: string }): string {
  return normaliseTypeName(category.nameKo || category.nameEn);
}

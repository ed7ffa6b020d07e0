/** What the parsers produce from the curated list's files (text in, rows out; no I/O). */

import type { LevelPrecision } from '../judges/difficulty.ts';

/**
 * A parser's warning as a code and its params: pages put it into the reader's words at display time
 * (`catalog.warning.<code>`), the CLI in English (see warnings.ts).
 */
export interface ListWarning {
  code: string;
  params: Record<string, string | number>;
}

/** One algorithm type as the index README lists it. */
export interface IndexCategory {
  /** The link's last path segment: './algorithms/graph_traversal' → 'graph_traversal'. */
  key: string;
  nameEn: string;
  nameKo: string;
  position: number;
  /** The type page, relative to the list's root: 'algorithms/graph_traversal/README.md'. */
  pagePath: string;
  /** The index's own counts, which can be stale: the type page is the truth. */
  claimedRecommended?: number;
  claimedTotal?: number;
}

export interface ParsedIndex {
  /** The index's first heading, used as the list's display name. */
  title: string;
  categories: IndexCategory[];
  warnings: ListWarning[];
}

/** One problem row of a type page. */
export interface PageRow {
  position: number;
  recommended: boolean;
  /** The judge's problem number as text ('1260'). */
  number: string;
  title: string;
  /** solved.ac level 0–30 (0 when the page shows none). */
  level: number;
  /** How precise the form the level was read from is (difficulty.ts); absent = exact (tony9402's tier images). */
  levelPrecision?: LevelPrecision;
  /** The problem id on any judge ('leetcode:two-sum'); absent for tony9402's pages, whose numbers are Baekjoon's. */
  id?: string;
}

export interface ParsedPage {
  rows: PageRow[];
  warnings: ListWarning[];
}

/** solved.ac metadata from scripts/database.json, by problem number. */
export interface ProblemMeta {
  tags: string[];
  averageTries: number | null;
}

/** A whole list, parsed and ready to store. */
export interface ParsedList {
  key: string;
  name: string;
  categories: (IndexCategory & { rows: PageRow[] })[];
  meta: Map<string, ProblemMeta>;
  warnings: ListWarning[];
  /** What the source was read as (default 'tony9402'). */
  format?: string;
}

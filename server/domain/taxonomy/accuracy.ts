/**
 * Accuracy of `categorize` over a labelled set of descriptions (`tests/fixtures/categorize-labelled.json`),
 * as reported in BENCHMARKS.md. Pure: no database, no file access.
 *
 * Scoring rules, chosen so that the figure means what a facilitator experiences:
 * - **top-1**: the first suggestion is the expected code or one of the `acceptable` codes (a
 *   description such as "bouteilles en verre consignées" honestly belongs to two categories).
 * - **top-3**: one of the first three suggestions is the expected code, an acceptable code, or the
 *   direct parent or a direct child of the expected code. A parent or child counts only here:
 *   as a first answer "material.wood" for pallets is not the right category, but within three
 *   suggestions it puts the facilitator one click from it, which is what top-3 measures.
 * - A description with no suggestion at all is a miss for both.
 */
import { categorize } from './categorize';
import { ResourceCategoryRecord } from './taxonomy';

/** One labelled description of the fixture file. */
export interface LabelledDescription {
  /** The description, as a company would write it. */
  text: string;
  /** The category a facilitator would file it under. */
  expected: string;
  /** Other categories a facilitator would also accept as a first answer. */
  acceptable?: string[];
}

/** One description whose first suggestion was not a hit. */
export interface CategorizationMiss {
  text: string;
  expected: string;
  /** The first three suggested codes, best first. */
  suggested: string[];
  /** Whether the description still counted as a top-3 hit. */
  top3: boolean;
}

/** Top-1 and top-3 accuracy of a categoriser over a labelled set. */
export interface CategorizationAccuracy {
  /** Number of labelled descriptions. */
  size: number;
  /** Share of descriptions (0..1) whose first suggestion is a hit. */
  top1: number;
  /** Share of descriptions (0..1) with a hit among the first three suggestions. */
  top3: number;
  /** Descriptions missed at top-1, in set order, to read when improving the vocabulary. */
  misses: CategorizationMiss[];
}

/**
 * Measures the top-1 and top-3 accuracy of a categoriser over a labelled set (rules in the
 * module comment).
 *
 * @param set labelled descriptions
 * @param taxonomy the categories (for the parent/child rule and for the default categoriser)
 * @param suggest the categoriser under test: codes best first; defaults to `categorize`
 * @returns accuracies in 0..1 (0 for an empty set) and the top-1 misses
 * @example measureCategorizationAccuracy([{ text: 'marc de café', expected: 'material.biowaste.coffee-grounds' }], loadTaxonomy())
 *   // { size: 1, top1: 1, top3: 1, misses: [] }
 */
export function measureCategorizationAccuracy(
  set: readonly LabelledDescription[],
  taxonomy: readonly ResourceCategoryRecord[],
  suggest: (text: string) => string[] = (text) => categorize(text, taxonomy, 3).map((s) => s.code),
): CategorizationAccuracy {
  const parentOf = new Map(taxonomy.map((c) => [c.code, c.parent]));
  let top1 = 0;
  let top3 = 0;
  const misses: CategorizationMiss[] = [];
  for (const item of set) {
    const suggested = suggest(item.text).slice(0, 3);
    const exact = new Set([item.expected, ...(item.acceptable ?? [])]);
    const near = (code: string) => exact.has(code) || parentOf.get(code) === item.expected || parentOf.get(item.expected) === code;
    const hit1 = suggested.length > 0 && exact.has(suggested[0]);
    const hit3 = suggested.some(near);
    if (hit1) top1 += 1;
    if (hit3) top3 += 1;
    if (!hit1) misses.push({ text: item.text, expected: item.expected, suggested, top3: hit3 });
  }
  const share = (n: number) => (set.length === 0 ? 0 : n / set.length);
  return { size: set.length, top1: share(top1), top3: share(top3), misses };
}

/**
 * Suggests resource categories for a free-text description ("Chaleur fatale de nos serveurs
 * à 45 °C", "palettes bois cassées", "spent foundry sand 10 09 08"). Deliberately a small,
 * explainable scorer over the names and synonyms of the taxonomy rather than a statistical
 * model: facilitators must be able to see why a category was proposed, and fix a miss by adding
 * a synonym to the reviewed data file. Text normalisation (stemming, the French-English lexicon,
 * reading EWC codes, units and temperatures) lives in `./vocabulary`.
 *
 * Evidence, strongest first:
 * 1. an EWC code written in the text that a category carries (the List of Waste is precise);
 * 2. a name or synonym found whole, longer phrases counting more, found word for word better;
 * 3. a temperature, which picks the band of waste heat when the text is about heat;
 * 4. words of a name found only in part;
 * 5. units ("MWh", "m3", "t/an", "jours/an") that fit the category's typical units: a mild prior
 *    that reorders candidates, never one on its own.
 */
import { ResourceCategoryRecord, depthOf } from './taxonomy';
import {
  isQualifier, readEwcCodes, readTemperature, readUnitDimensions, statesNeed, tokenize, UnitDimension, unitDimension,
} from './vocabulary';

export { tokenize } from './vocabulary';

/** A suggested category, with a confidence in 0..1 (higher is better). */
export interface CategorySuggestion {
  code: string;
  confidence: number;
}

// Scores of one term (a name or synonym) found in the text. A phrase found word for word is the
// strongest evidence and longer phrases are more specific, hence "one point per word, plus a
// bonus when contiguous". Words of a term found only in part are weak hints (a shared word like
// "chaleur" or "bois"), worth a little so that long names still count, never a full match.
const PHRASE_BONUS = 0.5;
const PARTIAL_WORD_SCORE = 0.3;
// A word used by many categories ("déchet", "eau", "partagé") says less about which one is
// meant than a word used by one ("lactosérum"): its point shrinks with the log of the number of
// categories using it, down to 1 - COMMON_WORD_DISCOUNT for a word used by every category.
const COMMON_WORD_DISCOUNT = 0.5;
// A word that only says in what state a resource is ("surplus", "usagé", "cassé") counts half:
// "excess electricity" is electricity before it is a surplus, and "surplus" alone, a synonym of
// unsold goods, must not outweigh the resource it qualifies.
const QUALIFIER_WEIGHT = 0.5;
// Several synonyms of one category found whole are more convincing than one, but a category
// with many synonyms must not win by sheer number: the best term counts fully, the other whole
// ones a fifth, capped. Partial matches of the other terms add nothing: they mostly repeat the
// best term's words ("copeaux" in "copeaux de bois", "copeaux de rabotage"...).
const OTHER_TERMS_WEIGHT = 0.2;
const OTHER_TERMS_CAP = 5;
// A category inherits half of its parent's score: "gravats de démolition" lifts both
// `material.construction` ("démolition") and, more, its child `material.construction.rubble`
// ("gravats"), so the specific child comes first. Only a category with firm evidence of its own
// (a whole term, an EWC code, a temperature) inherits: otherwise "eau" would lift every water
// category whose synonyms merely contain "eau" above `water` itself.
const PARENT_WEIGHT = 0.5;
// An EWC code is worth a three-word phrase: the List of Waste is the vocabulary waste producers
// and carriers share, so a code the taxonomy knows settles the category, and the words decide
// between categories sharing a code (20 01 08: food waste or coffee grounds). A code the
// taxonomy does not carry still names its sub-chapter (first four digits, e.g. 17 04 = metals):
// worth one word, to the closest category covering every code of that sub-chapter.
const EWC_EXACT_SCORE = 3;
const EWC_SUBCHAPTER_SCORE = 1;
// A temperature in the text is worth as much as a two-word phrase for the matching heat band.
const TEMPERATURE_SCORE = 2;
// A unit that fits the category's typical units: a quarter of a word, enough to break a tie
// ("copeaux ... 500 m3/an": sawdust is counted in m3, aluminium swarf is not), too little to
// create a candidate or overturn a word.
const UNIT_HINT_SCORE = 0.25;
// Misspelt words ("palete") are read as the one known word one edit away, if there is exactly
// one, and only for words long enough that one edit rarely turns a word into another.
const TYPO_MIN_LENGTH = 5;
// Maps a raw score to 0..1 as score / (score + 1.5): one exact one-word synonym (1 point) gives
// 0.4, a two-word phrase (2.5) 0.63, a phrase plus a temperature hint ~0.75, an EWC code alone
// 0.67; a hint of one or two partial words (0.3 each) stays below 0.3.
const CONFIDENCE_HALF_SCORE = 1.5;

// Bands of the waste-heat categories (°C, upper bound exclusive), as the taxonomy names them:
// data-centre heat is 30-60 °C, ovens and compressors 60-150 °C, fumes above.
const HEAT_BANDS: readonly { below: number; code: string }[] = [
  { below: 60, code: 'energy.waste-heat.low-temperature' },
  { below: 150, code: 'energy.waste-heat.medium-temperature' },
  { below: Infinity, code: 'energy.waste-heat.high-temperature' },
];
const WASTE_HEAT_ROOT = 'energy.waste-heat';
// Below this, a temperature describes cold or ambient conditions, not heat to recover.
const MIN_WASTE_HEAT_CELSIUS = 20;
// Words that make a text about heat even without a name of waste heat ("eau chaude à 40°").
const HEAT_WORDS = new Set(tokenize('chaleur chaud tiède fumées vapeur'));

interface IndexedCategory {
  record: ResourceCategoryRecord;
  terms: string[][];
  /** Kinds of quantity of the category's typical units. */
  dimensions: Set<UnitDimension>;
}

interface TaxonomyIndex {
  categories: IndexedCategory[];
  byCode: Map<string, ResourceCategoryRecord>;
  /** Weight of each word of the taxonomy's terms, 1 for a word of one category. */
  weight: Map<string, number>;
  /** Known words of at least TYPO_MIN_LENGTH letters, for reading typos. */
  longWords: string[];
  /** EWC code (six digits) → categories carrying it. */
  byEwc: Map<string, string[]>;
  /** EWC sub-chapter (four digits) → closest category covering all its codes. */
  bySubchapter: Map<string, string>;
  /** Category code → kinds of quantity of its typical units. */
  dimensionsOf: Map<string, Set<UnitDimension>>;
}

// Index per taxonomy array: categorize() is called per request with the same array.
const indexCache = new WeakMap<readonly ResourceCategoryRecord[], TaxonomyIndex>();
const typoCache = new WeakMap<TaxonomyIndex, Map<string, string>>();

/**
 * Ranks the categories of a taxonomy that a free-text description most likely belongs to.
 *
 * Matching folds case and accents, strips French and English plurals and common suffixes,
 * reads English and trade words as their French equivalents, ignores function words, and
 * matches each name and synonym as a phrase (contiguous words score best) or as a set of words;
 * words shared by many categories count less. An EWC code in the text ("10 01 05", "100105")
 * points to the categories carrying it. A category with firm evidence of its own also inherits
 * part of its parent's score, and on equal scores the deeper, more specific category comes
 * first. A temperature ("45°C", "80 degrés") sends heat to the matching band of
 * `energy.waste-heat` when the text is about heat at all; units that fit a category's typical
 * units lift it slightly.
 *
 * @param text the description as the actor wrote it, French or English
 * @param taxonomy the categories to choose from (usually `loadTaxonomy()`)
 * @param limit maximum number of suggestions
 * @returns suggestions, best first; empty when nothing in the text matches any category
 * @example categorize('marc de café', loadTaxonomy())[0].code // 'material.biowaste.coffee-grounds'
 * @example categorize('spent foundry sand 10 09 08', loadTaxonomy())[0].code // 'material.mineral.foundry-sand'
 */
export function categorize(text: string, taxonomy: readonly ResourceCategoryRecord[], limit = 5): CategorySuggestion[] {
  if (limit <= 0) return [];
  const index = indexTaxonomy(taxonomy);
  const tokens = correctTypos(tokenize(text), index);
  const own = new Map<string, number>();
  // Categories with firm evidence of their own, the only ones that inherit from their parent.
  const firm = new Set<string>();
  const add = (code: string, score: number, isFirm: boolean) => {
    own.set(code, (own.get(code) ?? 0) + score);
    if (isFirm) firm.add(code);
  };

  for (const { record, terms } of index.categories) {
    const { score, whole } = categoryScore(terms, tokens, index.weight);
    if (score > 0) add(record.code, score, whole);
  }
  addEwcEvidence(text, index, add);
  addTemperatureHint(text, tokens, firm, index.byCode, add);
  if (own.size === 0) return [];

  const total = new Map<string, number>();
  const totalOf = (code: string, depth = 0): number => {
    const known = total.get(code);
    if (known !== undefined) return known;
    // The depth guard keeps a cyclic (invalid) taxonomy from recursing forever.
    const parent = firm.has(code) && depth < 10 ? index.byCode.get(code)?.parent : null;
    const parentScore = parent ? totalOf(parent, depth + 1) : 0;
    const score = (own.get(code) ?? 0) + PARENT_WEIGHT * parentScore;
    total.set(code, score);
    return score;
  };

  // A temperature fits any energy category; other kinds of quantity the category's own units.
  const dimensions = readUnitDimensions(text);
  const unitHint = (code: string): number => {
    const fits = [...dimensions].some((d) =>
      d === 'temperature' ? index.byCode.get(code)?.family === 'ENERGY' : index.dimensionsOf.get(code)?.has(d));
    return fits ? UNIT_HINT_SCORE : 0;
  };

  return [...own.keys()]
    .map((code) => ({ code, score: totalOf(code) + unitHint(code) }))
    .sort((a, b) => round(b.score) - round(a.score) || depthOf(b.code) - depthOf(a.code) || a.code.localeCompare(b.code))
    .slice(0, limit)
    .map(({ code, score }) => ({ code, confidence: round(score / (score + CONFIDENCE_HALF_SCORE)) }));
}

function indexTaxonomy(taxonomy: readonly ResourceCategoryRecord[]): TaxonomyIndex {
  const cached = indexCache.get(taxonomy);
  if (cached) return cached;
  const categories = taxonomy.map((record) => {
    const seen = new Set<string>();
    const terms: string[][] = [];
    for (const term of [record.nameFr, record.nameEn, ...record.synonyms]) {
      const words = tokenize(term);
      const key = words.join(' ');
      if (words.length > 0 && !seen.has(key)) {
        seen.add(key);
        terms.push(words);
      }
    }
    const dimensions = new Set(record.units.map(unitDimension).filter((d): d is UnitDimension => d !== null));
    return { record, terms, dimensions };
  });

  const usedBy = new Map<string, number>();
  for (const { terms } of categories) {
    for (const word of new Set(terms.flat())) usedBy.set(word, (usedBy.get(word) ?? 0) + 1);
  }
  const logCategories = Math.log(Math.max(categories.length, 2));
  const weight = new Map([...usedBy].map(([word, n]) => [
    word, (1 - COMMON_WORD_DISCOUNT * (Math.log(n) / logCategories)) * (isQualifier(word) ? QUALIFIER_WEIGHT : 1),
  ]));

  const byEwc = new Map<string, string[]>();
  for (const { record } of categories) {
    if (!record.ewcCode) continue;
    const digits = record.ewcCode.replace(/\D/g, '');
    byEwc.set(digits, [...(byEwc.get(digits) ?? []), record.code]);
  }
  const byCode = new Map(taxonomy.map((r) => [r.code, r]));
  const bySubchapter = new Map<string, string>();
  for (const sub of new Set([...byEwc.keys()].map((code) => code.slice(0, 4)))) {
    const codes = [...byEwc].filter(([ewc]) => ewc.startsWith(sub)).flatMap(([, cats]) => cats);
    const ancestor = closestCommonAncestor(codes, byCode);
    if (ancestor) bySubchapter.set(sub, ancestor);
  }

  const index: TaxonomyIndex = {
    categories,
    byCode,
    weight,
    longWords: [...usedBy.keys()].filter((w) => w.length >= TYPO_MIN_LENGTH),
    byEwc,
    bySubchapter,
    dimensionsOf: new Map(categories.map((c) => [c.record.code, c.dimensions])),
  };
  indexCache.set(taxonomy, index);
  return index;
}

// The deepest category that is an ancestor-or-self of every given code (by parent links).
function closestCommonAncestor(codes: readonly string[], byCode: ReadonlyMap<string, ResourceCategoryRecord>): string | null {
  const lineage = (code: string): string[] => {
    const path: string[] = [];
    for (let c: string | null | undefined = code; c && path.length <= byCode.size; c = byCode.get(c)?.parent) path.unshift(c);
    return path;
  };
  const [first, ...rest] = codes.map(lineage);
  if (!first) return null;
  let common = first;
  for (const path of rest) {
    let i = 0;
    while (i < common.length && i < path.length && common[i] === path[i]) i++;
    common = common.slice(0, i);
  }
  return common.length > 0 ? common[common.length - 1] : null;
}

// Replaces an unknown word by the single known word one edit away (insertion, deletion,
// substitution or swap of two neighbours), if there is exactly one.
function correctTypos(tokens: string[], index: TaxonomyIndex): string[] {
  let cache = typoCache.get(index);
  if (!cache) {
    cache = new Map();
    typoCache.set(index, cache);
  }
  return tokens.map((token) => {
    if (token.length < TYPO_MIN_LENGTH || index.weight.has(token)) return token;
    let fixed = cache!.get(token);
    if (fixed === undefined) {
      const near = index.longWords.filter((word) => Math.abs(word.length - token.length) <= 1 && oneEditApart(token, word));
      fixed = near.length === 1 ? near[0] : token;
      cache!.set(token, fixed);
    }
    return fixed;
  });
}

function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff = [...a].map((ch, i) => (ch === b[i] ? -1 : i)).filter((i) => i >= 0);
    return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

interface TermMatch {
  score: number;
  /** Every word of the term is in the text. */
  whole: boolean;
}

function categoryScore(terms: readonly string[][], tokens: readonly string[], weight: ReadonlyMap<string, number>): TermMatch {
  const matches = terms.map((term) => termMatch(term, tokens, weight)).filter((m) => m.score > 0);
  if (matches.length === 0) return { score: 0, whole: false };
  const best = matches.reduce((a, b) => (b.score > a.score ? b : a));
  const others = matches.filter((m) => m !== best && m.whole).reduce((sum, m) => sum + m.score, 0);
  return {
    score: best.score + OTHER_TERMS_WEIGHT * Math.min(others, OTHER_TERMS_CAP),
    whole: matches.some((m) => m.whole),
  };
}

function termMatch(term: readonly string[], tokens: readonly string[], weight: ReadonlyMap<string, number>): TermMatch {
  const present = term.filter((word) => tokens.includes(word));
  const points = present.reduce((sum, word) => sum + (weight.get(word) ?? 1), 0);
  if (present.length === term.length) {
    return { score: points + (term.length > 1 && containsPhrase(tokens, term) ? PHRASE_BONUS : 0), whole: true };
  }
  return { score: PARTIAL_WORD_SCORE * points, whole: false };
}

// The words of the phrase side by side, in any order: French and English order a noun and its
// complement differently ("chutes d'acier", "steel offcuts"), and both mean one thing.
function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  const wanted = [...phrase].sort().join(' ');
  for (let start = 0; start + phrase.length <= tokens.length; start++) {
    if (tokens.slice(start, start + phrase.length).sort().join(' ') === wanted) return true;
  }
  return false;
}

function addEwcEvidence(text: string, index: TaxonomyIndex, add: (code: string, score: number, firm: boolean) => void): void {
  for (const ewc of new Set(readEwcCodes(text))) {
    const exact = index.byEwc.get(ewc);
    if (exact) {
      for (const code of exact) add(code, EWC_EXACT_SCORE, true);
      continue;
    }
    const broader = index.bySubchapter.get(ewc.slice(0, 4));
    if (broader) add(broader, EWC_SUBCHAPTER_SCORE, true);
  }
}

// Only when the text already speaks of heat, with a whole name or synonym of waste heat or a
// word of heat (not any stray word: "chambre froide à 4 °C" shares "froid" with "chaleur des
// groupes froids"), and only
// above the ambient temperature, below which there is no heat to give. And only for an offer:
// in a need ("besoin de chaleur à 85 °C") the temperature is what the process requires, and the
// category is a heat need (`energy.heat`), not a band of waste heat.
function addTemperatureHint(
  text: string, tokens: readonly string[], firm: ReadonlySet<string>, known: ReadonlyMap<string, unknown>,
  add: (code: string, score: number, firm: boolean) => void,
): void {
  const aboutHeat = [...firm].some((code) => code === WASTE_HEAT_ROOT || code.startsWith(`${WASTE_HEAT_ROOT}.`))
    || tokens.some((word) => HEAT_WORDS.has(word));
  if (!aboutHeat || statesNeed(text)) return;
  const celsius = readTemperature(text);
  if (celsius === null || celsius < MIN_WASTE_HEAT_CELSIUS) return;
  const band = HEAT_BANDS.find((b) => celsius < b.below);
  // A temperature is evidence as firm as a whole synonym.
  if (band && known.has(band.code)) add(band.code, TEMPERATURE_SCORE, true);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

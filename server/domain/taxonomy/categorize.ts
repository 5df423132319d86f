/**
 * Suggests resource categories for a free-text flow description ("Chaleur fatale de nos serveurs
 * à 45 °C", "palettes bois cassées"). Deliberately a small, explainable scorer over the names and
 * synonyms of the taxonomy rather than a statistical model: facilitators must be able to see why a
 * category was proposed, and fix a miss by adding a synonym to the reviewed data file.
 */
import { foldText } from '../text/fold';
import { ResourceCategoryRecord, depthOf } from './taxonomy';

/** A suggested category, with a confidence in 0..1 (higher is better). */
export interface CategorySuggestion {
  code: string;
  confidence: number;
}

// Function words and units carry no meaning about the resource; dropping them lets "marc de café"
// match "marc café", and keeps "t/an" or "m3" from matching anything. Compared after accent folding.
const STOPWORDS = new Set([
  // French
  'le', 'la', 'les', 'de', 'du', 'des', 'un', 'une', 'et', 'ou', 'en', 'au', 'aux', 'pour', 'par', 'sur',
  'dans', 'avec', 'sans', 'nos', 'notre', 'nous', 'vos', 'votre', 'leur', 'leurs', 'ce', 'ces', 'cet',
  'cette', 'son', 'sa', 'ses', 'se', 'qui', 'que', 'est', 'sont', 'il', 'elle', 'on', 'tout', 'tous',
  'toute', 'toutes', 'tres', 'plus', 'moins', 'environ', 'chaque', 'an', 'annee', 'mois', 'jour',
  'semaine', 'tonne', 'litre', 'kg', 'kwh', 'mwh', 'kw', 'm2', 'm3',
  // English
  'the', 'of', 'and', 'or', 'for', 'from', 'with', 'our', 'we', 'to', 'in', 'on', 'at', 'by', 'per',
  'is', 'are', 'this', 'that', 'its', 'their', 'it', 'be', 'us', 'your', 'year', 'yr',
]);

// Scores of one term (a name or synonym) found in the text. A phrase found word for word is the
// strongest evidence and longer phrases are more specific, hence "one point per word, plus a
// bonus when contiguous". Words of a term found only in part are weak hints (a shared word like
// "chaleur" or "bois"), worth a little so that long names still count, never a full match.
const PHRASE_BONUS = 0.5;
const PARTIAL_WORD_SCORE = 0.3;
// Several matching synonyms of one category are more convincing than one, but a category with
// many synonyms must not win by sheer number: the best term counts fully, the others a fifth,
// capped.
const OTHER_TERMS_WEIGHT = 0.2;
const OTHER_TERMS_CAP = 5;
// A category inherits half of its parent's score: "gravats de démolition" lifts both
// `material.construction` ("démolition") and, more, its child `material.construction.rubble`
// ("gravats"), so the specific child comes first. Only a category with a full match of its own
// inherits: otherwise "eau" would lift every water category whose synonyms merely contain "eau"
// above `water` itself.
const PARENT_WEIGHT = 0.5;
// A temperature in the text is worth as much as a two-word phrase for the matching heat band.
const TEMPERATURE_SCORE = 2;
// Maps a raw score to 0..1 as score / (score + 1.5): one exact one-word synonym (1 point) gives
// 0.4, a two-word phrase (2.5) 0.63, a phrase plus a temperature hint ~0.75; a hint of one or
// two partial words (0.3 each) stays below 0.3.
const CONFIDENCE_HALF_SCORE = 1.5;

// Bands of the waste-heat categories (°C, upper bound exclusive), as the taxonomy names them:
// data-centre heat is 30-60 °C, ovens and compressors 60-150 °C, fumes above.
const HEAT_BANDS: readonly { below: number; code: string }[] = [
  { below: 60, code: 'energy.waste-heat.low-temperature' },
  { below: 150, code: 'energy.waste-heat.medium-temperature' },
  { below: Infinity, code: 'energy.waste-heat.high-temperature' },
];
const WASTE_HEAT_ROOT = 'energy.waste-heat';

interface IndexedCategory {
  record: ResourceCategoryRecord;
  terms: string[][];
}

// Tokenised terms per taxonomy array: categorize() is called per request with the same array.
const indexCache = new WeakMap<readonly ResourceCategoryRecord[], IndexedCategory[]>();

/**
 * Ranks the categories of a taxonomy that a free-text description most likely belongs to.
 *
 * Matching folds case and accents, strips simple French and English plurals, ignores function
 * words, and matches each name and synonym as a phrase (contiguous words score best) or as a set
 * of words. A category with a name or synonym found whole also inherits part of its parent's
 * score, and on equal scores the deeper, more specific category comes first. A temperature ("45°C", "80 degrés") sends heat to the
 * matching band of `energy.waste-heat` when the text is about heat at all.
 *
 * @param text the description as the actor wrote it, French or English
 * @param taxonomy the categories to choose from (usually `loadTaxonomy()`)
 * @param limit maximum number of suggestions
 * @returns suggestions, best first; empty when no word of the text matches any category
 * @example categorize('marc de café', loadTaxonomy())[0].code // 'material.biowaste.coffee-grounds'
 */
export function categorize(text: string, taxonomy: readonly ResourceCategoryRecord[], limit = 5): CategorySuggestion[] {
  if (limit <= 0) return [];
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];

  const index = indexTaxonomy(taxonomy);
  const byCode = new Map(index.map(({ record }) => [record.code, record]));
  const own = new Map<string, number>();
  // Categories with at least one name or synonym found whole, the only ones that inherit.
  const matched = new Set<string>();
  for (const { record, terms } of index) {
    const { score, whole } = categoryScore(terms, tokens);
    if (score > 0) own.set(record.code, score);
    if (whole) matched.add(record.code);
  }
  addTemperatureHint(text, own, matched, byCode);
  if (own.size === 0) return [];

  const total = new Map<string, number>();
  const totalOf = (code: string, depth = 0): number => {
    const known = total.get(code);
    if (known !== undefined) return known;
    // The depth guard keeps a cyclic (invalid) taxonomy from recursing forever.
    const parent = matched.has(code) && depth < 10 ? byCode.get(code)?.parent : null;
    const parentScore = parent ? totalOf(parent, depth + 1) : 0;
    const score = (own.get(code) ?? 0) + PARENT_WEIGHT * parentScore;
    total.set(code, score);
    return score;
  };

  return [...own.keys()]
    .map((code) => ({ code, score: totalOf(code) }))
    .sort((a, b) => round(b.score) - round(a.score) || depthOf(b.code) - depthOf(a.code) || a.code.localeCompare(b.code))
    .slice(0, limit)
    .map(({ code, score }) => ({ code, confidence: round(score / (score + CONFIDENCE_HALF_SCORE)) }));
}

/**
 * Splits a text into comparable words: folded, plural-stripped, without function words or numbers.
 *
 * @example tokenize('Palettes bois cassées') // ['palette', 'bois', 'cassee']
 */
export function tokenize(text: string): string[] {
  return foldText(text)
    .replace(/([a-z])&([a-z])/g, '$1$2') // "R&D" stays one word
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !/^\d+$/.test(word))
    .map((word) => ({ word, stem: singular(word) }))
    .filter(({ word, stem }) => !STOPWORDS.has(word) && !STOPWORDS.has(stem))
    .map(({ stem }) => stem);
}

// Plural stripping good enough for matching: both the text and the synonyms go through it, so
// "palettes" meets "palette" and "eaux" meets "eau"; short words ("gaz", "bus") are left alone.
function singular(word: string): string {
  return word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word;
}

function indexTaxonomy(taxonomy: readonly ResourceCategoryRecord[]): IndexedCategory[] {
  const cached = indexCache.get(taxonomy);
  if (cached) return cached;
  const index = taxonomy.map((record) => {
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
    return { record, terms };
  });
  indexCache.set(taxonomy, index);
  return index;
}

interface TermMatch {
  score: number;
  /** Every word of the term is in the text. */
  whole: boolean;
}

function categoryScore(terms: readonly string[][], tokens: readonly string[]): TermMatch {
  const matches = terms.map((term) => termMatch(term, tokens)).filter((m) => m.score > 0);
  if (matches.length === 0) return { score: 0, whole: false };
  const scores = matches.map((m) => m.score).sort((a, b) => b - a);
  const others = scores.slice(1).reduce((sum, s) => sum + s, 0);
  return {
    score: scores[0] + OTHER_TERMS_WEIGHT * Math.min(others, OTHER_TERMS_CAP),
    whole: matches.some((m) => m.whole),
  };
}

function termMatch(term: readonly string[], tokens: readonly string[]): TermMatch {
  const present = term.filter((word) => tokens.includes(word)).length;
  if (present === term.length) {
    return { score: term.length + (term.length > 1 && containsPhrase(tokens, term) ? PHRASE_BONUS : 0), whole: true };
  }
  return { score: PARTIAL_WORD_SCORE * present, whole: false };
}

function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= tokens.length; start++) {
    if (phrase.every((word, i) => tokens[start + i] === word)) return true;
  }
  return false;
}

// Only when the text already speaks of heat: "stockage à 4 °C" is about cold rooms, not heat.
function addTemperatureHint(
  text: string, own: Map<string, number>, matched: Set<string>, known: ReadonlyMap<string, unknown>,
): void {
  const aboutHeat = [...own.keys()].some((code) => code === WASTE_HEAT_ROOT || code.startsWith(`${WASTE_HEAT_ROOT}.`));
  if (!aboutHeat) return;
  const match = /(-?\d+(?:[.,]\d+)?)\s*(?:°|degres?\b|deg\b)/.exec(foldText(text));
  if (!match) return;
  const celsius = Number(match[1].replace(',', '.'));
  const band = HEAT_BANDS.find((b) => celsius < b.below);
  if (!band || !known.has(band.code)) return;
  own.set(band.code, (own.get(band.code) ?? 0) + TEMPERATURE_SCORE);
  matched.add(band.code); // a temperature is evidence as firm as a whole synonym
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

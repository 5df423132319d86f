import { distanceKm } from '../geo/geo';
import { Confidentiality, GeoPoint, ResourceFamilyName } from '../model';
import { estimateEconomics, loadPriceTable, PriceTable, SynergyEconomics } from './economics';
import { formatNumberFr as fmt, percentFr as percent, unitFr } from '../text/format-fr';
import { normalizeQuantity } from './units';

/**
 * Scoring of substitution synergies: one actor's OFFER flow meeting another actor's NEED flow.
 * Pure: takes the candidate pairs the graph found, returns scored, explained synergies (or
 * nothing when a hard rule excludes the pair). Reasons are in French, the users' language.
 */

/** What the scoring needs to know of a flow. */
export interface SynergyFlow {
  id: string;
  actorId: string;
  location: GeoPoint;
  categoryCode: string;
  categoryName: string;
  family: ResourceFamilyName;
  /** European List of Waste code of the category, "*" marking hazardous waste. */
  ewcCode: string | null;
  quantity: number | null;
  unit: string | null;
  temperatureC: number | null;
  /** 1..12; empty means all year. */
  availableMonths: number[];
  confidentiality: Confidentiality;
}

/** How the offer's category relates to the need's. */
export type CategoryRelation =
  | { kind: 'SAME' }
  /** The need asks for a broader category that includes the offer ("bois" for "palettes"). */
  | { kind: 'NEED_BROADER' }
  /** The offer is broader than the need: it may or may not contain what is needed. */
  | { kind: 'NEED_NARROWER' }
  /** A documented compatibility edge: the offer can feed the need, graded 0..1. */
  | { kind: 'COMPATIBLE'; grade: number };

export interface CandidatePair {
  offer: SynergyFlow;
  need: SynergyFlow;
  relation: CategoryRelation;
  /** Maximum exchange distance for the offered resource, in km. */
  maxKm: number;
}

/** Each factor in 0..1; the score combines them. */
export interface SynergyFactors {
  category: number;
  quality: number;
  quantity: number;
  time: number;
  distance: number;
}

/** One line of explanation, tied to the factor or topic it explains. */
export interface Explanation {
  factor: keyof SynergyFactors | 'economics' | 'regulatory';
  text: string;
}

export interface ScoredSynergy {
  offer: SynergyFlow;
  need: SynergyFlow;
  score: number;
  distanceKm: number;
  factors: SynergyFactors;
  /** Yearly economics at default prices, when the resource has a price model. */
  economics: SynergyEconomics | null;
  explanations: Explanation[];
}

// Explanations that quote a flow's own figures (temperature, quantity, months, money).
const DETAILED_FACTORS: ReadonlySet<Explanation['factor']> = new Set(['quality', 'quantity', 'time', 'economics']);

// A lead whose best case loses money is kept (prices are defaults) but ranked lower.
const NO_ECONOMIC_CASE_PENALTY = 0.7;

/**
 * The reasons to show, one per factor. When a flow is hidden from the viewer, the lines that
 * would quote its figures give way to one line saying that details are confidential: the match
 * still counts, and a facilitator can qualify it.
 */
export function reasonsFor(synergy: ScoredSynergy, detailsHidden: boolean): string[] {
  if (!detailsHidden) return synergy.explanations.map((e) => e.text);
  return [
    ...synergy.explanations.filter((e) => !DETAILED_FACTORS.has(e.factor)).map((e) => e.text),
    'Détails confidentiels (qualité, quantités, période, économie) : à voir avec un animateur',
  ];
}

/**
 * Heat pumps commonly lift recovered heat by 30 to 50 K with a useful coefficient of
 * performance; beyond 40 K the boost costs more than the heat is worth.
 */
export const MAX_HEAT_PUMP_LIFT_C = 40;

// Weights of the factors besides category (which multiplies): distance matters most because it
// decides viability (DOMAIN.md), then the quality of the resource, then quantity and timing.
const WEIGHTS = { distance: 0.35, quality: 0.25, quantity: 0.2, time: 0.2 };

const DEFAULT_PRICES = loadPriceTable();

// Reasons are written only for the synergies that are returned: a search scores thousands of
// pairs, and formatting French text for each would cost more than scoring them.
type Lazy = () => string;

const CATEGORY_SCORES = { SAME: 1, NEED_BROADER: 0.9, NEED_NARROWER: 0.7 };

const MONTHS_FR = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** The category factor of a relation, 0..1. */
export function categoryScore(relation: CategoryRelation): number {
  return relation.kind === 'COMPATIBLE' ? relation.grade : CATEGORY_SCORES[relation.kind];
}

/**
 * The farthest distance at which a pair whose category factor is `category` can still score
 * at least `threshold`: every other factor is at most 1 and the economic penalty only lowers a
 * score, so score ≤ category × (1 − 0.8 × w_distance × d / maxKm). Lets a search skip far
 * needs once it holds enough good leads.
 */
export function maxUsefulDistanceKm(category: number, threshold: number, maxKm: number): number {
  if (threshold <= 0) return maxKm;
  if (threshold > category) return -1;
  return Math.min(maxKm, ((1 - threshold / category) * maxKm) / (0.8 * WEIGHTS.distance));
}

function categoryFactor(pair: CandidatePair): { score: number; reason: Lazy } {
  const { offer, need, relation } = pair;
  switch (relation.kind) {
    case 'SAME':
      return { score: CATEGORY_SCORES.SAME, reason: () => `Même ressource : ${offer.categoryName}` };
    case 'NEED_BROADER':
      return { score: CATEGORY_SCORES.NEED_BROADER, reason: () => `Le besoin « ${need.categoryName} » inclut l'offre « ${offer.categoryName} »` };
    case 'NEED_NARROWER':
      return { score: CATEGORY_SCORES.NEED_NARROWER, reason: () => `L'offre « ${offer.categoryName} » peut contenir le besoin « ${need.categoryName} » : à préciser` };
    case 'COMPATIBLE':
      return { score: relation.grade, reason: () => `Débouché reconnu : « ${offer.categoryName} » peut alimenter « ${need.categoryName} » (adéquation ${percent(relation.grade)})` };
  }
}

/** Temperature fit for heat; other resources carry no quality attribute yet. Null excludes. */
function qualityFactor(offer: SynergyFlow, need: SynergyFlow): { score: number; reason: Lazy | null } | null {
  const offerT = offer.temperatureC;
  const needT = need.temperatureC;
  if (offerT === null && needT === null) {
    return offer.family === 'ENERGY' ? { score: 0.8, reason: () => 'Températures non précisées : à vérifier' } : { score: 1, reason: null };
  }
  if (offerT === null || needT === null) {
    return { score: 0.8, reason: () => `Température ${offerT === null ? 'de l\'offre' : 'du besoin'} non précisée : à vérifier` };
  }
  if (offerT >= needT) {
    return { score: 1, reason: () => `Chaleur à ${fmt(offerT)} °C pour un besoin à ${fmt(needT)} °C` };
  }
  const lift = needT - offerT;
  if (lift <= MAX_HEAT_PUMP_LIFT_C) {
    return { score: 0.6, reason: () => `Chaleur à ${fmt(offerT)} °C pour un besoin à ${fmt(needT)} °C : relevage de ${fmt(lift)} °C par pompe à chaleur` };
  }
  return null;
}

function quantityFactor(offer: SynergyFlow, need: SynergyFlow): { score: number; reason: Lazy } {
  if (offer.quantity === null || need.quantity === null || !offer.unit || !need.unit) {
    return { score: 0.6, reason: () => `Quantité ${offer.quantity === null ? 'de l\'offre' : 'du besoin'} non précisée` };
  }
  const o = normalizeQuantity(offer.quantity, offer.unit);
  const n = normalizeQuantity(need.quantity, need.unit);
  if (!o || !n || o.unit !== n.unit) {
    const [offerUnit, needUnit] = [offer.unit, need.unit];
    return { score: 0.6, reason: () => `Quantités non comparables (${unitFr(offerUnit)} et ${unitFr(needUnit)})` };
  }
  const coverage = o.value / n.value;
  const score = 0.4 + 0.6 * Math.min(1, coverage);
  const amounts = () => `${fmt(o.value)} ${unitFr(o.unit)} pour un besoin de ${fmt(n.value)} ${unitFr(n.unit)}`;
  return coverage >= 1
    ? { score, reason: () => `L'offre couvre tout le besoin (${amounts()})` }
    : { score, reason: () => `L'offre couvre ${percent(coverage)} du besoin (${amounts()})` };
}

const euros = (n: number) => fmt(Math.round(n / 10) * 10);
const euroRange = (r: { min: number; max: number }) => (Math.round(r.min / 10) === Math.round(r.max / 10) ? `${euros(r.min)} €` : `${euros(r.min)} à ${euros(r.max)} €`);

function economicsReason(e: SynergyEconomics): string {
  const gain = e.netGain.max < 0
    ? `Pas de gain économique attendu aux prix par défaut (${euroRange(e.netGain)}/an)`
    : `Gain net estimé : ${euroRange(e.netGain)}/an`;
  return `${gain} (transport ${euroRange(e.transportCost)}, élimination évitée ${euroRange(e.avoidedDisposalCost)}, achats évités ${euroRange(e.avoidedPurchaseCost)} par an)`;
}

/**
 * What the law asks before an exchange: hazardous waste only goes to an authorised receiver;
 * a material with a waste code stays a waste unless it qualifies as a by-product or leaves
 * waste status (French Environment Code, L541-4-2 and L541-4-3).
 */
function regulatoryReasons(offer: SynergyFlow): string[] {
  if (!offer.ewcCode) return [];
  if (offer.ewcCode.endsWith('*')) {
    return [`Déchet dangereux (code ${offer.ewcCode}) : le receveur doit être une installation autorisée à le traiter, avec bordereau de suivi`];
  }
  return [`Statut à vérifier : déchet (code ${offer.ewcCode}) ou sous-produit ; un déchet ne peut être cédé qu'à une filière autorisée, sauf sortie du statut de déchet`];
}

function monthsLabel(months: number[]): string {
  return months.map((m) => MONTHS_FR[m - 1]).join(', ');
}

/** Overlap of availability; null when the two never meet. */
function timeFactor(offer: SynergyFlow, need: SynergyFlow): { score: number; reason: Lazy } | null {
  const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const offerMonths = offer.availableMonths.length ? offer.availableMonths : all;
  const needMonths = need.availableMonths.length ? need.availableMonths : all;
  const common = needMonths.filter((m) => offerMonths.includes(m));
  if (common.length === 0) return null;
  if (common.length === 12) return { score: 1, reason: () => 'Disponibles toute l\'année' };
  return {
    score: common.length / needMonths.length,
    reason: () => `Période commune : ${common.length} mois sur les ${needMonths.length} du besoin (${monthsLabel(common)})`,
  };
}

/** A scored pair whose reasons are not written yet. */
export interface Evaluation {
  synergy: Omit<ScoredSynergy, 'explanations'>;
  explain: () => Explanation[];
}

/**
 * Scores one candidate pair. Hard rules exclude it (returns null): same actor, beyond the
 * maximum distance for the resource, heat too cold even with a heat pump, no common month.
 */
export function evaluate(pair: CandidatePair, prices: PriceTable = DEFAULT_PRICES): Evaluation | null {
  const { offer, need } = pair;
  if (offer.actorId === need.actorId) return null;
  const km = distanceKm(offer.location, need.location);
  if (km > pair.maxKm) return null;
  const quality = qualityFactor(offer, need);
  const time = timeFactor(offer, need);
  if (!quality || !time) return null;
  const category = categoryFactor(pair);
  const quantity = quantityFactor(offer, need);
  const distance = 1 - 0.8 * (km / pair.maxKm);
  const factors: SynergyFactors = { category: category.score, quality: quality.score, quantity: quantity.score, time: time.score, distance };
  const economics = estimateEconomics(prices, offer.categoryCode, offer.family, offer.quantity, offer.unit, need.quantity, need.unit, km);
  const noEconomicCase = economics !== null && economics.netGain.max < 0;
  const score = (noEconomicCase ? NO_ECONOMIC_CASE_PENALTY : 1) * category.score * (
    WEIGHTS.distance * distance + WEIGHTS.quality * quality.score + WEIGHTS.quantity * quantity.score + WEIGHTS.time * time.score
  );
  const explain = (): Explanation[] => [
    { factor: 'category', text: category.reason() },
    { factor: 'distance', text: `À ${fmt(km)} km (distance max. conseillée pour cette ressource : ${fmt(pair.maxKm)} km)` },
    ...(quality.reason ? [{ factor: 'quality' as const, text: quality.reason() }] : []),
    { factor: 'quantity', text: quantity.reason() },
    { factor: 'time', text: time.reason() },
    ...(economics ? [{ factor: 'economics' as const, text: economicsReason(economics) }] : []),
    ...regulatoryReasons(offer).map((text) => ({ factor: 'regulatory' as const, text })),
  ];
  return { synergy: { offer, need, score: Math.round(score * 1000) / 1000, distanceKm: km, factors, economics }, explain };
}

/**
 * Scores one candidate pair and explains it, one French reason per factor.
 *
 * @param pair offer, need, how their categories relate and the distance limit
 * @returns the scored synergy, or null when a hard rule excludes the pair
 */
export function scoreSubstitution(pair: CandidatePair, prices: PriceTable = DEFAULT_PRICES): ScoredSynergy | null {
  const evaluation = evaluate(pair, prices);
  return evaluation && { ...evaluation.synergy, explanations: evaluation.explain() };
}

/**
 * Scores every pair, keeps for each offer–need pair its best-scoring category relation, and
 * ranks: best score first, then nearest. Only the `limit` best are explained.
 */
export function rankSubstitutions(pairs: CandidatePair[], minScore = 0, limit = Infinity, prices: PriceTable = DEFAULT_PRICES): ScoredSynergy[] {
  const best = new Map<string, Evaluation>();
  for (const pair of pairs) {
    const evaluation = evaluate(pair, prices);
    if (!evaluation || evaluation.synergy.score < minScore) continue;
    const key = `${pair.offer.id}>${pair.need.id}`;
    const current = best.get(key);
    if (!current || evaluation.synergy.score > current.synergy.score) best.set(key, evaluation);
  }
  return [...best.values()]
    .sort((a, b) => b.synergy.score - a.synergy.score || a.synergy.distanceKm - b.synergy.distanceKm
      || a.synergy.offer.id.localeCompare(b.synergy.offer.id) || a.synergy.need.id.localeCompare(b.synergy.need.id))
    .slice(0, limit)
    .map((e) => ({ ...e.synergy, explanations: e.explain() }));
}

import { RelationTable } from './category-relations';
import { PriceTable } from './economics';
import { categoryScore, evaluate, Evaluation, maxUsefulDistanceKm, ScoredSynergy, SynergyFlow } from './substitution';

/** Options of {@link bestSubstitutions}. */
export interface SearchOptions {
  /** Leads scoring below are dropped. */
  minScore: number;
  /** How many leads to return. */
  limit: number;
  /** Only pairs where this actor offers or needs. */
  involves?: string | null;
  prices?: PriceTable;
}

// A degree of latitude is at least 110.5 km anywhere on the ellipsoid: a band of
// `km / 110.5` degrees around an offer holds every need within `km` of it.
const KM_PER_DEGREE_LAT_MIN = 110.5;

interface NeedBucket {
  flows: SynergyFlow[];
  lats: number[];
}

function bucketByCategory(needs: readonly SynergyFlow[]): Map<string, NeedBucket> {
  const groups = new Map<string, SynergyFlow[]>();
  for (const need of needs) groups.set(need.categoryCode, [...(groups.get(need.categoryCode) ?? []), need]);
  const buckets = new Map<string, NeedBucket>();
  for (const [code, flows] of groups) {
    flows.sort((a, b) => a.location.lat - b.location.lat);
    buckets.set(code, { flows, lats: flows.map((f) => f.location.lat) });
  }
  return buckets;
}

/** First index whose value is ≥ x in a sorted array. */
function lowerBound(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const better = (a: Evaluation, b: Evaluation) =>
  b.synergy.score - a.synergy.score || a.synergy.distanceKm - b.synergy.distanceKm || a.synergy.offer.id.localeCompare(b.synergy.offer.id) || a.synergy.need.id.localeCompare(b.synergy.need.id);

/**
 * The best substitution synergies between offers and needs, exactly as if every pair were
 * scored and ranked, but without scoring most of them: needs are bucketed by category and
 * sorted by latitude, and once `limit` leads are held, an offer only looks at needs near enough
 * to beat the weakest of them (see `maxUsefulDistanceKm`). Work then grows with the flows near
 * each offer rather than with all pairs of a dense area.
 *
 * @param offers offer flows in scope
 * @param needs need flows in scope
 * @param relations offer category → need categories (see `buildRelationTable`)
 * @param maxKmFor maximum exchange distance for an offered category
 * @returns at most `limit` leads, best first, with their reasons
 */
export function bestSubstitutions(
  offers: readonly SynergyFlow[],
  needs: readonly SynergyFlow[],
  relations: RelationTable,
  maxKmFor: (categoryCode: string) => number,
  options: SearchOptions,
): ScoredSynergy[] {
  const buckets = bucketByCategory(needs);
  const top: Evaluation[] = [];
  const threshold = () => (top.length < options.limit ? options.minScore : top[top.length - 1].synergy.score);
  const keep = (candidate: Evaluation) => {
    if (top.length >= options.limit && better(candidate, top[top.length - 1]) >= 0) return;
    let at = top.length;
    while (at > 0 && better(candidate, top[at - 1]) < 0) at -= 1;
    top.splice(at, 0, candidate);
    if (top.length > options.limit) top.pop();
  };

  for (const offer of offers) {
    const maxKm = maxKmFor(offer.categoryCode);
    const bestPerNeed = new Map<string, Evaluation>();
    for (const { code, relation } of relations.get(offer.categoryCode) ?? []) {
      const bucket = buckets.get(code);
      if (!bucket) continue;
      const reach = maxUsefulDistanceKm(categoryScore(relation), threshold(), maxKm);
      if (reach < 0) continue;
      const band = reach / KM_PER_DEGREE_LAT_MIN;
      const end = lowerBound(bucket.lats, offer.location.lat + band + 1e-9);
      for (let i = lowerBound(bucket.lats, offer.location.lat - band); i < end; i += 1) {
        const need = bucket.flows[i];
        if (options.involves && need.actorId !== options.involves && offer.actorId !== options.involves) continue;
        const evaluation = evaluate({ offer, need, relation, maxKm }, options.prices);
        if (!evaluation || evaluation.synergy.score < options.minScore) continue;
        const current = bestPerNeed.get(need.id);
        if (!current || evaluation.synergy.score > current.synergy.score) bestPerNeed.set(need.id, evaluation);
      }
    }
    for (const evaluation of bestPerNeed.values()) keep(evaluation);
  }
  return top.map((e) => ({ ...e.synergy, explanations: e.explain() }));
}

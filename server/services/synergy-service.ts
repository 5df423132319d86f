import { graphSearchMeters } from '../../graph/convert';
import { Db } from '../../graph/database';
import { CategoryReach, findFlowsOfActors, findFlowsOfCategoriesAround, findSynergyFlows, SynergyFlowQuery, CategoryFacts } from '../../graph/repositories/synergy-repository';
import { canSee, Viewer } from '../domain/access/confidentiality';
import { distanceKm } from '../domain/geo/geo';
import { cellsCovering, gridFor } from '../domain/geo/search-grid';
import { GeoPoint, ResourceFamilyName } from '../domain/model';
import { bestSubstitutions, SearchOptions } from '../domain/synergy/candidates';
import { buildRelationTable, invertRelationTable, RelationTable } from '../domain/synergy/category-relations';
import { categoryScore, maxUsefulDistanceKm, reasonsFor, ScoredSynergy, SynergyFlow } from '../domain/synergy/substitution';
import { loadTransportLimits, maxDistanceKm, TransportLimits } from '../domain/synergy/transport';
import { loadCompatibilities, ResourceCategoryRecord } from '../domain/taxonomy/taxonomy';
import { ValidationError } from '../errors';
import { checkSearchScope } from './search-scope';
import { TerritoryService } from './territory-service';

export interface SynergyFilterData {
  near?: GeoPoint | null;
  radiusKm?: number | null;
  territoryCode?: string | null;
  actorId?: string | null;
  families?: ResourceFamilyName[] | null;
  minScore?: number | null;
}

export const DEFAULT_SYNERGY_COUNT = 20;
export const MAX_SYNERGY_COUNT = 500;

// Around one actor, flows are read ring by ring out to these radii (km), as long as a lead
// that far could still make the list: the largest exchange distance is 150 km (IT equipment).
const RING_KM = [5, 10, 20, 40, 80, 160];

/** A ranked synergy as the API shows it: flows the viewer may not see are marked hidden. */
export interface SynergyView extends ScoredSynergy {
  offerHidden: boolean;
  needHidden: boolean;
  reasons: string[];
}

/** The category knowledge a search needs, computed once from the taxonomy. */
interface CategoryKnowledge {
  relations: RelationTable;
  inverse: RelationTable;
  maxKm: Map<string, number>;
  categories: Map<string, ResourceCategoryRecord>;
  /** What a flow of each category carries into scoring. */
  facts: Map<string, CategoryFacts>;
}

let shared: { taxonomy: readonly ResourceCategoryRecord[]; knowledge: CategoryKnowledge } | null = null;

function knowledgeOf(taxonomy: readonly ResourceCategoryRecord[], limits: TransportLimits): CategoryKnowledge {
  if (shared?.taxonomy === taxonomy) return shared.knowledge;
  const relations = buildRelationTable(taxonomy, loadCompatibilities());
  const knowledge = {
    relations,
    inverse: invertRelationTable(relations),
    maxKm: new Map(taxonomy.map((c) => [c.code, maxDistanceKm(limits, c.code, c.family)])),
    categories: new Map(taxonomy.map((c) => [c.code, c])),
    facts: new Map(taxonomy.map((c) => [c.code, { categoryName: c.nameFr, family: c.family, ewcCode: c.ewcCode }])),
  };
  shared = { taxonomy, knowledge };
  return knowledge;
}

/** A lead as `viewer` may see it: what it may not see is marked hidden and kept out of the reasons. */
function viewOf(synergy: ScoredSynergy, viewer: Viewer | null): SynergyView {
  const offerHidden = !canSee(viewer, synergy.offer.confidentiality);
  const needHidden = !canSee(viewer, synergy.need.confidentiality);
  return { ...synergy, offerHidden, needHidden, reasons: reasonsFor(synergy, offerHidden || needHidden) };
}

/** Substitution synergies: who could feed whom, nearby, explained. */
export class SynergyService {
  private readonly knowledge: CategoryKnowledge;

  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
    taxonomy: readonly ResourceCategoryRecord[],
    limits: TransportLimits = loadTransportLimits(),
  ) {
    this.knowledge = knowledgeOf(taxonomy, limits);
  }

  private readonly describe = (code: string) => this.knowledge.facts.get(code);

  private flows(query: SynergyFlowQuery): Promise<SynergyFlow[]> {
    return this.db.read((tx) => findSynergyFlows(tx, query, this.describe));
  }

  /** The category codes of these families; null (no restriction) when none is given. */
  private codesOf(families: ResourceFamilyName[] | null): string[] | null {
    if (!families?.length) return null;
    return [...this.knowledge.categories.values()].filter((c) => families.includes(c.family)).map((c) => c.code);
  }

  async substitutions(filter: SynergyFilterData, viewer: Viewer | null, first: number | null | undefined): Promise<SynergyView[]> {
    const limit = first ?? DEFAULT_SYNERGY_COUNT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SYNERGY_COUNT) {
      throw new ValidationError(`first: must be an integer between 1 and ${MAX_SYNERGY_COUNT} (got ${first}).`, ['first']);
    }
    checkSearchScope(filter);
    const minScore = filter.minScore ?? 0;
    const territoryKey = await this.territories.resolveKey(filter.territoryCode, 'filter.territoryCode');
    const options = { minScore, limit, involves: filter.actorId ?? null };
    let found: ScoredSynergy[];
    if (filter.near || territoryKey) {
      const { offers, needs } = await this.flowsInArea(filter, territoryKey);
      found = this.match(offers, needs, options);
    } else {
      found = await this.aroundActor(filter.actorId!, filter.families ?? null, options);
    }
    return found.map((synergy) => viewOf(synergy, viewer));
  }

  /**
   * The substitution leads among a set of actors (a session's participants), every pair with a
   * lead, best first. Flows the viewer may not see still count; their details are hidden from
   * the reasons, as in every synergy search.
   */
  async amongActors(actorIds: readonly string[], viewer: Viewer | null, minScore = 0.05): Promise<SynergyView[]> {
    const [offers, needs] = await this.db.read((tx) => Promise.all([
      findFlowsOfActors(tx, actorIds, 'OFFER', this.describe),
      findFlowsOfActors(tx, actorIds, 'NEED', this.describe),
    ]));
    const found = this.match(offers, needs, { minScore, limit: Infinity });
    return found.map((synergy) => viewOf(synergy, viewer));
  }

  /**
   * How well an offered category can meet a needed one, 0..1 (0: unrelated), by the taxonomy's
   * hierarchy and documented compatibilities, distance aside.
   */
  categoryFit(offerCode: string, needCode: string): number {
    const relation = this.knowledge.relations.get(offerCode)?.find((r) => r.code === needCode)?.relation;
    return relation ? categoryScore(relation) : 0;
  }

  /** Every offer and need of the actors in the circle and/or territory. */
  private async flowsInArea(filter: SynergyFilterData, territoryKey: string | null): Promise<{ offers: SynergyFlow[]; needs: SynergyFlow[] }> {
    const near = filter.near ?? null;
    const radiusKm = filter.radiusKm ?? null;
    const base: Omit<SynergyFlowQuery, 'direction'> = {
      center: near,
      radiusMeters: radiusKm !== null ? graphSearchMeters(radiusKm) : null,
      territoryKey,
      actorId: null,
      categoryCodes: null,
    };
    // Two transactions at once: a wide area reads tens of thousands of flows, and the server
    // answers both halves on separate cores (the shared bookmark manager keeps them causal).
    const [offers, needs] = await Promise.all([
      this.flows({ ...base, direction: 'OFFER', categoryCodes: this.codesOf(filter.families ?? null) }),
      this.flows({ ...base, direction: 'NEED' }),
    ]);
    const inside = (f: SynergyFlow) => !near || radiusKm === null || distanceKm(near, f.location) <= radiusKm;
    return { offers: offers.filter(inside), needs: needs.filter(inside) };
  }

  private match(offers: SynergyFlow[], needs: SynergyFlow[], options: SearchOptions): ScoredSynergy[] {
    return bestSubstitutions(offers, needs, this.knowledge.relations, (code) => this.knowledge.maxKm.get(code) ?? 0, options);
  }

  /**
   * The synergies of one actor: its offers against the needs they could serve, its needs
   * against the offers that could serve them, each related category read only as far as it
   * travels. Reading happens ring by ring (RING_KM); once the list is full, a ring only reads
   * as far as a lead could still beat the weakest one held (`maxUsefulDistanceKm`). The result
   * is exactly the one a single full read would give.
   */
  private async aroundActor(actorId: string, families: ResourceFamilyName[] | null, options: SearchOptions): Promise<ScoredSynergy[]> {
    const { relations, inverse, maxKm } = this.knowledge;
    const offerCodes = this.codesOf(families);
    const none = { center: null, radiusMeters: null, territoryKey: null, categoryCodes: null };
    const [ownOffers, ownNeeds] = await Promise.all([
      this.flows({ ...none, direction: 'OFFER', actorId, categoryCodes: offerCodes }),
      this.flows({ ...none, direction: 'NEED', actorId }),
    ]);
    const location = (ownOffers[0] ?? ownNeeds[0])?.location;
    if (!location) return [];

    // How far each related category may be read, in km, given the score a lead must reach.
    const reaches = (threshold: number) => {
      const needs = new Map<string, number>();
      for (const offer of ownOffers) {
        const limit = maxKm.get(offer.categoryCode) ?? 0;
        for (const { code, relation } of relations.get(offer.categoryCode) ?? []) {
          needs.set(code, Math.max(needs.get(code) ?? -1, maxUsefulDistanceKm(categoryScore(relation), threshold, limit)));
        }
      }
      const offers = new Map<string, number>();
      for (const need of ownNeeds) {
        for (const { code, relation } of inverse.get(need.categoryCode) ?? []) {
          offers.set(code, Math.max(offers.get(code) ?? -1, maxUsefulDistanceKm(categoryScore(relation), threshold, maxKm.get(code) ?? 0)));
        }
      }
      return { needs, offers };
    };
    const allowedOffers = offerCodes && new Set(offerCodes);
    const read = async (reach: Map<string, number>, direction: 'OFFER' | 'NEED', fromKm: number | null, toKm: (km: number) => number) => {
      const targets: CategoryReach[] = [];
      for (const [code, km] of reach) {
        const radiusKm = toKm(km);
        if (radiusKm <= (fromKm ?? -1) || (direction === 'OFFER' && allowedOffers && !allowedOffers.has(code))) continue;
        const grid = gridFor(radiusKm);
        const meters = graphSearchMeters(radiusKm);
        targets.push({ code, meters, grid: grid.property, cells: cellsCovering(location, meters / 1000, grid, fromKm) });
      }
      if (targets.length === 0) return [];
      const flows = await this.db.read((tx) => findFlowsOfCategoriesAround(tx, direction, location, targets, fromKm === null ? null : graphSearchMeters(fromKm), this.describe));
      return flows.filter((f) => f.actorId !== actorId);
    };

    // Rings of growing radius: each reads only the annulus beyond the last one, and only the
    // categories whose leads could still beat the weakest lead held so far.
    const offers: SynergyFlow[] = [];
    const needs: SynergyFlow[] = [];
    let found: ScoredSynergy[] = [];
    let inner: number | null = null;
    for (const outer of RING_KM) {
      const threshold = found.length >= options.limit ? found[found.length - 1].score : options.minScore;
      const reach = reaches(threshold);
      const within = (km: number) => Math.min(km, outer);
      const [moreNeeds, moreOffers] = await Promise.all([
        read(reach.needs, 'NEED', inner, within),
        read(reach.offers, 'OFFER', inner, within),
      ]);
      needs.push(...moreNeeds);
      offers.push(...moreOffers);
      if (inner === null || moreNeeds.length || moreOffers.length) found = this.match([...ownOffers, ...offers], [...ownNeeds, ...needs], options);
      const farthest = Math.max(-1, ...reach.needs.values(), ...reach.offers.values());
      if (farthest <= outer) break;
      inner = outer;
    }
    return found;
  }
}

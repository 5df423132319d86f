import { Db, Tx } from '../../graph/database';
import { findSynergyFlows, SynergyFlowQuery } from '../../graph/repositories/synergy-repository';
import { canSee, Viewer } from '../domain/access/confidentiality';
import { distanceKm } from '../domain/geo/geo';
import { GeoPoint, ResourceFamilyName } from '../domain/model';
import { bestSubstitutions } from '../domain/synergy/candidates';
import { buildRelationTable, invertRelationTable, RelationTable } from '../domain/synergy/category-relations';
import { reasonsFor, ScoredSynergy, SynergyFlow } from '../domain/synergy/substitution';
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

// Neo4j measures on a sphere 0.112 % larger than turf's: circles read from the graph are
// widened by that much, then turf's distance decides.
const NEO4J_MARGIN = 1.0012;

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
  };
  shared = { taxonomy, knowledge };
  return knowledge;
}

/** Substitution synergies: who could feed whom, nearby, explained. */
export class SynergyService {
  /** Reads flows and adds what the taxonomy says of their category. */
  private async flows(tx: Tx, query: SynergyFlowQuery): Promise<SynergyFlow[]> {
    const rows = await findSynergyFlows(tx, query);
    return rows.flatMap((row) => {
      const category = this.knowledge.categories.get(row.categoryCode);
      // A category the graph has and the data file lost cannot be scored; it is skipped.
      return category ? [{ ...row, categoryName: category.nameFr, family: category.family, ewcCode: category.ewcCode }] : [];
    });
  }

  private readonly knowledge: CategoryKnowledge;

  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
    taxonomy: readonly ResourceCategoryRecord[],
    limits: TransportLimits = loadTransportLimits(),
  ) {
    this.knowledge = knowledgeOf(taxonomy, limits);
  }

  async substitutions(filter: SynergyFilterData, viewer: Viewer | null, first: number | null | undefined): Promise<SynergyView[]> {
    const limit = first ?? DEFAULT_SYNERGY_COUNT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SYNERGY_COUNT) {
      throw new ValidationError(`first: must be an integer between 1 and ${MAX_SYNERGY_COUNT} (got ${first}).`, ['first']);
    }
    checkSearchScope(filter);
    const minScore = filter.minScore ?? 0;
    const territoryKey = await this.territories.resolveKey(filter.territoryCode, 'filter.territoryCode');
    const { offers, needs } = filter.near || territoryKey
      ? await this.flowsInArea(filter, territoryKey)
      : await this.flowsAroundActor(filter.actorId!, filter.families ?? null);
    const found = bestSubstitutions(offers, needs, this.knowledge.relations, (code) => this.knowledge.maxKm.get(code) ?? 0, {
      minScore,
      limit,
      involves: filter.actorId ?? null,
    });
    return found.map((synergy) => {
      const offerHidden = !canSee(viewer, synergy.offer.confidentiality);
      const needHidden = !canSee(viewer, synergy.need.confidentiality);
      return { ...synergy, offerHidden, needHidden, reasons: reasonsFor(synergy, offerHidden || needHidden) };
    });
  }

  /** Every offer and need of the actors in the circle and/or territory. */
  private async flowsInArea(filter: SynergyFilterData, territoryKey: string | null): Promise<{ offers: SynergyFlow[]; needs: SynergyFlow[] }> {
    const near = filter.near ?? null;
    const radiusKm = filter.radiusKm ?? null;
    const base: Omit<SynergyFlowQuery, 'direction'> = {
      center: near,
      radiusMeters: radiusKm !== null ? radiusKm * 1000 * NEO4J_MARGIN : null,
      territoryKey,
      actorId: null,
      categoryCodes: null,
      families: null,
    };
    const [offers, needs] = await this.db.read(async (tx) => [
      await this.flows(tx, { ...base, direction: 'OFFER', families: filter.families ?? null }),
      await this.flows(tx, { ...base, direction: 'NEED' }),
    ]);
    const inside = (f: SynergyFlow) => !near || radiusKm === null || distanceKm(near, f.location) <= radiusKm;
    return { offers: offers.filter(inside), needs: needs.filter(inside) };
  }

  /**
   * The actor's own flows, the needs its offers could serve and the offers that could serve
   * its needs: only of related categories, and only as far as those categories travel.
   */
  private async flowsAroundActor(actorId: string, families: ResourceFamilyName[] | null): Promise<{ offers: SynergyFlow[]; needs: SynergyFlow[] }> {
    const { relations, inverse, maxKm } = this.knowledge;
    return this.db.read(async (tx) => {
      const none = { center: null, radiusMeters: null, territoryKey: null, categoryCodes: null, families: null };
      const ownOffers = await this.flows(tx, { ...none, direction: 'OFFER', actorId, families });
      const ownNeeds = await this.flows(tx, { ...none, direction: 'NEED', actorId });
      const location = (ownOffers[0] ?? ownNeeds[0])?.location;
      if (!location) return { offers: ownOffers, needs: ownNeeds };
      // Each related category is read as far as the resource travels: an offer's limit for the
      // needs it may serve, each candidate offer's own limit for the actor's needs.
      const needReach: Record<string, number> = {};
      for (const offer of ownOffers) {
        const meters = (maxKm.get(offer.categoryCode) ?? 0) * 1000 * NEO4J_MARGIN;
        for (const { code } of relations.get(offer.categoryCode) ?? []) needReach[code] = Math.max(needReach[code] ?? 0, meters);
      }
      const offerReach: Record<string, number> = {};
      for (const need of ownNeeds) {
        for (const { code } of inverse.get(need.categoryCode) ?? []) offerReach[code] = (maxKm.get(code) ?? 0) * 1000 * NEO4J_MARGIN;
      }
      const around = { territoryKey: null, actorId: null, center: location, radiusMeters: null };
      const needs = Object.keys(needReach).length
        ? await this.flows(tx, { ...around, direction: 'NEED', categoryCodes: Object.keys(needReach), reachByCategory: needReach, families: null })
        : [];
      const offers = Object.keys(offerReach).length
        ? await this.flows(tx, { ...around, direction: 'OFFER', categoryCodes: Object.keys(offerReach), reachByCategory: offerReach, families })
        : [];
      const others = (f: SynergyFlow) => f.actorId !== actorId;
      return { offers: [...ownOffers, ...offers.filter(others)], needs: [...ownNeeds, ...needs.filter(others)] };
    });
  }
}

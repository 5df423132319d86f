import { graphSearchMeters } from '../../graph/convert';
import { Db } from '../../graph/database';
import { findActorsByIds } from '../../graph/repositories/actor-repository';
import { findFlowsByActorIds } from '../../graph/repositories/flow-repository';
import { findMutualisationFlows } from '../../graph/repositories/mutualisation-repository';
import { canSee, Viewer } from '../domain/access/confidentiality';
import { distanceKm } from '../domain/geo/geo';
import { FLOW_DIRECTIONS, FlowDirection, GeoPoint, ResourceFamilyName } from '../domain/model';
import {
  DEFAULT_MIN_MEMBERS, defaultClusterDistanceKm, findMutualisations, loadMutualisationRules, MIN_POINTS, MutualisationGroup,
  MutualisationRules, PoolingCategory, poolingKeys,
} from '../domain/synergy/mutualisation';
import { ValidationError } from '../errors';
import { MAX_RADIUS_KM } from './actor-service';
import { checkSearchScope } from './search-scope';
import { TerritoryService } from './territory-service';

export interface MutualisationFilterData {
  near?: GeoPoint | null;
  radiusKm?: number | null;
  territoryCode?: string | null;
  actorId?: string | null;
  families?: ResourceFamilyName[] | null;
  /** Null: groups of needs and groups of offers (each group has one direction). */
  direction?: FlowDirection | null;
  minMembers?: number | null;
  clusterDistanceKm?: number | null;
  minScore?: number | null;
}

export const DEFAULT_MUTUALISATION_COUNT = 20;
export const MAX_MUTUALISATION_COUNT = 200;
/** Beyond this neighbour distance a group is no longer local: a pool needs members who can meet, share a round or a machine. */
export const MAX_CLUSTER_DISTANCE_KM = 20;
export const MAX_MIN_MEMBERS = 100;
/**
 * With only an actor as scope, the search looks this many neighbour distances around it (12 km
 * for a collection round, 40 km for training). A DBSCAN group can chain further in theory; a chain
 * of more than 8 hops is no longer a local pool, and the bound keeps the search proportional.
 */
export const ACTOR_SEARCH_HOPS = 8;

/** Mutualisation synergies: who nearby could pool a need or an offer. */
export class MutualisationService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
    private readonly categories: readonly PoolingCategory[],
    private readonly rules: MutualisationRules = loadMutualisationRules(),
  ) {}

  /**
   * Validates the filter, reads the flows in scope, clusters them and hides from the viewer the
   * figures of flows it may not see (those flows still make their actors members; each group's
   * `hiddenFlowIds` lists the flows to redact). A group's members all lie in the scope: the
   * clustering only sees flows in the circle or territory, so a group at its edge is cut there.
   */
  async find(filter: MutualisationFilterData, viewer: Viewer | null, first: number | null | undefined): Promise<MutualisationGroup[]> {
    const limit = first ?? DEFAULT_MUTUALISATION_COUNT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MUTUALISATION_COUNT) {
      throw new ValidationError(`first: must be an integer between 1 and ${MAX_MUTUALISATION_COUNT} (got ${first}).`, ['first']);
    }
    checkSearchScope(filter);
    const minScore = filter.minScore ?? 0;
    const minMembers = filter.minMembers ?? DEFAULT_MIN_MEMBERS;
    if (!Number.isInteger(minMembers) || minMembers < MIN_POINTS || minMembers > MAX_MIN_MEMBERS) {
      throw new ValidationError(`filter.minMembers: must be an integer between ${MIN_POINTS} and ${MAX_MIN_MEMBERS} (got ${minMembers}); two actors make a bilateral deal, not a pool.`, ['filter.minMembers']);
    }
    const override = filter.clusterDistanceKm ?? null;
    if (override !== null && (!(override > 0) || override > MAX_CLUSTER_DISTANCE_KM)) {
      throw new ValidationError(`filter.clusterDistanceKm: must be greater than 0 and at most ${MAX_CLUSTER_DISTANCE_KM} km (got ${override}); leave it out for the documented default of each resource.`, ['filter.clusterDistanceKm']);
    }
    const territoryKey = await this.territories.resolveKey(filter.territoryCode, 'filter.territoryCode');
    let directions: FlowDirection[] = filter.direction ? [filter.direction] : [...FLOW_DIRECTIONS];
    let families = filter.families?.length ? filter.families : null;
    let center = filter.near ?? null;
    let radiusKm = filter.radiusKm ?? null;
    let categoryCodes: string[] | null = null;

    if (filter.actorId) {
      const anchor = await this.anchor(filter.actorId, directions, families, override);
      if (!anchor) return [];
      ({ directions, categoryCodes } = anchor);
      families = null;
      if (!center && !territoryKey) {
        center = anchor.location;
        radiusKm = Math.min(MAX_RADIUS_KM, ACTOR_SEARCH_HOPS * anchor.maxClusterKm);
      }
    }

    const flows = await this.db.read((tx) => findMutualisationFlows(tx, {
      center,
      // Read with Neo4j's slightly larger sphere; the exact circle below.
      radiusMeters: radiusKm !== null ? graphSearchMeters(radiusKm) : null,
      territoryKey,
      directions,
      families,
      categoryCodes,
    }));
    const inScope = center && radiusKm !== null ? flows.filter((f) => distanceKm(center!, f.location) <= radiusKm!) : flows;
    return findMutualisations(inScope, this.categories, {
      minMembers,
      clusterDistanceKm: override,
      minScore,
      actorId: filter.actorId ?? null,
      isVisible: (flow) => canSee(viewer, flow.confidentiality),
      rules: this.rules,
    }).slice(0, limit);
  }

  /**
   * What an actor-centred search needs: the actor's position, the directions and the categories
   * its flows could pool with (sharing a pooling key), and the widest neighbour distance among
   * them. Null when the actor has no categorised flow matching the filter.
   */
  private async anchor(actorId: string, directions: FlowDirection[], families: ResourceFamilyName[] | null, override: number | null) {
    const [[actor], [own]] = await this.db.read(async (tx) => [await findActorsByIds(tx, [actorId]), await findFlowsByActorIds(tx, [actorId])] as const);
    if (!actor) throw new ValidationError(`filter.actorId: no actor has the id '${actorId}'.`, ['filter.actorId']);
    const byCode = new Map(this.categories.map((c) => [c.code, c]));
    const keysByDirection = new Map<FlowDirection, Set<string>>();
    for (const flow of own) {
      const category = flow.categoryCode ? byCode.get(flow.categoryCode) : undefined;
      if (!category || !directions.includes(flow.direction) || (families && !families.includes(category.family))) continue;
      const keys = keysByDirection.get(flow.direction) ?? new Set<string>();
      poolingKeys(category.code, byCode, this.rules).forEach((k) => keys.add(k));
      keysByDirection.set(flow.direction, keys);
    }
    const allKeys = new Set([...keysByDirection.values()].flatMap((keys) => [...keys]));
    if (allKeys.size === 0) return null;
    const categoryCodes = this.categories.filter((c) => poolingKeys(c.code, byCode, this.rules).some((k) => allKeys.has(k))).map((c) => c.code);
    const maxClusterKm = override ?? Math.max(...[...allKeys].map((k) => defaultClusterDistanceKm(this.rules, k, byCode.get(k)!.family)));
    return { location: actor.location, directions: [...keysByDirection.keys()], categoryCodes, maxClusterKm };
  }
}

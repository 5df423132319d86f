import { graphSearchMeters } from '../../graph/convert';
import { Db } from '../../graph/database';
import { findActorLocation, findComplementarityActors, findRelationsAmong } from '../../graph/repositories/complementarity-repository';
import { visibleConfidentialities, Viewer } from '../domain/access/confidentiality';
import {
  ComplementarityKnowledge, ComplementarityResult, findComplementarities,
} from '../domain/complementarity/engine';
import {
  COMPLEMENTARITY_KINDS, ComplementarityKind, loadComplementarityRules, loadTrades, loadValueChain,
} from '../domain/complementarity/reference';
import { TradeRecogniser } from '../domain/complementarity/trades';
import { distanceKm } from '../domain/geo/geo';
import { GeoPoint } from '../domain/model';
import { buildRelationTable } from '../domain/synergy/category-relations';
import { loadCompatibilities, ResourceCategoryRecord } from '../domain/taxonomy/taxonomy';
import { NotFoundError, ValidationError } from '../errors';
import { checkSearchScope } from './search-scope';
import { TerritoryService } from './territory-service';

export interface ComplementarityFilterData {
  actorId?: string | null;
  territoryCode?: string | null;
  near?: GeoPoint | null;
  radiusKm?: number | null;
  kinds?: ComplementarityKind[] | null;
  minScore?: number | null;
}

export const DEFAULT_COMPLEMENTARITY_COUNT = 20;
export const MAX_COMPLEMENTARITY_COUNT = 500;

let shared: { taxonomy: readonly ResourceCategoryRecord[]; knowledge: ComplementarityKnowledge } | null = null;

function knowledgeOf(taxonomy: readonly ResourceCategoryRecord[]): ComplementarityKnowledge {
  if (shared?.taxonomy === taxonomy) return shared.knowledge;
  const knowledge: ComplementarityKnowledge = {
    rules: loadComplementarityRules(),
    recogniser: new TradeRecogniser(loadTrades()),
    valueChain: loadValueChain(),
    relations: buildRelationTable(taxonomy, loadCompatibilities()),
    categories: new Map(taxonomy.map((c) => [c.code, { nameFr: c.nameFr, family: c.family, parent: c.parent }])),
  };
  shared = { taxonomy, knowledge };
  return knowledge;
}

/** Complementarities between ESS or public actors and classic firms, nearby, explained. */
export class ComplementarityService {
  private readonly knowledge: ComplementarityKnowledge;

  constructor(private readonly db: Db, private readonly territories: TerritoryService, taxonomy: readonly ResourceCategoryRecord[]) {
    this.knowledge = knowledgeOf(taxonomy);
  }

  async find(filter: ComplementarityFilterData, viewer: Viewer | null, first: number | null | undefined): Promise<ComplementarityResult[]> {
    const limit = first ?? DEFAULT_COMPLEMENTARITY_COUNT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_COMPLEMENTARITY_COUNT) {
      throw new ValidationError(`first: must be an integer between 1 and ${MAX_COMPLEMENTARITY_COUNT} (got ${first}).`, ['first']);
    }
    checkSearchScope(filter);
    const kinds = filter.kinds?.length ? [...new Set(filter.kinds)] : null;
    for (const kind of kinds ?? []) {
      if (!COMPLEMENTARITY_KINDS.includes(kind)) throw new ValidationError(`filter.kinds: unknown kind '${kind}'.`, ['filter.kinds']);
    }
    const territoryKey = await this.territories.resolveKey(filter.territoryCode, 'filter.territoryCode');
    const { rules } = this.knowledge;
    const confidentialities = visibleConfidentialities(viewer);

    const { actors, relations } = await this.db.read(async (tx) => {
      let center = filter.near ?? null;
      let radiusKm = filter.radiusKm ?? null;
      if (!center && !territoryKey && filter.actorId) {
        // Around one actor: as far as the widest kind asked for reaches.
        center = await findActorLocation(tx, filter.actorId);
        if (!center) throw new NotFoundError('Actor', filter.actorId);
        radiusKm = Math.max(...(kinds ?? COMPLEMENTARITY_KINDS).map((k) => rules.maxKm[k]));
      }
      const found = await findComplementarityActors(tx, {
        center, radiusMeters: radiusKm === null ? null : graphSearchMeters(radiusKm), territoryKey, confidentialities,
      });
      if (filter.actorId && !found.some((a) => a.id === filter.actorId)) {
        if (!(await findActorLocation(tx, filter.actorId))) throw new NotFoundError('Actor', filter.actorId);
      }
      // A filter's circle holds both actors, by the engine's own distance.
      const inside = filter.near && filter.radiusKm != null ? found.filter((a) => distanceKm(filter.near!, a.location) <= filter.radiusKm!) : found;
      return { actors: inside, relations: await findRelationsAmong(tx, inside.map((a) => a.id)) };
    });
    return findComplementarities(actors, relations, this.knowledge, {
      kinds, involves: filter.actorId ?? null, minScore: filter.minScore ?? 0, limit,
    });
  }

  /** Every complementarity among a set of actors (a session's participants), best first. */
  async amongActors(actorIds: readonly string[], viewer: Viewer | null): Promise<ComplementarityResult[]> {
    const { actors, relations } = await this.db.read(async (tx) => {
      const found = await findComplementarityActors(tx, {
        center: null, radiusMeters: null, territoryKey: null, confidentialities: visibleConfidentialities(viewer), actorIds,
      });
      return { actors: found, relations: await findRelationsAmong(tx, found.map((a) => a.id)) };
    });
    return findComplementarities(actors, relations, this.knowledge, { kinds: null, involves: null, minScore: 0, limit: Infinity });
  }
}

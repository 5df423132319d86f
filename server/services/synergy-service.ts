import { Db } from '../../graph/database';
import { findSubstitutionCandidates } from '../../graph/repositories/synergy-repository';
import { canSee, Viewer } from '../domain/access/confidentiality';
import { GeoPoint, ResourceFamilyName } from '../domain/model';
import { distanceKm } from '../domain/geo/geo';
import { rankSubstitutions, reasonsFor, ScoredSynergy } from '../domain/synergy/substitution';
import { loadTransportLimits, maxDistanceKm, TransportLimits } from '../domain/synergy/transport';
import { ValidationError } from '../errors';
import { MAX_RADIUS_KM } from './actor-service';
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

/** A ranked synergy as the API shows it: flows the viewer may not see are marked hidden. */
export interface SynergyView extends ScoredSynergy {
  offerHidden: boolean;
  needHidden: boolean;
  reasons: string[];
}

/** Substitution synergies: who could feed whom, nearby, explained. */
export class SynergyService {
  constructor(
    private readonly db: Db,
    private readonly territories: TerritoryService,
    private readonly categories: readonly { code: string; family: ResourceFamilyName }[],
    private readonly limits: TransportLimits = loadTransportLimits(),
  ) {}

  async substitutions(filter: SynergyFilterData, viewer: Viewer | null, first: number | null | undefined): Promise<SynergyView[]> {
    const limit = first ?? DEFAULT_SYNERGY_COUNT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SYNERGY_COUNT) {
      throw new ValidationError(`first: must be an integer between 1 and ${MAX_SYNERGY_COUNT} (got ${first}).`, ['first']);
    }
    const minScore = filter.minScore ?? 0;
    if (minScore < 0 || minScore > 1) throw new ValidationError(`filter.minScore: must be between 0 and 1 (got ${minScore}).`, ['filter.minScore']);
    if ((filter.near == null) !== (filter.radiusKm == null)) {
      throw new ValidationError('filter.near and filter.radiusKm go together: give both or neither.', ['filter.near', 'filter.radiusKm']);
    }
    if (filter.radiusKm != null && (!(filter.radiusKm > 0) || filter.radiusKm > MAX_RADIUS_KM)) {
      throw new ValidationError(`filter.radiusKm: must be greater than 0 and at most ${MAX_RADIUS_KM} (got ${filter.radiusKm}).`, ['filter.radiusKm']);
    }
    if (!filter.near && !filter.territoryCode && !filter.actorId) {
      throw new ValidationError('filter: give a circle (near and radiusKm), a territoryCode or an actorId, so the search stays local.', ['filter']);
    }
    const territoryKey = await this.territories.resolveKey(filter.territoryCode, 'filter.territoryCode');
    const maxKmByCategory = Object.fromEntries(this.categories.map((c) => [c.code, maxDistanceKm(this.limits, c.code, c.family)]));
    const pairs = await this.db.read((tx) => findSubstitutionCandidates(tx, {
      center: filter.near ?? null,
      radiusMeters: filter.radiusKm != null ? filter.radiusKm * 1000 * 1.0012 : null,
      territoryKey,
      actorId: filter.actorId ?? null,
      families: filter.families ?? null,
      maxKmByCategory,
    }));
    const near = filter.near;
    const inCircle = near && filter.radiusKm != null
      ? pairs.filter((p) => distanceKm(near, p.offer.location) <= filter.radiusKm! && distanceKm(near, p.need.location) <= filter.radiusKm!)
      : pairs;
    return rankSubstitutions(inCircle, minScore, limit)
      .map((synergy) => {
        const offerHidden = !canSee(viewer, synergy.offer.confidentiality);
        const needHidden = !canSee(viewer, synergy.need.confidentiality);
        return { ...synergy, offerHidden, needHidden, reasons: reasonsFor(synergy, offerHidden || needHidden) };
      });
  }
}

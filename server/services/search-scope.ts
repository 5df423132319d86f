import { GeoPoint } from '../domain/model';
import { ValidationError } from '../errors';
import { MAX_RADIUS_KM } from './actor-service';

/** Where a synergy or mutualisation search looks, and how good a lead must be. */
export interface SearchScope {
  near?: GeoPoint | null;
  radiusKm?: number | null;
  territoryCode?: string | null;
  actorId?: string | null;
  minScore?: number | null;
}

/**
 * Checks the scope shared by the synergy searches: a circle needs both its centre and radius,
 * within bounds, and some scope is required so that a search stays local.
 */
export function checkSearchScope(filter: SearchScope): void {
  const minScore = filter.minScore ?? 0;
  if (!(minScore >= 0 && minScore <= 1)) throw new ValidationError(`filter.minScore: must be between 0 and 1 (got ${minScore}).`, ['filter.minScore']);
  if ((filter.near == null) !== (filter.radiusKm == null)) {
    throw new ValidationError('filter.near and filter.radiusKm go together: give both or neither.', ['filter.near', 'filter.radiusKm']);
  }
  if (filter.radiusKm != null && (!(filter.radiusKm > 0) || filter.radiusKm > MAX_RADIUS_KM)) {
    throw new ValidationError(`filter.radiusKm: must be greater than 0 and at most ${MAX_RADIUS_KM} (got ${filter.radiusKm}).`, ['filter.radiusKm']);
  }
  if (!filter.near && !filter.territoryCode && !filter.actorId) {
    throw new ValidationError('filter: give a circle (near and radiusKm), a territoryCode or an actorId, so the search stays local.', ['filter']);
  }
}

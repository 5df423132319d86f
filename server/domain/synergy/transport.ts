import data from '../../../seeds/reference/transport-distances.json';
import { ResourceFamilyName } from '../model';

interface Limit {
  maxKm: number;
  why: string;
}

/** Maximum exchange distances: one per family, overridden by category. */
export interface TransportLimits {
  families: Record<ResourceFamilyName, Limit>;
  categories: Record<string, Limit>;
}

/** The documented defaults of `seeds/reference/transport-distances.json`. */
export function loadTransportLimits(): TransportLimits {
  return { families: data.families as Record<ResourceFamilyName, Limit>, categories: data.categories };
}

/**
 * The maximum exchange distance for a resource category: the override of the most specific
 * category on its code path ("material.biowaste.food" → "material.biowaste"), else its family's.
 *
 * @param code category code, e.g. "energy.waste-heat.low-temperature"
 * @param family the category's family
 * @returns kilometres
 * @example maxDistanceKm(limits, 'energy.steam.low-pressure', 'ENERGY') // 2
 */
export function maxDistanceKm(limits: TransportLimits, code: string, family: ResourceFamilyName): number {
  const parts = code.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const override = limits.categories[parts.slice(0, length).join('.')];
    if (override) return override.maxKm;
  }
  return limits.families[family].maxKm;
}

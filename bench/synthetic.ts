import { ResourceCategoryRecord } from '../server/domain/taxonomy/taxonomy';

/**
 * A deterministic synthetic territory for benchmarks: actors gathered in industrial zones
 * (most economic activity in a French region sits in business parks) plus a scattered share,
 * each with about three flows of categories drawn from the taxonomy.
 */
export interface SyntheticActor {
  id: string;
  name: string;
  lat: number;
  lon: number;
  flows: SyntheticFlow[];
}

export interface SyntheticFlow {
  id: string;
  direction: 'OFFER' | 'NEED';
  categoryCode: string;
  quantity: number;
  unit: string;
  temperatureC: number | null;
}

/** Île-de-France, roughly: the region the demo territory sits in. */
const BOX = { minLat: 48.2, maxLat: 49.1, minLon: 1.5, maxLon: 3.4 };
const ACTORS_PER_ZONE = 400;
const ZONE_SIGMA_KM = 1.2;
const SCATTERED_SHARE = 0.2;
const KM_PER_DEG_LAT = 111.2;

/** Deterministic pseudo-random numbers (LCG), so every run measures the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random());
}

/**
 * @param count number of actors
 * @param categories the taxonomy (leaf and inner categories below the family roots are used)
 * @param seed change it for another territory of the same shape
 */
export function generateTerritory(count: number, categories: readonly ResourceCategoryRecord[], seed = 42): SyntheticActor[] {
  const random = rng(seed);
  const usable = categories.filter((c) => c.parent !== null);
  const zones = Array.from({ length: Math.max(1, Math.round(count / ACTORS_PER_ZONE)) }, () => ({
    lat: BOX.minLat + random() * (BOX.maxLat - BOX.minLat),
    lon: BOX.minLon + random() * (BOX.maxLon - BOX.minLon),
  }));
  const actors: SyntheticActor[] = [];
  for (let i = 0; i < count; i += 1) {
    let lat: number;
    let lon: number;
    if (random() < SCATTERED_SHARE) {
      lat = BOX.minLat + random() * (BOX.maxLat - BOX.minLat);
      lon = BOX.minLon + random() * (BOX.maxLon - BOX.minLon);
    } else {
      const zone = zones[Math.floor(random() * zones.length)];
      lat = zone.lat + (gaussian(random) * ZONE_SIGMA_KM) / KM_PER_DEG_LAT;
      lon = zone.lon + (gaussian(random) * ZONE_SIGMA_KM) / (KM_PER_DEG_LAT * Math.cos((zone.lat * Math.PI) / 180));
    }
    const flowCount = 2 + Math.floor(random() * 3); // 2..4, about 3 on average
    const flows = Array.from({ length: flowCount }, (_, k): SyntheticFlow => {
      const category = usable[Math.floor(random() * usable.length)];
      const heat = category.code.startsWith('energy.waste-heat');
      return {
        id: `syn-${i}-f${k}`,
        direction: random() < 0.55 ? 'OFFER' : 'NEED',
        categoryCode: category.code,
        quantity: Math.round(1 + random() * 500),
        unit: category.units[0] ?? 't/yr',
        temperatureC: heat ? Math.round(25 + random() * 60) : null,
      };
    });
    actors.push({ id: `syn-${i}`, name: `Synthetic actor ${i}`, lat, lon, flows });
  }
  return actors;
}

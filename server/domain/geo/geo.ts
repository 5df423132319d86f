import turfDistance from '@turf/distance';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfBbox from '@turf/bbox';
import { point } from '@turf/helpers';
import { GeoPoint } from '../model';

/**
 * Great-circle distance between two WGS-84 positions, on turf's mean Earth radius
 * (6,371,008.8 m): within 0.5 % of the ellipsoidal distance, as the API promises.
 *
 * @param a first position
 * @param b second position
 * @returns kilometres
 * @example distanceKm({ lat: 48.8566, lon: 2.3522 }, { lat: 48.7872, lon: 2.3925 }) // ≈ 8.3
 */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  return turfDistance(point([a.lon, a.lat]), point([b.lon, b.lat]), { units: 'kilometers' });
}

/**
 * Whether a position lies inside (or on the edge of) a GeoJSON polygon or multipolygon.
 *
 * @param position WGS-84 position
 * @param geometry RFC 7946 geometry, lon-lat order
 * @example isInside({ lat: 1, lon: 1 }, { type: 'Polygon', coordinates: [[[0,0],[2,0],[2,2],[0,2],[0,0]]] }) // true
 */
export function isInside(position: GeoPoint, geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): boolean {
  return booleanPointInPolygon(point([position.lon, position.lat]), geometry);
}

/**
 * Bounding box of a geometry as [minLon, minLat, maxLon, maxLat].
 */
export function boundingBox(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): number[] {
  return turfBbox(geometry) as number[];
}

/**
 * Checks that a value is a valid RFC 7946 Polygon or MultiPolygon in WGS-84 degrees: closed
 * linear rings of at least four positions, longitudes in [-180, 180] and latitudes in [-90, 90].
 *
 * @returns a list of problems, empty when the geometry is valid
 */
export function polygonProblems(value: unknown): string[] {
  const geometry = value as { type?: unknown; coordinates?: unknown };
  if (!geometry || typeof geometry !== 'object') return ['must be a GeoJSON geometry object'];
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return ['type must be "Polygon" or "MultiPolygon"'];
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) return ['coordinates must be a non-empty array'];
  const problems: string[] = [];
  polygons.forEach((rings: unknown, p) => {
    if (!Array.isArray(rings) || rings.length === 0) {
      problems.push(`polygon ${p} has no ring`);
      return;
    }
    rings.forEach((ring: unknown, r) => {
      if (!Array.isArray(ring) || ring.length < 4) {
        problems.push(`polygon ${p}, ring ${r}: a linear ring needs at least 4 positions`);
        return;
      }
      const bad = ring.find((pos: unknown) => !Array.isArray(pos) || pos.length < 2
        || typeof pos[0] !== 'number' || typeof pos[1] !== 'number'
        || Math.abs(pos[0]) > 180 || Math.abs(pos[1]) > 90);
      if (bad !== undefined) problems.push(`polygon ${p}, ring ${r}: positions must be [longitude, latitude] in degrees`);
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (Array.isArray(first) && Array.isArray(last) && (first[0] !== last[0] || first[1] !== last[1])) {
        problems.push(`polygon ${p}, ring ${r}: the ring must be closed (last position equal to the first)`);
      }
    });
  });
  return problems;
}

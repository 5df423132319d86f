import neo4j, { Integer, Point } from 'neo4j-driver';
import { GeoPoint } from '../server/domain/model';

/**
 * Conversions at the repository boundary: nothing above `graph/` sees driver types.
 */

/** WGS-84 2D, the only coordinate reference system the platform stores. */
export const WGS84_SRID = 4326;

export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  return Number(value);
}

export function toIsoString(value: unknown): string {
  return value === null || value === undefined ? '' : new Date(String(value)).toISOString();
}

export function toGeoPoint(value: unknown): GeoPoint {
  const point = value as Point;
  return { lat: Number(point.y), lon: Number(point.x) };
}

// Neo4j measures WGS-84 distances on a sphere of radius 6,378,140 m, turf on 6,371,008.8 m:
// Neo4j's figures are 0.112 % larger (and a hair more is allowed for rounding).
const NEO4J_TO_TURF = (6378140 / 6371008.8) * 1.0001;

/**
 * The radius, in Neo4j's metres, of a circle read from the graph that holds every position
 * within `radiusKm` by turf's distance. Callers then filter with turf, so results agree exactly
 * with the distances the API returns.
 */
export function graphSearchMeters(radiusKm: number): number {
  return radiusKm * 1000 * NEO4J_TO_TURF;
}

export function pointParam(point: GeoPoint): Point<number> {
  return new neo4j.types.Point(WGS84_SRID, point.lon, point.lat);
}

export function stringOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function intParam(n: number): Integer {
  return neo4j.int(n);
}

import { GeoPoint } from '../model';
import { distanceKm } from './geo';

/**
 * A regular latitude/longitude grid that files each flow under a cell, so "flows of category C
 * within R km" becomes a few exact index seeks on (category, cell) instead of reading every
 * flow of C in the region. Neo4j has no composite point index; this is the usual substitute.
 *
 * Two grids: the fine one (about 10 km cells in mainland France) serves the short reaches
 * most categories have; the coarse one (about 80 km) the long reaches of goods that travel
 * (150 km for IT equipment), where fine cells would mean thousands of seeks.
 *
 * The cell id formula is also written in Cypher (graph/repositories/flow-search-keys.ts): the
 * two must agree, which tests check on stored flows.
 */
export interface SearchGrid {
  /** Name of the flow property holding the cell id. */
  property: 'cell' | 'coarseCell';
  latStepDeg: number;
  lonStepDeg: number;
}

export const FINE_GRID: SearchGrid = { property: 'cell', latStepDeg: 0.09, lonStepDeg: 0.13 };
export const COARSE_GRID: SearchGrid = { property: 'coarseCell', latStepDeg: 0.72, lonStepDeg: 1.04 };

/** Above this reach the coarse grid reads fewer cells for about the same number of flows. */
export const COARSE_GRID_FROM_KM = 40;

// Column ids stay below this, so `row * COLUMNS + column` is unique.
export const COLUMNS = 10000;

const KM_PER_DEG_LAT = 111.19;

function row(lat: number, grid: SearchGrid): number {
  return Math.floor((lat + 90) / grid.latStepDeg);
}

function column(lon: number, grid: SearchGrid): number {
  return Math.floor((lon + 180) / grid.lonStepDeg);
}

/** The id of the cell holding a position. */
export function cellOf(position: GeoPoint, grid: SearchGrid): number {
  return row(position.lat, grid) * COLUMNS + column(position.lon, grid);
}

/** The grid suited to reading as far as `radiusKm`. */
export function gridFor(radiusKm: number): SearchGrid {
  return radiusKm > COARSE_GRID_FROM_KM ? COARSE_GRID : FINE_GRID;
}

/** The cell's corners and the point of the cell nearest to `center` (clamping its coordinates). */
function cellPoints(center: GeoPoint, r: number, c: number, grid: SearchGrid): { corners: GeoPoint[]; nearest: GeoPoint } {
  const south = r * grid.latStepDeg - 90;
  const west = c * grid.lonStepDeg - 180;
  const north = south + grid.latStepDeg;
  const east = west + grid.lonStepDeg;
  // The centre's longitude as seen from this cell (it may sit across the antimeridian).
  const lon = [center.lon, center.lon - 360, center.lon + 360].reduce((best, l) => (Math.abs(l - (west + east) / 2) < Math.abs(best - (west + east) / 2) ? l : best));
  return {
    corners: [{ lat: south, lon: west }, { lat: north, lon: west }, { lat: south, lon: east }, { lat: north, lon: east }],
    nearest: { lat: Math.min(north, Math.max(south, center.lat)), lon: Math.min(east, Math.max(west, lon)) },
  };
}

/**
 * Every cell that may hold a position within `radiusKm` of `center`: those of the circle's
 * bounding box whose nearest point is within the radius (2 % margins for the sphere). A
 * superset; the caller still filters on the exact distance. Handles circles crossing the
 * antimeridian (Wallis-et-Futuna, Polynesia).
 *
 * @param exceptWithinKm leave out cells lying wholly within this distance (already read)
 */
export function cellsCovering(center: GeoPoint, radiusKm: number, grid: SearchGrid, exceptWithinKm: number | null = null): number[] {
  const dLat = (radiusKm * 1.01) / KM_PER_DEG_LAT;
  const minLat = Math.max(-90, center.lat - dLat);
  const maxLat = Math.min(90, center.lat + dLat);
  const widestLat = Math.min(89.9, Math.max(Math.abs(minLat), Math.abs(maxLat)));
  const dLon = dLat / Math.cos((widestLat * Math.PI) / 180);
  const lonRanges: Array<[number, number]> = dLon >= 180
    ? [[-180, 180]]
    : center.lon - dLon < -180
      ? [[-180, center.lon + dLon], [center.lon - dLon + 360, 180]]
      : center.lon + dLon > 180
        ? [[center.lon - dLon, 180], [-180, center.lon + dLon - 360]]
        : [[center.lon - dLon, center.lon + dLon]];
  const lastColumn = column(180 - 1e-9, grid);
  const columns = new Set<number>();
  for (const [from, to] of lonRanges) {
    for (let c = column(from, grid); c <= Math.min(column(to, grid), lastColumn); c += 1) columns.add(c);
  }
  const cells: number[] = [];
  for (let r = row(minLat, grid); r <= row(maxLat, grid); r += 1) {
    for (const c of columns) {
      const { corners, nearest } = cellPoints(center, r, c, grid);
      if (distanceKm(center, nearest) > radiusKm * 1.02) continue;
      if (exceptWithinKm !== null && corners.every((corner) => distanceKm(center, corner) <= exceptWithinKm * 0.98)) continue;
      cells.push(r * COLUMNS + c);
    }
  }
  return cells;
}

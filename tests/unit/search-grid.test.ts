import fc from 'fast-check';
import { cellOf, cellsCovering, COARSE_GRID, FINE_GRID, gridFor } from '../../server/domain/geo/search-grid';
import { destination, haversineKm } from '../support/haversine';

const position = fc.record({
  lat: fc.double({ min: -80, max: 80, noNaN: true }),
  lon: fc.double({ min: -180, max: 179.999, noNaN: true }),
});

describe('search grid', () => {
  it.each([['fine', FINE_GRID], ['coarse', COARSE_GRID]] as const)(
    'covers, in the %s grid, the cell of every point within the radius, across the antimeridian too',
    (_name, grid) => {
      fc.assert(fc.property(
        position,
        fc.double({ min: 0.1, max: grid === FINE_GRID ? 40 : 160, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (center, radiusKm, bearing, share) => {
          const target = destination(center, bearing, radiusKm * share);
          const lon = ((target.lon + 540) % 360) - 180;
          expect(cellsCovering(center, radiusKm, grid)).toContain(cellOf({ lat: target.lat, lon }, grid));
        },
      ), { numRuns: 2000 });
    },
  );

  it('leaves out only cells wholly inside the inner distance, never one holding a farther point', () => {
    fc.assert(fc.property(
      position,
      fc.double({ min: 5, max: 40, noNaN: true }),
      fc.double({ min: 0, max: 360, noNaN: true }),
      fc.double({ min: 0.5, max: 1, noNaN: true }),
      (center, radiusKm, bearing, share) => {
        const inner = radiusKm / 2;
        const target = destination(center, bearing, radiusKm * share);
        fc.pre(haversineKm(center, target) > inner);
        const lon = ((target.lon + 540) % 360) - 180;
        expect(cellsCovering(center, radiusKm, FINE_GRID, inner)).toContain(cellOf({ lat: target.lat, lon }, FINE_GRID));
      },
    ), { numRuns: 2000 });
  });

  it('reads few cells: none outside the circle, a wide ring skips those already read, long reaches use coarse cells', () => {
    const vitry = { lat: 48.7872, lon: 2.3925 };
    expect(cellsCovering(vitry, 5, FINE_GRID).length).toBeLessThanOrEqual(9);
    const ring = cellsCovering(vitry, 40, FINE_GRID, 20);
    const disk = cellsCovering(vitry, 40, FINE_GRID);
    expect(disk.length).toBeLessThan(0.9 * 10 * 10); // the bounding box has about 10 × 10 cells
    expect(ring.length).toBeLessThan(disk.length);
    expect(gridFor(20)).toBe(FINE_GRID);
    expect(gridFor(150)).toBe(COARSE_GRID);
    expect(cellsCovering(vitry, 150, COARSE_GRID).length).toBeLessThanOrEqual(49);
  });

  it('gives neighbouring positions in one cell the same id and distant ones different ids', () => {
    expect(cellOf({ lat: 48.83, lon: 2.42 }, FINE_GRID)).toBe(cellOf({ lat: 48.831, lon: 2.421 }, FINE_GRID));
    expect(cellOf({ lat: 48.8, lon: 2.39 }, FINE_GRID)).not.toBe(cellOf({ lat: 43.3, lon: 5.37 }, FINE_GRID));
    expect(cellOf({ lat: -17.5, lon: 179.99 }, COARSE_GRID)).not.toBe(cellOf({ lat: -17.5, lon: -179.99 }, COARSE_GRID));
  });
});

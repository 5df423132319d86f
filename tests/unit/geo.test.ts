import { boundingBox, distanceKm, isInside, polygonProblems } from '../../server/domain/geo/geo';
import { destination, haversineKm } from '../support/haversine';

const PARIS = { lat: 48.8566, lon: 2.3522 };
const VITRY = { lat: 48.7872, lon: 2.3925 };

const square = (minLon: number, minLat: number, maxLon: number, maxLat: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]],
});

describe('distanceKm', () => {
  it('puts Vitry-sur-Seine about 8.3 km from Paris, as an independent haversine does', () => {
    const d = distanceKm(PARIS, VITRY);
    expect(d).toBeCloseTo(8.3, 1);
    expect(Math.abs(d - haversineKm(PARIS, VITRY)) / haversineKm(PARIS, VITRY)).toBeLessThan(0.001);
  });

  it('is symmetric and zero for the same point', () => {
    expect(distanceKm(PARIS, VITRY)).toBeCloseTo(distanceKm(VITRY, PARIS), 9);
    expect(distanceKm(PARIS, PARIS)).toBe(0);
  });

  it.each([
    ['Paris → Marseille', PARIS, { lat: 43.2965, lon: 5.3698 }],
    ['Lille → Perpignan', { lat: 50.6292, lon: 3.0573 }, { lat: 42.6887, lon: 2.8948 }],
    ['across the antimeridian', { lat: -17.5, lon: 179.9 }, { lat: -17.6, lon: -179.9 }],
    ['Brest → Strasbourg', { lat: 48.3904, lon: -4.4861 }, { lat: 48.5734, lon: 7.7521 }],
  ])('agrees with the haversine within 0.5 %% for %s', (_label, a, b) => {
    const expected = haversineKm(a, b);
    expect(Math.abs(distanceKm(a, b) - expected) / expected).toBeLessThan(0.005);
  });

  it('measures 1 km as 1 km at any bearing', () => {
    for (const bearing of [0, 45, 90, 180, 270]) {
      expect(distanceKm(VITRY, destination(VITRY, bearing, 1))).toBeCloseTo(1, 4);
    }
  });
});

describe('isInside', () => {
  const box = square(2.0, 48.0, 3.0, 49.0);

  it('finds a point inside a polygon and not one outside', () => {
    expect(isInside({ lat: 48.5, lon: 2.5 }, box)).toBe(true);
    expect(isInside({ lat: 49.5, lon: 2.5 }, box)).toBe(false);
    expect(isInside({ lat: 48.5, lon: 3.5 }, box)).toBe(false);
  });

  it('reads GeoJSON positions as [longitude, latitude], not the other way round', () => {
    const thin = square(10.0, 40.0, 10.5, 50.0); // lon 10..10.5, lat 40..50
    expect(isInside({ lat: 45, lon: 10.2 }, thin)).toBe(true);
    expect(isInside({ lat: 10.2, lon: 45 }, thin)).toBe(false);
  });

  it('counts a point on the edge as inside', () => {
    expect(isInside({ lat: 48.0, lon: 2.5 }, box)).toBe(true);
  });

  it('excludes points in a hole', () => {
    const withHole: GeoJSON.Polygon = { type: 'Polygon', coordinates: [box.coordinates[0], square(2.4, 48.4, 2.6, 48.6).coordinates[0]] };
    expect(isInside({ lat: 48.5, lon: 2.5 }, withHole)).toBe(false);
    expect(isInside({ lat: 48.2, lon: 2.2 }, withHole)).toBe(true);
  });

  it('handles multipolygons', () => {
    const multi: GeoJSON.MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0, 1, 1).coordinates, square(5, 5, 6, 6).coordinates] };
    expect(isInside({ lat: 5.5, lon: 5.5 }, multi)).toBe(true);
    expect(isInside({ lat: 0.5, lon: 0.5 }, multi)).toBe(true);
    expect(isInside({ lat: 3, lon: 3 }, multi)).toBe(false);
  });
});

describe('boundingBox', () => {
  it('is [minLon, minLat, maxLon, maxLat]', () => {
    expect(boundingBox(square(2.1, 48.2, 2.9, 48.8))).toEqual([2.1, 48.2, 2.9, 48.8]);
  });
});

describe('polygonProblems', () => {
  it('accepts a valid Polygon and MultiPolygon', () => {
    expect(polygonProblems(square(2, 48, 3, 49))).toEqual([]);
    expect(polygonProblems({ type: 'MultiPolygon', coordinates: [square(0, 0, 1, 1).coordinates, square(5, 5, 6, 6).coordinates] })).toEqual([]);
  });

  it.each([
    ['null', null, /geometry object/],
    ['a string', 'POLYGON((0 0, 1 0, 1 1, 0 0))', /geometry object/],
    ['a Point', { type: 'Point', coordinates: [2, 48] }, /type must be "Polygon" or "MultiPolygon"/],
    ['a LineString', { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, /type must be/],
    ['a Polygon without coordinates', { type: 'Polygon' }, /no ring/],
    ['a Polygon with empty coordinates', { type: 'Polygon', coordinates: [] }, /no ring/],
    ['a MultiPolygon without coordinates', { type: 'MultiPolygon' }, /non-empty array/],
    ['a MultiPolygon with empty coordinates', { type: 'MultiPolygon', coordinates: [] }, /non-empty array/],
    ['a polygon without rings', { type: 'MultiPolygon', coordinates: [[]] }, /no ring/],
    ['an unclosed ring', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, /closed/],
    ['a ring of three positions', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }, /at least 4 positions/],
    ['a latitude beyond 90', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 95], [0, 0]]] }, /\[longitude, latitude\]/],
    ['a longitude beyond 180', { type: 'Polygon', coordinates: [[[0, 0], [181, 0], [1, 1], [0, 0]]] }, /\[longitude, latitude\]/],
    ['positions that are not numbers', { type: 'Polygon', coordinates: [[['0', '0'], [1, 0], [1, 1], ['0', '0']]] }, /\[longitude, latitude\]/],
    ['a position with one number', { type: 'Polygon', coordinates: [[[0], [1, 0], [1, 1], [0]]] }, /\[longitude, latitude\]/],
  ])('reports %s', (_label, value, problem) => {
    const problems = polygonProblems(value);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('; ')).toMatch(problem);
  });

  it('names the faulty ring of a multipolygon', () => {
    const problems = polygonProblems({ type: 'MultiPolygon', coordinates: [square(0, 0, 1, 1).coordinates, [[[5, 5], [6, 5], [6, 6], [5, 6]]]] });
    expect(problems).toEqual(['polygon 1, ring 0: the ring must be closed (last position equal to the first)']);
  });
});

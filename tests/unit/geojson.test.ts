import * as fs from 'node:fs';
import * as path from 'node:path';
import { Viewer } from '../../server/domain/access/confidentiality';
import { buildGeoJsonExport, GEO_LAYERS, GeoExportData, GeoLayer, positionsBbox, toPosition } from '../../server/domain/geo/geojson';

// Stored fixtures: `in/` holds the data, `out/` the expected export. Regenerate `out/` only on
// purpose, after reviewing the change: UPDATE_GEOJSON_FIXTURES=1 npx jest tests/unit/geojson.test.ts
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'geojson');
const input = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'in', 'touraine.json'), 'utf8')) as { data: GeoExportData };
const data = input.data;
const ADMIN: Viewer = { role: 'ADMIN' };
const MEMBER: Viewer = { role: 'MEMBER' };

const build = (viewer: Viewer | null, layers: readonly GeoLayer[] = GEO_LAYERS) => buildGeoJsonExport(data, { viewer, layers });
const layer = (collection: GeoJSON.FeatureCollection, name: GeoLayer) => collection.features.filter((f) => f.properties?.layer === name);
const props = (feature: GeoJSON.Feature) => feature.properties as Record<string, any>;

function allPositions(collection: GeoJSON.FeatureCollection): GeoJSON.Position[] {
  return collection.features.flatMap((f) => {
    const g = f.geometry as GeoJSON.Point | GeoJSON.LineString | GeoJSON.MultiLineString;
    return g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates.flat();
  });
}

describe.each([
  ['anonymous', null, 'anonymous.geojson'],
  ['admin', ADMIN, 'admin.geojson'],
] as const)('the export for an %s caller', (_label, viewer, file) => {
  it('matches the stored expected output', () => {
    const actual = build(viewer);
    const expectedFile = path.join(FIXTURES, 'out', file);
    if (process.env.UPDATE_GEOJSON_FIXTURES === '1') fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
  });

  it('is a FeatureCollection of Features whose positions are pairs of numbers in WGS-84 degrees', () => {
    const collection = build(viewer);
    expect(collection.type).toBe('FeatureCollection');
    for (const feature of collection.features) {
      expect(feature.type).toBe('Feature');
      expect(['Point', 'LineString', 'MultiLineString']).toContain(feature.geometry.type);
      expect(typeof props(feature).layer).toBe('string');
    }
    for (const position of allPositions(collection)) {
      expect(position).toHaveLength(2);
      expect(position.every((n) => typeof n === 'number' && Number.isFinite(n))).toBe(true);
      expect(Math.abs(position[0])).toBeLessThanOrEqual(180);
      expect(Math.abs(position[1])).toBeLessThanOrEqual(90);
    }
  });
});

describe('positions', () => {
  it('writes longitude first, then latitude (RFC 7946 §3.1.1)', () => {
    const [brasserie] = layer(build(null, ['ACTORS']), 'ACTORS');
    expect(brasserie.geometry).toEqual({ type: 'Point', coordinates: [0.5, 47] });
  });

  it('rounds coordinates to 6 decimals (about 0.1 m)', () => {
    expect(toPosition({ lat: 47.0123456789, lon: 0.5234567891 })).toEqual([0.523457, 47.012346]);
  });

  it('refuses a position outside WGS-84 degrees, naming it', () => {
    expect(() => toPosition({ lat: 95, lon: 0.5 }, 'actor x')).toThrow(/actor x: expected WGS-84 degrees/);
    expect(() => toPosition({ lat: 47, lon: Number.NaN })).toThrow(/longitude in \[-180, 180\]/);
    const broken = { ...data, actors: [{ ...data.actors[0], location: { lat: 0.5, lon: 200 } }] };
    expect(() => buildGeoJsonExport(broken, { viewer: null, layers: ['ACTORS'] })).toThrow(/actor a-brasserie/);
  });

  it('draws a candidate from the offer’s actor to the need’s actor', () => {
    const [line] = layer(build(null, ['SYNERGIES']), 'SYNERGIES');
    expect(line.geometry).toEqual({ type: 'LineString', coordinates: [[0.5, 47], [0.523457, 47.012346]] });
  });
});

describe('bbox', () => {
  it('spans every position written, as [west, south, east, north]', () => {
    const collection = build(ADMIN);
    expect(collection.bbox).toEqual([0.47, 46.98, 0.523457, 47.012346]);
    expect(collection.bbox).toEqual(positionsBbox(allPositions(collection)));
  });

  it('follows the layers written', () => {
    const withoutRecyclerie = buildGeoJsonExport({ ...data, actors: data.actors.slice(0, 2) }, { viewer: null, layers: ['ACTORS', 'SYNERGIES'] });
    expect(withoutRecyclerie.bbox).toEqual([0.5, 47, 0.523457, 47.012346]);
  });

  it('is absent from an empty collection, which has no range to give', () => {
    const empty = buildGeoJsonExport({ actors: [], flows: [], candidates: [], tracked: [] }, { viewer: ADMIN, layers: GEO_LAYERS });
    expect(empty).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe('feature counts', () => {
  it('writes one feature per actor, visible flow, candidate and drawable tracked synergy', () => {
    const admin = build(ADMIN);
    expect(layer(admin, 'ACTORS')).toHaveLength(3);
    expect(layer(admin, 'FLOWS')).toHaveLength(5);
    expect(layer(admin, 'SYNERGIES')).toHaveLength(2);
    // The synergy whose partner was deleted has one actor left: no line to draw.
    expect(layer(admin, 'TRACKED_SYNERGIES').map((f) => props(f).id)).toEqual(['s-sub', 's-mut']);
    expect(admin.features).toHaveLength(3 + 5 + 2 + 2);
  });

  it('writes only the layers asked for, in a fixed order', () => {
    const collection = build(ADMIN, ['SYNERGIES', 'ACTORS']);
    expect(collection.features.map((f) => props(f).layer)).toEqual(['ACTORS', 'ACTORS', 'ACTORS', 'SYNERGIES', 'SYNERGIES']);
  });

  it('counts the offers and needs each actor has, as far as the caller may see them', () => {
    const counts = (viewer: Viewer | null) => layer(build(viewer, ['ACTORS']), 'ACTORS').map((f) => [props(f).id, props(f).offerCount, props(f).needCount]);
    expect(counts(ADMIN)).toEqual([['a-brasserie', 2, 0], ['a-ferme', 0, 2], ['a-recyclerie', 0, 1]]);
    expect(counts(MEMBER)).toEqual([['a-brasserie', 1, 0], ['a-ferme', 0, 2], ['a-recyclerie', 0, 1]]);
    expect(counts(null)).toEqual([['a-brasserie', 1, 0], ['a-ferme', 0, 1], ['a-recyclerie', 0, 1]]);
  });

  it('places a flow at its actor and leaves out a flow whose actor is not exported', () => {
    const flows = layer(build(null, ['FLOWS']), 'FLOWS');
    expect(flows.map((f) => props(f).id)).toEqual(['f-dreche', 'f-aliment', 'f-palettes']);
    expect(flows[1].geometry).toEqual({ type: 'Point', coordinates: [0.523457, 47.012346] });
    expect(props(flows[0])).toEqual({
      layer: 'FLOWS', id: 'f-dreche', actorId: 'a-brasserie', direction: 'OFFER', description: 'Drêches de brasserie',
      categoryCode: 'material.biowaste.brewers-grains', family: 'MATERIAL', quantity: 120, unit: 't/yr',
    });
  });

  it('draws a tracked mutualisation as lines from the group’s centroid to each member', () => {
    const mutualisation = layer(build(ADMIN, ['TRACKED_SYNERGIES']), 'TRACKED_SYNERGIES').find((f) => props(f).id === 's-mut')!;
    const geometry = mutualisation.geometry as GeoJSON.MultiLineString;
    expect(geometry.type).toBe('MultiLineString');
    expect(geometry.coordinates.map((line) => line[1])).toEqual([[0.5, 47], [0.523457, 47.012346], [0.47, 46.98]]);
    const centroid = geometry.coordinates[0][0];
    expect(centroid[0]).toBeCloseTo((0.5 + 0.5234567891 + 0.47) / 3, 6);
    expect(centroid[1]).toBeCloseTo((47 + 47.0123456789 + 46.98) / 3, 6);
    expect(geometry.coordinates.every((line) => line[0] === centroid || (line[0][0] === centroid[0] && line[0][1] === centroid[1]))).toBe(true);
  });

  it('draws a tracked substitution from the offer’s actor to the need’s actor whatever the order of its actors', () => {
    const substitution = layer(build(ADMIN, ['TRACKED_SYNERGIES']), 'TRACKED_SYNERGIES').find((f) => props(f).id === 's-sub')!;
    expect(substitution.geometry).toEqual({ type: 'LineString', coordinates: [[0.5, 47], [0.523457, 47.012346]] });
    expect(props(substitution)).toMatchObject({ kind: 'SUBSTITUTION', status: 'CONTACTED', actorIds: ['a-ferme', 'a-brasserie'] });
  });
});

describe('confidentiality', () => {
  it('leaks nothing of a hidden flow to an anonymous caller', () => {
    const collection = build(null);
    const text = JSON.stringify(collection);
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('300');
    expect(text).not.toContain('250');
    const flowIds = layer(collection, 'FLOWS').map((f) => props(f).id);
    expect(flowIds).not.toContain('f-chaleur');
    expect(flowIds).not.toContain('f-serre');
  });

  it('shows a members-only flow to a member but not a private one', () => {
    const flowIds = layer(build(MEMBER, ['FLOWS']), 'FLOWS').map((f) => props(f).id);
    expect(flowIds).toContain('f-serre');
    expect(flowIds).not.toContain('f-chaleur');
  });

  it('marks a candidate whose flows are hidden, with the reasons it was given and nothing more', () => {
    const hidden = layer(build(null, ['SYNERGIES']), 'SYNERGIES')[1];
    expect(props(hidden)).toEqual({
      layer: 'SYNERGIES', rank: 2, score: 0.74, distanceKm: 2.15, offerId: 'f-chaleur', needId: 'f-serre',
      offerActorId: 'a-brasserie', needActorId: 'a-ferme', offerCategoryCode: 'energy.waste-heat.low-temperature',
      needCategoryCode: 'energy.heat-demand.greenhouse', family: 'ENERGY', offerHidden: true, needHidden: true,
      reasons: ['Compatible', 'Détails confidentiels (qualité, quantités, période, économie) : à voir avec un animateur'],
    });
  });

  it('gives tracked synergies to authenticated callers only', () => {
    expect(layer(build(null), 'TRACKED_SYNERGIES')).toHaveLength(0);
    expect(layer(build(MEMBER), 'TRACKED_SYNERGIES')).toHaveLength(2);
  });
});

it('refuses an unknown layer', () => {
  expect(() => buildGeoJsonExport(data, { viewer: null, layers: ['ROADS' as GeoLayer] })).toThrow(/unknown layer\(s\) ROADS/);
});

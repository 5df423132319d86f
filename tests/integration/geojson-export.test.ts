import { destination } from '../support/haversine';
import { startTestApi, TestApi } from '../support/test-api';

// A quiet corner of Indre-et-Loire (near Nouâtre), far from the demo territory and from other
// test files' actors.
const ORIGIN = { lat: 47.0, lon: 0.5 };
const NOUATRE = '37174';
const PALLETS = 'material.wood.pallets';
const HEAT = 'energy.waste-heat.low-temperature';
const EXPORT = 'query($filter: GeoExportFilter!) { geojsonExport(filter: $filter) }';
const TRACK = 'mutation($input: TrackSynergyInput!) { trackSynergy(input: $input) { id status } }';

let api: TestApi;
const synergies: string[] = [];
let territoryCode: string;

// What the test created, by role.
const ids = {} as Record<'sawmill' | 'boiler' | 'farAway' | 'pallets' | 'palletNeed' | 'heat' | 'heatNeed' | 'tracked', string>;
const where = {} as Record<'sawmill' | 'boiler' | 'farAway', { lat: number; lon: number }>;

function actorAt(label: string, location: { lat: number; lon: number }, extra: Record<string, unknown> = {}): Promise<string> {
  return api.addActor(label, location, { address: `${label}, 37800 Nouâtre`, ...extra });
}

function flow(actorId: string, input: Record<string, unknown>): Promise<string> {
  return api.addFlow(actorId, input);
}

type Collection = { type: string; bbox?: number[]; features: { type: string; id?: string; geometry: { type: string; coordinates: any }; properties: Record<string, any> }[] };

async function exportGql(filter: Record<string, unknown>, token?: string | null): Promise<Collection> {
  const res = await api.gql(EXPORT, { filter }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.geojsonExport as Collection;
}

async function download(query: string, token?: string): Promise<Response> {
  return fetch(`${api.url}/export.geojson?${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
}

const layer = (c: Collection, name: string) => c.features.filter((f) => f.properties.layer === name);
const idsIn = (c: Collection, name: string) => layer(c, name).map((f) => f.properties.id as string);
const isNumber = (n: unknown) => typeof n === 'number' && Number.isFinite(n);

/** Every position of a geometry, checking on the way that the nesting fits its type. */
function positionsOf(geometry: { type: string; coordinates: any }): number[][] {
  const depth: Record<string, number> = { Point: 0, LineString: 1, MultiLineString: 2 };
  expect(Object.keys(depth)).toContain(geometry.type);
  let positions: any[] = [geometry.coordinates];
  for (let level = 0; level < depth[geometry.type]; level += 1) {
    positions.forEach((p) => expect(Array.isArray(p) && Array.isArray(p[0])).toBe(true));
    positions = positions.flat();
  }
  if (geometry.type !== 'Point') expect(positions.length).toBeGreaterThanOrEqual(2);
  return positions;
}

/** Checks the RFC 7946 structure: types, positions as [lon, lat] numbers, a bbox that spans them. */
function expectValidGeoJson(c: Collection): void {
  expect(c.type).toBe('FeatureCollection');
  expect(Array.isArray(c.features)).toBe(true);
  const all: number[][] = [];
  for (const feature of c.features) {
    expect(feature.type).toBe('Feature');
    expect(typeof feature.properties).toBe('object');
    for (const position of positionsOf(feature.geometry)) {
      expect(position).toHaveLength(2);
      expect(position.every(isNumber)).toBe(true);
      expect(Math.abs(position[0])).toBeLessThanOrEqual(180);
      expect(Math.abs(position[1])).toBeLessThanOrEqual(90);
      all.push(position);
    }
  }
  if (all.length === 0) return;
  expect(c.bbox).toHaveLength(4);
  expect(c.bbox!.every(isNumber)).toBe(true);
  expect(c.bbox).toEqual([
    Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])),
    Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1])),
  ]);
}

/** [lon, lat] of a place, to 6 decimals as the export writes it. */
function expectAt(position: number[], place: { lat: number; lon: number }): void {
  expect(position[0]).toBeCloseTo(place.lon, 6);
  expect(position[1]).toBeCloseTo(place.lat, 6);
}

beforeAll(async () => {
  api = await startTestApi();
  territoryCode = api.unique('zone-nouatre');
  // A custom territory around the origin, drawn first: actors created afterwards are placed in it.
  const square = [[0.4, 46.93], [0.6, 46.93], [0.6, 47.07], [0.4, 47.07], [0.4, 46.93]];
  const zone = await api.gql('mutation($input: CreateTerritoryInput!) { createTerritory(input: $input) { code } }', {
    input: { code: territoryCode, name: 'Zone test Nouâtre', geometry: { type: 'Polygon', coordinates: [square] } },
  });
  expect(zone.errors).toBeUndefined();

  where.sawmill = ORIGIN;
  where.boiler = destination(ORIGIN, 90, 1.5);
  where.farAway = destination(ORIGIN, 0, 30);
  ids.sawmill = await actorAt('Scierie', where.sawmill, { communeCode: NOUATRE, nafCode: '16.10A', legalForm: 'SARL' });
  ids.boiler = await actorAt('Chaufferie', where.boiler, { kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC', legalForm: null, nafCode: null });
  ids.farAway = await actorAt('Menuiserie lointaine', where.farAway);
  ids.pallets = await flow(ids.sawmill, { direction: 'OFFER', description: 'Palettes cassées', categoryCode: PALLETS, quantity: 20, unit: 't/yr', confidentiality: 'PUBLIC' });
  ids.heat = await flow(ids.sawmill, { direction: 'OFFER', description: 'SECRET chaleur du séchoir', categoryCode: HEAT, quantity: 500, unit: 'MWh/yr', temperatureC: 45, confidentiality: 'PRIVATE' });
  ids.palletNeed = await flow(ids.boiler, { direction: 'NEED', description: 'Palettes pour la chaudière bois', categoryCode: PALLETS, quantity: 30, unit: 't/yr', confidentiality: 'PUBLIC' });
  ids.heatNeed = await flow(ids.boiler, { direction: 'NEED', description: 'SECRET chauffage du gymnase', categoryCode: HEAT, quantity: 400, unit: 'MWh/yr', temperatureC: 30, confidentiality: 'MEMBERS' });
  await flow(ids.farAway, { direction: 'OFFER', description: 'Chutes de bois', categoryCode: PALLETS, quantity: 5, unit: 't/yr', confidentiality: 'PUBLIC' });
  const tracked = await api.gql(TRACK, { input: { kind: 'SUBSTITUTION', flowIds: [ids.pallets, ids.palletNeed] } });
  expect(tracked.errors).toBeUndefined();
  ids.tracked = tracked.data!.trackSynergy.id;
  synergies.push(ids.tracked);
});

afterAll(async () => {
  await api.driver.executeQuery('MATCH (s:Synergy) WHERE s.id IN $ids OPTIONAL MATCH (s)-[:HAS_EVENT]->(e) DETACH DELETE s, e', { ids: synergies });
  await api.driver.executeQuery('MATCH (t:Territory {code: $code}) DETACH DELETE t', { code: territoryCode });
  await api.stop();
});

const CIRCLE = { near: ORIGIN, radiusKm: 10 };

describe('geojsonExport through GraphQL', () => {
  it('exports the actors of a circle as Points in [longitude, latitude] order, with a bbox', async () => {
    const c = await exportGql(CIRCLE, null);
    expectValidGeoJson(c);
    expect(idsIn(c, 'ACTORS')).toEqual(expect.arrayContaining([ids.sawmill, ids.boiler]));
    expect(idsIn(c, 'ACTORS')).not.toContain(ids.farAway);
    const sawmill = layer(c, 'ACTORS').find((f) => f.properties.id === ids.sawmill)!;
    expect(sawmill.geometry.type).toBe('Point');
    expectAt(sawmill.geometry.coordinates, where.sawmill);
    expect(sawmill.geometry.coordinates).toEqual([0.5, 47]);
    expect(sawmill.properties).toMatchObject({ kind: 'COMPANY', economy: 'CLASSIC', legalForm: 'SARL', nafCode: '16.10A', address: 'Scierie, 37800 Nouâtre' });
    expect(sawmill.properties.name).toContain('Scierie');
  });

  it('gives an anonymous caller only public flows, and counts only those', async () => {
    const c = await exportGql(CIRCLE, null);
    const flows = idsIn(c, 'FLOWS');
    expect(flows).toEqual(expect.arrayContaining([ids.pallets, ids.palletNeed]));
    expect(flows).not.toContain(ids.heat);
    expect(flows).not.toContain(ids.heatNeed);
    expect(JSON.stringify(c)).not.toContain('SECRET');
    const sawmill = layer(c, 'ACTORS').find((f) => f.properties.id === ids.sawmill)!;
    expect(sawmill.properties).toMatchObject({ offerCount: 1, needCount: 0 });
    const pallets = layer(c, 'FLOWS').find((f) => f.properties.id === ids.pallets)!;
    expectAt(pallets.geometry.coordinates, where.sawmill);
    expect(pallets.properties).toEqual({
      layer: 'FLOWS', id: ids.pallets, actorId: ids.sawmill, direction: 'OFFER', description: 'Palettes cassées',
      categoryCode: PALLETS, family: 'MATERIAL', quantity: 20, unit: 't/yr',
    });
    expect(layer(c, 'TRACKED_SYNERGIES')).toHaveLength(0);
  });

  it('draws substitution candidates from the offer’s actor to the need’s actor, hiding what the caller may not see', async () => {
    const c = await exportGql(CIRCLE, null);
    const lines = layer(c, 'SYNERGIES');
    const pallets = lines.find((f) => f.properties.offerId === ids.pallets && f.properties.needId === ids.palletNeed)!;
    expect(pallets.geometry.type).toBe('LineString');
    expectAt(pallets.geometry.coordinates[0], where.sawmill);
    expectAt(pallets.geometry.coordinates[1], where.boiler);
    expect(pallets.properties.distanceKm).toBeCloseTo(1.5, 2);
    expect(pallets.properties.score).toBeGreaterThan(0);
    expect(pallets.properties).toMatchObject({ offerCategoryCode: PALLETS, needCategoryCode: PALLETS, offerHidden: false, needHidden: false });
    expect(Array.isArray(pallets.properties.reasons)).toBe(true);
    expect(pallets.properties.reasons.length).toBeGreaterThan(1);
    const heat = lines.find((f) => f.properties.offerId === ids.heat)!;
    expect(heat.properties).toMatchObject({ offerHidden: true, needHidden: true, needId: ids.heatNeed });
    expect(heat.properties.reasons.join(' ')).not.toMatch(/500|400|45 °C/);
    expect(lines.every((f) => f.properties.offerActorId !== ids.farAway)).toBe(true);
  });

  it('gives the admin every flow and the tracked synergies of the area', async () => {
    const c = await exportGql(CIRCLE);
    expectValidGeoJson(c);
    expect(idsIn(c, 'FLOWS')).toEqual(expect.arrayContaining([ids.pallets, ids.heat, ids.palletNeed, ids.heatNeed]));
    expect(layer(c, 'ACTORS').find((f) => f.properties.id === ids.sawmill)!.properties).toMatchObject({ offerCount: 2, needCount: 0 });
    const tracked = layer(c, 'TRACKED_SYNERGIES').find((f) => f.properties.id === ids.tracked)!;
    expect(tracked.geometry.type).toBe('LineString');
    expectAt(tracked.geometry.coordinates[0], where.sawmill);
    expectAt(tracked.geometry.coordinates[1], where.boiler);
    expect(tracked.properties).toMatchObject({ kind: 'SUBSTITUTION', status: 'IDENTIFIED' });
    expect(tracked.properties.actorIds).toEqual(expect.arrayContaining([ids.sawmill, ids.boiler]));
  });

  it('writes only the layers asked for and as many candidates as asked', async () => {
    const actorsOnly = await exportGql({ ...CIRCLE, layers: ['ACTORS'] }, null);
    expect(new Set(actorsOnly.features.map((f) => f.properties.layer))).toEqual(new Set(['ACTORS']));
    const oneCandidate = await exportGql({ ...CIRCLE, layers: ['SYNERGIES'], synergies: 1 }, null);
    expect(oneCandidate.features).toHaveLength(1);
    expect(oneCandidate.features[0].properties.rank).toBe(1);
  });

  it('exports a custom territory and a département through the territory hierarchy', async () => {
    const zone = await exportGql({ territoryCode, layers: ['ACTORS', 'FLOWS'] }, null);
    expectValidGeoJson(zone);
    expect(idsIn(zone, 'ACTORS').sort()).toEqual([ids.sawmill, ids.boiler].sort());
    const departement = await exportGql({ territoryCode: '37', layers: ['ACTORS'] }, null);
    expect(idsIn(departement, 'ACTORS')).toContain(ids.sawmill);
    expect(idsIn(departement, 'ACTORS')).not.toContain(ids.boiler);
  });

  it.each([
    ['a circle without its centre', { radiusKm: 5 }, 'filter.near'],
    ['both a territory and a circle', { territoryCode: '37', ...CIRCLE }, 'filter.territoryCode'],
    ['neither a territory nor a circle', {}, 'filter.territoryCode'],
    ['an unknown territory', { territoryCode: 'nowhere-xyz' }, 'filter.territoryCode'],
    // Checked by the input's declarative rules, which name fields within the input.
    ['a radius beyond 1000 km', { near: ORIGIN, radiusKm: 5000 }, 'radiusKm'],
    ['too many candidates', { ...CIRCLE, synergies: 501 }, 'synergies'],
    ['no layer at all', { ...CIRCLE, layers: [] }, 'filter.layers'],
  ])('refuses %s, naming the field', async (_label, filter, field) => {
    const res = await api.gql(EXPORT, { filter }, null);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields).toContain(field);
    expect(res.errors?.[0].message).toContain(field);
  });
});

describe('GET /export.geojson', () => {
  it('downloads a territory as an application/geo+json attachment named after it', async () => {
    const res = await download(`territoryCode=${encodeURIComponent(territoryCode)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="maillage-${territoryCode}.geojson"`);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const c = (await res.json()) as Collection;
    expectValidGeoJson(c);
    expect(idsIn(c, 'ACTORS').sort()).toEqual([ids.sawmill, ids.boiler].sort());
    expect(idsIn(c, 'FLOWS').sort()).toEqual([ids.pallets, ids.palletNeed].sort());
    expect(JSON.stringify(c)).not.toContain('SECRET');
    expect(layer(c, 'TRACKED_SYNERGIES')).toHaveLength(0);
  });

  it('reads the bearer token as GraphQL does: the admin gets confidential flows and tracked synergies', async () => {
    const res = await download(`territoryCode=${encodeURIComponent(territoryCode)}`, api.token);
    expect(res.status).toBe(200);
    const c = (await res.json()) as Collection;
    expectValidGeoJson(c);
    expect(idsIn(c, 'FLOWS')).toEqual(expect.arrayContaining([ids.heat, ids.heatNeed]));
    expect(idsIn(c, 'TRACKED_SYNERGIES')).toContain(ids.tracked);
  });

  it('downloads a circle with the chosen layers, named after the circle', async () => {
    const res = await download('lat=47.0&lon=0.5&radiusKm=10&layers=actors,flows');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="maillage-47.0000_0.5000_10km.geojson"');
    const c = (await res.json()) as Collection;
    expectValidGeoJson(c);
    expect(new Set(c.features.map((f) => f.properties.layer))).toEqual(new Set(['ACTORS', 'FLOWS']));
    expect(idsIn(c, 'ACTORS')).not.toContain(ids.farAway);
    expectAt(layer(c, 'ACTORS').find((f) => f.properties.id === ids.boiler)!.geometry.coordinates, where.boiler);
  });

  it('gives the same export as the GraphQL query', async () => {
    const viaHttp = await (await download(`territoryCode=${encodeURIComponent(territoryCode)}&layers=actors,flows,synergies,tracked-synergies&synergies=5`, api.token)).json();
    const viaGql = await exportGql({ territoryCode, layers: ['ACTORS', 'FLOWS', 'SYNERGIES', 'TRACKED_SYNERGIES'], synergies: 5 });
    expect(viaHttp).toEqual(viaGql);
  });

  it.each([
    ['a latitude that is not a number', 'lat=abc&lon=0.5&radiusKm=10', 'lat'],
    ['a latitude out of range', 'lat=147&lon=0.5&radiusKm=10', 'lat'],
    ['a circle without its longitude', 'lat=47&radiusKm=10', 'lon'],
    ['a zero radius', 'lat=47&lon=0.5&radiusKm=0', 'radiusKm'],
    ['an unknown territory', 'territoryCode=nowhere-xyz', 'territoryCode'],
    ['both a territory and a circle', 'territoryCode=37&lat=47&lon=0.5&radiusKm=10', 'territoryCode'],
    ['no area at all', '', 'territoryCode'],
    ['an unknown layer', 'territoryCode=37&layers=actors,roads', 'layers'],
    ['too many candidates', 'territoryCode=37&synergies=1000', 'synergies'],
    ['a fractional number of candidates', 'territoryCode=37&synergies=2.5', 'synergies'],
    ['a repeated parameter', 'territoryCode=37&territoryCode=94', 'territoryCode'],
    ['an unknown parameter', 'territoryCode=37&radius=10', 'radius'],
  ])('answers 400 with a JSON message naming the parameter for %s', async (_label, query, parameter) => {
    const res = await download(query);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error: string; parameter: string };
    expect(body.parameter).toBe(parameter);
    expect(body.error.startsWith(`${parameter}: `)).toBe(true);
  });

  it('answers 401 to an invalid bearer token rather than a file missing the confidential flows', async () => {
    const res = await download(`territoryCode=${encodeURIComponent(territoryCode)}`, 'not-a-token');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
    expect(((await res.json()) as { error: string }).error).toMatch(/bearer token/i);
  });
});

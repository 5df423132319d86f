import { destination, haversineKm } from '../support/haversine';
import { startTestApi, TestApi } from '../support/test-api';

// A quiet corner of the Gers, far from the demo territory and from other test files' actors.
const ORIGIN = { lat: 43.6, lon: 1.0 };
const CARDBOARD = 'service.waste-collection.cardboard';
const MUTUALISATIONS = `query($filter: MutualisationFilter!, $first: Int) {
  mutualisations(filter: $filter, first: $first) {
    kind direction category { code name family } centroid { lat lon } extentKm spanKm clusterDistanceKm
    totalQuantity unit score reasons factors { size tightness volume homogeneity weight }
    members { distanceToCentroidKm actor { id name location { lat lon } } flow { id description quantity unit category { code } actor { id } } flows { id } }
  }
}`;

let api: TestApi;
async function actorAt(label: string, bearing: number, km: number): Promise<{ id: string; location: { lat: number; lon: number } }> {
  const location = km === 0 ? ORIGIN : destination(ORIGIN, bearing, km);
  return { id: await api.addActor(label, location), location };
}

function flow(actorId: string, input: Record<string, unknown>): Promise<string> {
  return api.addFlow(actorId, { direction: 'NEED', ...input });
}

async function mutualisations(filter: Record<string, unknown>, token?: string | null, first = 50) {
  const res = await api.gql(MUTUALISATIONS, { filter, first }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.mutualisations as any[];
}

const memberIds = (group: { members: { actor: { id: string } }[] }) => group.members.map((m) => m.actor.id).sort();
const containing = (groups: any[], actorId: string) => groups.filter((g) => g.members.some((m: { actor: { id: string } }) => m.actor.id === actorId));

// Four companies of one business park needing a cardboard collection (38 t/yr in all, one
// volume confidential), one 10 km away, two alone 5 km south, and a training need in the park.
let park: { id: string; location: { lat: number; lon: number } }[];
let parkFlows: string[];
let far: { id: string };
let pair: { id: string }[];
let trainee: { id: string };
let territoryCode: string;

beforeAll(async () => {
  api = await startTestApi();
  park = [await actorAt('Imprimerie', 0, 0), await actorAt('Menuiserie', 90, 0.5), await actorAt('Traiteur', 180, 0.6), await actorAt('Négoce', 300, 0.7)];
  parkFlows = [
    await flow(park[0].id, { description: 'Cartons à faire enlever chaque semaine', categoryCode: CARDBOARD, quantity: 12, unit: 't/yr' }),
    await flow(park[1].id, { description: 'Collecte des cartons d\'emballage', categoryCode: CARDBOARD, quantity: 10, unit: 't/yr' }),
    await flow(park[2].id, { description: 'Enlèvement cartons et papiers', categoryCode: CARDBOARD, quantity: 500, unit: 'kg/month' }),
    await flow(park[3].id, { description: 'Cartons de livraison, 10 t par an', categoryCode: CARDBOARD, quantity: 10, unit: 't/yr', confidentiality: 'PRIVATE' }),
  ];
  far = await actorAt('Scierie lointaine', 45, 10);
  await flow(far.id, { description: 'Collecte de cartons', categoryCode: CARDBOARD, quantity: 30, unit: 't/yr' });
  pair = [await actorAt('Duo A', 180, 5), await actorAt('Duo B', 180, 5.3)];
  for (const p of pair) await flow(p.id, { description: 'Cartons', categoryCode: CARDBOARD, quantity: 3, unit: 't/yr' });
  trainee = await actorAt('Atelier', 45, 0.3);
  await flow(trainee.id, { description: 'Former nos salariés au tri', categoryCode: 'expertise.training', quantity: 20, unit: 'h/yr' });

  // A custom territory around the park's first three companies (the fourth lies 0.6 km west of it).
  territoryCode = api.unique('zone-mut');
  const zone = { type: 'Polygon', coordinates: [[[0.995, 43.59], [1.02, 43.59], [1.02, 43.605], [0.995, 43.605], [0.995, 43.59]]] };
  const res = await api.gql(`mutation($input: CreateTerritoryInput!) { createTerritory(input: $input) { code } }`, { input: { code: territoryCode, name: 'Zone test Gers', geometry: zone } });
  expect(res.errors).toBeUndefined();
});

afterAll(async () => {
  await api.driver.executeQuery("MATCH (t:Territory {level: 'CUSTOM'}) WHERE t.code = $code DETACH DELETE t", { code: territoryCode });
  await api.stop();
});

describe('mutualisations', () => {
  it('finds the four companies needing a cardboard collection, with members, centroid, summed quantity and French reasons', async () => {
    const groups = containing(await mutualisations({ near: ORIGIN, radiusKm: 20 }), park[0].id);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group).toMatchObject({ kind: 'SHARED_COLLECTION', direction: 'NEED', category: { code: CARDBOARD, family: 'SERVICE' }, clusterDistanceKm: 1.5, unit: 't/yr' });
    expect(memberIds(group)).toEqual(park.map((p) => p.id).sort());
    expect(group.members.map((m: any) => m.flow.id).sort()).toEqual([...parkFlows].sort());
    const centroid = { lat: park.reduce((s, p) => s + p.location.lat, 0) / 4, lon: park.reduce((s, p) => s + p.location.lon, 0) / 4 };
    expect(group.centroid.lat).toBeCloseTo(centroid.lat, 6);
    expect(group.centroid.lon).toBeCloseTo(centroid.lon, 6);
    for (const member of group.members) expect(member.distanceToCentroidKm).toBeCloseTo(haversineKm(centroid, member.actor.location), 3);
    expect(group.extentKm).toBeCloseTo(Math.max(...group.members.map((m: any) => m.distanceToCentroidKm)), 6);
    // 12 + 10 + 6 (500 kg a month) + 10 t/yr, all visible to the admin.
    expect(group.totalQuantity).toBeCloseTo(38);
    expect(group.score).toBeGreaterThan(0.5);
    expect(group.score).toBeLessThanOrEqual(1);
    expect(group.reasons).toEqual([
      expect.stringMatching(/^4 entreprises à moins de 1,\d km les unes des autres ont besoin de « Collecte des papiers et cartons »$/),
      'Piste : collecte mutualisée (un prestataire, une tournée commune)',
      'Volume cumulé : 38 t/an',
      `Rayon du groupe : ${String(Math.round(group.extentKm * 10) / 10).replace('.', ',')} km`,
      'Distance de regroupement : 1,5 km au plus entre membres voisins',
    ]);
  });

  it('leaves out an actor 10 km away, two actors alone and a different category', async () => {
    const groups = await mutualisations({ near: ORIGIN, radiusKm: 20 });
    expect(containing(groups, far.id)).toEqual([]);
    expect(containing(groups, pair[0].id)).toEqual([]);
    expect(containing(groups, trainee.id)).toEqual([]);
  });

  it('keeps the members inside the circle or the territory', async () => {
    // Only the first two companies lie within 0.55 km of the origin: no group of three.
    expect(containing(await mutualisations({ near: ORIGIN, radiusKm: 0.55 }), park[0].id)).toEqual([]);
    const inZone = await mutualisations({ territoryCode });
    expect(inZone).toHaveLength(1);
    expect(memberIds(inZone[0])).toEqual(park.slice(0, 3).map((p) => p.id).sort());
    expect(inZone[0].totalQuantity).toBeCloseTo(28);
  });

  it("finds an actor's groups, and groups it joins with a larger neighbour distance", async () => {
    const mine = await mutualisations({ actorId: park[1].id });
    expect(mine).toHaveLength(1);
    expect(memberIds(mine[0])).toEqual(park.map((p) => p.id).sort());
    expect(await mutualisations({ actorId: far.id })).toEqual([]);
    const wide = await mutualisations({ actorId: far.id, clusterDistanceKm: 12 });
    expect(wide).toHaveLength(1);
    expect(wide[0].clusterDistanceKm).toBe(12);
    expect(memberIds(wide[0])).toEqual(expect.arrayContaining([far.id, ...park.map((p) => p.id)]));
  });

  it('filters by direction, family and minimum size and score', async () => {
    const around = { near: ORIGIN, radiusKm: 3 };
    expect(containing(await mutualisations({ ...around, direction: 'OFFER' }), park[0].id)).toEqual([]);
    expect(containing(await mutualisations({ ...around, direction: 'NEED', families: ['SERVICE'] }), park[0].id)).toHaveLength(1);
    expect(containing(await mutualisations({ ...around, families: ['EXPERTISE'] }), park[0].id)).toEqual([]);
    expect(containing(await mutualisations({ ...around, minMembers: 5 }), park[0].id)).toEqual([]);
    const [group] = containing(await mutualisations(around), park[0].id);
    expect(containing(await mutualisations({ ...around, minScore: Math.min(1, group.score + 0.001) }), park[0].id)).toEqual([]);
  });

  it('lets a confidential flow count but hides its figures from anonymous callers', async () => {
    const [group] = containing(await mutualisations({ actorId: park[0].id }, null), park[0].id);
    expect(group.members).toHaveLength(4);
    const hidden = group.members.find((m: any) => m.actor.id === park[3].id);
    expect(hidden.flow).toMatchObject({ description: 'Flux confidentiel', quantity: null, unit: null, category: { code: CARDBOARD } });
    expect(group.totalQuantity).toBeCloseTo(28);
    expect(group.reasons).toContain('Volume cumulé connu : 28 t/an (hors volumes confidentiels de 1 membre)');
    expect(group.reasons.join('\n')).not.toMatch(/38/);
  });

  it.each([
    ['no place to look', {}, 'filter'],
    ['a centre without radius', { near: ORIGIN }, 'radiusKm'],
    ['a score above 1', { territoryCode: 'x', minScore: 2 }, 'minScore'],
    ['groups of two', { near: ORIGIN, radiusKm: 5, minMembers: 2 }, 'minMembers'],
    ['a neighbour distance of 0', { near: ORIGIN, radiusKm: 5, clusterDistanceKm: 0 }, 'clusterDistanceKm'],
    ['a neighbour distance of 50 km', { near: ORIGIN, radiusKm: 5, clusterDistanceKm: 50 }, 'clusterDistanceKm'],
    ['an unknown territory', { territoryCode: 'nowhere' }, 'territoryCode'],
    ['an unknown actor', { actorId: 'no-such-actor' }, 'actorId'],
  ])('refuses a filter with %s', async (_label, filter, field) => {
    const res = await api.gql(MUTUALISATIONS, { filter });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain(field);
  });

  it('refuses first outside 1..200', async () => {
    const res = await api.gql(MUTUALISATIONS, { filter: { near: ORIGIN, radiusKm: 5 }, first: 0 });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('first');
  });

  it('loads members, flows and categories in a few batches whatever the number of groups', async () => {
    const res = await api.gql(MUTUALISATIONS, { filter: { near: ORIGIN, radiusKm: 20 }, first: 50 });
    expect(res.errors).toBeUndefined();
    // Territory lookup aside: one scope query, then actors, flows and categories batched.
    expect(res.roundTrips).toBeLessThanOrEqual(6);
  });
});

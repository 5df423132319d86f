import { actorInput, CREATE_ACTOR, startTestApi, TestApi } from '../support/test-api';
import { destination, haversineKm } from '../support/haversine';

let api: TestApi;

// Far from the demo territory (Drôme, near Valence) so no other test's actors interfere.
const CENTER = { lat: 45.0, lon: 5.0 };
const RADIUS_KM = 10;

/** Actors placed at exact great-circle distances and bearings from CENTER. */
const PLACEMENTS: { key: string; km: number; bearing: number }[] = [
  { key: 'a-0.5km', km: 0.5, bearing: 0 },
  { key: 'b-2km', km: 2, bearing: 90 },
  { key: 'c-4.5km', km: 4.5, bearing: 225 },
  { key: 'd-7km', km: 7, bearing: 270 },
  { key: 'e-edge-in', km: 0.999 * RADIUS_KM, bearing: 30 },
  { key: 'f-edge-out', km: 1.01 * RADIUS_KM, bearing: 200 },
  { key: 'g-15km', km: 15, bearing: 180 },
  { key: 'h-30km', km: 30, bearing: 45 },
];
const ids: Record<string, string> = {};
const keyOf: Record<string, string> = {};

const NEARBY = `query($near: GeoPointInput!, $radiusKm: Float!, $first: Int) {
  nearbyActors(near: $near, radiusKm: $radiusKm, first: $first) { distanceKm actor { id name location { lat lon } } }
}`;

interface Hit { distanceKm: number; actor: { id: string; name: string; location: { lat: number; lon: number } } }

async function nearby(near: { lat: number; lon: number }, radiusKm: number, first?: number): Promise<Hit[]> {
  const res = await api.gql<{ nearbyActors: Hit[] }>(NEARBY, { near, radiusKm, first });
  expect(res.errors).toBeUndefined();
  return res.data!.nearbyActors;
}

/** Keys of this file's actors among the hits, in the order returned. */
const ours = (hits: Hit[]) => hits.map((h) => keyOf[h.actor.id]).filter(Boolean);

beforeAll(async () => {
  api = await startTestApi();
  for (const p of PLACEMENTS) {
    const location = destination(CENTER, p.bearing, p.km);
    const res = await api.gql(CREATE_ACTOR, {
      input: actorInput({ externalId: api.unique(p.key), name: `${api.unique(p.key)} Drôme`, location, communeCode: undefined }),
    });
    expect(res.errors).toBeUndefined();
    ids[p.key] = res.data!.createActor.id;
    keyOf[res.data!.createActor.id] = p.key;
  }
});

afterAll(async () => {
  await api.driver.executeQuery('MATCH (a:Actor) WHERE a.externalId STARTS WITH $p DETACH DELETE a', { p: api.unique('') });
  await api.stop();
});

describe('nearbyActors', () => {
  it('returns exactly the actors within the radius, nearest first', async () => {
    const hits = await nearby(CENTER, RADIUS_KM);
    expect(ours(hits)).toEqual(['a-0.5km', 'b-2km', 'c-4.5km', 'd-7km', 'e-edge-in']);
    for (const hit of hits) expect(hit.distanceKm).toBeLessThanOrEqual(RADIUS_KM);
    const distances = hits.map((h) => h.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('gives distances that agree with an independent haversine within 0.5 %', async () => {
    const hits = await nearby(CENTER, 50);
    expect(ours(hits).sort()).toEqual(PLACEMENTS.map((p) => p.key).sort());
    for (const hit of hits.filter((h) => keyOf[h.actor.id])) {
      const expected = PLACEMENTS.find((p) => p.key === keyOf[hit.actor.id])!.km;
      expect(Math.abs(hit.distanceKm - expected) / expected).toBeLessThan(0.005);
      const fromLocation = haversineKm(CENTER, hit.actor.location);
      expect(Math.abs(hit.distanceKm - fromLocation) / fromLocation).toBeLessThan(0.005);
    }
  });

  it('includes an actor at 0.999 × radius and excludes one at 1.01 × radius', async () => {
    const keys = ours(await nearby(CENTER, RADIUS_KM));
    expect(keys).toContain('e-edge-in');
    expect(keys).not.toContain('f-edge-out');
    // The same boundary holds for a radius just beyond the outer actor.
    expect(ours(await nearby(CENTER, 1.02 * RADIUS_KM))).toContain('f-edge-out');
  });

  it('returns at most `first` actors, the nearest ones', async () => {
    const hits = await nearby(CENTER, RADIUS_KM, 3);
    expect(hits).toHaveLength(3);
    expect(ours(hits)).toEqual(['a-0.5km', 'b-2km', 'c-4.5km']);
  });

  it('measures from the point given, not from a fixed centre', async () => {
    const farActor = destination(CENTER, 45, 30);
    const hits = await nearby(farActor, 1);
    expect(ours(hits)).toEqual(['h-30km']);
    expect(hits[0].distanceKm).toBeLessThan(0.01);
  });

  it('returns an empty list where there is nobody', async () => {
    expect(await nearby({ lat: -45, lon: -120 }, 5)).toEqual([]);
  });

  it('works without a token', async () => {
    const res = await api.gql(NEARBY, { near: CENTER, radiusKm: RADIUS_KM }, null);
    expect(res.errors).toBeUndefined();
    expect(res.data!.nearbyActors.length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ['radiusKm', { near: CENTER, radiusKm: 0 }],
    ['radiusKm', { near: CENTER, radiusKm: -5 }],
    ['radiusKm', { near: CENTER, radiusKm: 100000 }],
    ['lat', { near: { lat: 95, lon: 5 }, radiusKm: 10 }],
    ['lon', { near: { lat: 45, lon: 200 }, radiusKm: 10 }],
    ['first', { near: CENTER, radiusKm: 10, first: 0 }],
  ])('refuses an invalid %s with BAD_USER_INPUT naming it', async (field, variables) => {
    const res = await api.gql(NEARBY, variables);
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain(field);
    expect(res.errors![0].extensions!.fields!.some((f) => f.endsWith(field))).toBe(true);
  });
});

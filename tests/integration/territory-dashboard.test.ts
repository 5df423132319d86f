import { loadEmissionFactors } from '../../server/domain/synergy/impacts';
import { destination, haversineKm } from '../support/haversine';
import { actorInput, CREATE_ACTOR, startTestApi, TestApi } from '../support/test-api';

// Langogne (Lozère, INSEE 48080): a small commune no other test file places actors in. The
// counts are compared with those read before this file created anything, so an actor someone
// else put there would not break them.
const LANGOGNE = { code: '48080', centre: { lat: 44.7275, lon: 3.8553 } };

const DASHBOARD = `query($code: String!) {
  territoryDashboard(code: $code) {
    territory { code name level }
    actorCount actorsByKind { kind count } actorsByEconomy { economy count }
    flowCount flowsByFamily { family offers needs total }
    synergyCount synergiesByStatus { status count }
    implementedImpacts { synergyCount tonnesDiverted mwhRecovered tco2eAvoided transportKm }
    inStudyImpacts { synergyCount tonnesDiverted mwhRecovered tco2eAvoided transportKm }
  }
}`;
const TRACK = 'mutation($input: TrackSynergyInput!) { trackSynergy(input: $input) { id } }';
const MOVE = 'mutation($id: ID!, $input: MoveSynergyInput!) { moveSynergy(id: $id, input: $input) { id status } }';

let api: TestApi;
let before: any;
const actorIds: string[] = [];
const locations = new Map<string, { lat: number; lon: number }>();

async function dashboard(code: string, token?: string | null): Promise<any> {
  const res = await api.gql(DASHBOARD, { code }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.territoryDashboard;
}

async function actor(label: string, bearing: number, km: number, extra: Record<string, unknown> = {}): Promise<string> {
  const location = km === 0 ? LANGOGNE.centre : destination(LANGOGNE.centre, bearing, km);
  const res = await api.gql(CREATE_ACTOR, {
    input: actorInput({ externalId: api.unique(label), name: `${api.unique(label)} ${label} (fictif)`, location, communeCode: LANGOGNE.code, ...extra }),
  });
  expect(res.errors).toBeUndefined();
  const id = res.data!.createActor.id as string;
  actorIds.push(id);
  locations.set(id, location);
  return id;
}

function flow(actorId: string, input: Record<string, unknown>): Promise<string> {
  return api.addFlow(actorId, input);
}

async function trackAndMove(kind: string, flowIds: string[], statuses: string[]): Promise<string> {
  const res = await api.gql(TRACK, { input: { kind, flowIds } });
  expect(res.errors).toBeUndefined();
  const id = res.data!.trackSynergy.id as string;
  for (const status of statuses) {
    const moved = await api.gql(MOVE, { id, input: { status } });
    expect(moved.errors).toBeUndefined();
  }
  return id;
}

const count = <K extends string>(list: ({ count: number } & Record<K, unknown>)[], key: K, value: unknown) =>
  list.find((row) => row[key] === value)!.count;
const family = (d: any, name: string | null) => d.flowsByFamily.find((f: any) => f.family === name) ?? { offers: 0, needs: 0, total: 0 };

let joinery: string;
let panelMaker: string;

beforeAll(async () => {
  api = await startTestApi();
  before = await dashboard(LANGOGNE.code);
  joinery = await actor('Menuiserie', 0, 0);
  panelMaker = await actor('Panneaux du Haut-Allier', 45, 4);
  const laundry = await actor('Blanchisserie solidaire', 90, 1, { kind: 'ESS_STRUCTURE', economy: 'ESS', legalForm: 'SCIC' });
  const school = await actor('Collège', 180, 0.8, { kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC', legalForm: 'EPLE' });

  const pallets = await flow(joinery, { direction: 'OFFER', description: 'Palettes usagées', categoryCode: 'material.wood.pallets', quantity: 100, unit: 't/yr' });
  const palletNeed = await flow(panelMaker, { direction: 'NEED', description: 'Palettes à broyer', categoryCode: 'material.wood.pallets', quantity: 120, unit: 't/yr' });
  const heat = await flow(laundry, { direction: 'OFFER', description: 'Chaleur des séchoirs', categoryCode: 'energy.waste-heat.low-temperature', quantity: 500, unit: 'MWh/yr', temperatureC: 50 });
  const heatNeed = await flow(school, { direction: 'NEED', description: 'Chauffage du collège', categoryCode: 'energy.heat.space-heating', quantity: 500, unit: 'MWh/yr', temperatureC: 45 });
  const cardboard = await Promise.all([joinery, panelMaker, laundry].map((id) =>
    flow(id, { direction: 'NEED', description: 'Collecte des cartons', categoryCode: 'service.waste-collection.cardboard', quantity: 3, unit: 't/yr' })));
  await flow(school, { direction: 'NEED', description: 'Xyzzy plugh quux', categoryCode: null });

  await trackAndMove('SUBSTITUTION', [pallets, palletNeed], ['CONTACTED', 'IN_STUDY']);
  await trackAndMove('SUBSTITUTION', [heat, heatNeed], ['IMPLEMENTED']);
  await trackAndMove('MUTUALISATION', cardboard, []);
});

afterAll(async () => {
  await api.driver.executeQuery(
    `MATCH (s:Synergy)-[:INVOLVES]->(a:Actor) WHERE a.id IN $ids
     WITH DISTINCT s OPTIONAL MATCH (s)-[:HAS_EVENT]->(e:SynergyEvent)
     DETACH DELETE s, e`,
    { ids: actorIds },
  );
  await api.driver.executeQuery('MATCH (a:Actor) WHERE a.id IN $ids OPTIONAL MATCH (a)-[:OFFERS|NEEDS]->(f:Flow) DETACH DELETE a, f', { ids: actorIds });
  await api.stop();
});

describe('territoryDashboard', () => {
  it('counts the actors of the commune by kind and by economy, listing every value', async () => {
    const after = await dashboard(LANGOGNE.code);
    expect(after.territory).toEqual({ code: LANGOGNE.code, name: 'Langogne', level: 'COMMUNE' });
    expect(after.actorCount - before.actorCount).toBe(4);
    expect(after.actorsByKind.map((k: any) => k.kind)).toEqual(['COMPANY', 'ESS_STRUCTURE', 'LOCAL_AUTHORITY', 'RESEARCH_EDUCATION', 'SUPPORT_NETWORK', 'CITIZEN_GROUP']);
    const delta = (list: string, key: string, value: string) => count(after[list], key, value) - count(before[list], key, value);
    expect(delta('actorsByKind', 'kind', 'COMPANY')).toBe(2);
    expect(delta('actorsByKind', 'kind', 'ESS_STRUCTURE')).toBe(1);
    expect(delta('actorsByKind', 'kind', 'LOCAL_AUTHORITY')).toBe(1);
    expect(delta('actorsByKind', 'kind', 'CITIZEN_GROUP')).toBe(0);
    expect(delta('actorsByEconomy', 'economy', 'CLASSIC')).toBe(2);
    expect(delta('actorsByEconomy', 'economy', 'ESS')).toBe(1);
    expect(delta('actorsByEconomy', 'economy', 'PUBLIC')).toBe(1);
  });

  it('counts the flows by family and direction, uncategorised ones apart', async () => {
    const after = await dashboard(LANGOGNE.code);
    expect(after.flowCount - before.flowCount).toBe(8);
    expect(after.flowsByFamily.slice(0, 7).map((f: any) => f.family)).toEqual(['ENERGY', 'WATER', 'MATERIAL', 'EQUIPMENT', 'SERVICE', 'EXPERTISE', 'LOGISTICS']);
    const delta = (name: string | null) => {
      const [a, b] = [family(after, name), family(before, name)];
      return { offers: a.offers - b.offers, needs: a.needs - b.needs, total: a.total - b.total };
    };
    expect(delta('MATERIAL')).toEqual({ offers: 1, needs: 1, total: 2 });
    expect(delta('ENERGY')).toEqual({ offers: 1, needs: 1, total: 2 });
    expect(delta('SERVICE')).toEqual({ offers: 0, needs: 3, total: 3 });
    expect(delta(null)).toEqual({ offers: 0, needs: 1, total: 1 });
  });

  it('counts the tracked synergies by status', async () => {
    const after = await dashboard(LANGOGNE.code);
    expect(after.synergyCount - before.synergyCount).toBe(3);
    expect(after.synergiesByStatus.map((s: any) => s.status)).toEqual(['IDENTIFIED', 'CONTACTED', 'IN_STUDY', 'IMPLEMENTED', 'ABANDONED']);
    const delta = (status: string) => count(after.synergiesByStatus, 'status', status) - count(before.synergiesByStatus, 'status', status);
    expect([delta('IDENTIFIED'), delta('CONTACTED'), delta('IN_STUDY'), delta('IMPLEMENTED'), delta('ABANDONED')]).toEqual([1, 0, 1, 1, 0]);
  });

  it('sums the impacts of the implemented and of the in-study synergies, from the factor file', async () => {
    const factors = loadEmissionFactors().factors;
    const after = await dashboard(LANGOGNE.code);
    const implemented = after.implementedImpacts;
    expect(implemented.synergyCount - before.implementedImpacts.synergyCount).toBe(1);
    expect(implemented.mwhRecovered - before.implementedImpacts.mwhRecovered).toBeCloseTo(500, 6);
    expect(implemented.tco2eAvoided - before.implementedImpacts.tco2eAvoided).toBeCloseTo(500 * factors['natural-gas-heat'].value, 6);
    const inStudy = after.inStudyImpacts;
    const km = haversineKm(locations.get(joinery)!, locations.get(panelMaker)!);
    expect(inStudy.synergyCount - before.inStudyImpacts.synergyCount).toBe(1);
    expect(inStudy.tonnesDiverted - before.inStudyImpacts.tonnesDiverted).toBeCloseTo(100, 6);
    expect(inStudy.transportKm - before.inStudyImpacts.transportKm).toBeCloseTo(km * 10, 2);
    expect(inStudy.tco2eAvoided - before.inStudyImpacts.tco2eAvoided)
      .toBeCloseTo(100 * factors['landfill-household-type-waste'].value - 100 * km * factors['road-freight'].value, 3);
  });

  it('includes the commune in its département and EPCI, and answers without a token', async () => {
    const commune = await dashboard(LANGOGNE.code);
    const departement = await dashboard('48', null);
    expect(departement.territory).toMatchObject({ code: '48', level: 'DEPARTEMENT' });
    expect(departement.actorCount).toBeGreaterThanOrEqual(commune.actorCount);
    expect(departement.synergyCount).toBeGreaterThanOrEqual(commune.synergyCount);
    const epci = await dashboard('200006930');
    expect(epci.territory.level).toBe('EPCI');
    expect(epci.actorCount).toBeGreaterThanOrEqual(commune.actorCount);
    expect(epci.implementedImpacts.mwhRecovered).toBeGreaterThanOrEqual(500);
  });

  it('refuses an unknown territory with BAD_USER_INPUT naming the code', async () => {
    const res = await api.gql(DASHBOARD, { code: 'nowhere' });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['code'] });
    expect(res.errors![0].message).toContain("'nowhere'");
  });
});

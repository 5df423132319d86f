import { destination } from '../support/haversine';
import { startTestApi, TestApi } from '../support/test-api';

// A quiet corner of the Gard, far from the demo territory and from other test files' actors.
const ORIGIN = { lat: 44.05, lon: 4.1 };
const SYNERGIES = `query($filter: SynergyFilter!, $first: Int) {
  synergies(filter: $filter, first: $first) {
    score distanceKm reasons factors { category quality quantity time distance }
    economics { quantity unit currency netGain { min max } transportCost { min max } avoidedDisposalCost { min max } avoidedPurchaseCost { min max } }
    offer { id description quantity category { code } actor { id name } }
    need { id description category { code } actor { id name } }
  }
}`;

let api: TestApi;
function actorAt(label: string, bearing: number, km: number, extra: Record<string, unknown> = {}): Promise<string> {
  return api.addActor(label, km === 0 ? ORIGIN : destination(ORIGIN, bearing, km), extra);
}

function flow(actorId: string, input: Record<string, unknown>): Promise<string> {
  return api.addFlow(actorId, input);
}

async function synergiesOf(actorId: string, token?: string | null) {
  const res = await api.gql(SYNERGIES, { filter: { actorId }, first: 50 }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.synergies as any[];
}

const HEAT = 'energy.waste-heat.low-temperature';

let dataCentre: string;
let heatOffer: string;
beforeAll(async () => {
  api = await startTestApi();
  dataCentre = await actorAt('Centre de données', 0, 0);
  heatOffer = await flow(dataCentre, { direction: 'OFFER', description: 'Chaleur fatale des serveurs', categoryCode: HEAT, quantity: 500, unit: 'MWh/yr', temperatureC: 45 });
});

afterAll(async () => {
  await api.stop();
});

describe('substitution synergies', () => {
  it('matches waste heat with a nearby heat need and explains why, in French', async () => {
    const pool = await actorAt('Piscine', 90, 1.5, { kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC' });
    const need = await flow(pool, { direction: 'NEED', description: 'Chauffage du bassin', categoryCode: HEAT, quantity: 400, unit: 'MWh/yr', temperatureC: 30 });
    const found = (await synergiesOf(pool)).find((s) => s.need.id === need);
    expect(found).toBeDefined();
    expect(found.offer.id).toBe(heatOffer);
    expect(found.distanceKm).toBeCloseTo(1.5, 2);
    expect(found.score).toBeGreaterThan(0.7);
    expect(found.reasons).toEqual(expect.arrayContaining([
      'Chaleur à 45 °C pour un besoin à 30 °C',
      expect.stringMatching(/^À 1,5 km \(distance max\. conseillée pour cette ressource : 5 km\)$/),
      expect.stringContaining("L'offre couvre tout le besoin (500 MWh/an pour un besoin de 400 MWh/an)"),
      "Disponibles toute l'année",
    ]));
  });

  it('does not match a heat need beyond the maximum distance for heat', async () => {
    const far = await actorAt('Serre lointaine', 180, 8);
    const need = await flow(far, { direction: 'NEED', description: 'Chauffage de serre', categoryCode: HEAT, quantity: 100, unit: 'MWh/yr', temperatureC: 25 });
    expect((await synergiesOf(far)).some((s) => s.need.id === need)).toBe(false);
  });

  it('proposes a heat-pump boost for a moderately hotter need and refuses one too hot', async () => {
    const warm = await actorAt('Résidence', 45, 1, { kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC' });
    const boosted = await flow(warm, { direction: 'NEED', description: 'Eau chaude du réseau', categoryCode: HEAT, quantity: 200, unit: 'MWh/yr', temperatureC: 70 });
    const hot = await actorAt('Blanchisserie', 315, 1);
    const tooHot = await flow(hot, { direction: 'NEED', description: 'Eau à 95 °C', categoryCode: HEAT, quantity: 200, unit: 'MWh/yr', temperatureC: 95 });
    const withBoost = (await synergiesOf(warm)).find((s) => s.need.id === boosted);
    expect(withBoost.reasons).toContain('Chaleur à 45 °C pour un besoin à 70 °C : relevage de 25 °C par pompe à chaleur');
    expect(withBoost.factors.quality).toBeLessThan(1);
    expect((await synergiesOf(hot)).some((s) => s.need.id === tooHot)).toBe(false);
  });

  it('does not match flows that are never available in the same months', async () => {
    const summer = await actorAt('Conserverie', 200, 2);
    await flow(summer, { direction: 'OFFER', description: 'Cagettes bois de la saison', categoryCode: 'material.wood.pallets', quantity: 5, unit: 't/yr', availableMonths: [6, 7, 8] });
    const winter = await actorAt('Chaufferie', 210, 2.5);
    const need = await flow(winter, { direction: 'NEED', description: 'Palettes pour broyage', categoryCode: 'material.wood.pallets', quantity: 5, unit: 't/yr', availableMonths: [1, 2, 12] });
    expect((await synergiesOf(winter)).some((s) => s.need.id === need)).toBe(false);
  });

  it('matches a broader need with a narrower offer and not an unrelated category', async () => {
    const carpenter = await actorAt('Menuiserie', 270, 3);
    const pallets = await flow(carpenter, { direction: 'OFFER', description: 'Palettes cassées', categoryCode: 'material.wood.pallets', quantity: 20, unit: 't/yr' });
    const boiler = await actorAt('Scierie', 260, 4);
    const wood = await flow(boiler, { direction: 'NEED', description: 'Bois de toute sorte', categoryCode: 'material.wood', quantity: 30, unit: 't/yr' });
    const it = await actorAt('Atelier informatique', 250, 3.5);
    const computers = await flow(it, { direction: 'NEED', description: 'Ordinateurs', categoryCode: 'material.weee.it-equipment', quantity: 50, unit: 'units/yr' });
    const found = await synergiesOf(carpenter);
    const broader = found.find((s) => s.offer.id === pallets && s.need.id === wood);
    expect(broader.reasons[0]).toMatch(/^Le besoin « .+ » inclut l'offre « .+ »$/);
    expect(broader.factors.category).toBeCloseTo(0.9);
    expect(broader.reasons).toContain("L'offre couvre 67 % du besoin (20 t/an pour un besoin de 30 t/an)");
    expect(broader.economics).toMatchObject({ quantity: 20, unit: 't', currency: 'EUR' });
    expect(broader.economics.netGain.max).toBeGreaterThan(broader.economics.netGain.min);
    expect(broader.reasons.some((r: string) => r.startsWith('Gain net estimé'))).toBe(true);
    expect(found.some((s) => s.need.id === computers)).toBe(false);
  });

  it('finds, around one actor, a partner beyond the first 5 km when nothing nearer beats it', async () => {
    const quarry = await actorAt('Carrière', 135, 1);
    await flow(quarry, { direction: 'OFFER', description: 'Vieux pneus de chantier', categoryCode: 'material.tyres', quantity: 30, unit: 't/yr' });
    const far = await actorAt('Cimenterie', 135, 22);
    const need = await flow(far, { direction: 'NEED', description: 'Pneus usagés en combustible', categoryCode: 'material.tyres', quantity: 40, unit: 't/yr' });
    const fromOffer = await synergiesOf(quarry);
    const fromNeed = await synergiesOf(far);
    expect(fromOffer.find((s) => s.need.id === need).distanceKm).toBeCloseTo(21, 0);
    expect(fromNeed.some((s) => s.offer.actor.id === quarry)).toBe(true);
  });

  it('never pairs an actor with itself', async () => {
    const self = await actorAt('Autarcie', 120, 2);
    await flow(self, { direction: 'OFFER', description: 'Palettes', categoryCode: 'material.wood.pallets', quantity: 1, unit: 't/yr' });
    await flow(self, { direction: 'NEED', description: 'Palettes', categoryCode: 'material.wood.pallets', quantity: 1, unit: 't/yr' });
    expect((await synergiesOf(self)).some((s) => s.offer.actor.id === self && s.need.actor.id === self)).toBe(false);
  });

  it('ranks best first, honours minScore and first, and keeps both actors inside the circle', async () => {
    const res = await api.gql(SYNERGIES, { filter: { near: ORIGIN, radiusKm: 6 }, first: 50 });
    const list = res.data!.synergies as { score: number }[];
    expect(list.length).toBeGreaterThan(2);
    expect(list.map((s) => s.score)).toEqual([...list.map((s) => s.score)].sort((a, b) => b - a));
    const strict = await api.gql(SYNERGIES, { filter: { near: ORIGIN, radiusKm: 6, minScore: list[1].score }, first: 50 });
    expect((strict.data!.synergies as { score: number }[]).every((s) => s.score >= list[1].score)).toBe(true);
    expect((await api.gql(SYNERGIES, { filter: { near: ORIGIN, radiusKm: 6 }, first: 1 })).data!.synergies).toHaveLength(1);
    const small = await api.gql(SYNERGIES, { filter: { near: ORIGIN, radiusKm: 1.2 }, first: 50 });
    expect((small.data!.synergies as { distanceKm: number }[]).every((s) => s.distanceKm <= 2.4)).toBe(true);
  });

  it('lets confidential flows match but shows anonymous callers no details of them', async () => {
    const discreet = await actorAt('Usine discrète', 30, 2);
    await flow(discreet, { direction: 'OFFER', description: 'Chaleur de nos fours, 480 MWh', categoryCode: HEAT, quantity: 480, unit: 'MWh/yr', temperatureC: 55, confidentiality: 'PRIVATE' });
    const school = await actorAt('Collège', 40, 2.3, { kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC' });
    const need = await flow(school, { direction: 'NEED', description: 'Chauffage du gymnase', categoryCode: HEAT, quantity: 90, unit: 'MWh/yr', temperatureC: 40 });
    const anonymous = (await synergiesOf(school, null)).find((s) => s.need.id === need && s.offer.actor.id === discreet);
    expect(anonymous.offer.description).toBe('Flux confidentiel');
    expect(anonymous.offer.quantity).toBeNull();
    expect(anonymous.reasons.join('\n')).not.toMatch(/480|55 °C/);
    expect(anonymous.reasons).toContain('Détails confidentiels (qualité, quantités, période, économie) : à voir avec un animateur');
    expect(anonymous.economics).toBeNull();
    const admin = (await synergiesOf(school)).find((s) => s.need.id === need && s.offer.actor.id === discreet);
    expect(admin.offer.description).toBe('Chaleur de nos fours, 480 MWh');
    expect(admin.reasons).toContain('Chaleur à 55 °C pour un besoin à 40 °C');
  });

  it.each([
    ['no place to look', {}, 'filter'],
    ['a centre without radius', { near: ORIGIN }, 'radiusKm'],
    ['a score above 1', { actorId: 'x', minScore: 2 }, 'minScore'],
    ['an unknown territory', { territoryCode: 'nowhere' }, 'territoryCode'],
  ])('refuses a filter with %s', async (_label, filter, field) => {
    const res = await api.gql(SYNERGIES, { filter });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain(field);
  });
});

import { destination } from '../support/haversine';
import { startTestApi, TestApi } from '../support/test-api';

// The Ségala (Aveyron), far from the demo territory and other test files' actors.
const ORIGIN = { lat: 44.2, lon: 2.3 };
const COMPLEMENTARITIES = `query($filter: ComplementarityFilter!, $first: Int) {
  complementarities(filter: $filter, first: $first) {
    kind score distanceKm competition reasons existingRelations
    a { id name economy } b { id name economy }
  }
}`;

let api: TestApi;
interface Found {
  kind: string;
  score: number;
  distanceKm: number;
  competition: boolean;
  reasons: string[];
  existingRelations: string[];
  a: { id: string; name: string; economy: string };
  b: { id: string; name: string; economy: string };
}

function actorAt(label: string, bearing: number, km: number, fields: Record<string, unknown>): Promise<string> {
  return api.addActor(label, km === 0 ? ORIGIN : destination(ORIGIN, bearing, km), { name: `${label} ${api.unique('')}`, ...fields });
}

async function complementaritiesOf(actorId: string, token?: string | null, extra: Record<string, unknown> = {}): Promise<Found[]> {
  const res = await api.gql(COMPLEMENTARITIES, { filter: { actorId, ...extra }, first: 100 }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.complementarities as Found[];
}

const between = (list: Found[], x: string, y: string, kind?: string) =>
  list.filter((c) => ((c.a.id === x && c.b.id === y) || (c.a.id === y && c.b.id === x)) && (!kind || c.kind === kind));

const SOLIDARITY_GARAGE = {
  kind: 'ESS_STRUCTURE', economy: 'ESS', legalForm: 'association loi 1901', nafCode: '45.20A',
  activities: 'Garage solidaire : nous réparons et entretenons les voitures des personnes en précarité et des demandeurs d\'emploi, à prix coûtant.',
  publics: ['PEOPLE_IN_PRECARITY', 'PEOPLE_IN_INSERTION'],
};
const CAR_DEALER = {
  kind: 'COMPANY', economy: 'CLASSIC', legalForm: 'SAS', nafCode: '45.11Z',
  activities: 'Concession automobile : vente de véhicules neufs et d\'occasion, atelier mécanique et carrosserie.',
  publics: ['GENERAL_PUBLIC'],
};

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.stop();
});

describe('complementarities', () => {
  it('pairs a solidarity garage with a car dealer nearby by target public, explained, without competition', async () => {
    const garage = await actorAt('Garage solidaire du Ségala', 0, 0, SOLIDARITY_GARAGE);
    const dealer = await actorAt('Ségala Automobiles', 90, 3, CAR_DEALER);
    const found = between(await complementaritiesOf(garage), garage, dealer, 'TARGET_PUBLIC');
    expect(found).toHaveLength(1);
    const [pair] = found;
    expect(pair.a).toMatchObject({ id: garage, economy: 'ESS' });
    expect(pair.b).toMatchObject({ id: dealer, economy: 'CLASSIC' });
    expect(pair.competition).toBe(false);
    expect(pair.distanceKm).toBeCloseTo(3, 1);
    expect(pair.score).toBeGreaterThan(0.5);
    expect(pair.reasons.some((r) => r.startsWith('Même métier') && r.includes('pas le même public'))).toBe(true);
    expect(pair.reasons.some((r) => /personnes en précarité/.test(r))).toBe(true);
    expect(pair.reasons.some((r) => r.startsWith('À 3 km'))).toBe(true);
    // The dealer's know-how is offered too, as a skills complementarity.
    expect(between(await complementaritiesOf(dealer), garage, dealer, 'SKILLS')).toHaveLength(1);
  });

  it('does not pair them beyond the target-public distance, nor two classic firms, nor two ESS structures', async () => {
    const garage = await actorAt('Garage solidaire lointain', 180, 30, SOLIDARITY_GARAGE);
    const farDealer = await actorAt('Concession lointaine', 180, 55, CAR_DEALER);
    const classicGarage = await actorAt('Garage classique', 180, 31, { ...CAR_DEALER, nafCode: '45.20A' });
    const otherEss = await actorAt('Autre garage solidaire', 180, 32, SOLIDARITY_GARAGE);
    const list = await complementaritiesOf(garage);
    expect(between(list, garage, farDealer, 'TARGET_PUBLIC')).toHaveLength(0);
    expect(between(list, garage, classicGarage, 'TARGET_PUBLIC')).toHaveLength(1);
    expect(between(await complementaritiesOf(classicGarage), classicGarage, farDealer)).toHaveLength(0);
    expect(between(list, garage, otherEss)).toHaveLength(0);
  });

  it('flags competition when an ESS structure and a firm of the same trade serve the same public close by', async () => {
    const grocery = await actorAt('Épicerie vrac coopérative', 45, 40, {
      kind: 'ESS_STRUCTURE', economy: 'ESS', legalForm: 'SCIC', nafCode: '47.11D',
      activities: 'Supérette coopérative de produits locaux pour tous les habitants du quartier.', publics: ['GENERAL_PUBLIC'],
    });
    const supermarket = await actorAt('Supermarché du Bourg', 45, 42, {
      kind: 'COMPANY', economy: 'CLASSIC', legalForm: 'SAS', nafCode: '47.11D',
      activities: 'Supermarché alimentaire de proximité.', publics: ['GENERAL_PUBLIC'],
    });
    const pairs = between(await complementaritiesOf(grocery), grocery, supermarket);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((p) => p.competition)).toBe(true);
    expect(pairs.some((p) => p.kind === 'TARGET_PUBLIC')).toBe(false);
    expect(pairs[0].reasons.some((r) => r.startsWith('Concurrence possible'))).toBe(true);
  });

  it('finds material, activity and skills complementarities from declared flows', async () => {
    const insurer = await actorAt('Mutuelle Assurances Rodez', 270, 60, {
      kind: 'COMPANY', economy: 'CLASSIC', legalForm: 'SA', nafCode: '65.12Z', activities: 'Assurance de biens et de personnes.', publics: ['GENERAL_PUBLIC'],
    });
    await api.addFlow(insurer, { direction: 'OFFER', description: 'Ordinateurs portables renouvelés tous les trois ans', categoryCode: 'material.weee.it-equipment', quantity: 200, unit: 'units/yr' });
    await api.addFlow(insurer, { direction: 'NEED', description: 'Livraison de plis et colis en centre-ville', categoryCode: 'logistics.cycle-logistics' });
    await api.addFlow(insurer, { direction: 'NEED', description: 'Former nos équipes à la prévention des risques', categoryCode: 'expertise.hse-qse' });
    const reconditioner = await actorAt('Atelier numérique solidaire', 270, 62, {
      kind: 'ESS_STRUCTURE', economy: 'ESS', legalForm: "SAS agréée ESUS (entreprise d'insertion)", nafCode: '95.11Z',
      activities: 'Nous reconditionnons les ordinateurs des entreprises et les revendons à prix solidaire ; inclusion numérique.',
      publics: ['PEOPLE_IN_INSERTION', 'PEOPLE_IN_PRECARITY'],
    });
    const couriers = await actorAt('Coursiers à vélo du Piton', 270, 58, {
      kind: 'ESS_STRUCTURE', economy: 'ESS', legalForm: 'SCOP', nafCode: '53.20Z', activities: 'Livraisons en vélo-cargo.', publics: ['COMPANIES'],
    });
    await api.addFlow(couriers, { direction: 'OFFER', description: 'Tournées de livraison à vélo cargo', categoryCode: 'logistics.cycle-logistics' });
    const trainers = await actorAt('Coopérative prévention santé', 270, 61, {
      kind: 'ESS_STRUCTURE', economy: 'ESS', legalForm: 'SCIC', nafCode: '85.59A', activities: 'Formation en santé et sécurité au travail.', publics: ['COMPANIES'],
    });
    await api.addFlow(trainers, { direction: 'OFFER', description: 'Formations prévention et sécurité', categoryCode: 'expertise.hse-qse' });

    const list = await complementaritiesOf(insurer);
    const material = between(list, reconditioner, insurer, 'MATERIAL');
    expect(material).toHaveLength(1);
    expect(material[0].reasons.some((r) => r.includes('« Atelier numérique solidaire'))).toBe(true);
    const activity = between(list, couriers, insurer, 'ACTIVITY');
    expect(activity).toHaveLength(1);
    expect(activity[0].reasons.some((r) => r.includes("cherche : cyclologistique"))).toBe(true);
    expect(between(list, trainers, insurer, 'SKILLS')).toHaveLength(1);
    // kinds and minScore narrow the list; best first.
    const onlyMaterial = await complementaritiesOf(insurer, undefined, { kinds: ['MATERIAL'] });
    expect(onlyMaterial.every((c) => c.kind === 'MATERIAL')).toBe(true);
    expect(list.map((c) => c.score)).toEqual([...list.map((c) => c.score)].sort((x, y) => y - x));
    const strict = await complementaritiesOf(insurer, undefined, { minScore: 0.7 });
    expect(strict.every((c) => c.score >= 0.7)).toBe(true);
  });

  it('keeps flows the caller may not see out of the rules', async () => {
    const bank = await actorAt('Banque discrète', 300, 80, { kind: 'COMPANY', economy: 'CLASSIC', nafCode: '64.19Z', publics: ['GENERAL_PUBLIC'], activities: 'Banque de détail.' });
    await api.addFlow(bank, { direction: 'OFFER', description: 'Parc informatique réformé', categoryCode: 'material.weee.it-equipment', confidentiality: 'PRIVATE' });
    const recycler = await actorAt('Ressourcerie numérique', 300, 81, {
      kind: 'ESS_STRUCTURE', economy: 'ESS', nafCode: '95.11Z', publics: ['PEOPLE_IN_PRECARITY'], activities: 'Reconditionnement d\'ordinateurs et inclusion numérique.',
    });
    expect(between(await complementaritiesOf(bank), recycler, bank, 'MATERIAL')).toHaveLength(1);
    expect(between(await complementaritiesOf(bank, null), recycler, bank, 'MATERIAL')).toHaveLength(0);
  });

  it('does not re-suggest what a recorded relation covers, and suggests strengthening it otherwise', async () => {
    const garage = await actorAt('Garage solidaire relié', 120, 100, SOLIDARITY_GARAGE);
    const dealer = await actorAt('Concession reliée', 120, 102, CAR_DEALER);
    await api.driver.executeQuery('MATCH (a:Actor {id: $a}), (b:Actor {id: $b}) CREATE (b)-[:SUPPLIES {since: "2022-03-01"}]->(a)', { a: garage, b: dealer });
    const pairs = between(await complementaritiesOf(garage), garage, dealer);
    expect(pairs.some((p) => p.kind === 'TARGET_PUBLIC')).toBe(true);
    expect(pairs.every((p) => p.kind !== 'ACTIVITY' && p.kind !== 'MATERIAL')).toBe(true);
    const strengthen = pairs.find((p) => p.kind === 'TARGET_PUBLIC')!;
    expect(strengthen.existingRelations).toEqual(['SUPPLIES']);
    expect(strengthen.reasons.some((r) => r.startsWith('Déjà en relation (fournisseur)'))).toBe(true);
    await api.driver.executeQuery('MATCH (a:Actor {id: $a}), (b:Actor {id: $b}) CREATE (a)-[:COOPERATES_WITH]->(b)', { a: garage, b: dealer });
    expect(between(await complementaritiesOf(garage), garage, dealer)).toHaveLength(0);
  });

  it('refuses a search without scope, an unknown actor, a bad page size and a bad circle', async () => {
    const noScope = await api.gql(COMPLEMENTARITIES, { filter: {} });
    expect(noScope.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const unknown = await api.gql(COMPLEMENTARITIES, { filter: { actorId: 'no-such-actor' } });
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
    const page = await api.gql(COMPLEMENTARITIES, { filter: { near: ORIGIN, radiusKm: 5 }, first: 0 });
    expect(page.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const circle = await api.gql(COMPLEMENTARITIES, { filter: { near: ORIGIN } });
    expect(circle.errors![0].message).toMatch(/near and filter.radiusKm go together/);
    const territory = await api.gql(COMPLEMENTARITIES, { filter: { territoryCode: '00000' } });
    expect(territory.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('keeps both actors of a circle search inside the circle', async () => {
    const res = await api.gql(COMPLEMENTARITIES, { filter: { near: ORIGIN, radiusKm: 10 }, first: 100 });
    expect(res.errors).toBeUndefined();
    const list = res.data!.complementarities as Found[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((c) => c.distanceKm <= 20)).toBe(true);
  });
});

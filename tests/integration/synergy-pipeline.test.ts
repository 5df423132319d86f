import { loadEmissionFactors } from '../../server/domain/synergy/impacts';
import { destination, haversineKm } from '../support/haversine';
import { actorInput, CREATE_ACTOR, startTestApi, TEST_ADMIN, TestApi } from '../support/test-api';

// Meyrueis (Lozère, INSEE 48096) for the pipeline, Florac Trois Rivières (48061) for the funnel's
// durations: small communes no other test file places actors in.
const MEYRUEIS = { code: '48096', centre: { lat: 44.1789, lon: 3.4306 } };
const FLORAC = { code: '48061', centre: { lat: 44.3243, lon: 3.5933 } };

const SYNERGY_FIELDS = `id kind status title createdAt updatedAt createdBy statusChangedAt abandonReason nextStatuses
  flows { id direction actor { id } } actors { id name }
  history { seq at by fromStatus toStatus reason comment }
  impacts { tonnesDiverted mwhRecovered tco2eAvoided transportKm assumptions }`;
const TRACK = `mutation($input: TrackSynergyInput!) { trackSynergy(input: $input) { ${SYNERGY_FIELDS} } }`;
const MOVE = `mutation($id: ID!, $input: MoveSynergyInput!) { moveSynergy(id: $id, input: $input) { ${SYNERGY_FIELDS} } }`;
const GET = `query($id: ID!) { synergy(id: $id) { ${SYNERGY_FIELDS} } }`;
const LIST = `query($filter: TrackedSynergyFilter, $first: Int, $after: String) {
  trackedSynergies(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status kind } } nodes { id } }
}`;
const FUNNEL = `query($code: String, $kind: SynergyKind) {
  synergyFunnel(territoryCode: $code, kind: $kind) { territory { code level } total stages { status reached current medianDays currentMedianDays } }
}`;

const PALLETS = 'material.wood.pallets';
const HEAT = 'energy.waste-heat.low-temperature';

let api: TestApi;
const actorIds: string[] = [];
const locations = new Map<string, { lat: number; lon: number }>();

async function actor(label: string, commune: { code: string; centre: { lat: number; lon: number } }, bearing: number, km: number, extra: Record<string, unknown> = {}): Promise<string> {
  const location = km === 0 ? commune.centre : destination(commune.centre, bearing, km);
  const res = await api.gql(CREATE_ACTOR, {
    input: actorInput({ externalId: api.unique(label), name: `${api.unique(label)} ${label} (fictif)`, location, communeCode: commune.code, ...extra }),
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

async function track(input: Record<string, unknown>, token?: string | null) {
  return api.gql(TRACK, { input }, token);
}

async function tracked(input: Record<string, unknown>): Promise<any> {
  const res = await track(input);
  expect(res.errors).toBeUndefined();
  return res.data!.trackSynergy;
}

async function move(id: string, input: Record<string, unknown>, token?: string | null) {
  return api.gql(MOVE, { id, input }, token);
}

async function moved(id: string, input: Record<string, unknown>): Promise<any> {
  const res = await move(id, input);
  expect(res.errors).toBeUndefined();
  return res.data!.moveSynergy;
}

let sawmill: string;
let boilerRoom: string;
let dataCentre: string;
let pool: string;
let palletOffer: string;
let palletNeed: string;
let heatOffer: string;
let heatNeed: string;

beforeAll(async () => {
  api = await startTestApi();
  sawmill = await actor('Scierie des Causses', MEYRUEIS, 0, 0);
  boilerRoom = await actor('Fabrique de panneaux', MEYRUEIS, 90, 6);
  dataCentre = await actor('Centre de calcul', MEYRUEIS, 180, 1);
  pool = await actor('Piscine intercommunale', MEYRUEIS, 200, 1.5, { kind: 'LOCAL_AUTHORITY', economy: 'PUBLIC' });
  palletOffer = await flow(sawmill, { direction: 'OFFER', description: 'Palettes cassées', categoryCode: PALLETS, quantity: 100, unit: 't/yr' });
  palletNeed = await flow(boilerRoom, { direction: 'NEED', description: 'Bois de palettes pour panneaux', categoryCode: PALLETS, quantity: 150, unit: 't/yr' });
  heatOffer = await flow(dataCentre, { direction: 'OFFER', description: 'Chaleur fatale des serveurs', categoryCode: HEAT, quantity: 500, unit: 'MWh/yr', temperatureC: 45 });
  heatNeed = await flow(pool, { direction: 'NEED', description: 'Chauffage du bassin', categoryCode: HEAT, quantity: 600, unit: 'MWh/yr', temperatureC: 30 });
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

describe('tracking a synergy', () => {
  let synergy: any;

  it('tracks a substitution from an offer and a need, IDENTIFIED, with its flows, actors, creator and first event', async () => {
    synergy = await tracked({ kind: 'SUBSTITUTION', flowIds: [palletNeed, palletOffer], comment: 'Piste issue de la réunion du club' });
    expect(synergy).toMatchObject({
      kind: 'SUBSTITUTION',
      status: 'IDENTIFIED',
      createdBy: TEST_ADMIN.email,
      abandonReason: null,
      nextStatuses: ['CONTACTED', 'IN_STUDY', 'IMPLEMENTED', 'ABANDONED'],
    });
    expect(synergy.title).toMatch(/^Substitution : .*Scierie des Causses.* → .*Fabrique de panneaux/);
    expect(synergy.flows).toEqual([
      { id: palletOffer, direction: 'OFFER', actor: { id: sawmill } },
      { id: palletNeed, direction: 'NEED', actor: { id: boilerRoom } },
    ]);
    expect(synergy.actors.map((a: { id: string }) => a.id).sort()).toEqual([sawmill, boilerRoom].sort());
    expect(synergy.history).toEqual([
      { seq: 1, at: synergy.createdAt, by: TEST_ADMIN.email, fromStatus: null, toStatus: 'IDENTIFIED', reason: null, comment: 'Piste issue de la réunion du club' },
    ]);
    expect(synergy.statusChangedAt).toBe(synergy.createdAt);
    expect(synergy.updatedAt).toBe(synergy.createdAt);
    expect(Date.now() - Date.parse(synergy.createdAt)).toBeLessThan(60_000);
  });

  it('moves it through the stages with comments, keeping who and when in order', async () => {
    await moved(synergy.id, { status: 'CONTACTED', comment: 'Appel au directeur de la scierie' });
    await moved(synergy.id, { status: 'IN_STUDY', comment: 'Essai de broyage sur 2 t' });
    const done = await moved(synergy.id, { status: 'IMPLEMENTED', comment: 'Contrat signé' });
    expect(done.status).toBe('IMPLEMENTED');
    expect(done.nextStatuses).toEqual([]);
    expect(done.history.map((e: any) => [e.seq, e.fromStatus, e.toStatus, e.comment, e.by])).toEqual([
      [1, null, 'IDENTIFIED', 'Piste issue de la réunion du club', TEST_ADMIN.email],
      [2, 'IDENTIFIED', 'CONTACTED', 'Appel au directeur de la scierie', TEST_ADMIN.email],
      [3, 'CONTACTED', 'IN_STUDY', 'Essai de broyage sur 2 t', TEST_ADMIN.email],
      [4, 'IN_STUDY', 'IMPLEMENTED', 'Contrat signé', TEST_ADMIN.email],
    ]);
    const times = done.history.map((e: any) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(done.statusChangedAt).toBe(done.history[3].at);
    // The events are chained in order in the graph, not only numbered.
    const chain = await api.driver.executeQuery(
      `MATCH (:Synergy {id: $id})-[:HAS_EVENT]->(first:SynergyEvent {seq: 1})
       MATCH path = (first)-[:NEXT*]->(last:SynergyEvent) WHERE NOT (last)-[:NEXT]->()
       RETURN [e IN nodes(path) | e.toStatus] AS statuses`,
      { id: synergy.id },
    );
    expect(chain.records[0].get('statuses')).toEqual(['IDENTIFIED', 'CONTACTED', 'IN_STUDY', 'IMPLEMENTED']);
    const read = await api.gql(GET, { id: synergy.id });
    expect(read.data!.synergy.history).toEqual(done.history);
  });

  it('refuses to move an implemented synergy, with BAD_USER_INPUT naming the status', async () => {
    for (const status of ['IN_STUDY', 'ABANDONED']) {
      const res = await move(synergy.id, { status, reason: status === 'ABANDONED' ? 'ECONOMIC' : null });
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['status'] });
      expect(res.errors![0].message).toContain('IMPLEMENTED is final');
    }
  });

  it('estimates the impacts of 100 t/yr of pallets diverted, from the factor file', async () => {
    const factors = loadEmissionFactors().factors;
    const km = haversineKm(locations.get(sawmill)!, locations.get(boilerRoom)!);
    const { impacts } = (await api.gql(GET, { id: synergy.id })).data!.synergy;
    expect(impacts.tonnesDiverted).toBe(100);
    expect(impacts.mwhRecovered).toBe(0);
    expect(impacts.transportKm).toBeCloseTo(km * Math.ceil(100 / 10), 2);
    expect(impacts.tco2eAvoided).toBeCloseTo(100 * factors['landfill-household-type-waste'].value - 100 * km * factors['road-freight'].value, 3);
    expect(impacts.assumptions.length).toBeGreaterThan(2);
  });

  it('refuses to track the same flows twice, naming the synergy', async () => {
    const res = await track({ kind: 'SUBSTITUTION', flowIds: [palletOffer, palletNeed] });
    expect(res.errors![0].extensions!.code).toBe('CONFLICT');
    expect(res.errors![0].message).toContain(synergy.id);
  });
});

describe('abandoning and reopening', () => {
  let heat: any;

  beforeAll(async () => {
    heat = await tracked({ kind: 'SUBSTITUTION', flowIds: [heatOffer, heatNeed], title: 'Chaleur des serveurs pour la piscine' });
  });

  it('estimates 500 MWh/yr of recovered heat at the natural-gas factor', () => {
    expect(heat.title).toBe('Chaleur des serveurs pour la piscine');
    expect(heat.impacts).toMatchObject({ tonnesDiverted: 0, mwhRecovered: 500, transportKm: 0 });
    expect(heat.impacts.tco2eAvoided).toBeCloseTo(500 * loadEmissionFactors().factors['natural-gas-heat'].value, 6);
    expect(heat.impacts.tco2eAvoided).toBeCloseTo(113.5, 6);
  });

  it('refuses to abandon without a reason, and OTHER without a comment', async () => {
    const none = await move(heat.id, { status: 'ABANDONED', comment: 'Trop cher' });
    expect(none.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['reason'] });
    expect(none.errors![0].message).toMatch(/^reason: abandoning a synergy needs a reason/);
    const other = await move(heat.id, { status: 'ABANDONED', reason: 'OTHER' });
    expect(other.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['comment'] });
    expect((await api.gql(GET, { id: heat.id })).data!.synergy.history).toHaveLength(1);
  });

  it('refuses a reason on a forward move and a move backwards', async () => {
    const reason = await move(heat.id, { status: 'CONTACTED', reason: 'TRUST' });
    expect(reason.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['reason'] });
    await moved(heat.id, { status: 'IN_STUDY', comment: 'Les deux parties se connaissaient déjà' });
    const back = await move(heat.id, { status: 'CONTACTED' });
    expect(back.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['status'] });
    expect(back.errors![0].message).toContain('no move backwards');
  });

  it('abandons with a reason and reopens to IDENTIFIED, keeping the whole history', async () => {
    const abandoned = await moved(heat.id, { status: 'ABANDONED', reason: 'ECONOMIC', comment: 'Tranchée trop coûteuse' });
    expect(abandoned).toMatchObject({ status: 'ABANDONED', abandonReason: 'ECONOMIC', nextStatuses: ['IDENTIFIED'] });
    expect(abandoned.history[2]).toMatchObject({ fromStatus: 'IN_STUDY', toStatus: 'ABANDONED', reason: 'ECONOMIC', comment: 'Tranchée trop coûteuse' });
    const again = await track({ kind: 'SUBSTITUTION', flowIds: [heatOffer, heatNeed] });
    expect(again.errors![0].message).toContain('reopen it');
    const reopened = await moved(heat.id, { status: 'IDENTIFIED', comment: 'Subvention obtenue' });
    expect(reopened).toMatchObject({ status: 'IDENTIFIED', abandonReason: null });
    expect(reopened.history.map((e: any) => e.toStatus)).toEqual(['IDENTIFIED', 'IN_STUDY', 'ABANDONED', 'IDENTIFIED']);
  });

  it('answers NOT_FOUND for an unknown synergy', async () => {
    const res = await move('no-such-synergy', { status: 'CONTACTED' });
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await api.gql(GET, { id: 'no-such-synergy' })).data!.synergy).toBeNull();
  });
});

describe('what trackSynergy refuses', () => {
  it.each([
    ['two offers', () => ({ kind: 'SUBSTITUTION', flowIds: [palletOffer, heatOffer] }), 'flowIds', 'exactly one OFFER flow and one NEED flow'],
    ['a single flow', () => ({ kind: 'SUBSTITUTION', flowIds: [palletOffer] }), 'flowIds', 'at least 2 flows'],
    ['a repeated flow', () => ({ kind: 'SUBSTITUTION', flowIds: [palletOffer, palletOffer] }), 'flowIds', 'once'],
    ['a mutualisation of two actors', () => ({ kind: 'MUTUALISATION', flowIds: [palletOffer, palletNeed] }), 'flowIds', 'at least 3 flows'],
    ['a title too long', () => ({ kind: 'SUBSTITUTION', flowIds: [heatOffer, palletNeed], title: 'x'.repeat(201) }), 'title', 'title'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, input, field, words) => {
    const res = await track(input());
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.errors![0].extensions!.fields).toContain(field);
    expect(res.errors![0].message).toContain(words);
  });

  it('refuses a substitution within one actor', async () => {
    const own = await flow(sawmill, { direction: 'NEED', description: 'Palettes neuves', categoryCode: PALLETS, quantity: 5, unit: 't/yr' });
    const res = await track({ kind: 'SUBSTITUTION', flowIds: [palletOffer, own] });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['flowIds'] });
  });

  it('answers NOT_FOUND for an unknown flow, naming it', async () => {
    const res = await track({ kind: 'SUBSTITUTION', flowIds: [palletOffer, 'no-such-flow'] });
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(res.errors![0].message).toContain('no-such-flow');
  });

  it('needs a token for every pipeline mutation and for reading tracked synergies', async () => {
    const trackRes = await track({ kind: 'SUBSTITUTION', flowIds: [heatOffer, palletNeed] }, null);
    expect(trackRes.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const list = await api.gql(LIST, { filter: { territoryCode: MEYRUEIS.code } });
    const someId = list.data!.trackedSynergies.nodes[0].id;
    const moveRes = await move(someId, { status: 'ABANDONED', reason: 'TRUST' }, null);
    expect(moveRes.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(GET, { id: someId }, null)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(LIST, {}, null)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(LIST, {}, 'not-a-token')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('mutualisations and listing', () => {
  let mutualisation: any;

  beforeAll(async () => {
    const cardboard = 'service.waste-collection.cardboard';
    const flows = [
      await flow(sawmill, { direction: 'NEED', description: 'Collecte des cartons', categoryCode: cardboard, quantity: 4, unit: 't/yr' }),
      await flow(boilerRoom, { direction: 'NEED', description: 'Enlèvement cartons', categoryCode: cardboard, quantity: 6, unit: 't/yr' }),
      await flow(dataCentre, { direction: 'NEED', description: 'Cartons d’emballage serveurs', categoryCode: cardboard, quantity: 2, unit: 't/yr' }),
    ];
    mutualisation = await tracked({ kind: 'MUTUALISATION', flowIds: flows });
  });

  it('tracks a mutualisation of three flows of three actors, with no exchange to estimate', () => {
    expect(mutualisation).toMatchObject({ kind: 'MUTUALISATION', status: 'IDENTIFIED' });
    expect(mutualisation.title).toMatch(/^Mutualisation : /);
    expect(mutualisation.actors).toHaveLength(3);
    expect(mutualisation.impacts).toMatchObject({ tonnesDiverted: 0, mwhRecovered: 0, tco2eAvoided: 0, transportKm: 0 });
    expect(mutualisation.impacts.assumptions[0]).toMatch(/^Mutualisation/);
  });

  it('lists the synergies of a territory newest first, filtered by status, kind and actor, one page at a time', async () => {
    const all = (await api.gql(LIST, { filter: { territoryCode: MEYRUEIS.code }, first: 50 })).data!.trackedSynergies;
    expect(all.totalCount).toBe(3);
    expect(all.nodes[0].id).toBe(mutualisation.id);
    const byStatus = (await api.gql(LIST, { filter: { territoryCode: MEYRUEIS.code, status: 'IMPLEMENTED' } })).data!.trackedSynergies;
    expect(byStatus.edges.map((e: any) => e.node.status)).toEqual(['IMPLEMENTED']);
    const byKind = (await api.gql(LIST, { filter: { territoryCode: MEYRUEIS.code, kind: 'MUTUALISATION' } })).data!.trackedSynergies;
    expect(byKind.nodes).toEqual([{ id: mutualisation.id }]);
    const byActor = (await api.gql(LIST, { filter: { actorId: pool } })).data!.trackedSynergies;
    expect(byActor.totalCount).toBe(1);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await api.gql(LIST, { filter: { territoryCode: MEYRUEIS.code }, first: 1, after })).data!.trackedSynergies;
      expect(page.totalCount).toBe(3);
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.nodes.map((n: { id: string }) => n.id));
  });

  it('reads a page of synergies with their flows, actors, history and impacts in a fixed number of round trips', async () => {
    const NESTED = `query($filter: TrackedSynergyFilter, $first: Int) {
      trackedSynergies(filter: $filter, first: $first) { nodes { id flows { id actor { name } } actors { id } history { seq by } impacts { tco2eAvoided } } }
    }`;
    const one = await api.gql(NESTED, { filter: { territoryCode: MEYRUEIS.code }, first: 1 });
    const three = await api.gql(NESTED, { filter: { territoryCode: MEYRUEIS.code }, first: 3 });
    expect(one.errors).toBeUndefined();
    expect(three.data!.trackedSynergies.nodes).toHaveLength(3);
    expect(three.roundTrips).toBe(one.roundTrips);
    expect(three.roundTrips).toBeLessThanOrEqual(8);
  });

  it('refuses an unknown territory and a forged cursor', async () => {
    const territory = await api.gql(LIST, { filter: { territoryCode: 'nowhere' } });
    expect(territory.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['filter.territoryCode'] });
    const cursor = await api.gql(LIST, { after: 'bm90LWEtY3Vyc29y' });
    expect(cursor.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['after'] });
  });

  it('counts the funnel of the territory, by kind too, without a token', async () => {
    const res = await api.gql(FUNNEL, { code: MEYRUEIS.code }, null);
    expect(res.errors).toBeUndefined();
    const funnel = res.data!.synergyFunnel;
    expect(funnel.territory).toEqual({ code: MEYRUEIS.code, level: 'COMMUNE' });
    expect(funnel.total).toBe(3);
    // pallets: IDENTIFIED → CONTACTED → IN_STUDY → IMPLEMENTED; heat: IDENTIFIED → IN_STUDY →
    // ABANDONED → IDENTIFIED; mutualisation: IDENTIFIED.
    expect(funnel.stages.map((s: any) => [s.status, s.reached, s.current])).toEqual([
      ['IDENTIFIED', 3, 2], ['CONTACTED', 2, 0], ['IN_STUDY', 2, 0], ['IMPLEMENTED', 1, 1], ['ABANDONED', 1, 0],
    ]);
    for (const stage of funnel.stages) {
      if (stage.medianDays !== null) expect(stage.medianDays).toBeGreaterThanOrEqual(0);
    }
    const mutualisations = (await api.gql(FUNNEL, { code: MEYRUEIS.code, kind: 'MUTUALISATION' })).data!.synergyFunnel;
    expect(mutualisations.total).toBe(1);
    const unknown = await api.gql(FUNNEL, { code: 'nowhere' });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['territoryCode'] });
  });
});

describe('funnel durations', () => {
  it('gives the median days spent in each stage, from the recorded history', async () => {
    const a = await actor('Brasserie', FLORAC, 0, 0);
    const b = await actor('Ferme', FLORAC, 90, 3);
    const c = await actor('Fromagerie', FLORAC, 180, 2);
    const grain = 'material.biowaste.spent-grain';
    const offer = await flow(a, { direction: 'OFFER', description: 'Drêches de brasserie', categoryCode: grain, quantity: 20, unit: 't/yr' });
    const need1 = await flow(b, { direction: 'NEED', description: 'Drêches pour les vaches', categoryCode: grain, quantity: 15, unit: 't/yr' });
    const need2 = await flow(c, { direction: 'NEED', description: 'Drêches', categoryCode: grain, quantity: 5, unit: 't/yr' });
    const s1 = await tracked({ kind: 'SUBSTITUTION', flowIds: [offer, need1] });
    await moved(s1.id, { status: 'CONTACTED' });
    await moved(s1.id, { status: 'IN_STUDY' });
    const s2 = await tracked({ kind: 'SUBSTITUTION', flowIds: [offer, need2] });
    await moved(s2.id, { status: 'CONTACTED' });
    // Back-date the recorded instants, as if the moves had been made over weeks.
    const backdate = async (id: string, days: number[]) => {
      for (const [i, d] of days.entries()) {
        await api.driver.executeQuery(
          'MATCH (:Synergy {id: $id})-[:HAS_EVENT]->(e:SynergyEvent {seq: $seq}) SET e.at = datetime($at)',
          { id, seq: i + 1, at: new Date(Date.now() - d * 86_400_000).toISOString() },
        );
      }
    };
    await backdate(s1.id, [40, 30, 10]); // 10 days IDENTIFIED, 20 days CONTACTED, 10 days IN_STUDY so far
    await backdate(s2.id, [34, 30]); // 4 days IDENTIFIED, 30 days CONTACTED so far
    const funnel = (await api.gql(FUNNEL, { code: FLORAC.code })).data!.synergyFunnel;
    const stage = (status: string) => funnel.stages.find((s: any) => s.status === status);
    expect(funnel.total).toBe(2);
    expect(stage('IDENTIFIED')).toMatchObject({ reached: 2, current: 0, medianDays: 7, currentMedianDays: null });
    expect(stage('CONTACTED')).toMatchObject({ reached: 2, current: 1, medianDays: 20 });
    expect(stage('CONTACTED').currentMedianDays).toBeCloseTo(30, 1);
    expect(stage('IN_STUDY')).toMatchObject({ reached: 1, current: 1, medianDays: null });
    expect(stage('IN_STUDY').currentMedianDays).toBeCloseTo(10, 1);
  });
});

describe('concurrent moves', () => {
  it('lets only one of two simultaneous identical moves through', async () => {
    const need = await flow(boilerRoom, { direction: 'NEED', description: 'Chauffage de l’atelier', categoryCode: HEAT, quantity: 80, unit: 'MWh/yr', temperatureC: 35 });
    const synergy = await tracked({ kind: 'SUBSTITUTION', flowIds: [heatOffer, need] });
    const results = await Promise.all([1, 2].map(() => move(synergy.id, { status: 'CONTACTED' })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0].message).toContain('already CONTACTED');
    const { history } = (await api.gql(GET, { id: synergy.id })).data!.synergy;
    expect(history.map((e: any) => e.toStatus)).toEqual(['IDENTIFIED', 'CONTACTED']);
  });
});

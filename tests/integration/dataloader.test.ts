import { actorInput, ADD_FLOW, CREATE_ACTOR, startTestApi, TestApi } from '../support/test-api';

let api: TestApi;
let token: string;

const ACTOR_COUNT = 100;
/** Offer and need categories of actor i: OFFER_CATEGORIES[i % 4], NEED_CATEGORIES[i % 3]. */
const OFFER_CATEGORIES = [
  ['Palettes bois', 'material.wood.pallets'],
  ['Chaleur fatale', 'energy.waste-heat.low-temperature'],
  ['Cartons', 'material.paper-cardboard.cardboard'],
  ['Fûts métalliques', 'material.metal.ferrous'],
] as const;
const NEED_CATEGORIES = [
  ['Eau de refroidissement', 'water.cooling'],
  ['Local d’atelier', 'equipment.premises.workshop'],
  ['Transport mutualisé', 'logistics.transport.shared-trips'],
] as const;

const name = (i: number) => `${api.unique('dl')} ${token} Acteur ${String(i).padStart(3, '0')}`;

const ACTORS_DEEP = `query($f: ActorFilter, $first: Int) {
  actors(filter: $f, first: $first) {
    totalCount
    nodes { name flows { description direction category { code name } actor { name } } territories { code } }
  }
}`;

interface DeepActor {
  name: string;
  flows: { description: string; direction: string; category: { code: string; name: string } | null; actor: { name: string } }[];
  territories: { code: string }[];
}

/** Runs `work` over 0..n-1 with at most `width` calls in flight. */
async function inParallel(n: number, width: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) await work(next++);
  }));
}

const actorIds: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  token = `dlx${api.unique('').split('-')[1]}`;
  await inParallel(ACTOR_COUNT, 6, async (i) => {
    const created = await api.gql(CREATE_ACTOR, { input: actorInput({ externalId: api.unique(`dl-${i}`), name: name(i) }) });
    expect(created.errors).toBeUndefined();
    const actorId = created.data!.createActor.id;
    actorIds[i] = actorId;
    const [offerText, offerCode] = OFFER_CATEGORIES[i % OFFER_CATEGORIES.length];
    const [needText, needCode] = NEED_CATEGORIES[i % NEED_CATEGORIES.length];
    for (const input of [
      { actorId, direction: 'OFFER', description: `${offerText} n°${i}`, categoryCode: offerCode },
      { actorId, direction: 'NEED', description: `${needText} n°${i}`, categoryCode: needCode },
    ]) {
      const flow = await api.gql(ADD_FLOW, { input });
      expect(flow.errors).toBeUndefined();
    }
  });
}, 180_000);

afterAll(async () => {
  await api.driver.executeQuery(
    `MATCH (a:Actor) WHERE a.externalId STARTS WITH $p OPTIONAL MATCH (a)-[:OFFERS|NEEDS]->(f:Flow) DETACH DELETE a, f`,
    { p: api.unique('') },
  );
  await api.stop();
});

describe('batched loading (no N+1 queries)', () => {
  it('loads 100 actors with their flows, categories, owners and territories in a few round trips, as many as for 10', async () => {
    const ten = await api.gql<{ actors: { totalCount: number; nodes: DeepActor[] } }>(ACTORS_DEEP, { f: { text: token }, first: 10 });
    const hundred = await api.gql<{ actors: { totalCount: number; nodes: DeepActor[] } }>(ACTORS_DEEP, { f: { text: token }, first: 100 });
    expect(ten.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(ten.data!.actors.nodes).toHaveLength(10);
    expect(hundred.data!.actors.nodes).toHaveLength(100);
    expect(hundred.roundTrips).toBeGreaterThan(0);
    expect(hundred.roundTrips).toBeLessThanOrEqual(8);
    expect(hundred.roundTrips).toBe(ten.roundTrips);
  });

  it('returns the right data: every actor with its own two flows, their categories and its territories', async () => {
    const res = await api.gql<{ actors: { totalCount: number; nodes: DeepActor[] } }>(ACTORS_DEEP, { f: { text: token }, first: 100 });
    const taxonomy = await api.gql<{ resourceCategories: { code: string; nameFr: string }[] }>('{ resourceCategories { code nameFr } }');
    const frenchName = new Map(taxonomy.data!.resourceCategories.map((c) => [c.code, c.nameFr]));
    expect(res.data!.actors.totalCount).toBe(ACTOR_COUNT);
    const nodes = res.data!.actors.nodes;
    expect(nodes.map((n) => n.name)).toEqual(Array.from({ length: ACTOR_COUNT }, (_, i) => name(i)));
    nodes.forEach((actor, i) => {
      const [offerText, offerCode] = OFFER_CATEGORIES[i % OFFER_CATEGORIES.length];
      const [needText, needCode] = NEED_CATEGORIES[i % NEED_CATEGORIES.length];
      expect(actor.flows).toHaveLength(2);
      const offer = actor.flows.find((f) => f.direction === 'OFFER')!;
      const need = actor.flows.find((f) => f.direction === 'NEED')!;
      expect(offer).toMatchObject({ description: `${offerText} n°${i}`, category: { code: offerCode }, actor: { name: actor.name } });
      expect(need).toMatchObject({ description: `${needText} n°${i}`, category: { code: needCode }, actor: { name: actor.name } });
      expect(offer.category!.name).toBe(frenchName.get(offerCode));
      expect(need.category!.name).toBe(frenchName.get(needCode));
      expect(actor.territories.map((t) => t.code)).toEqual(['94081', '200058014', '200054781', '94', '11']);
    });
  });

  it('batches flows → owner → territories the same way, whatever the page size', async () => {
    const query = `query($f: FlowFilter, $first: Int) { flows(filter: $f, first: $first) {
      totalCount nodes { id category { code family } actor { id name territories { code } flows { id } } } } }`;
    const few = await api.gql(query, { f: { text: 'palettes', territoryCode: '94081' }, first: 5 });
    const many = await api.gql(query, { f: { text: 'palettes', territoryCode: '94081' }, first: 200 });
    expect(many.errors).toBeUndefined();
    expect(many.data!.flows.nodes.length).toBeGreaterThanOrEqual(ACTOR_COUNT / OFFER_CATEGORIES.length);
    expect(many.roundTrips).toBeLessThanOrEqual(8);
    expect(many.roundTrips).toBe(few.roundTrips);
    for (const flow of many.data!.flows.nodes) {
      expect(flow.actor.flows.map((f: { id: string }) => f.id)).toContain(flow.id);
    }
  });

  it('batches actors fetched one by one in the same request into one round trip', async () => {
    const aliases = (ids: string[]) => `{ ${ids.map((id, i) => `a${i}: actor(id: "${id}") { name }`).join(' ')} }`;
    const three = await api.gql(aliases(actorIds.slice(0, 3)));
    const fifty = await api.gql(aliases(actorIds.slice(0, 50)));
    expect(fifty.errors).toBeUndefined();
    expect(Object.values(fifty.data!).map((a: any) => a.name)).toEqual(Array.from({ length: 50 }, (_, i) => name(i)));
    expect(fifty.roundTrips).toBe(1);
    expect(three.roundTrips).toBe(1);
  });
});

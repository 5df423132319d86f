import { actorInput, CREATE_ACTOR, startTestApi, TestApi, VITRY } from '../support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.driver.executeQuery('MATCH (a:Actor) WHERE a.externalId STARTS WITH $p OR a.name STARTS WITH $p DETACH DELETE a', { p: api.unique('') });
  await api.stop();
});

describe('createActor', () => {
  it('creates an actor and places it in its commune and every territory above it', async () => {
    const res = await api.gql(CREATE_ACTOR, { input: actorInput({ externalId: api.unique('create-1'), name: `${api.unique('')} Atelier` }) });
    expect(res.errors).toBeUndefined();
    const actor = res.data!.createActor;
    expect(actor).toMatchObject({ kind: 'COMPANY', economy: 'CLASSIC', nafCode: '25.62B', location: VITRY, publics: ['COMPANIES'] });
    expect(actor.territories.map((t: { code: string; level: string }) => `${t.level}:${t.code}`)).toEqual([
      'COMMUNE:94081', 'EPT:200058014', 'EPCI:200054781', 'DEPARTEMENT:94', 'REGION:11',
    ]);
    expect(Date.parse(actor.createdAt)).not.toBeNaN();
  });

  it('returns the same actor, unchanged, when created twice with the same externalId', async () => {
    const externalId = api.unique('idem');
    const first = await api.gql(CREATE_ACTOR, { input: actorInput({ externalId, name: `${api.unique('')} Premier` }) });
    const second = await api.gql(CREATE_ACTOR, { input: actorInput({ externalId, name: `${api.unique('')} Second` }) });
    expect(second.data!.createActor.id).toBe(first.data!.createActor.id);
    expect(second.data!.createActor.name).toBe(`${api.unique('')} Premier`);
    const count = await api.driver.executeQuery('MATCH (a:Actor {externalId: $externalId}) RETURN count(a) AS n', { externalId });
    expect(count.records[0].get('n').toNumber()).toBe(1);
  });

  it.each([
    ['location.lat', { location: { lat: 91, lon: 2.39 } }],
    ['location.lon', { location: { lat: 48.7, lon: -181 } }],
    ['nafCode', { nafCode: '3511' }],
    ['name', { name: '' }],
    ['employees', { employees: -3 }],
    ['communeCode', { communeCode: '99999' }],
  ])('refuses an actor with an invalid %s, naming the field and writing nothing', async (field, override) => {
    const externalId = api.unique(`bad-${field}`);
    const res = await api.gql(CREATE_ACTOR, { input: actorInput({ externalId, ...override }) });
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain(field);
    const count = await api.driver.executeQuery('MATCH (a:Actor {externalId: $externalId}) RETURN count(a) AS n', { externalId });
    expect(count.records[0].get('n').toNumber()).toBe(0);
  });

  it('refuses an unknown kind with BAD_USER_INPUT', async () => {
    const res = await api.gql(CREATE_ACTOR, { input: actorInput({ kind: 'BANK' }) });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('kind');
  });

  it('requires a bearer token', async () => {
    const res = await api.gql(CREATE_ACTOR, { input: actorInput() }, null);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const bad = await api.gql(CREATE_ACTOR, { input: actorInput() }, 'not-a-token');
    expect(bad.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('updateActor and deleteActor', () => {
  it('changes only the given fields and re-places a moved actor', async () => {
    const created = await api.gql(CREATE_ACTOR, { input: actorInput({ externalId: api.unique('upd'), name: `${api.unique('')} Avant` }) });
    const id = created.data!.createActor.id;
    const res = await api.gql(
      `mutation($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { name nafCode employees location { lat lon } territories { code level } } }`,
      { id, input: { employees: 40, location: { lat: 48.8139, lon: 2.3872 }, communeCode: '94041' } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateActor).toMatchObject({ name: `${api.unique('')} Avant`, nafCode: '25.62B', employees: 40 });
    expect(res.data!.updateActor.territories[0]).toEqual({ code: '94041', level: 'COMMUNE' });
  });

  it('answers NOT_FOUND for an unknown actor', async () => {
    const res = await api.gql(`mutation { updateActor(id: "nope", input: { employees: 3 }) { id } }`);
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('deletes an actor with its flows and nothing else', async () => {
    const a = (await api.gql(CREATE_ACTOR, { input: actorInput({ externalId: api.unique('del-a') }) })).data!.createActor;
    const b = (await api.gql(CREATE_ACTOR, { input: actorInput({ externalId: api.unique('del-b') }) })).data!.createActor;
    const addFlow = `mutation($input: AddFlowInput!) { addFlow(input: $input) { id } }`;
    await api.gql(addFlow, { input: { actorId: a.id, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets' } });
    const kept = (await api.gql(addFlow, { input: { actorId: b.id, direction: 'NEED', description: 'Palettes bois', categoryCode: 'material.wood.pallets' } })).data!.addFlow;
    const res = await api.gql(`mutation($id: ID!) { deleteActor(id: $id) }`, { id: a.id });
    expect(res.data!.deleteActor).toBe(true);
    const left = await api.driver.executeQuery(
      `OPTIONAL MATCH (a:Actor {id: $a}) OPTIONAL MATCH (:Actor {id: $a})-->(f:Flow)
       OPTIONAL MATCH (b:Actor {id: $b})-[:NEEDS]->(g:Flow {id: $g}) OPTIONAL MATCH (t:Territory {key: 'COMMUNE:94081'})
       RETURN a IS NULL AS aGone, f IS NULL AS flowsGone, g IS NOT NULL AS otherKept, t IS NOT NULL AS territoryKept`,
      { a: a.id, b: b.id, g: kept.id },
    );
    expect(left.records[0].toObject()).toEqual({ aGone: true, flowsGone: true, otherKept: true, territoryKept: true });
  });
});

describe('actors query', () => {
  it('filters by kind, economy, territory, NAF prefix and text, with cursor pagination and totalCount', async () => {
    const tag = api.unique('list');
    for (let i = 0; i < 5; i += 1) {
      await api.gql(CREATE_ACTOR, { input: actorInput({ externalId: `${tag}-${i}`, name: `${tag} Recyclerie ${i}`, kind: 'ESS_STRUCTURE', economy: 'ESS', nafCode: '38.32Z', description: 'Réemploi solidaire' }) });
    }
    const query = `query($f: ActorFilter, $first: Int, $after: String) { actors(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } }`;
    const filter = { kinds: ['ESS_STRUCTURE'], economies: ['ESS'], territoryCode: '200058014', nafPrefix: '38.3', text: `${tag} recyclerie` };
    const page1 = await api.gql(query, { f: filter, first: 2 });
    expect(page1.errors).toBeUndefined();
    expect(page1.data!.actors.totalCount).toBe(5);
    expect(page1.data!.actors.nodes.map((n: { name: string }) => n.name)).toEqual([`${tag} Recyclerie 0`, `${tag} Recyclerie 1`]);
    const names: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await api.gql(query, { f: filter, first: 2, after });
      names.push(...page.data!.actors.nodes.map((n: { name: string }) => n.name));
      after = page.data!.actors.pageInfo.hasNextPage ? page.data!.actors.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual([0, 1, 2, 3, 4].map((i) => `${tag} Recyclerie ${i}`));
    const otherTerritory = await api.gql(query, { f: { ...filter, territoryCode: '75056' } });
    expect(otherTerritory.data!.actors.totalCount).toBe(0);
  });

  it('refuses a page size above the maximum, an unknown territory and an unknown category', async () => {
    const big = await api.gql(`{ actors(first: 100000) { totalCount } }`);
    expect(big.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(big.errors![0].message).toContain('first');
    const unknown = await api.gql(`{ actors(filter: { territoryCode: "nowhere" }) { totalCount } }`);
    expect(unknown.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].message).toContain('territoryCode');
    const unknownCategory = await api.gql(`{ actors(filter: { categoryCode: "energy.unicorn-dust" }) { totalCount } }`);
    expect(unknownCategory.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(unknownCategory.errors![0].message).toContain('filter.categoryCode');
  });
});

import { actorInput, ADD_FLOW, CREATE_ACTOR, startTestApi, TestApi } from '../support/test-api';

let api: TestApi;
let runToken: string;

const UPDATE_FLOW = `mutation($id: ID!, $input: UpdateFlowInput!) {
  updateFlow(id: $id, input: $input) { id direction description categoryCode category { code family } quantity unit temperatureC availableMonths confidentiality actor { id } }
}`;
const REMOVE_FLOW = `mutation($id: ID!) { removeFlow(id: $id) }`;
const FLOWS = `query($filter: FlowFilter, $first: Int, $after: String) {
  flows(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id description direction categoryCode actor { id } }
  }
}`;

beforeAll(async () => {
  api = await startTestApi();
  // A word of this run only, put in flow descriptions so that queries see only this file's flows.
  runToken = `flw${api.unique('').split('-')[1]}`;
});

afterAll(async () => {
  const p = api.unique('');
  await api.driver.executeQuery(
    `MATCH (a:Actor) WHERE a.externalId STARTS WITH $p OR a.name STARTS WITH $p
     OPTIONAL MATCH (a)-[:OFFERS|NEEDS]->(f:Flow)
     DETACH DELETE a, f`,
    { p },
  );
  await api.driver.executeQuery('MATCH (f:Flow) WHERE f.externalId STARTS WITH $p DETACH DELETE f', { p });
  await api.stop();
});

async function newActor(label: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const res = await api.gql(CREATE_ACTOR, { input: actorInput({ externalId: api.unique(label), name: `${api.unique(label)} Acteur`, ...overrides }) });
  expect(res.errors).toBeUndefined();
  return res.data!.createActor;
}

async function addFlow(input: Record<string, unknown>) {
  const res = await api.gql(ADD_FLOW, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.addFlow;
}

/** The flows stored for an actor, as the graph holds them: edge type, description, category code. */
async function flowsInGraph(actorId: string): Promise<{ rel: string; id: string; description: string; category: string | null }[]> {
  const result = await api.driver.executeQuery(
    `MATCH (:Actor {id: $actorId})-[r]->(f:Flow) OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)
     RETURN type(r) AS rel, f.id AS id, f.description AS description, c.code AS category ORDER BY f.description`,
    { actorId },
  );
  return result.records.map((r) => r.toObject() as { rel: string; id: string; description: string; category: string | null });
}

async function countFlowsWithExternalId(externalId: string): Promise<number> {
  const result = await api.driver.executeQuery('MATCH (f:Flow {externalId: $externalId}) RETURN count(f) AS n', { externalId });
  return result.records[0].get('n').toNumber();
}

describe('addFlow', () => {
  it('adds an offer in the category the caller names, linked to its actor in the graph', async () => {
    const actor = await newActor('add-explicit');
    const flow = await addFlow({
      actorId: actor.id, direction: 'OFFER', description: 'Palettes bois cassées, environ 2 t par mois',
      categoryCode: 'material.wood.pallets', quantity: 24, unit: 't/yr', availableMonths: [9, 3, 3, 1], confidentiality: 'MEMBERS',
    });
    expect(flow).toMatchObject({
      direction: 'OFFER', categoryCode: 'material.wood.pallets', category: { code: 'material.wood.pallets', family: 'MATERIAL' },
      quantity: 24, unit: 't/yr', confidentiality: 'MEMBERS', actor: { id: actor.id },
    });
    // Months are stored sorted, without repeats.
    expect(flow.availableMonths).toEqual([1, 3, 9]);
    expect(await flowsInGraph(actor.id)).toEqual([
      { rel: 'OFFERS', id: flow.id, description: 'Palettes bois cassées, environ 2 t par mois', category: 'material.wood.pallets' },
    ]);
  });

  it('defaults to public, all year, when confidentiality and months are not given', async () => {
    const actor = await newActor('add-defaults');
    const flow = await addFlow({ actorId: actor.id, direction: 'NEED', description: 'Besoin de cartons propres', categoryCode: 'material.paper-cardboard.cardboard' });
    expect(flow).toMatchObject({ confidentiality: 'PUBLIC', availableMonths: [], quantity: null, unit: null });
  });

  it('infers the category from the description when none is given', async () => {
    const actor = await newActor('add-infer');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Chaleur fatale de nos serveurs à 45°C', temperatureC: 45 });
    expect(flow.categoryCode).toBe('energy.waste-heat.low-temperature');
    expect(flow.category).toMatchObject({ code: 'energy.waste-heat.low-temperature', family: 'ENERGY' });
    expect(flow.temperatureC).toBe(45);
    expect((await flowsInGraph(actor.id))[0].category).toBe('energy.waste-heat.low-temperature');
  });

  it('leaves a flow without category rather than mis-filing an unrecognisable description', async () => {
    const actor = await newActor('add-nocat');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Xyzzy plugh frobozz' });
    expect(flow.categoryCode).toBeNull();
    expect(flow.category).toBeNull();
    expect((await flowsInGraph(actor.id))[0].category).toBeNull();
  });

  describe('refuses invalid input, naming the field and writing nothing', () => {
    let actor: { id: string };
    beforeAll(async () => {
      actor = await newActor('add-invalid');
    });

    it.each([
      ['an unknown categoryCode', 'categoryCode', { categoryCode: 'material.unobtainium' }],
      ['month 13', 'availableMonths', { availableMonths: [1, 13] }],
      ['month 0', 'availableMonths', { availableMonths: [0, 6] }],
      ['a negative quantity', 'quantity', { quantity: -5, unit: 't/yr' }],
      ['a zero quantity', 'quantity', { quantity: 0, unit: 't/yr' }],
      ['a quantity without unit', 'unit', { quantity: 12 }],
      ['a description too short', 'description', { description: 'ab' }],
      ['an impossible temperature', 'temperatureC', { temperatureC: 5000 }],
    ])('refuses %s with BAD_USER_INPUT', async (_label, field, override) => {
      const externalId = api.unique(`bad-flow-${field}-${JSON.stringify(override).length}`);
      const res = await api.gql(ADD_FLOW, {
        input: { actorId: actor.id, externalId, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets', ...override },
      });
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain(field);
      expect(res.errors![0].extensions!.fields).toContain(field);
      expect(await countFlowsWithExternalId(externalId)).toBe(0);
      expect(await flowsInGraph(actor.id)).toEqual([]);
    });

    it('answers NOT_FOUND for an unknown actor', async () => {
      const externalId = api.unique('bad-flow-actor');
      const res = await api.gql(ADD_FLOW, { input: { actorId: 'no-such-actor', externalId, direction: 'NEED', description: 'Palettes bois' } });
      expect(res.data).toBeNull();
      expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
      expect(res.errors![0].message).toContain('no-such-actor');
      expect(await countFlowsWithExternalId(externalId)).toBe(0);
    });

    it('refuses an unknown direction before running anything', async () => {
      const res = await api.gql(ADD_FLOW, { input: { actorId: actor.id, direction: 'GIVE', description: 'Palettes bois' } });
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain('direction');
      expect(await flowsInGraph(actor.id)).toEqual([]);
    });
  });

  it('returns the same flow, unchanged, when added twice with the same externalId', async () => {
    const actor = await newActor('add-idem');
    const externalId = api.unique('flow-idem');
    const first = await addFlow({ actorId: actor.id, externalId, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets' });
    const second = await addFlow({ actorId: actor.id, externalId, direction: 'OFFER', description: 'Autre texte', categoryCode: 'material.metal.copper', quantity: 3, unit: 't/yr' });
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ description: 'Palettes bois', categoryCode: 'material.wood.pallets', quantity: null });
    expect(await countFlowsWithExternalId(externalId)).toBe(1);
    expect(await flowsInGraph(actor.id)).toEqual([{ rel: 'OFFERS', id: first.id, description: 'Palettes bois', category: 'material.wood.pallets' }]);
  });

  it('keeps a flow with one owner and one direction when its externalId is sent again with another direction or actor', async () => {
    const owner = await newActor('add-idem-owner');
    const other = await newActor('add-idem-other');
    const externalId = api.unique('flow-idem-2');
    const first = await addFlow({ actorId: owner.id, externalId, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets' });
    const again = await api.gql(ADD_FLOW, { input: { actorId: owner.id, externalId, direction: 'NEED', description: 'Palettes bois' } });
    const elsewhere = await api.gql(ADD_FLOW, { input: { actorId: other.id, externalId, direction: 'OFFER', description: 'Palettes bois' } });
    // Either answer is acceptable (the stored flow, or a refusal); a flow with two owners or two directions is not.
    for (const res of [again, elsewhere]) {
      if (!res.errors) expect(res.data!.addFlow).toMatchObject({ id: first.id, direction: 'OFFER', actor: { id: owner.id } });
    }
    const edges = await api.driver.executeQuery(
      'MATCH (a:Actor)-[r]->(f:Flow {externalId: $externalId}) RETURN a.id AS actor, type(r) AS rel',
      { externalId },
    );
    expect(edges.records.map((r) => r.toObject())).toEqual([{ actor: owner.id, rel: 'OFFERS' }]);
    expect(await flowsInGraph(other.id)).toEqual([]);
  });
});

describe('updateFlow', () => {
  it('changes the given fields and keeps the others', async () => {
    const actor = await newActor('upd-fields');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets', quantity: 10, unit: 't/yr', confidentiality: 'MEMBERS' });
    const res = await api.gql(UPDATE_FLOW, { id: flow.id, input: { quantity: 15, availableMonths: [6, 7, 8] } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateFlow).toMatchObject({
      id: flow.id, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets',
      quantity: 15, unit: 't/yr', availableMonths: [6, 7, 8], confidentiality: 'MEMBERS', actor: { id: actor.id },
    });
    const read = await api.gql(`query($id: ID!) { flow(id: $id) { quantity availableMonths } }`, { id: flow.id });
    expect(read.data!.flow).toEqual({ quantity: 15, availableMonths: [6, 7, 8] });
  });

  it('moves the edge from OFFERS to NEEDS when the direction switches, and back', async () => {
    const actor = await newActor('upd-direction');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets' });
    const res = await api.gql(UPDATE_FLOW, { id: flow.id, input: { direction: 'NEED' } });
    expect(res.data!.updateFlow.direction).toBe('NEED');
    expect(await flowsInGraph(actor.id)).toEqual([{ rel: 'NEEDS', id: flow.id, description: 'Palettes bois', category: 'material.wood.pallets' }]);
    const stored = await api.driver.executeQuery('MATCH (f:Flow {id: $id}) RETURN f.direction AS d', { id: flow.id });
    expect(stored.records[0].get('d')).toBe('NEED');
    const needs = await api.gql(`query($id: ID!) { actor(id: $id) { offers: flows(direction: OFFER) { id } needs: flows(direction: NEED) { id } } }`, { id: actor.id });
    expect(needs.data!.actor).toEqual({ offers: [], needs: [{ id: flow.id }] });
    await api.gql(UPDATE_FLOW, { id: flow.id, input: { direction: 'OFFER' } });
    expect((await flowsInGraph(actor.id)).map((f) => f.rel)).toEqual(['OFFERS']);
  });

  it('sets a new category, replacing the old one in the graph', async () => {
    const actor = await newActor('upd-set-cat');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Chutes diverses', categoryCode: 'material.wood.pallets' });
    const res = await api.gql(UPDATE_FLOW, { id: flow.id, input: { categoryCode: 'material.metal.copper' } });
    expect(res.data!.updateFlow.category).toEqual({ code: 'material.metal.copper', family: 'MATERIAL' });
    const cats = await api.driver.executeQuery('MATCH (:Flow {id: $id})-[:OF_CATEGORY]->(c) RETURN collect(c.code) AS codes', { id: flow.id });
    expect(cats.records[0].get('codes')).toEqual(['material.metal.copper']);
  });

  it('clears the category when given null', async () => {
    const actor = await newActor('upd-clear-cat');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois cassées', categoryCode: 'material.wood.pallets' });
    const res = await api.gql(UPDATE_FLOW, { id: flow.id, input: { categoryCode: null } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateFlow).toMatchObject({ categoryCode: null, category: null });
    expect((await flowsInGraph(actor.id))[0].category).toBeNull();
  });

  it('infers a category for an uncategorised flow whose description becomes recognisable', async () => {
    const actor = await newActor('upd-infer');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Xyzzy plugh frobozz' });
    expect(flow.categoryCode).toBeNull();
    const res = await api.gql(UPDATE_FLOW, { id: flow.id, input: { description: 'Chaleur fatale de nos serveurs à 45°C' } });
    expect(res.data!.updateFlow.categoryCode).toBe('energy.waste-heat.low-temperature');
  });

  it('refuses an unknown category, an invalid month and clearing the description, changing nothing', async () => {
    const actor = await newActor('upd-invalid');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets' });
    for (const [field, input] of [
      ['categoryCode', { categoryCode: 'nope.nope' }],
      ['availableMonths', { availableMonths: [13] }],
      ['description', { description: null }],
      ['unit', { quantity: 4 }],
    ] as const) {
      const res = await api.gql(UPDATE_FLOW, { id: flow.id, input });
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain(field);
    }
    const read = await api.gql(`query($id: ID!) { flow(id: $id) { description categoryCode quantity availableMonths } }`, { id: flow.id });
    expect(read.data!.flow).toEqual({ description: 'Palettes bois', categoryCode: 'material.wood.pallets', quantity: null, availableMonths: [] });
  });

  it('answers NOT_FOUND for an unknown flow', async () => {
    const res = await api.gql(UPDATE_FLOW, { id: 'no-such-flow', input: { quantity: 1, unit: 't/yr' } });
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('removeFlow', () => {
  it('removes only that flow, keeping the actor, its other flows and the category', async () => {
    const actor = await newActor('remove');
    const gone = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets' });
    const kept = await addFlow({ actorId: actor.id, direction: 'NEED', description: 'Cartons propres', categoryCode: 'material.paper-cardboard.cardboard' });
    const res = await api.gql(REMOVE_FLOW, { id: gone.id });
    expect(res.data).toEqual({ removeFlow: true });
    expect(await flowsInGraph(actor.id)).toEqual([{ rel: 'NEEDS', id: kept.id, description: 'Cartons propres', category: 'material.paper-cardboard.cardboard' }]);
    const left = await api.driver.executeQuery(
      `OPTIONAL MATCH (f:Flow {id: $id}) OPTIONAL MATCH (c:ResourceCategory {code: 'material.wood.pallets'})
       RETURN f IS NULL AS flowGone, c IS NOT NULL AS categoryKept`,
      { id: gone.id },
    );
    expect(left.records[0].toObject()).toEqual({ flowGone: true, categoryKept: true });
    expect((await api.gql(`query($id: ID!) { flow(id: $id) { id } }`, { id: gone.id })).data).toEqual({ flow: null });
  });

  it('answers NOT_FOUND for a flow that does not exist (or was already removed)', async () => {
    const res = await api.gql(REMOVE_FLOW, { id: 'no-such-flow' });
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('flows query', () => {
  const ids: Record<string, string> = {};
  let vitry: { id: string };
  let ivry: { id: string };

  beforeAll(async () => {
    vitry = await newActor('q-vitry');
    ivry = await newActor('q-ivry', { location: { lat: 48.8139, lon: 2.3872 }, communeCode: '94041' });
    const specs: [string, { id: string }, string, string, string][] = [
      ['heat', vitry, 'OFFER', `Chaleur fatale serveurs ${runToken}`, 'energy.waste-heat.low-temperature'],
      ['pallets', vitry, 'NEED', `Palettes bois ${runToken}`, 'material.wood.pallets'],
      ['cardboard', vitry, 'OFFER', `Cartons d'emballage ${runToken}`, 'material.paper-cardboard.cardboard'],
      ['greenhouse', ivry, 'NEED', `Chaleur pour une serre ${runToken}`, 'energy.waste-heat'],
      ['drums', ivry, 'OFFER', `Fûts métalliques ${runToken}`, 'material.metal.ferrous'],
      ['workshop', ivry, 'OFFER', `Atelier équipé à partager ${runToken}`, 'equipment.premises.workshop'],
    ];
    for (const [key, actor, direction, description, categoryCode] of specs) {
      ids[key] = (await addFlow({ actorId: actor.id, direction, description, categoryCode })).id;
    }
  });

  async function found(filter: Record<string, unknown>): Promise<string[]> {
    const res = await api.gql(FLOWS, { filter, first: 100 });
    expect(res.errors).toBeUndefined();
    const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    const keys = res.data!.flows.nodes.map((n: { id: string }) => byId[n.id] ?? `foreign:${n.id}`);
    expect(res.data!.flows.totalCount).toBe(keys.length);
    return keys.sort();
  }

  it('filters by actor', async () => {
    expect(await found({ actorId: ivry.id })).toEqual(['drums', 'greenhouse', 'workshop']);
  });

  it('filters by direction', async () => {
    expect(await found({ text: runToken, direction: 'NEED' })).toEqual(['greenhouse', 'pallets']);
    expect(await found({ actorId: vitry.id, direction: 'OFFER' })).toEqual(['cardboard', 'heat']);
  });

  it('finds flows of a category and of all its sub-categories', async () => {
    expect(await found({ text: runToken, categoryCode: 'energy.waste-heat' })).toEqual(['greenhouse', 'heat']);
    expect(await found({ text: runToken, categoryCode: 'energy.waste-heat.low-temperature' })).toEqual(['heat']);
    expect(await found({ text: runToken, categoryCode: 'material' })).toEqual(['cardboard', 'drums', 'pallets']);
    expect(await found({ text: runToken, categoryCode: 'water' })).toEqual([]);
  });

  it('filters by resource families', async () => {
    expect(await found({ text: runToken, families: ['MATERIAL'] })).toEqual(['cardboard', 'drums', 'pallets']);
    expect(await found({ text: runToken, families: ['ENERGY', 'EQUIPMENT'] })).toEqual(['greenhouse', 'heat', 'workshop']);
  });

  it('filters by territory, including the territories above the commune', async () => {
    expect(await found({ text: runToken, territoryCode: '94081' })).toEqual(['cardboard', 'heat', 'pallets']);
    expect(await found({ text: runToken, territoryCode: '94041' })).toEqual(['drums', 'greenhouse', 'workshop']);
    expect(await found({ text: runToken, territoryCode: '200058014' })).toHaveLength(6);
    expect(await found({ text: runToken, territoryCode: 'REGION:11' })).toHaveLength(6);
    expect(await found({ text: runToken, territoryCode: '13' })).toEqual([]);
  });

  it('finds words of the description, ignoring accents and case, as prefixes', async () => {
    expect(await found({ text: `${runToken} palettes` })).toEqual(['pallets']);
    expect(await found({ text: `${runToken} FUTS METAL` })).toEqual(['drums']);
    expect(await found({ text: `${runToken} atelier equipe` })).toEqual(['workshop']);
    expect(await found({ text: `${runToken} chaleur` })).toEqual(['greenhouse', 'heat']);
  });

  it('combines filters with AND', async () => {
    expect(await found({ text: `${runToken} chaleur`, direction: 'OFFER', territoryCode: '94081', families: ['ENERGY'] })).toEqual(['heat']);
  });

  it('pages through the results with cursors, each flow once, with the total count on every page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await api.gql(FLOWS, { filter: { text: runToken }, first: 4, after });
      expect(res.errors).toBeUndefined();
      expect(res.data.flows.totalCount).toBe(6);
      seen.push(...res.data.flows.nodes.map((n: { id: string }) => n.id));
      after = res.data.flows.pageInfo.hasNextPage ? res.data.flows.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(6);
    expect(new Set(seen)).toEqual(new Set(Object.values(ids)));
  });

  it('refuses an unknown territory, a text without words and a bad cursor', async () => {
    for (const [field, args] of [
      ['territoryCode', { filter: { territoryCode: 'nowhere' } }],
      ['text', { filter: { text: '?!*' } }],
      ['after', { after: 'garbage' }],
      ['first', { first: 0 }],
    ] as const) {
      const res = await api.gql(FLOWS, args);
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain(field);
    }
  });
});

describe('flow mutations need a bearer token', () => {
  it('refuses addFlow, updateFlow and removeFlow without a valid token, changing nothing', async () => {
    const actor = await newActor('auth');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets' });
    for (const token of [null, 'not-a-token']) {
      const add = await api.gql(ADD_FLOW, { input: { actorId: actor.id, direction: 'NEED', description: 'Cartons propres' } }, token);
      const update = await api.gql(UPDATE_FLOW, { id: flow.id, input: { description: 'Modifié sans droit' } }, token);
      const remove = await api.gql(REMOVE_FLOW, { id: flow.id }, token);
      for (const res of [add, update, remove]) {
        expect(res.data).toBeNull();
        expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      }
    }
    expect(await flowsInGraph(actor.id)).toEqual([{ rel: 'OFFERS', id: flow.id, description: 'Palettes bois', category: 'material.wood.pallets' }]);
  });

  it('lets anyone read flows without a token', async () => {
    const res = await api.gql(FLOWS, { filter: { text: 'palettes' }, first: 1 }, null);
    expect(res.errors).toBeUndefined();
    expect(res.data!.flows.totalCount).toBeGreaterThanOrEqual(1);
  });
});

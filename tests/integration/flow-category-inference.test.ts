import { INFERENCE_MIN_CONFIDENCE } from '../../server/services/category-service';
import { actorInput, CREATE_ACTOR, startTestApi, TestApi } from '../support/test-api';

let api: TestApi;

const FLOW_FIELDS = 'id description categoryCode categoryInferred categoryConfidence category { code family }';
const ADD_FLOW = `mutation($input: AddFlowInput!) { addFlow(input: $input) { ${FLOW_FIELDS} } }`;
const UPDATE_FLOW = `mutation($id: ID!, $input: UpdateFlowInput!) { updateFlow(id: $id, input: $input) { ${FLOW_FIELDS} quantity unit } }`;
const CONFIRM = `mutation($id: ID!, $categoryCode: String) { confirmFlowCategory(id: $id, categoryCode: $categoryCode) { ${FLOW_FIELDS} } }`;
const FLOW = `query($id: ID!) { flow(id: $id) { ${FLOW_FIELDS} } }`;

interface FlowResult {
  id: string;
  description: string;
  categoryCode: string | null;
  categoryInferred: boolean;
  categoryConfidence: number | null;
  category: { code: string; family: string } | null;
}

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  const p = api.unique('');
  await api.driver.executeQuery(
    `MATCH (a:Actor) WHERE a.externalId STARTS WITH $p
     OPTIONAL MATCH (a)-[:OFFERS|NEEDS]->(f:Flow)
     DETACH DELETE a, f`,
    { p },
  );
  await api.stop();
});

async function newActor(label: string): Promise<{ id: string }> {
  const res = await api.gql(CREATE_ACTOR, { input: actorInput({ externalId: api.unique(label), name: `${api.unique(label)} Acteur` }) });
  expect(res.errors).toBeUndefined();
  return res.data!.createActor;
}

async function addFlow(input: Record<string, unknown>): Promise<FlowResult> {
  const res = await api.gql(ADD_FLOW, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.addFlow;
}

async function updateFlow(id: string, input: Record<string, unknown>): Promise<FlowResult> {
  const res = await api.gql(UPDATE_FLOW, { id, input });
  expect(res.errors).toBeUndefined();
  return res.data!.updateFlow;
}

/** The flow as the graph holds it: inference properties and the codes of its category edges. */
async function stored(id: string): Promise<{ inferred: unknown; confidence: unknown; categories: string[] }> {
  const result = await api.driver.executeQuery(
    `MATCH (f:Flow {id: $id}) OPTIONAL MATCH (f)-[:OF_CATEGORY]->(c:ResourceCategory)
     RETURN f.categoryInferred AS inferred, f.categoryConfidence AS confidence, collect(c.code) AS categories`,
    { id },
  );
  const record = result.records[0];
  return { inferred: record.get('inferred'), confidence: record.get('confidence'), categories: record.get('categories') };
}

const expectInferredConfidence = (confidence: number | null) => {
  expect(confidence).not.toBeNull();
  expect(confidence!).toBeGreaterThanOrEqual(INFERENCE_MIN_CONFIDENCE);
  expect(confidence!).toBeLessThanOrEqual(1);
};

describe('addFlow records how the category was chosen', () => {
  it('marks an inferred category as inferred, with its confidence, on the Flow node', async () => {
    const actor = await newActor('inf-add');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Drêches de brasserie, 3 t par semaine' });
    expect(flow).toMatchObject({ categoryCode: 'material.biowaste.spent-grain', categoryInferred: true, category: { code: 'material.biowaste.spent-grain' } });
    expectInferredConfidence(flow.categoryConfidence);
    expect(await stored(flow.id)).toEqual({ inferred: true, confidence: flow.categoryConfidence, categories: ['material.biowaste.spent-grain'] });
  });

  it('infers from an EWC code written in the description', async () => {
    const actor = await newActor('inf-ewc');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Déchets code 10 09 08, 1 500 t/an' });
    expect(flow).toMatchObject({ categoryCode: 'material.mineral.foundry-sand', categoryInferred: true });
    expectInferredConfidence(flow.categoryConfidence);
  });

  it('marks a category the caller names as chosen, without confidence', async () => {
    const actor = await newActor('inf-explicit');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Drêches de brasserie', categoryCode: 'material.biowaste.agrifood' });
    expect(flow).toMatchObject({ categoryCode: 'material.biowaste.agrifood', categoryInferred: false, categoryConfidence: null });
    expect(await stored(flow.id)).toEqual({ inferred: false, confidence: null, categories: ['material.biowaste.agrifood'] });
  });

  it('records no inference when no category is likely enough', async () => {
    const actor = await newActor('inf-none');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Xyzzy plugh frobozz' });
    expect(flow).toMatchObject({ categoryCode: null, category: null, categoryInferred: false, categoryConfidence: null });
    expect(await stored(flow.id)).toEqual({ inferred: false, confidence: null, categories: [] });
  });
});

describe('updateFlow keeps the inference marks consistent', () => {
  it('infers again when the description of a flow with an inferred category changes', async () => {
    const actor = await newActor('inf-upd-reinfer');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois cassées' });
    expect(flow).toMatchObject({ categoryCode: 'material.wood.pallets', categoryInferred: true });
    const updated = await updateFlow(flow.id, { description: 'Chutes de tissu de notre atelier de confection' });
    expect(updated).toMatchObject({ categoryCode: 'material.textile.offcuts', categoryInferred: true });
    expectInferredConfidence(updated.categoryConfidence);
    expect(await stored(flow.id)).toEqual({ inferred: true, confidence: updated.categoryConfidence, categories: ['material.textile.offcuts'] });
  });

  it('keeps an inferred category and its confidence when other fields change', async () => {
    const actor = await newActor('inf-upd-keep');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois cassées' });
    const updated = await updateFlow(flow.id, { quantity: 12, unit: 't/yr' });
    expect(updated).toMatchObject({
      categoryCode: 'material.wood.pallets', categoryInferred: true, categoryConfidence: flow.categoryConfidence, quantity: 12,
    });
  });

  it('keeps a chosen category, still chosen, when the description changes', async () => {
    const actor = await newActor('inf-upd-chosen');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets' });
    const updated = await updateFlow(flow.id, { description: 'Chutes de tissu' });
    expect(updated).toMatchObject({ categoryCode: 'material.wood.pallets', categoryInferred: false, categoryConfidence: null });
  });

  it('marks a category set by updateFlow as chosen', async () => {
    const actor = await newActor('inf-upd-set');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois cassées' });
    const updated = await updateFlow(flow.id, { categoryCode: 'logistics.reverse-logistics.pallet-pooling' });
    expect(updated).toMatchObject({ categoryCode: 'logistics.reverse-logistics.pallet-pooling', categoryInferred: false, categoryConfidence: null });
    expect(await stored(flow.id)).toEqual({ inferred: false, confidence: null, categories: ['logistics.reverse-logistics.pallet-pooling'] });
  });

  it('clears the marks with the category when given null', async () => {
    const actor = await newActor('inf-upd-clear');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois cassées' });
    const updated = await updateFlow(flow.id, { categoryCode: null });
    expect(updated).toMatchObject({ categoryCode: null, categoryInferred: false, categoryConfidence: null });
  });
});

describe('confirmFlowCategory', () => {
  it('confirms the inferred category when no code is given', async () => {
    const actor = await newActor('inf-confirm');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Marc de café des machines à café' });
    expect(flow).toMatchObject({ categoryCode: 'material.biowaste.coffee-grounds', categoryInferred: true });
    const res = await api.gql(CONFIRM, { id: flow.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.confirmFlowCategory).toMatchObject({
      id: flow.id, categoryCode: 'material.biowaste.coffee-grounds', categoryInferred: false, categoryConfidence: null,
      category: { code: 'material.biowaste.coffee-grounds', family: 'MATERIAL' },
    });
    expect(await stored(flow.id)).toEqual({ inferred: false, confidence: null, categories: ['material.biowaste.coffee-grounds'] });
    // Confirmed means chosen: a later change of description no longer moves it.
    const updated = await updateFlow(flow.id, { description: 'Palettes bois cassées' });
    expect(updated).toMatchObject({ categoryCode: 'material.biowaste.coffee-grounds', categoryInferred: false });
  });

  it('corrects the category when a code is given, replacing the edge in the graph', async () => {
    const actor = await newActor('inf-correct');
    const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Marc de café des machines à café' });
    const res = await api.gql(CONFIRM, { id: flow.id, categoryCode: 'material.biowaste.growing-substrate' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.confirmFlowCategory).toMatchObject({
      categoryCode: 'material.biowaste.growing-substrate', categoryInferred: false, categoryConfidence: null,
    });
    expect(await stored(flow.id)).toEqual({ inferred: false, confidence: null, categories: ['material.biowaste.growing-substrate'] });
    const read = await api.gql(FLOW, { id: flow.id });
    expect(read.data!.flow).toMatchObject({ categoryCode: 'material.biowaste.growing-substrate', categoryInferred: false });
  });

  it('sets a category on a flow that had none', async () => {
    const actor = await newActor('inf-confirm-none');
    const flow = await addFlow({ actorId: actor.id, direction: 'NEED', description: 'Xyzzy plugh frobozz' });
    const res = await api.gql(CONFIRM, { id: flow.id, categoryCode: 'material.wood.pallets' });
    expect(res.data!.confirmFlowCategory).toMatchObject({ categoryCode: 'material.wood.pallets', categoryInferred: false });
    expect((await stored(flow.id)).categories).toEqual(['material.wood.pallets']);
  });

  describe('refuses what it cannot do, changing nothing', () => {
    it.each([
      ['an unknown category code', { categoryCode: 'material.unobtainium' }, 'inferred'],
      ['an empty category code', { categoryCode: '' }, 'inferred'],
      ['no code for a flow without category', {}, 'uncategorised'],
    ])('refuses %s with BAD_USER_INPUT on categoryCode', async (_label, args, kind) => {
      const actor = await newActor(`inf-bad-${kind}-${JSON.stringify(args).length}`);
      const description = kind === 'inferred' ? 'Palettes bois cassées' : 'Xyzzy plugh frobozz';
      const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description });
      const before = await stored(flow.id);
      const res = await api.gql(CONFIRM, { id: flow.id, ...args });
      expect(res.data).toBeNull();
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields).toContain('categoryCode');
      expect(res.errors![0].message).toContain('categoryCode');
      expect(await stored(flow.id)).toEqual(before);
    });

    it('answers NOT_FOUND for an unknown flow', async () => {
      const res = await api.gql(CONFIRM, { id: 'no-such-flow', categoryCode: 'material.wood.pallets' });
      expect(res.data).toBeNull();
      expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
      expect(res.errors![0].message).toContain('no-such-flow');
    });

    it('needs a bearer token', async () => {
      const actor = await newActor('inf-auth');
      const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois cassées' });
      const before = await stored(flow.id);
      for (const token of [null, 'not-a-token']) {
        const res = await api.gql(CONFIRM, { id: flow.id, categoryCode: 'material.metal.copper' }, token);
        expect(res.data).toBeNull();
        expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      }
      expect(await stored(flow.id)).toEqual(before);
    });
  });
});

it('reads a flow stored before inference was recorded as chosen, without confidence', async () => {
  const actor = await newActor('inf-legacy');
  const flow = await addFlow({ actorId: actor.id, direction: 'OFFER', description: 'Palettes bois', categoryCode: 'material.wood.pallets' });
  await api.driver.executeQuery('MATCH (f:Flow {id: $id}) REMOVE f.categoryInferred, f.categoryConfidence', { id: flow.id });
  const read = await api.gql(FLOW, { id: flow.id });
  expect(read.errors).toBeUndefined();
  expect(read.data!.flow).toMatchObject({ categoryCode: 'material.wood.pallets', categoryInferred: false, categoryConfidence: null });
});

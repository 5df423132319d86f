import { backfillFlowSearchKeys } from '../../graph/repositories/flow-search-keys';
import { cellOf, COARSE_GRID, FINE_GRID } from '../../server/domain/geo/search-grid';
import { GeoPoint } from '../../server/domain/model';
import { startTestApi, TestApi } from '../support/test-api';

// Near Aurillac (Cantal), away from the other test files' actors.
const AURILLAC = { lat: 44.93, lon: 2.44 };
const ELSEWHERE = { lat: 45.04, lon: 3.88 }; // Le Puy-en-Velay, in other cells of both grids

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.stop();
});

const actorAt = (label: string, location: GeoPoint) => api.addActor(label, location);

/** What the synergy search reads of a flow. */
async function keysOf(flowId: string) {
  const { records } = await api.driver.executeQuery(
    `MATCH (f:Flow {id: $flowId})
     RETURN f.actorId AS actorId, f.categoryCode AS categoryCode, f.location.y AS lat, f.location.x AS lon,
            toFloat(f.cell) AS cell, toFloat(f.coarseCell) AS coarseCell, f:Offer AS offer, f:Need AS need`,
    { flowId },
  );
  return records[0].toObject();
}

function expectKeys(keys: Record<string, unknown>, actorId: string, categoryCode: string, location: GeoPoint, direction: 'OFFER' | 'NEED') {
  expect(keys).toMatchObject({ actorId, categoryCode, offer: direction === 'OFFER', need: direction === 'NEED' });
  expect(keys.lat).toBeCloseTo(location.lat, 9);
  expect(keys.lon).toBeCloseTo(location.lon, 9);
  // The Cypher formula and the TypeScript one file the flow under the same cells.
  expect(keys.cell).toBe(cellOf(location, FINE_GRID));
  expect(keys.coarseCell).toBe(cellOf(location, COARSE_GRID));
}

describe('flow search keys', () => {
  it('follow every write: new flow, change of direction and category, confirmed category, moved actor', async () => {
    const actor = await actorAt('Fromagerie', AURILLAC);
    const flow = await api.addFlow(actor, { direction: 'OFFER', description: 'Lactosérum', categoryCode: 'material.wood.pallets', quantity: 10, unit: 't/yr' });
    expectKeys(await keysOf(flow), actor, 'material.wood.pallets', AURILLAC, 'OFFER');

    const updated = await api.gql(`mutation($id: ID!, $input: UpdateFlowInput!) { updateFlow(id: $id, input: $input) { id } }`,
      { id: flow, input: { direction: 'NEED', categoryCode: 'energy.waste-heat.low-temperature', unit: 'MWh/yr' } });
    expect(updated.errors).toBeUndefined();
    expectKeys(await keysOf(flow), actor, 'energy.waste-heat.low-temperature', AURILLAC, 'NEED');

    const confirmed = await api.gql(`mutation($id: ID!, $code: String) { confirmFlowCategory(id: $id, categoryCode: $code) { id } }`,
      { id: flow, code: 'material.tyres' });
    expect(confirmed.errors).toBeUndefined();
    expectKeys(await keysOf(flow), actor, 'material.tyres', AURILLAC, 'NEED');

    const moved = await api.gql(`mutation($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id } }`,
      { id: actor, input: { location: ELSEWHERE, communeCode: null } });
    expect(moved.errors).toBeUndefined();
    expectKeys(await keysOf(flow), actor, 'material.tyres', ELSEWHERE, 'NEED');
  });

  it('moves synergies with the actor: a lead found before a move is gone after it', async () => {
    const tyres = await actorAt('Garage', AURILLAC);
    await api.addFlow(tyres, { direction: 'OFFER', description: 'Pneus usagés', categoryCode: 'material.tyres', quantity: 30, unit: 't/yr' });
    const kiln = await actorAt('Four', { lat: AURILLAC.lat + 0.02, lon: AURILLAC.lon });
    const need = await api.addFlow(kiln, { direction: 'NEED', description: 'Pneus en combustible', categoryCode: 'material.tyres', quantity: 30, unit: 't/yr' });
    const leads = async () => {
      const res = await api.gql(`query($id: ID!) { synergies(filter: { actorId: $id }, first: 50) { need { id } } }`, { id: tyres });
      expect(res.errors).toBeUndefined();
      return (res.data!.synergies as { need: { id: string } }[]).map((s) => s.need.id);
    };
    expect(await leads()).toContain(need);
    await api.gql(`mutation($id: ID!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id } }`,
      { id: kiln, input: { location: { lat: 47.2, lon: -1.55 }, communeCode: null } }); // Nantes, beyond any tyre outlet's reach
    expect(await leads()).not.toContain(need);
  });

  it('are given at start-up to flows stored without them, once', async () => {
    const actor = await actorAt('Ancienne donnée', AURILLAC);
    const flowId = `${api.unique('legacy')}-flow`;
    // A flow as stored before migration V004: edges only, no search keys.
    await api.driver.executeQuery(
      `MATCH (a:Actor {id: $actor}), (c:ResourceCategory {code: 'material.wood.pallets'})
       CREATE (a)-[:OFFERS]->(f:Flow {id: $flowId, direction: 'OFFER', description: 'Palettes', confidentiality: 'PUBLIC', availableMonths: []})-[:OF_CATEGORY]->(c)`,
      { actor, flowId },
    );
    expect((await keysOf(flowId)).cell).toBeNull();
    expect(await backfillFlowSearchKeys(api.db)).toBeGreaterThanOrEqual(1);
    expectKeys(await keysOf(flowId), actor, 'material.wood.pallets', AURILLAC, 'OFFER');
    expect(await backfillFlowSearchKeys(api.db)).toBe(0);
  });
});

import { actorInput, ADD_FLOW, CREATE_ACTOR, startTestApi, TestApi } from '../support/test-api';

let api: TestApi;
let actorId: string;
let privateFlowId: string;

beforeAll(async () => {
  api = await startTestApi();
  const actor = await api.gql(CREATE_ACTOR, { input: actorInput({ externalId: api.unique('conf'), name: `${api.unique('')} Fonderie discrète` }) });
  actorId = actor.data!.createActor.id;
  await api.gql(ADD_FLOW, { input: { actorId, direction: 'OFFER', description: 'Palettes bois en bon état', categoryCode: 'material.wood.pallets', confidentiality: 'PUBLIC' } });
  const hidden = await api.gql(ADD_FLOW, { input: { actorId, direction: 'OFFER', description: 'Sables de fonderie usagés', categoryCode: 'material.construction.rubble', confidentiality: 'PRIVATE' } });
  privateFlowId = hidden.data!.addFlow.id;
  await api.gql(ADD_FLOW, { input: { actorId, direction: 'NEED', description: 'Chaleur pour séchage', categoryCode: 'energy.waste-heat', confidentiality: 'MEMBERS' } });
});

afterAll(async () => {
  await api.driver.executeQuery('MATCH (a:Actor {id: $id}) OPTIONAL MATCH (a)-->(f:Flow) DETACH DELETE a, f', { id: actorId });
  await api.stop();
});

const ACTOR_FLOWS = `query($id: ID!) { actor(id: $id) { flows { description confidentiality } } }`;

describe('flow confidentiality', () => {
  it('shows anonymous callers only the PUBLIC flows of an actor', async () => {
    const res = await api.gql(ACTOR_FLOWS, { id: actorId }, null);
    expect(res.data!.actor.flows).toEqual([{ description: 'Palettes bois en bon état', confidentiality: 'PUBLIC' }]);
  });

  it('shows the admin every flow', async () => {
    const res = await api.gql(ACTOR_FLOWS, { id: actorId });
    expect(res.data!.actor.flows.map((f: { confidentiality: string }) => f.confidentiality).sort()).toEqual(['MEMBERS', 'PRIVATE', 'PUBLIC']);
  });

  it('hides a non-public flow from the flow and flows queries of anonymous callers, totals included', async () => {
    expect((await api.gql(`query($id: ID!) { flow(id: $id) { id } }`, { id: privateFlowId }, null)).data!.flow).toBeNull();
    expect((await api.gql(`query($id: ID!) { flow(id: $id) { id } }`, { id: privateFlowId })).data!.flow.id).toBe(privateFlowId);
    const query = `query($a: ID!) { flows(filter: { actorId: $a }) { totalCount nodes { confidentiality } } }`;
    expect((await api.gql(query, { a: actorId }, null)).data!.flows.totalCount).toBe(1);
    expect((await api.gql(query, { a: actorId })).data!.flows.totalCount).toBe(3);
  });

  it('does not reveal through the category filter that an actor has a hidden flow', async () => {
    const query = `query($text: String!) { actors(filter: { categoryCode: "material.construction", text: $text }) { totalCount } }`;
    expect((await api.gql(query, { text: api.unique('') }, null)).data!.actors.totalCount).toBe(0);
    expect((await api.gql(query, { text: api.unique('') })).data!.actors.totalCount).toBe(1);
  });
});

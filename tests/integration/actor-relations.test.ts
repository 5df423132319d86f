import { actorInput, CREATE_ACTOR, startTestApi, TEST_ADMIN, TestApi } from '../support/test-api';

let api: TestApi;

const RECORD = `mutation($input: RecordActorRelationInput!) {
  recordActorRelation(input: $input) { type from { id } to { id } since description recordedBy createdAt updatedAt }
}`;

const REMOVE = `mutation($from: ID!, $to: ID!, $type: ActorRelationType!) {
  removeActorRelation(fromActorId: $from, toActorId: $to, type: $type)
}`;

const RELATIONS = `query($id: ID!) {
  actor(id: $id) { relations { type from { id } to { id } since description recordedBy createdAt updatedAt } }
}`;

interface Relation {
  type: string;
  from: { id: string };
  to: { id: string };
  since: string | null;
  description: string | null;
  recordedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Creates an actor with a unique externalId (removed in afterAll) and returns its id. */
async function createActor(label: string): Promise<string> {
  const res = await api.gql(CREATE_ACTOR, { input: actorInput({ externalId: api.unique(`rel-${label}`), name: `${api.unique('')} ${label}` }) });
  expect(res.errors).toBeUndefined();
  return res.data!.createActor.id;
}

async function record(input: Record<string, unknown>): Promise<Relation> {
  const res = await api.gql<{ recordActorRelation: Relation }>(RECORD, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.recordActorRelation;
}

async function relationsOf(actorId: string, token?: string | null): Promise<Relation[]> {
  const res = await api.gql<{ actor: { relations: Relation[] } }>(RELATIONS, { id: actorId }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.actor.relations;
}

/**
 * Every relationship stored between this file's actors, as the database has it (type, direction
 * and every property), in a stable order: what a refused call must leave untouched.
 */
async function storedRelations(): Promise<Record<string, unknown>[]> {
  const result = await api.driver.executeQuery(
    `MATCH (a:Actor)-[r]->(b:Actor)
     WHERE a.externalId STARTS WITH $p OR b.externalId STARTS WITH $p
     RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
     ORDER BY type, from, to`,
    { p: api.unique('rel-') },
  );
  return result.records.map((r) => {
    const props = r.get('props') as Record<string, unknown>;
    return { ...r.toObject(), props: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, String(v)])) };
  });
}

/** The date `days` days from now (UTC), YYYY-MM-DD. */
const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  // DETACH DELETE takes the relations with the actors.
  await api.driver.executeQuery('MATCH (a:Actor) WHERE a.externalId STARTS WITH $p DETACH DELETE a', { p: api.unique('rel-') });
  await api.stop();
});

describe('recordActorRelation', () => {
  it('records each type of relation and shows it on both actors', async () => {
    const a = await createActor('types-a');
    const b = await createActor('types-b');
    const types = ['SUPPLIES', 'CLIENT_OF', 'COOPERATES_WITH', 'BOARD_MEMBER_OF'];
    for (const [i, type] of types.entries()) {
      const recorded = await record({ fromActorId: a, toActorId: b, type, since: `2020-0${i + 1}-15`, description: `  Relation ${type}  ` });
      expect(recorded).toMatchObject({ type, since: `2020-0${i + 1}-15`, description: `Relation ${type}`, recordedBy: TEST_ADMIN.email });
      expect(Date.parse(recorded.createdAt)).not.toBeNaN();
      expect(recorded.updatedAt).toBe(recorded.createdAt);
    }

    for (const actorId of [a, b]) {
      const relations = await relationsOf(actorId);
      expect(relations).toHaveLength(4);
      for (const [i, type] of types.entries()) {
        const relation = relations.find((r) => r.type === type)!;
        expect(relation).toMatchObject({ since: `2020-0${i + 1}-15`, description: `Relation ${type}` });
        if (type === 'COOPERATES_WITH') {
          // Symmetric: which of the two is "from" carries no meaning.
          expect([relation.from.id, relation.to.id].sort()).toEqual([a, b].sort());
        } else {
          expect(relation).toMatchObject({ from: { id: a }, to: { id: b } });
        }
      }
    }

    // Stored as relationships between the two actor nodes, directed types from a to b.
    const stored = await storedRelations();
    expect(stored.filter((r) => r.type !== 'COOPERATES_WITH').map((r) => [r.type, r.from, r.to])).toEqual([
      ['BOARD_MEMBER_OF', a, b], ['CLIENT_OF', a, b], ['SUPPLIES', a, b],
    ]);
    expect(stored.filter((r) => r.type === 'COOPERATES_WITH')).toHaveLength(1);
  });

  it('lists an actor\'s relations newest first, whichever side it is on', async () => {
    const a = await createActor('order-a');
    const b = await createActor('order-b');
    const c = await createActor('order-c');
    await record({ fromActorId: a, toActorId: b, type: 'SUPPLIES' });
    await record({ fromActorId: c, toActorId: a, type: 'CLIENT_OF' });
    await record({ fromActorId: b, toActorId: a, type: 'BOARD_MEMBER_OF' });
    const relations = await relationsOf(a);
    expect(relations.map((r) => [r.type, r.from.id, r.to.id])).toEqual([
      ['BOARD_MEMBER_OF', b, a], ['CLIENT_OF', c, a], ['SUPPLIES', a, b],
    ]);
    expect(await relationsOf(c)).toHaveLength(1);
  });

  it('updates the relation when it is recorded again instead of adding another', async () => {
    const a = await createActor('again-a');
    const b = await createActor('again-b');
    const first = await record({ fromActorId: a, toActorId: b, type: 'SUPPLIES', since: '2019-05-01', description: 'Palettes' });
    const second = await record({ fromActorId: a, toActorId: b, type: 'SUPPLIES', since: '2018-01-10', description: 'Palettes et cartons' });
    expect(second).toMatchObject({ since: '2018-01-10', description: 'Palettes et cartons', createdAt: first.createdAt });
    expect(Date.parse(second.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));

    // Absent fields keep their value; null (or a blank description) clears.
    const kept = await record({ fromActorId: a, toActorId: b, type: 'SUPPLIES', description: 'Cartons seulement' });
    expect(kept).toMatchObject({ since: '2018-01-10', description: 'Cartons seulement' });
    const cleared = await record({ fromActorId: a, toActorId: b, type: 'SUPPLIES', since: null, description: '   ' });
    expect(cleared).toMatchObject({ since: null, description: null });

    const relations = await relationsOf(a);
    expect(relations).toHaveLength(1);
    expect(relations[0]).toMatchObject({ type: 'SUPPLIES', from: { id: a }, to: { id: b }, since: null, description: null, createdAt: first.createdAt });
  });

  it('treats COOPERATES_WITH recorded the other way round as the same relation', async () => {
    const a = await createActor('coop-a');
    const b = await createActor('coop-b');
    const first = await record({ fromActorId: a, toActorId: b, type: 'COOPERATES_WITH', since: '2021-09-01', description: 'Chantier commun' });
    const reversed = await record({ fromActorId: b, toActorId: a, type: 'COOPERATES_WITH', since: '2022-03-01', description: 'Groupement d’achat' });
    expect(reversed).toMatchObject({
      from: first.from, to: first.to, since: '2022-03-01', description: 'Groupement d’achat', createdAt: first.createdAt,
    });
    for (const actorId of [a, b]) {
      const relations = await relationsOf(actorId);
      expect(relations).toHaveLength(1);
      expect(relations[0]).toMatchObject({ type: 'COOPERATES_WITH', from: first.from, to: first.to, since: '2022-03-01' });
    }
  });

  it('keeps one cooperation when it is recorded concurrently in both orders', async () => {
    const a = await createActor('race-a');
    const b = await createActor('race-b');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => api.gql(RECORD, {
      input: i % 2 ? { fromActorId: a, toActorId: b, type: 'COOPERATES_WITH' } : { fromActorId: b, toActorId: a, type: 'COOPERATES_WITH' },
    })));
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    const stored = await api.driver.executeQuery(
      'MATCH (:Actor {id: $a})-[r:COOPERATES_WITH]-(:Actor {id: $b}) RETURN count(r) AS n', { a, b },
    );
    expect(stored.records[0].get('n').toNumber()).toBe(1);
  });

  it('keeps directed relations apart: a supplying b is not b supplying a', async () => {
    const a = await createActor('dir-a');
    const b = await createActor('dir-b');
    await record({ fromActorId: a, toActorId: b, type: 'SUPPLIES' });
    await record({ fromActorId: b, toActorId: a, type: 'SUPPLIES' });
    const relations = await relationsOf(a);
    expect(relations.map((r) => [r.from.id, r.to.id]).sort()).toEqual([[a, b], [b, a]].sort());
  });

  it("accepts today's date and a description of exactly 1000 characters once trimmed", async () => {
    const a = await createActor('edge-a');
    const b = await createActor('edge-b');
    const description = 'x'.repeat(1000);
    const recorded = await record({ fromActorId: a, toActorId: b, type: 'CLIENT_OF', since: isoDate(0), description: `  ${description}  ` });
    expect(recorded).toMatchObject({ since: isoDate(0), description });
  });

  it('hides who recorded a relation from callers without a token', async () => {
    const a = await createActor('anon-a');
    const b = await createActor('anon-b');
    await record({ fromActorId: a, toActorId: b, type: 'BOARD_MEMBER_OF', since: '2015-06-30' });
    const relations = await relationsOf(a, null);
    expect(relations).toEqual([expect.objectContaining({ type: 'BOARD_MEMBER_OF', since: '2015-06-30', recordedBy: null })]);
  });

  it('loads the relations of several actors, and their actors, in one batch each', async () => {
    const a = await createActor('batch-a');
    const b = await createActor('batch-b');
    const c = await createActor('batch-c');
    await record({ fromActorId: a, toActorId: b, type: 'SUPPLIES' });
    await record({ fromActorId: b, toActorId: c, type: 'COOPERATES_WITH' });
    const res = await api.gql(
      `query($a: ID!, $b: ID!, $c: ID!) {
        a: actor(id: $a) { relations { from { name } to { name } } }
        b: actor(id: $b) { relations { from { name } to { name } } }
        c: actor(id: $c) { relations { from { name } to { name } } }
      }`,
      { a, b, c },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.b.relations).toHaveLength(2);
    // One query for the three actors, one for their relations; the related actors are the same
    // three, already loaded.
    expect(res.roundTrips).toBe(2);
  });
});

describe('refusals', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = await createActor('refuse-a');
    b = await createActor('refuse-b');
    // An existing relation that a refused call must not change.
    await record({ fromActorId: a, toActorId: b, type: 'SUPPLIES', since: '2020-01-01', description: 'Avant' });
  });

  it.each([
    ['an unknown "from" actor', () => ({ fromActorId: 'no-such-actor', toActorId: b }), 'NOT_FOUND', 'no-such-actor'],
    ['an unknown "to" actor', () => ({ fromActorId: a, toActorId: 'no-such-actor' }), 'NOT_FOUND', 'no-such-actor'],
    ['an actor related to itself', () => ({ fromActorId: a, toActorId: a }), 'BAD_USER_INPUT', 'input.toActorId'],
    ['a date not written YYYY-MM-DD', () => ({ fromActorId: a, toActorId: b, since: '01/09/2021' }), 'BAD_USER_INPUT', 'input.since'],
    ['a date that does not exist', () => ({ fromActorId: a, toActorId: b, since: '2023-02-30' }), 'BAD_USER_INPUT', 'input.since'],
    ['a month 13', () => ({ fromActorId: a, toActorId: b, since: '2021-13-01' }), 'BAD_USER_INPUT', 'input.since'],
    ['a date in the future', () => ({ fromActorId: a, toActorId: b, since: isoDate(3) }), 'BAD_USER_INPUT', 'input.since'],
    ['a description over 1000 characters', () => ({ fromActorId: a, toActorId: b, description: 'y'.repeat(1001) }), 'BAD_USER_INPUT', 'input.description'],
  ])('refuses %s and writes nothing', async (_case, input, code, named) => {
    const before = await storedRelations();
    const res = await api.gql(RECORD, { input: { type: 'SUPPLIES', since: '2024-04-04', description: 'Après', ...input() } });
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions!.code).toBe(code);
    expect(res.errors![0].message).toContain(named);
    expect(await storedRelations()).toEqual(before);
  });

  it('names every wrong field at once', async () => {
    const res = await api.gql(RECORD, { input: { fromActorId: a, toActorId: a, type: 'CLIENT_OF', since: '2021-02-29', description: 'z'.repeat(1200) } });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toEqual(['input.toActorId', 'input.since', 'input.description']);
    expect(res.errors![0].message).toBe(
      'Invalid input to recordActorRelation: input.toActorId: an actor cannot be related to itself: give two different actors; '
      + 'input.since: must be a real date: 2021-02-29 does not exist; '
      + 'input.description: must have at most 1000 characters (got 1200): shorten it.',
    );
  });

  it('refuses an unknown relation type', async () => {
    const before = await storedRelations();
    const res = await api.gql(RECORD, { input: { fromActorId: a, toActorId: b, type: 'OWNS' } });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('type');
    expect(await storedRelations()).toEqual(before);
  });

  it('refuses to record or remove without a token', async () => {
    const before = await storedRelations();
    const recorded = await api.gql(RECORD, { input: { fromActorId: a, toActorId: b, type: 'CLIENT_OF' } }, null);
    expect(recorded.data).toBeNull();
    expect(recorded.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const removed = await api.gql(REMOVE, { from: a, to: b, type: 'SUPPLIES' }, null);
    expect(removed.data).toBeNull();
    expect(removed.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const badToken = await api.gql(RECORD, { input: { fromActorId: a, toActorId: b, type: 'CLIENT_OF' } }, 'not-a-token');
    expect(badToken.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await storedRelations()).toEqual(before);
  });
});

describe('removeActorRelation', () => {
  it('removes one relation and leaves the others', async () => {
    const a = await createActor('rm-a');
    const b = await createActor('rm-b');
    await record({ fromActorId: a, toActorId: b, type: 'SUPPLIES' });
    await record({ fromActorId: a, toActorId: b, type: 'CLIENT_OF' });
    const res = await api.gql(REMOVE, { from: a, to: b, type: 'SUPPLIES' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.removeActorRelation).toBe(true);
    expect((await relationsOf(a)).map((r) => r.type)).toEqual(['CLIENT_OF']);
    expect((await relationsOf(b)).map((r) => r.type)).toEqual(['CLIENT_OF']);
    const again = await api.gql(REMOVE, { from: a, to: b, type: 'SUPPLIES' });
    expect(again.data!.removeActorRelation).toBe(false);
  });

  it('removes a directed relation only in its own direction', async () => {
    const a = await createActor('rmdir-a');
    const b = await createActor('rmdir-b');
    await record({ fromActorId: a, toActorId: b, type: 'BOARD_MEMBER_OF' });
    const wrongWay = await api.gql(REMOVE, { from: b, to: a, type: 'BOARD_MEMBER_OF' });
    expect(wrongWay.data!.removeActorRelation).toBe(false);
    expect(await relationsOf(a)).toHaveLength(1);
  });

  it('removes a cooperation given in either order', async () => {
    const a = await createActor('rmcoop-a');
    const b = await createActor('rmcoop-b');
    await record({ fromActorId: a, toActorId: b, type: 'COOPERATES_WITH' });
    const res = await api.gql(REMOVE, { from: b, to: a, type: 'COOPERATES_WITH' });
    expect(res.data!.removeActorRelation).toBe(true);
    expect(await relationsOf(a)).toEqual([]);
    expect(await relationsOf(b)).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown actor', async () => {
    const a = await createActor('rmnf-a');
    const res = await api.gql(REMOVE, { from: a, to: 'no-such-actor', type: 'SUPPLIES' });
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(res.errors![0].message).toContain('no-such-actor');
  });
});

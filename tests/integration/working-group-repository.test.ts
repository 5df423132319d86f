import { randomUUID } from 'node:crypto';
import { createDriver, Db, Tx } from '../../graph/database';
import { createActor, deleteActor } from '../../graph/repositories/actor-repository';
import * as repo from '../../graph/repositories/working-group-repository';
import {
  ChangeRecord,
  GroupActionRecord,
  GroupMeetingRecord,
  PersonRecord,
  PlanRecord,
  WorkingGroupRecord,
} from '../../server/domain/working-groups/model';

// The storage of working groups against the real Neo4j: every function of the repository
// round-trips its records, replaces edges on update, keeps histories and feeds in order, pages
// the feed by keyset, and the schema of V006 refuses a second group code in a plan.

let db: Db;
const run = randomUUID().slice(0, 8);
const u = (label: string) => `t-${run}-${label}`;

const actorIds = [u('actor-1'), u('actor-2')];
const planIds: string[] = [];
const personIds: string[] = [];
const groupIds: string[] = [];

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Runs work in a transaction that is rolled back, so that nodes of other features it creates are never seen by concurrent suites. */
async function rolledBack<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const session = db.driver.session();
  const transaction = session.beginTransaction();
  try {
    return await work({ run: (cypher, params) => transaction.run(cypher, params) });
  } finally {
    await transaction.rollback();
    await session.close();
  }
}

async function count(cypher: string, params: Record<string, unknown>): Promise<number> {
  const result = await db.driver.executeQuery(`${cypher} RETURN count(*) AS n`, params);
  return Number(result.records[0].get('n'));
}

beforeAll(async () => {
  db = new Db(createDriver({ uri: process.env.MAILLAGE_TEST_NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD }));
  await db.write(async (tx) => {
    for (const [i, id] of actorIds.entries()) {
      await createActor(tx, id, {
        externalId: id,
        name: `${u('')} Structure ${i}`,
        kind: 'COMPANY',
        economy: 'CLASSIC',
        location: { lat: 43.6 + i / 100, lon: 1.44 },
        searchText: `${u('')} structure ${i}`,
      });
    }
  });
});

afterAll(async () => {
  const params = { planIds, personIds, groupIds };
  await db.write(async (tx) => {
    await tx.run(
      `MATCH (a:GroupAction) WHERE a.groupId IN $groupIds
       OPTIONAL MATCH (a)<-[:MEASURES]-(i:Indicator)
       OPTIONAL MATCH (i)<-[:OF_INDICATOR]-(v:IndicatorValue)
       WITH collect(DISTINCT a) + collect(DISTINCT i) + collect(DISTINCT v) AS nodes
       UNWIND nodes AS n DETACH DELETE n`,
      params,
    );
    await tx.run('MATCH (n) WHERE (n:GroupMeeting OR n:GroupChange) AND n.groupId IN $groupIds DETACH DELETE n', params);
    await tx.run('MATCH (g:WorkingGroup) WHERE g.id IN $groupIds DETACH DELETE g', params);
    await tx.run('MATCH (p:Person) WHERE p.id IN $personIds DETACH DELETE p', params);
    await tx.run('MATCH (n) WHERE (n:PlanAxis OR n:PlanAction) AND n.planId IN $planIds DETACH DELETE n', params);
    await tx.run('MATCH (p:Plan) WHERE p.id IN $planIds DETACH DELETE p', params);
    for (const id of actorIds) await deleteActor(tx, id);
  });
  await db.driver.close();
});

describe('the V006 schema', () => {
  it('has the working-group constraints and indexes, online', async () => {
    const constraints = await db.driver.executeQuery('SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties');
    const byName = new Map(constraints.records.map((r) => [r.get('name'), r.toObject()]));
    const expected: [string, string, string][] = [
      ['plan_id', 'Plan', 'id'], ['plan_code', 'Plan', 'code'], ['plan_axis_key', 'PlanAxis', 'key'], ['plan_action_key', 'PlanAction', 'key'],
      ['person_id', 'Person', 'id'], ['working_group_id', 'WorkingGroup', 'id'], ['working_group_key', 'WorkingGroup', 'key'],
      ['group_meeting_id', 'GroupMeeting', 'id'], ['group_action_id', 'GroupAction', 'id'], ['indicator_id', 'Indicator', 'id'],
      ['indicator_value_key', 'IndicatorValue', 'key'], ['group_change_id', 'GroupChange', 'id'],
    ];
    for (const [name, label, property] of expected) {
      expect(byName.get(name)).toEqual({ name, type: 'UNIQUENESS', labelsOrTypes: [label], properties: [property] });
    }
    expect([...byName.values()].some((c) => (c.labelsOrTypes as string[]).includes('Person') && (c.properties as string[]).some((p) => /email/i.test(p)))).toBe(false);
    const indexes = await db.driver.executeQuery('SHOW INDEXES YIELD name, labelsOrTypes, properties, state RETURN name, labelsOrTypes, properties, state');
    const indexByName = new Map(indexes.records.map((r) => [r.get('name'), r.toObject()]));
    const expectedIndexes: [string, string, string[]][] = [
      ['person_email_key', 'Person', ['emailKey']], ['working_group_plan', 'WorkingGroup', ['planId']],
      ['group_action_group', 'GroupAction', ['groupId']], ['group_action_status', 'GroupAction', ['status']],
      ['group_action_due_on', 'GroupAction', ['dueOn']], ['group_meeting_group', 'GroupMeeting', ['groupId']],
      ['group_change_group_at', 'GroupChange', ['groupId', 'at']],
    ];
    for (const [name, label, properties] of expectedIndexes) {
      expect(indexByName.get(name)).toEqual({ name, labelsOrTypes: [label], properties, state: 'ONLINE' });
    }
  });
});

const plan: PlanRecord = {
  id: u('plan'),
  code: u('praec'),
  title: 'PRAEC de test',
  description: 'Plan régional fictif',
  territoryKey: 'REG:76',
  // Not in code order: the order given is kept.
  axes: [{ code: '6', title: 'Déchets' }, { code: '2', title: 'Achats' }],
  actions: [
    { code: '6.2', axisCode: '6', title: 'Réemploi' },
    { code: '6.10', axisCode: '6', title: 'Biodéchets' },
    { code: '2.1', axisCode: '2', title: 'Commande publique' },
  ],
};
planIds.push(plan.id);

const alice: PersonRecord = { id: u('alice'), name: 'Alice Martin', email: `Alice.Martin+${run}@Example.org`, actorId: actorIds[0] };
const bob: PersonRecord = { id: u('bob'), name: 'Bob Durand', email: null, actorId: actorIds[0] };
let chloe: PersonRecord = { id: u('chloe'), name: 'Chloé Petit', email: `chloe+${run}@example.org`, actorId: null };
personIds.push(alice.id, bob.id, chloe.id);

const g1: Omit<WorkingGroupRecord, 'members' | 'createdAt'> = {
  id: u('g1'), planId: plan.id, code: 'GT6A', name: 'Réemploi et réparation', mode: 'RESOURCE_SPACE',
  description: 'Groupe de travail réemploi', territoryKey: 'DEP:31', planActionCodes: ['6.10', '6.2'],
};
let g2: Omit<WorkingGroupRecord, 'members' | 'createdAt'> = {
  id: u('g2'), planId: plan.id, code: 'GT2', name: 'Achats responsables', mode: 'PROJECT_OWNER',
  description: null, territoryKey: null, planActionCodes: ['2.1'],
};
groupIds.push(g1.id, g2.id);

describe('plans', () => {
  it('creates a plan, read back the same by id, by code and in the list', async () => {
    expect(await db.write((tx) => repo.upsertPlan(tx, plan))).toEqual(plan);
    expect(await db.read((tx) => repo.findPlan(tx, plan.id))).toEqual(plan);
    expect(await db.read((tx) => repo.findPlanByCode(tx, plan.code))).toEqual(plan);
    const plans = await db.read((tx) => repo.findPlans(tx));
    expect(plans.find((p) => p.id === plan.id)).toEqual(plan);
    expect(plans.map((p) => p.code)).toEqual([...plans.map((p) => p.code)].sort());
    expect(await db.read((tx) => repo.findPlan(tx, u('nope')))).toBeNull();
    expect(await db.read((tx) => repo.findPlanByCode(tx, u('nope')))).toBeNull();
    expect(await count('MATCH (:Plan {id: $id})-[:HAS_ACTION]->(a:PlanAction)-[:IN_AXIS]->(x:PlanAxis) WHERE x.code = a.axisCode', { id: plan.id })).toBe(3);
  });
});

describe('people', () => {
  it('creates people and reads them back in the order asked, skipping unknown ids', async () => {
    for (const person of [alice, bob, chloe]) expect(await db.write((tx) => repo.createPerson(tx, person))).toEqual(person);
    expect(await db.read((tx) => repo.findPeople(tx, [chloe.id, u('nobody'), alice.id, bob.id]))).toEqual([chloe, alice, bob]);
    expect(await db.read((tx) => repo.findPeople(tx, []))).toEqual([]);
  });

  it('finds a person by email whatever its case, and the people of an actor by name', async () => {
    expect(await db.read((tx) => repo.findPersonByEmail(tx, alice.email!.toUpperCase()))).toEqual(alice);
    expect(await db.read((tx) => repo.findPersonByEmail(tx, `nobody+${run}@example.org`))).toBeNull();
    expect(await db.read((tx) => repo.findPeopleOfActor(tx, actorIds[0]))).toEqual([alice, bob]);
    expect(await db.read((tx) => repo.findPeopleOfActor(tx, actorIds[1]))).toEqual([]);
  });

  it('updates a person, moving them to another organisation', async () => {
    const before = chloe.email!;
    chloe = { ...chloe, name: 'Chloé Petit-Roux', email: `c.petit+${run}@example.org`, actorId: actorIds[1] };
    expect(await db.write((tx) => repo.updatePerson(tx, chloe))).toEqual(chloe);
    expect(await db.read((tx) => repo.findPeopleOfActor(tx, actorIds[1]))).toEqual([chloe]);
    expect(await db.read((tx) => repo.findPersonByEmail(tx, before))).toBeNull();
    expect(await db.read((tx) => repo.findPersonByEmail(tx, chloe.email!))).toEqual(chloe);
    expect(await db.write((tx) => repo.updatePerson(tx, { ...chloe, id: u('nobody') }))).toBeNull();
    const dropped = { ...chloe, actorId: null };
    expect(await db.write((tx) => repo.updatePerson(tx, dropped))).toEqual(dropped);
    expect(await db.write((tx) => repo.updatePerson(tx, chloe))).toEqual(chloe);
    expect(await count('MATCH (:Person {id: $id})-[:WORKS_FOR]->()', { id: chloe.id })).toBe(1);
  });
});

describe('groups', () => {
  let createdAt: string;

  it('creates groups in their plan, serving plan actions in the order given', async () => {
    const created = await db.write((tx) => repo.createGroup(tx, g1));
    expect(created.createdAt).toMatch(ISO);
    createdAt = created.createdAt;
    expect(created).toEqual({ ...g1, members: [], createdAt });
    expect(await db.read((tx) => repo.findGroup(tx, g1.id))).toEqual(created);
    expect(await db.write((tx) => repo.createGroup(tx, g2))).toMatchObject({ ...g2, members: [] });
    expect(await count('MATCH (:WorkingGroup {id: $id})-[:PART_OF_PLAN]->(:Plan {id: $planId})', { id: g1.id, planId: plan.id })).toBe(1);
    expect(await db.read((tx) => repo.findGroup(tx, u('nope')))).toBeNull();
  });

  it('refuses a second group with the same code in the same plan', async () => {
    const dup = { ...g1, id: u('g-dup'), name: 'Doublon' };
    await expect(db.write((tx) => repo.createGroup(tx, dup))).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
    expect(await db.read((tx) => repo.findGroup(tx, dup.id))).toBeNull();
  });

  it('sets, rewrites and removes memberships', async () => {
    await db.write((tx) => repo.setMembership(tx, g1.id, { personId: bob.id, role: 'MEMBER', joinedOn: '2024-02-01', leftOn: null }));
    const withAlice = await db.write((tx) => repo.setMembership(tx, g1.id, { personId: alice.id, role: 'LEAD', joinedOn: '2024-01-10', leftOn: null }));
    expect(withAlice!.members).toEqual([
      { personId: alice.id, role: 'LEAD', joinedOn: '2024-01-10', leftOn: null },
      { personId: bob.id, role: 'MEMBER', joinedOn: '2024-02-01', leftOn: null },
    ]);
    const bobLeft = await db.write((tx) => repo.setMembership(tx, g1.id, { personId: bob.id, role: 'OBSERVER', joinedOn: '2024-02-01', leftOn: '2024-09-30' }));
    expect(bobLeft!.members[1]).toEqual({ personId: bob.id, role: 'OBSERVER', joinedOn: '2024-02-01', leftOn: '2024-09-30' });
    expect(await count('MATCH (:Person {id: $id})-[:MEMBER_OF]->(:WorkingGroup {id: $groupId})', { id: bob.id, groupId: g1.id })).toBe(1);
    expect(await db.write((tx) => repo.setMembership(tx, g1.id, { personId: u('nobody'), role: 'MEMBER', joinedOn: '2024-02-01', leftOn: null }))).toBeNull();

    await db.write((tx) => repo.setMembership(tx, g2.id, { personId: chloe.id, role: 'CO_LEAD', joinedOn: '2024-03-01', leftOn: null }));
    await db.write((tx) => repo.setMembership(tx, g2.id, { personId: alice.id, role: 'MEMBER', joinedOn: '2024-03-01', leftOn: null }));
    expect(await db.write((tx) => repo.removeMembership(tx, g2.id, alice.id))).toBe(true);
    expect(await db.write((tx) => repo.removeMembership(tx, g2.id, alice.id))).toBe(false);
    expect((await db.read((tx) => repo.findGroup(tx, g2.id)))!.members).toEqual([{ personId: chloe.id, role: 'CO_LEAD', joinedOn: '2024-03-01', leftOn: null }]);
  });

  it('lists groups by plan and by person, by code', async () => {
    const ofPlan = await db.read((tx) => repo.findGroups(tx, { planId: plan.id, personId: null }));
    expect(ofPlan.map((g) => g.id)).toEqual([g2.id, g1.id]);
    expect(ofPlan[1]).toEqual(await db.read((tx) => repo.findGroup(tx, g1.id)));
    expect((await db.read((tx) => repo.findGroups(tx, { planId: null, personId: chloe.id }))).map((g) => g.id)).toEqual([g2.id]);
    expect((await db.read((tx) => repo.findGroups(tx, { planId: plan.id, personId: alice.id }))).map((g) => g.id)).toEqual([g1.id]);
    // Past members still find the group.
    expect((await db.read((tx) => repo.findGroups(tx, { planId: null, personId: bob.id }))).map((g) => g.id)).toEqual([g1.id]);
    expect(await db.read((tx) => repo.findGroups(tx, { planId: u('nope'), personId: alice.id }))).toEqual([]);
    const every = await db.read((tx) => repo.findGroups(tx, { planId: null, personId: null }));
    expect(every.map((g) => g.id)).toEqual(expect.arrayContaining([g1.id, g2.id]));
  });

  it('updates a group, replacing its fields and the actions it serves, keeping members and creation time', async () => {
    g2 = { ...g2, name: 'Achats publics responsables', mode: 'PROJECT_MANAGER', description: 'Mis à jour', territoryKey: 'DEP:34', code: 'GT2B', planActionCodes: ['6.2'] };
    const updated = await db.write((tx) => repo.updateGroup(tx, g2));
    expect(updated).toMatchObject({ ...g2, members: [{ personId: chloe.id, role: 'CO_LEAD', joinedOn: '2024-03-01', leftOn: null }] });
    expect(await db.read((tx) => repo.findGroup(tx, g2.id))).toEqual(updated);
    expect(await count('MATCH (:WorkingGroup {id: $id})-[:SERVES]->(a:PlanAction)', { id: g2.id })).toBe(1);
    expect(await count('MATCH (:WorkingGroup {id: $id})-[:PART_OF_PLAN]->(:Plan)', { id: g2.id })).toBe(1);
    expect(await count('MATCH (g:WorkingGroup {id: $id}) WHERE g.key = $key', { id: g2.id, key: `${plan.id}|GT2B` })).toBe(1);
    expect((await db.read((tx) => repo.findGroup(tx, g1.id)))!.createdAt).toBe(createdAt);
    expect(await db.write((tx) => repo.updateGroup(tx, { ...g2, id: u('nope') }))).toBeNull();
    // The code freed by the update can be taken again, the new one cannot.
    await expect(db.write((tx) => repo.updateGroup(tx, { ...g2, code: g1.code }))).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
  });
});

describe('plans, updated', () => {
  it('merges axes and actions by code, keeps the id, and never deletes an action a group serves', async () => {
    const again: PlanRecord = {
      ...plan,
      id: u('plan-other-id'),
      title: 'PRAEC de test, révisé',
      description: null,
      axes: [{ code: '6', title: 'Prévention des déchets' }],
      actions: [{ code: '6.2', axisCode: '6', title: 'Réemploi et réparation' }],
    };
    const expected: PlanRecord = {
      ...again,
      id: plan.id,
      // 6.10 is served by GT6A and stays, after the actions listed; 2.1 and its axis are gone.
      actions: [{ code: '6.2', axisCode: '6', title: 'Réemploi et réparation' }, { code: '6.10', axisCode: '6', title: 'Biodéchets' }],
    };
    expect(await db.write((tx) => repo.upsertPlan(tx, again))).toEqual(expected);
    expect(await db.read((tx) => repo.findPlan(tx, plan.id))).toEqual(expected);
    expect(await db.read((tx) => repo.findPlan(tx, again.id))).toBeNull();
    expect(await count('MATCH (a:PlanAction {key: $key})', { key: `${plan.id}|2.1` })).toBe(0);
    expect(await count('MATCH (x:PlanAxis {key: $key})', { key: `${plan.id}|2` })).toBe(0);
    expect((await db.read((tx) => repo.findGroup(tx, g1.id)))!.planActionCodes).toEqual(['6.10', '6.2']);
  });

  it('moves an action to another axis, redrawing its IN_AXIS edge', async () => {
    const moved: PlanRecord = {
      ...plan,
      axes: [{ code: '2', title: 'Achats' }, { code: '6', title: 'Déchets' }],
      actions: [{ code: '6.10', axisCode: '6', title: 'Biodéchets' }, { code: '6.2', axisCode: '2', title: 'Réemploi' }],
    };
    expect(await db.write((tx) => repo.upsertPlan(tx, moved))).toEqual(moved);
    const axes = await db.driver.executeQuery('MATCH (:PlanAction {key: $key})-[:IN_AXIS]->(x:PlanAxis) RETURN x.code AS code', { key: `${plan.id}|6.2` });
    expect(axes.records.map((r) => r.get('code'))).toEqual(['2']);
  });
});

describe('meetings', () => {
  const m1: GroupMeetingRecord = {
    id: u('m1'), groupId: g1.id, startsAt: '2025-02-01T14:00:00.000Z', place: null, videoLink: null,
    agenda: [], attendees: [], minutes: null, decisions: [], nextMeetingOn: null,
  };
  let m2: GroupMeetingRecord = {
    id: u('m2'), groupId: g1.id, startsAt: '2025-03-10T09:30:00.000Z', place: 'Hôtel de Région', videoLink: 'https://visio.example.org/gt6a',
    agenda: ['Tour de table', 'Point sur les actions'], attendees: [{ personId: bob.id, attendance: 'PRESENT' }, { personId: alice.id, attendance: 'EXCUSED' }],
    minutes: null, decisions: ['Lancer un appel à projets'], nextMeetingOn: '2025-04-14',
  };

  it('records meetings with attendance and reads them back, by start', async () => {
    expect(await db.write((tx) => repo.createGroupMeeting(tx, m2))).toEqual(m2);
    expect(await db.write((tx) => repo.createGroupMeeting(tx, m1))).toEqual(m1);
    expect(await db.read((tx) => repo.findGroupMeeting(tx, m2.id))).toEqual(m2);
    expect(await db.read((tx) => repo.findGroupMeetings(tx, g1.id))).toEqual([m1, m2]);
    expect(await db.read((tx) => repo.findGroupMeetings(tx, g2.id))).toEqual([]);
    expect(await db.read((tx) => repo.findGroupMeeting(tx, u('nope')))).toBeNull();
  });

  it('updates a meeting, replacing its fields and attendance', async () => {
    m2 = { ...m2, minutes: '## Compte rendu\n\nDécisions prises.', attendees: [{ personId: alice.id, attendance: 'PRESENT' }], decisions: [], place: null };
    expect(await db.write((tx) => repo.updateGroupMeeting(tx, m2))).toEqual(m2);
    expect(await db.read((tx) => repo.findGroupMeeting(tx, m2.id))).toEqual(m2);
    expect(await count('MATCH (:Person)-[:ATTENDED]->(:GroupMeeting {id: $id})', { id: m2.id })).toBe(1);
    expect(await db.write((tx) => repo.updateGroupMeeting(tx, { ...m2, id: u('nope') }))).toBeNull();
  });
});

type ActionWrite = Omit<GroupActionRecord, 'indicators' | 'createdAt' | 'updatedAt'>;

describe('actions and indicators', () => {
  let a1: ActionWrite;
  let a2: ActionWrite;
  let a3: ActionWrite;
  let a1CreatedAt: string;

  beforeAll(() => {
    a1 = {
      id: u('a1'), groupId: g1.id, title: 'Cartographier les ressourceries', description: 'Recenser les lieux de réemploi',
      planActionCode: '6.2', ownerPersonId: alice.id, ownerActorId: actorIds[0], contributorPersonIds: [chloe.id, bob.id],
      status: 'IN_PROGRESS', statusReason: null, startOn: '2025-01-15', dueOn: '2025-06-30', links: [],
    };
    a2 = {
      id: u('a2'), groupId: g2.id, title: 'Clauses de réemploi', description: null, planActionCode: null, ownerPersonId: chloe.id,
      ownerActorId: null, contributorPersonIds: [alice.id], status: 'PLANNED', statusReason: null, startOn: null, dueOn: null, links: [],
    };
    a3 = {
      id: u('a3'), groupId: g1.id, title: 'Atelier réparation', description: null, planActionCode: '6.10', ownerPersonId: bob.id,
      ownerActorId: actorIds[0], contributorPersonIds: [], status: 'PLANNED', statusReason: null, startOn: null, dueOn: '2025-04-01', links: [],
    };
  });

  it('creates actions with their edges and reads them back', async () => {
    const created = await db.write((tx) => repo.createGroupAction(tx, a1));
    expect(created.createdAt).toMatch(ISO);
    expect(created.updatedAt).toBe(created.createdAt);
    a1CreatedAt = created.createdAt;
    expect(created).toEqual({ ...a1, indicators: [], createdAt: a1CreatedAt, updatedAt: a1CreatedAt });
    expect(await db.read((tx) => repo.findGroupAction(tx, a1.id))).toEqual(created);
    await db.write((tx) => repo.createGroupAction(tx, a2));
    await db.write((tx) => repo.createGroupAction(tx, a3));
    expect(await count('MATCH (:Person {id: $owner})-[:OWNS]->(:GroupAction {id: $id})', { id: a1.id, owner: alice.id })).toBe(1);
    expect(await count('MATCH (:GroupAction {id: $id})-[:IMPLEMENTS]->(:PlanAction {key: $key})', { id: a1.id, key: `${plan.id}|6.2` })).toBe(1);
    expect(await count('MATCH (:GroupAction {id: $id})-[:IMPLEMENTS]->()', { id: a2.id })).toBe(0);
    expect(await count('MATCH (:GroupAction {id: $id})-[:OF_GROUP]->(:WorkingGroup {id: $groupId})', { id: a2.id, groupId: g2.id })).toBe(1);
    expect(await db.read((tx) => repo.findGroupAction(tx, u('nope')))).toBeNull();
  });

  it('lists actions by group, plan and person (owner or contributor), soonest due first', async () => {
    const ids = async (filter: { groupId: string | null; planId: string | null; personId: string | null }) =>
      (await db.read((tx) => repo.findGroupActions(tx, filter))).map((a) => a.id);
    expect(await ids({ groupId: g1.id, planId: null, personId: null })).toEqual([a3.id, a1.id]);
    expect(await ids({ groupId: null, planId: plan.id, personId: null })).toEqual([a3.id, a1.id, a2.id]);
    expect(await ids({ groupId: null, planId: null, personId: alice.id })).toEqual([a1.id, a2.id]);
    expect(await ids({ groupId: g1.id, planId: null, personId: chloe.id })).toEqual([a1.id]);
    expect(await ids({ groupId: null, planId: plan.id, personId: bob.id })).toEqual([a3.id, a1.id]);
    expect(await ids({ groupId: g2.id, planId: u('nope'), personId: null })).toEqual([]);
    expect(await ids({ groupId: null, planId: null, personId: null })).toEqual(expect.arrayContaining([a1.id, a2.id, a3.id]));
    const [listed] = await db.read((tx) => repo.findGroupActions(tx, { groupId: g2.id, planId: null, personId: null }));
    expect(listed).toEqual(await db.read((tx) => repo.findGroupAction(tx, a2.id)));
  });

  it('updates an action, replacing its edges and setting updatedAt', async () => {
    a1 = { ...a1, ownerPersonId: bob.id, contributorPersonIds: [alice.id], planActionCode: null, status: 'BLOCKED', statusReason: 'Attente du financement', dueOn: '2025-09-30' };
    const updated = await db.write((tx) => repo.updateGroupAction(tx, a1));
    expect(updated).toEqual({ ...a1, indicators: [], createdAt: a1CreatedAt, updatedAt: expect.stringMatching(ISO) });
    expect(Date.parse(updated!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(a1CreatedAt));
    expect(await db.read((tx) => repo.findGroupAction(tx, a1.id))).toEqual(updated);
    expect(await count('MATCH (p:Person)-[:OWNS]->(:GroupAction {id: $id}) WHERE p.id = $owner', { id: a1.id, owner: bob.id })).toBe(1);
    expect(await count('MATCH (:Person)-[:OWNS]->(:GroupAction {id: $id})', { id: a1.id })).toBe(1);
    expect(await count('MATCH (:Person)-[:CONTRIBUTES_TO]->(:GroupAction {id: $id})', { id: a1.id })).toBe(1);
    expect(await count('MATCH (:GroupAction {id: $id})-[:IMPLEMENTS]->()', { id: a1.id })).toBe(0);
    expect((await db.read((tx) => repo.findGroupActions(tx, { groupId: null, planId: null, personId: chloe.id }))).map((a) => a.id)).toEqual([a2.id]);
    expect(await db.write((tx) => repo.updateGroupAction(tx, { ...a1, id: u('nope') }))).toBeNull();
  });

  it('draws links only to targets that exist, reports the missing ones, and replaces links on update', async () => {
    const synergyId = u('synergy');
    const cooperationId = u('cooperation');
    const sessionId = u('session');
    // The targets belong to other features: made and dropped inside one rolled-back transaction.
    await rolledBack(async (tx) => {
      await tx.run('CREATE (:Synergy {id: $synergyId}), (:Cooperation {id: $cooperationId}), (:MatchmakingSession {id: $sessionId})', { synergyId, cooperationId, sessionId });
      const missing = await repo.missingLinkTargets(tx, [
        { kind: 'SYNERGY', targetId: synergyId },
        { kind: 'COOPERATION', targetId: u('no-cooperation') },
        { kind: 'MATCHMAKING_SESSION', targetId: sessionId },
        { kind: 'SYNERGY', targetId: cooperationId },
      ]);
      expect(missing).toEqual([{ kind: 'COOPERATION', targetId: u('no-cooperation') }, { kind: 'SYNERGY', targetId: cooperationId }]);
      expect(await repo.missingLinkTargets(tx, [])).toEqual([]);

      const linked: ActionWrite = { ...a3, id: u('a-linked'), links: [{ kind: 'MATCHMAKING_SESSION', targetId: sessionId }, { kind: 'SYNERGY', targetId: synergyId }] };
      const created = await repo.createGroupAction(tx, linked);
      expect(created.links).toEqual(linked.links);
      expect(await repo.findGroupAction(tx, linked.id)).toEqual(created);
      const relinked = await repo.updateGroupAction(tx, { ...linked, links: [{ kind: 'COOPERATION', targetId: cooperationId }] });
      expect(relinked!.links).toEqual([{ kind: 'COOPERATION', targetId: cooperationId }]);
      const produced = await tx.run('MATCH (:GroupAction {id: $id})-[r:PRODUCED]->(t) RETURN r.kind AS kind, t.id AS id', { id: linked.id });
      expect(produced.records.map((r) => [r.get('kind'), r.get('id')])).toEqual([['COOPERATION', cooperationId]]);
    });
    expect(await db.read((tx) => repo.findGroupAction(tx, u('a-linked')))).toBeNull();
  });

  it('adds indicators, keeps one value per day, and sorts histories by date', async () => {
    const i1 = { id: u('i1'), name: 'Tonnes réemployées', unit: 't/an', baseline: 12.5, target: 40 };
    const i2 = { id: u('i2'), name: 'Structures accompagnées', unit: 'structures', baseline: null, target: null };
    expect(await db.write((tx) => repo.createIndicator(tx, a1.id, i1))).toEqual({ ...i1, history: [], actionId: a1.id, groupId: g1.id });
    expect(await db.write((tx) => repo.createIndicator(tx, a1.id, i2))).toEqual({ ...i2, history: [], actionId: a1.id, groupId: g1.id });

    await db.write((tx) => repo.upsertIndicatorValue(tx, i1.id, { on: '2025-03-01', value: 20, note: null }, alice.email!));
    await db.write((tx) => repo.upsertIndicatorValue(tx, i1.id, { on: '2025-01-15', value: 15, note: 'Premier relevé' }, alice.email!));
    const corrected = await db.write((tx) => repo.upsertIndicatorValue(tx, i1.id, { on: '2025-03-01', value: 22.5, note: 'corrigé' }, bob.id));
    const history = [{ on: '2025-01-15', value: 15, note: 'Premier relevé' }, { on: '2025-03-01', value: 22.5, note: 'corrigé' }];
    expect(corrected).toEqual({ ...i1, history, actionId: a1.id, groupId: g1.id });
    expect(await db.read((tx) => repo.findIndicator(tx, i1.id))).toEqual(corrected);
    expect(await count('MATCH (:IndicatorValue)-[:OF_INDICATOR]->(:Indicator {id: $id})', { id: i1.id })).toBe(2);
    const recorded = await db.driver.executeQuery('MATCH (v:IndicatorValue {key: $key}) RETURN v.recordedBy AS by, v.recordedAt AS at', { key: `${i1.id}|2025-03-01` });
    expect(recorded.records[0].get('by')).toBe(bob.id);
    expect(recorded.records[0].get('at')).not.toBeNull();
    expect(await db.write((tx) => repo.upsertIndicatorValue(tx, u('nope'), { on: '2025-03-01', value: 1, note: null }, bob.id))).toBeNull();

    const renamed = { ...i1, name: 'Tonnes détournées', unit: 't', baseline: null, target: 50 };
    expect(await db.write((tx) => repo.updateIndicator(tx, renamed))).toEqual({ ...renamed, history, actionId: a1.id, groupId: g1.id });
    expect(await db.write((tx) => repo.updateIndicator(tx, { ...renamed, id: u('nope') }))).toBeNull();
    expect(await db.read((tx) => repo.findIndicator(tx, u('nope')))).toBeNull();

    const action = await db.read((tx) => repo.findGroupAction(tx, a1.id));
    expect(action!.indicators).toEqual([{ ...renamed, history }, { ...i2, history: [] }]);
    // Indicators stay through an update of their action.
    expect((await db.write((tx) => repo.updateGroupAction(tx, a1)))!.indicators).toEqual(action!.indicators);
  });
});

describe('changes', () => {
  const change = (n: number, at: string, subject: ChangeRecord['subject'], subjectId: string): ChangeRecord => ({
    id: u(`change-${n}`), groupId: g1.id, subject, subjectId, kind: `test.${n}`, summary: `Changement ${n}`,
    changes: { status: ['IN_PROGRESS', 'BLOCKED'], note: [null, { nested: [1, 'deux'] }] }, by: alice.email!, at,
  });
  // Changes 3 and 4 share their instant: the id breaks the tie.
  const changes = [
    change(1, '2025-01-01T08:00:00.000Z', 'GROUP', g1.id),
    change(2, '2025-01-02T08:00:00.000Z', 'ACTION', u('a1')),
    change(3, '2025-01-03T08:00:00.123Z', 'GROUP', g1.id),
    change(4, '2025-01-03T08:00:00.123Z', 'ACTION', u('a1')),
    change(5, '2025-01-04T08:00:00.000Z', 'MEETING', u('m1')),
  ];

  it('records changes with their JSON', async () => {
    for (const c of [changes[2], changes[0], changes[4], changes[1], changes[3]]) {
      expect(await db.write((tx) => repo.recordChange(tx, c))).toEqual(c);
    }
    expect(await count('MATCH (:GroupChange)-[:IN_GROUP]->(:WorkingGroup {id: $id})', { id: g1.id })).toBe(5);
  });

  it('reads the feed newest first, page by page', async () => {
    const newest = [...changes].reverse();
    const pages: ChangeRecord[][] = [];
    let before: { at: string; id: string } | null = null;
    for (;;) {
      const cursor: { at: string; id: string } | null = before;
      const page: ChangeRecord[] = await db.read((tx) => repo.findChanges(tx, { groupId: g1.id, subjectId: null, before: cursor, limit: 2 }));
      if (page.length === 0) break;
      pages.push(page);
      const last: ChangeRecord = page[page.length - 1];
      before = { at: last.at, id: last.id };
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(newest);
    expect(pages[0].map((c) => c.id)).toEqual([u('change-5'), u('change-4')]);
    expect(pages[1].map((c) => c.id)).toEqual([u('change-3'), u('change-2')]);
  });

  it('filters the feed by subject and by group', async () => {
    const ofAction = await db.read((tx) => repo.findChanges(tx, { groupId: g1.id, subjectId: u('a1'), before: null, limit: 10 }));
    expect(ofAction.map((c) => c.id)).toEqual([u('change-4'), u('change-2')]);
    const afterFour = await db.read((tx) => repo.findChanges(tx, { groupId: g1.id, subjectId: u('a1'), before: { at: changes[3].at, id: changes[3].id }, limit: 10 }));
    expect(afterFour.map((c) => c.id)).toEqual([u('change-2')]);
    expect(await db.read((tx) => repo.findChanges(tx, { groupId: g2.id, subjectId: null, before: null, limit: 10 }))).toEqual([]);
  });
});

import {
  ActionLinkKind,
  ActionStatus,
  Attendance,
  ChangeRecord,
  GroupActionRecord,
  GroupMeetingRecord,
  GroupMode,
  IndicatorRecord,
  IndicatorValue,
  MemberRole,
  MembershipRecord,
  PersonRecord,
  PlanRecord,
  WorkingGroupRecord,
} from '../../server/domain/working-groups/model';
import { Tx } from '../database';
import { intParam, stringOrNull, toIsoString, toNumber } from '../convert';

/**
 * Working groups of regional circular-economy plans in the graph:
 * - plans: `(:Plan {id, code, title, description, territoryKey})-[:HAS_AXIS]->(:PlanAxis {key, planId, code, title, rank})`
 *   and `(:Plan)-[:HAS_ACTION]->(:PlanAction {key, planId, code, axisCode, title, rank})-[:IN_AXIS]->(:PlanAxis)`;
 *   `key` is "<planId>|<code>" and `rank` the position in the plan as last written;
 * - people: `(:Person {id, name, email, emailKey})-[:WORKS_FOR]->(:Actor)`, `emailKey` being the
 *   lower-cased email (found whatever its case);
 * - groups: `(:WorkingGroup {id, key: "<planId>|<code>", planId, code, name, mode, description, territoryKey, createdAt})`
 *   `-[:PART_OF_PLAN]->(:Plan)`, `(:WorkingGroup)-[:SERVES {rank}]->(:PlanAction)` and members as
 *   `(:Person)-[:MEMBER_OF {role, joinedOn, leftOn}]->(:WorkingGroup)` (kept after they leave);
 * - meetings: `(:GroupMeeting {id, groupId, startsAt, place, videoLink, agenda, minutes, decisions, nextMeetingOn})`
 *   `-[:OF_GROUP]->(:WorkingGroup)`, attendance as `(:Person)-[:ATTENDED {attendance, rank}]->(:GroupMeeting)`;
 * - actions: `(:GroupAction {id, groupId, title, description, planActionCode, ownerPersonId, ownerActorId, status,
 *   statusReason, startOn, dueOn, createdAt, updatedAt})-[:OF_GROUP]->(:WorkingGroup)`, with
 *   `(:Person)-[:OWNS]->(:GroupAction)`, `(:Person)-[:CONTRIBUTES_TO {rank}]->(:GroupAction)`,
 *   `(:GroupAction)-[:IMPLEMENTS]->(:PlanAction)` when `planActionCode` is set, and what it produced as
 *   `(:GroupAction)-[:PRODUCED {kind, rank}]->(:Synergy | :Cooperation | :MatchmakingSession)`;
 * - indicators: `(:Indicator {id, actionId, name, unit, baseline, target, seq})-[:MEASURES]->(:GroupAction)`, their
 *   values as `(:IndicatorValue {key: "<indicatorId>|<on>", indicatorId, on, value, note, recordedAt, recordedBy})`
 *   `-[:OF_INDICATOR]->(:Indicator)`, one per day;
 * - changes: `(:GroupChange {id, groupId, subject, subjectId, kind, summary, changesJson, by, at})-[:IN_GROUP]->(:WorkingGroup)`.
 *
 * Days (YYYY-MM-DD) are stored as strings; instants as Neo4j datetimes, read back as ISO strings.
 * Lists held as relationships (`rank`) come back in the order they were written. Edges are only
 * drawn to nodes that exist: the service checks references before calling.
 */

const NOW = "datetime.truncate('millisecond', datetime())";
// When the service gives the instant of the event (`$at`), records carry it: a demo or an import
// of past events then dates them as they happened; otherwise the database's clock.
const AT = `coalesce(datetime($at), ${NOW})`;

// The projections below bind `p` (plan or person), `g`, `m`, `a` and `i` and give every other
// variable of their COLLECT subqueries a name of its own: a COLLECT sees the variables of the
// query around it, so a shared name (say `m` for a member and a matched person) would silently
// bind the subquery to the outer node.

/** An indicator with the action (and the group of the action) it measures. */
export interface StoredIndicator extends IndicatorRecord {
  actionId: string;
  groupId: string;
}

type ActionWrite = Omit<GroupActionRecord, 'indicators' | 'createdAt' | 'updatedAt'>;
type GroupWrite = Omit<WorkingGroupRecord, 'members' | 'createdAt'>;
type ActionLink = GroupActionRecord['links'][number];

/** Positions of a list, for the `rank` of the nodes or relationships that hold it. */
function ranked<T extends object>(items: readonly T[]): (T & { rank: unknown })[] {
  return items.map((item, i) => ({ ...item, rank: intParam(i) }));
}

function one(records: { get(key: string): unknown }[], key: string, what: string): unknown {
  if (records.length === 0) throw new Error(`${what} does not exist`);
  return records[0].get(key);
}

// ---------------------------------------------------------------------------------------------
// Plans

const PLAN_PROJECTION = `p {
  .id, .code, .title, .description, .territoryKey,
  axes: COLLECT { MATCH (p)-[:HAS_AXIS]->(planAxis:PlanAxis) WITH planAxis ORDER BY planAxis.rank, planAxis.code
                  RETURN planAxis {.code, .title} },
  actions: COLLECT { MATCH (p)-[:HAS_ACTION]->(planAction:PlanAction) WITH planAction ORDER BY planAction.rank, planAction.code
                     RETURN planAction {.code, .axisCode, .title} }
}`;

function planFrom(value: unknown): PlanRecord {
  const p = value as Record<string, unknown>;
  return {
    id: String(p.id),
    code: String(p.code),
    title: String(p.title),
    description: stringOrNull(p.description),
    territoryKey: stringOrNull(p.territoryKey),
    axes: (p.axes as Record<string, unknown>[]).map((x) => ({ code: String(x.code), title: String(x.title) })),
    actions: (p.actions as Record<string, unknown>[]).map((a) => ({ code: String(a.code), axisCode: String(a.axisCode), title: String(a.title) })),
  };
}

/**
 * Creates or updates a plan found by code (an existing plan keeps its id). Axes and actions are
 * merged by code and take the titles and order given. An action left out is deleted unless a
 * group serves it or a group action implements it (it then stays, after the listed ones); an
 * axis left out is deleted unless a remaining action belongs to it.
 */
export async function upsertPlan(tx: Tx, plan: PlanRecord): Promise<PlanRecord> {
  const result = await tx.run(
    `MERGE (p:Plan {code: $code})
       ON CREATE SET p.id = $id
     SET p.title = $title, p.description = $description, p.territoryKey = $territoryKey
     WITH p
     CALL (p) {
       UNWIND $axes AS axis
       MERGE (x:PlanAxis {key: p.id + '|' + axis.code})
         ON CREATE SET x.planId = p.id, x.code = axis.code
       SET x.title = axis.title, x.rank = axis.rank
       MERGE (p)-[:HAS_AXIS]->(x)
     }
     CALL (p) {
       UNWIND $actions AS action
       MERGE (a:PlanAction {key: p.id + '|' + action.code})
         ON CREATE SET a.planId = p.id, a.code = action.code
       SET a.title = action.title, a.axisCode = action.axisCode, a.rank = action.rank
       MERGE (p)-[:HAS_ACTION]->(a)
     }
     CALL (p) {
       MATCH (p)-[:HAS_ACTION]->(a:PlanAction)
       WHERE NOT a.code IN $actionCodes
         AND NOT EXISTS { (:WorkingGroup)-[:SERVES]->(a) } AND NOT EXISTS { (:GroupAction)-[:IMPLEMENTS]->(a) }
       DETACH DELETE a
     }
     CALL (p) {
       MATCH (p)-[:HAS_ACTION]->(a:PlanAction) WHERE NOT a.code IN $actionCodes
       SET a.rank = size($actionCodes) + coalesce(a.rank, 0)
     }
     CALL (p) {
       MATCH (p)-[:HAS_AXIS]->(x:PlanAxis)
       WHERE NOT x.code IN $axisCodes AND NOT EXISTS { (p)-[:HAS_ACTION]->(:PlanAction {axisCode: x.code}) }
       DETACH DELETE x
     }
     CALL (p) {
       MATCH (p)-[:HAS_AXIS]->(x:PlanAxis) WHERE NOT x.code IN $axisCodes
       SET x.rank = size($axisCodes) + coalesce(x.rank, 0)
     }
     CALL (p) {
       MATCH (p)-[:HAS_ACTION]->(a:PlanAction)-[r:IN_AXIS]->(x:PlanAxis) WHERE x.code <> a.axisCode
       DELETE r
     }
     CALL (p) {
       MATCH (p)-[:HAS_ACTION]->(a:PlanAction), (p)-[:HAS_AXIS]->(x:PlanAxis)
       WHERE x.code = a.axisCode
       MERGE (a)-[:IN_AXIS]->(x)
     }
     RETURN ${PLAN_PROJECTION} AS plan`,
    {
      id: plan.id,
      code: plan.code,
      title: plan.title,
      description: plan.description,
      territoryKey: plan.territoryKey,
      axes: ranked(plan.axes),
      actions: ranked(plan.actions),
      axisCodes: plan.axes.map((x) => x.code),
      actionCodes: plan.actions.map((a) => a.code),
    },
  );
  return planFrom(result.records[0].get('plan'));
}

/** One plan; null when unknown. */
export async function findPlan(tx: Tx, id: string): Promise<PlanRecord | null> {
  const result = await tx.run(`MATCH (p:Plan {id: $id}) RETURN ${PLAN_PROJECTION} AS plan`, { id });
  return result.records.length ? planFrom(result.records[0].get('plan')) : null;
}

/** The plan with this code; null when unknown. */
export async function findPlanByCode(tx: Tx, code: string): Promise<PlanRecord | null> {
  const result = await tx.run(`MATCH (p:Plan {code: $code}) RETURN ${PLAN_PROJECTION} AS plan`, { code });
  return result.records.length ? planFrom(result.records[0].get('plan')) : null;
}

/** Every plan, by code. */
export async function findPlans(tx: Tx): Promise<PlanRecord[]> {
  const result = await tx.run(`MATCH (p:Plan) RETURN ${PLAN_PROJECTION} AS plan ORDER BY p.code, p.id`);
  return result.records.map((r) => planFrom(r.get('plan')));
}

// ---------------------------------------------------------------------------------------------
// People

const PERSON_PROJECTION = `p {
  .id, .name, .email,
  actorId: COLLECT { MATCH (p)-[:WORKS_FOR]->(employer:Actor) WITH employer ORDER BY employer.id RETURN employer.id }[0]
}`;

function personFrom(value: unknown): PersonRecord {
  const p = value as Record<string, unknown>;
  return { id: String(p.id), name: String(p.name), email: stringOrNull(p.email), actorId: stringOrNull(p.actorId) };
}

const SET_PERSON = `SET p.name = $name, p.email = $email, p.emailKey = toLower($email)
     WITH p
     CALL (p) { MATCH (p)-[r:WORKS_FOR]->() DELETE r }
     CALL (p) { MATCH (w:Actor {id: $actorId}) CREATE (p)-[:WORKS_FOR]->(w) }`;

/** Creates a person, working for `actorId` when that actor exists. */
export async function createPerson(tx: Tx, person: PersonRecord): Promise<PersonRecord> {
  const result = await tx.run(
    `CREATE (p:Person {id: $id})
     ${SET_PERSON}
     RETURN ${PERSON_PROJECTION} AS person`,
    { ...person },
  );
  return personFrom(result.records[0].get('person'));
}

/** Replaces a person's name, email and organisation; null when unknown. */
export async function updatePerson(tx: Tx, person: PersonRecord): Promise<PersonRecord | null> {
  const result = await tx.run(
    `MATCH (p:Person {id: $id})
     ${SET_PERSON}
     RETURN ${PERSON_PROJECTION} AS person`,
    { ...person },
  );
  return result.records.length ? personFrom(result.records[0].get('person')) : null;
}

/** People by id, in the order of `ids`; unknown ids are skipped. */
export async function findPeople(tx: Tx, ids: readonly string[]): Promise<PersonRecord[]> {
  const result = await tx.run(`UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN ${PERSON_PROJECTION} AS person`, { ids: [...new Set(ids)] });
  const byId = new Map(result.records.map((r) => {
    const person = personFrom(r.get('person'));
    return [person.id, person];
  }));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The person with this email, whatever its case (the first by id if several share it); null when none. */
export async function findPersonByEmail(tx: Tx, email: string): Promise<PersonRecord | null> {
  const result = await tx.run(
    `MATCH (p:Person {emailKey: toLower($email)}) RETURN ${PERSON_PROJECTION} AS person ORDER BY p.id LIMIT 1`,
    { email },
  );
  return result.records.length ? personFrom(result.records[0].get('person')) : null;
}

/** The people who work for an actor, by name. */
export async function findPeopleOfActor(tx: Tx, actorId: string): Promise<PersonRecord[]> {
  const result = await tx.run(
    `MATCH (:Actor {id: $actorId})<-[:WORKS_FOR]-(p:Person) RETURN ${PERSON_PROJECTION} AS person ORDER BY p.name, p.id`,
    { actorId },
  );
  return result.records.map((r) => personFrom(r.get('person')));
}

// ---------------------------------------------------------------------------------------------
// Groups

const GROUP_PROJECTION = `g {
  .id, .planId, .code, .name, .mode, .description, .territoryKey, .createdAt,
  planActionCodes: COLLECT { MATCH (g)-[serves:SERVES]->(served:PlanAction) WITH serves, served ORDER BY serves.rank, served.code
                             RETURN served.code },
  members: COLLECT { MATCH (member:Person)-[membership:MEMBER_OF]->(g) WITH member, membership ORDER BY membership.joinedOn, member.id
                     RETURN {personId: member.id, role: membership.role, joinedOn: membership.joinedOn, leftOn: membership.leftOn} }
}`;

function groupFrom(value: unknown): WorkingGroupRecord {
  const g = value as Record<string, unknown>;
  return {
    id: String(g.id),
    planId: String(g.planId),
    code: String(g.code),
    name: String(g.name),
    mode: g.mode as GroupMode,
    description: stringOrNull(g.description),
    territoryKey: stringOrNull(g.territoryKey),
    planActionCodes: g.planActionCodes as string[],
    members: (g.members as Record<string, unknown>[]).map((m) => ({
      personId: String(m.personId),
      role: m.role as MemberRole,
      joinedOn: String(m.joinedOn),
      leftOn: stringOrNull(m.leftOn),
    })),
    createdAt: toIsoString(g.createdAt),
  };
}

function groupParams(group: GroupWrite): Record<string, unknown> {
  return {
    id: group.id,
    key: `${group.planId}|${group.code}`,
    planId: group.planId,
    code: group.code,
    name: group.name,
    mode: group.mode,
    description: group.description,
    territoryKey: group.territoryKey,
    planActionCodes: ranked(group.planActionCodes.map((code) => ({ code }))),
  };
}

/** Draws the group's SERVES edges (after any old ones were deleted). */
const CREATE_SERVES = `CALL (g) {
       UNWIND $planActionCodes AS served
       MATCH (pa:PlanAction {key: g.planId + '|' + served.code})
       CREATE (g)-[:SERVES {rank: served.rank}]->(pa)
     }`;

/** Creates a group in its plan, serving the given plan actions; a second group with the same code in the plan is refused by the database. */
export async function createGroup(tx: Tx, group: GroupWrite, at: string | null = null): Promise<WorkingGroupRecord> {
  const result = await tx.run(
    `MATCH (p:Plan {id: $planId})
     CREATE (g:WorkingGroup {id: $id, key: $key, planId: $planId, code: $code, name: $name, mode: $mode,
                             description: $description, territoryKey: $territoryKey, createdAt: ${AT}})
     CREATE (g)-[:PART_OF_PLAN]->(p)
     WITH g
     ${CREATE_SERVES}
     RETURN ${GROUP_PROJECTION} AS workingGroup`,
    { ...groupParams(group), at },
  );
  return groupFrom(one(result.records, 'workingGroup', `Plan ${group.planId}`));
}

/** Replaces a group's fields (its plan too) and the plan actions it serves; null when unknown. */
export async function updateGroup(tx: Tx, group: GroupWrite): Promise<WorkingGroupRecord | null> {
  const result = await tx.run(
    `MATCH (g:WorkingGroup {id: $id})
     SET g.key = $key, g.planId = $planId, g.code = $code, g.name = $name, g.mode = $mode,
         g.description = $description, g.territoryKey = $territoryKey
     WITH g
     CALL (g) { MATCH (g)-[r:SERVES|PART_OF_PLAN]->() DELETE r }
     CALL (g) { MATCH (p:Plan {id: $planId}) CREATE (g)-[:PART_OF_PLAN]->(p) }
     ${CREATE_SERVES}
     RETURN ${GROUP_PROJECTION} AS workingGroup`,
    groupParams(group),
  );
  return result.records.length ? groupFrom(result.records[0].get('workingGroup')) : null;
}

/** One group with its members; null when unknown. */
export async function findGroup(tx: Tx, id: string): Promise<WorkingGroupRecord | null> {
  const result = await tx.run(`MATCH (g:WorkingGroup {id: $id}) RETURN ${GROUP_PROJECTION} AS workingGroup`, { id });
  return result.records.length ? groupFrom(result.records[0].get('workingGroup')) : null;
}

/**
 * Groups of a plan and/or with a person among their members, past members included (both null:
 * every group), by code.
 */
export async function findGroups(tx: Tx, filter: { planId: string | null; personId: string | null }): Promise<WorkingGroupRecord[]> {
  const start =
    filter.personId !== null
      ? 'MATCH (:Person {id: $personId})-[:MEMBER_OF]->(g:WorkingGroup)'
      : filter.planId !== null
        ? 'MATCH (g:WorkingGroup {planId: $planId})'
        : 'MATCH (g:WorkingGroup)';
  const result = await tx.run(
    `${start}
     WITH DISTINCT g
     WHERE $planId IS NULL OR g.planId = $planId
     RETURN ${GROUP_PROJECTION} AS workingGroup ORDER BY g.code, g.planId, g.id`,
    { planId: filter.planId, personId: filter.personId },
  );
  return result.records.map((r) => groupFrom(r.get('workingGroup')));
}

/** Makes a person a member of a group or rewrites their membership; null when the group or the person is unknown. */
export async function setMembership(tx: Tx, groupId: string, membership: MembershipRecord): Promise<WorkingGroupRecord | null> {
  const result = await tx.run(
    `MATCH (g:WorkingGroup {id: $groupId}), (m:Person {id: $personId})
     MERGE (m)-[r:MEMBER_OF]->(g)
     SET r.role = $role, r.joinedOn = $joinedOn, r.leftOn = $leftOn
     RETURN ${GROUP_PROJECTION} AS workingGroup`,
    { groupId, ...membership },
  );
  return result.records.length ? groupFrom(result.records[0].get('workingGroup')) : null;
}

/** Deletes a membership outright (setting `leftOn` keeps it in the history instead); false when there was none. */
export async function removeMembership(tx: Tx, groupId: string, personId: string): Promise<boolean> {
  const result = await tx.run(
    `MATCH (:Person {id: $personId})-[r:MEMBER_OF]->(:WorkingGroup {id: $groupId})
     DELETE r
     RETURN count(*) AS removed`,
    { groupId, personId },
  );
  return (toNumber(result.records[0]?.get('removed')) ?? 0) > 0;
}

// ---------------------------------------------------------------------------------------------
// Meetings

const MEETING_PROJECTION = `m {
  .id, .groupId, .startsAt, .place, .videoLink, .agenda, .minutes, .decisions, .nextMeetingOn,
  attendees: COLLECT { MATCH (attendee:Person)-[attended:ATTENDED]->(m) WITH attendee, attended ORDER BY attended.rank, attendee.id
                       RETURN {personId: attendee.id, attendance: attended.attendance} }
}`;

function meetingFrom(value: unknown): GroupMeetingRecord {
  const m = value as Record<string, unknown>;
  return {
    id: String(m.id),
    groupId: String(m.groupId),
    startsAt: toIsoString(m.startsAt),
    place: stringOrNull(m.place),
    videoLink: stringOrNull(m.videoLink),
    agenda: (m.agenda as string[] | null) ?? [],
    attendees: (m.attendees as Record<string, unknown>[]).map((a) => ({ personId: String(a.personId), attendance: a.attendance as Attendance })),
    minutes: stringOrNull(m.minutes),
    decisions: (m.decisions as string[] | null) ?? [],
    nextMeetingOn: stringOrNull(m.nextMeetingOn),
  };
}

function meetingParams(meeting: GroupMeetingRecord): Record<string, unknown> {
  return {
    id: meeting.id,
    groupId: meeting.groupId,
    startsAt: meeting.startsAt,
    place: meeting.place,
    videoLink: meeting.videoLink,
    agenda: meeting.agenda,
    minutes: meeting.minutes,
    decisions: meeting.decisions,
    nextMeetingOn: meeting.nextMeetingOn,
    attendees: ranked(meeting.attendees),
  };
}

const SET_MEETING = `SET m.startsAt = datetime($startsAt), m.place = $place, m.videoLink = $videoLink, m.agenda = $agenda,
         m.minutes = $minutes, m.decisions = $decisions, m.nextMeetingOn = $nextMeetingOn
     WITH m
     CALL (m) { MATCH (:Person)-[r:ATTENDED]->(m) DELETE r }
     CALL (m) {
       UNWIND $attendees AS attendee
       MATCH (x:Person {id: attendee.personId})
       CREATE (x)-[:ATTENDED {attendance: attendee.attendance, rank: attendee.rank}]->(m)
     }`;

/** Records a meeting of a group with its attendance. */
export async function createGroupMeeting(tx: Tx, meeting: GroupMeetingRecord): Promise<GroupMeetingRecord> {
  const result = await tx.run(
    `MATCH (g:WorkingGroup {id: $groupId})
     CREATE (m:GroupMeeting {id: $id, groupId: $groupId})-[:OF_GROUP]->(g)
     ${SET_MEETING}
     RETURN ${MEETING_PROJECTION} AS meeting`,
    meetingParams(meeting),
  );
  return meetingFrom(one(result.records, 'meeting', `Group ${meeting.groupId}`));
}

/** Replaces a meeting's fields and attendance (it stays in its group); null when unknown. */
export async function updateGroupMeeting(tx: Tx, meeting: GroupMeetingRecord): Promise<GroupMeetingRecord | null> {
  const result = await tx.run(
    `MATCH (m:GroupMeeting {id: $id})
     ${SET_MEETING}
     RETURN ${MEETING_PROJECTION} AS meeting`,
    meetingParams(meeting),
  );
  return result.records.length ? meetingFrom(result.records[0].get('meeting')) : null;
}

/** One meeting; null when unknown. */
export async function findGroupMeeting(tx: Tx, id: string): Promise<GroupMeetingRecord | null> {
  const result = await tx.run(`MATCH (m:GroupMeeting {id: $id}) RETURN ${MEETING_PROJECTION} AS meeting`, { id });
  return result.records.length ? meetingFrom(result.records[0].get('meeting')) : null;
}

/** A group's meetings, earliest first. */
export async function findGroupMeetings(tx: Tx, groupId: string): Promise<GroupMeetingRecord[]> {
  const result = await tx.run(
    `MATCH (m:GroupMeeting {groupId: $groupId}) RETURN ${MEETING_PROJECTION} AS meeting ORDER BY m.startsAt, m.id`,
    { groupId },
  );
  return result.records.map((r) => meetingFrom(r.get('meeting')));
}

// ---------------------------------------------------------------------------------------------
// Indicators (projected inside actions too)

const INDICATOR_FIELDS = `.id, .name, .unit, .baseline, .target,
    history: COLLECT { MATCH (indicatorValue:IndicatorValue)-[:OF_INDICATOR]->(i) WITH indicatorValue ORDER BY indicatorValue.on
                       RETURN indicatorValue {.on, .value, .note} }`;

function indicatorFrom(value: unknown): IndicatorRecord {
  const i = value as Record<string, unknown>;
  return {
    id: String(i.id),
    name: String(i.name),
    unit: String(i.unit),
    baseline: toNumber(i.baseline),
    target: toNumber(i.target),
    history: (i.history as Record<string, unknown>[]).map((v) => ({ on: String(v.on), value: toNumber(v.value)!, note: stringOrNull(v.note) })),
  };
}

const STORED_INDICATOR_PROJECTION = `i { ${INDICATOR_FIELDS}, actionId: a.id, groupId: a.groupId }`;

function storedIndicatorFrom(value: unknown): StoredIndicator {
  const i = value as Record<string, unknown>;
  return { ...indicatorFrom(i), actionId: String(i.actionId), groupId: String(i.groupId) };
}

// ---------------------------------------------------------------------------------------------
// Actions

const ACTION_PROJECTION = `a {
  .id, .groupId, .title, .description, .planActionCode, .ownerPersonId, .ownerActorId, .status, .statusReason,
  .startOn, .dueOn, .createdAt, .updatedAt,
  contributorPersonIds: COLLECT { MATCH (contributor:Person)-[contributes:CONTRIBUTES_TO]->(a)
                                  WITH contributor, contributes ORDER BY contributes.rank, contributor.id RETURN contributor.id },
  links: COLLECT { MATCH (a)-[produced:PRODUCED]->(product) WITH produced, product ORDER BY produced.rank, product.id
                   RETURN {kind: produced.kind, targetId: product.id} },
  indicators: COLLECT { MATCH (i:Indicator)-[:MEASURES]->(a) WITH i ORDER BY i.seq, i.id RETURN i { ${INDICATOR_FIELDS} } }
}`;

function actionFrom(value: unknown): GroupActionRecord {
  const a = value as Record<string, unknown>;
  return {
    id: String(a.id),
    groupId: String(a.groupId),
    title: String(a.title),
    description: stringOrNull(a.description),
    planActionCode: stringOrNull(a.planActionCode),
    ownerPersonId: String(a.ownerPersonId),
    ownerActorId: stringOrNull(a.ownerActorId),
    contributorPersonIds: a.contributorPersonIds as string[],
    status: a.status as ActionStatus,
    statusReason: stringOrNull(a.statusReason),
    startOn: stringOrNull(a.startOn),
    dueOn: stringOrNull(a.dueOn),
    indicators: (a.indicators as unknown[]).map(indicatorFrom),
    links: (a.links as Record<string, unknown>[]).map((l) => ({ kind: l.kind as ActionLinkKind, targetId: String(l.targetId) })),
    createdAt: toIsoString(a.createdAt),
    updatedAt: toIsoString(a.updatedAt),
  };
}

function actionParams(action: ActionWrite): Record<string, unknown> {
  return {
    id: action.id,
    groupId: action.groupId,
    title: action.title,
    description: action.description,
    planActionCode: action.planActionCode,
    ownerPersonId: action.ownerPersonId,
    ownerActorId: action.ownerActorId,
    status: action.status,
    statusReason: action.statusReason,
    startOn: action.startOn,
    dueOn: action.dueOn,
    contributors: ranked(action.contributorPersonIds.map((personId) => ({ personId }))),
    links: ranked(action.links),
  };
}

/** The target node of a link, by kind (labels from fixed text only). */
const LINK_TARGET = `CALL (link) {
         MATCH (t:Synergy {id: link.targetId}) WHERE link.kind = 'SYNERGY' RETURN t
         UNION
         MATCH (t:Cooperation {id: link.targetId}) WHERE link.kind = 'COOPERATION' RETURN t
         UNION
         MATCH (t:MatchmakingSession {id: link.targetId}) WHERE link.kind = 'MATCHMAKING_SESSION' RETURN t
       }`;

/** Sets an action's fields and redraws its owner, contributor, plan-action and produced edges. */
const SET_ACTION = `SET a.title = $title, a.description = $description, a.planActionCode = $planActionCode,
         a.ownerPersonId = $ownerPersonId, a.ownerActorId = $ownerActorId, a.status = $status,
         a.statusReason = $statusReason, a.startOn = $startOn, a.dueOn = $dueOn, a.updatedAt = ${AT}
     WITH a
     CALL (a) { MATCH (a)<-[r:OWNS|CONTRIBUTES_TO]-(:Person) DELETE r }
     CALL (a) { MATCH (a)-[r:IMPLEMENTS|PRODUCED]->() DELETE r }
     CALL (a) { MATCH (o:Person {id: $ownerPersonId}) CREATE (o)-[:OWNS]->(a) }
     CALL (a) {
       UNWIND $contributors AS contributor
       MATCH (c:Person {id: contributor.personId})
       CREATE (c)-[:CONTRIBUTES_TO {rank: contributor.rank}]->(a)
     }
     CALL (a) {
       MATCH (a)-[:OF_GROUP]->(g:WorkingGroup), (pa:PlanAction {key: g.planId + '|' + $planActionCode})
       CREATE (a)-[:IMPLEMENTS]->(pa)
     }
     CALL (a) {
       UNWIND $links AS link
       ${LINK_TARGET}
       CREATE (a)-[:PRODUCED {kind: link.kind, rank: link.rank}]->(t)
     }`;

/** Creates an action of a group, with its edges; links are drawn only to targets that exist (see {@link missingLinkTargets}). */
export async function createGroupAction(tx: Tx, action: ActionWrite, at: string | null = null): Promise<GroupActionRecord> {
  const result = await tx.run(
    `MATCH (g:WorkingGroup {id: $groupId})
     CREATE (a:GroupAction {id: $id, groupId: $groupId, createdAt: ${AT}})-[:OF_GROUP]->(g)
     ${SET_ACTION}
     RETURN ${ACTION_PROJECTION} AS action`,
    { ...actionParams(action), at },
  );
  return actionFrom(one(result.records, 'action', `Group ${action.groupId}`));
}

/** Replaces an action's fields and edges (it stays in its group, its indicators stay) and sets `updatedAt`; null when unknown. */
export async function updateGroupAction(tx: Tx, action: ActionWrite, at: string | null = null): Promise<GroupActionRecord | null> {
  const result = await tx.run(
    `MATCH (a:GroupAction {id: $id})
     ${SET_ACTION}
     RETURN ${ACTION_PROJECTION} AS action`,
    { ...actionParams(action), at },
  );
  return result.records.length ? actionFrom(result.records[0].get('action')) : null;
}

/** One action with its indicators; null when unknown. */
export async function findGroupAction(tx: Tx, id: string): Promise<GroupActionRecord | null> {
  const result = await tx.run(`MATCH (a:GroupAction {id: $id}) RETURN ${ACTION_PROJECTION} AS action`, { id });
  return result.records.length ? actionFrom(result.records[0].get('action')) : null;
}

/**
 * Actions of a group, of the groups of a plan, and/or owned by or contributed to by a person
 * (every filter null: all actions): soonest due first, undated last, then oldest first.
 */
export async function findGroupActions(
  tx: Tx,
  filter: { groupId: string | null; planId: string | null; personId: string | null },
): Promise<GroupActionRecord[]> {
  const start =
    filter.groupId !== null
      ? 'MATCH (a:GroupAction {groupId: $groupId})'
      : filter.personId !== null
        ? 'MATCH (:Person {id: $personId})-[:OWNS|CONTRIBUTES_TO]->(a:GroupAction)'
        : filter.planId !== null
          ? 'MATCH (:Plan {id: $planId})<-[:PART_OF_PLAN]-(:WorkingGroup)<-[:OF_GROUP]-(a:GroupAction)'
          : 'MATCH (a:GroupAction)';
  const result = await tx.run(
    `${start}
     WITH DISTINCT a
     WHERE ($groupId IS NULL OR a.groupId = $groupId)
       AND ($planId IS NULL OR EXISTS { (a)-[:OF_GROUP]->(:WorkingGroup {planId: $planId}) })
       AND ($personId IS NULL OR EXISTS { (:Person {id: $personId})-[:OWNS|CONTRIBUTES_TO]->(a) })
     RETURN ${ACTION_PROJECTION} AS action ORDER BY a.dueOn IS NULL, a.dueOn, a.createdAt, a.id`,
    { groupId: filter.groupId, planId: filter.planId, personId: filter.personId },
  );
  return result.records.map((r) => actionFrom(r.get('action')));
}

/** The links whose target node does not exist, in the order given. */
export async function missingLinkTargets(tx: Tx, links: readonly ActionLink[]): Promise<ActionLink[]> {
  if (links.length === 0) return [];
  const result = await tx.run(
    `UNWIND range(0, size($links) - 1) AS i
     WITH i, $links[i] AS link
     RETURN i, CASE link.kind
       WHEN 'SYNERGY' THEN EXISTS { (:Synergy {id: link.targetId}) }
       WHEN 'COOPERATION' THEN EXISTS { (:Cooperation {id: link.targetId}) }
       WHEN 'MATCHMAKING_SESSION' THEN EXISTS { (:MatchmakingSession {id: link.targetId}) }
       ELSE false END AS found`,
    { links: links.map((l) => ({ kind: l.kind, targetId: l.targetId })) },
  );
  const found = new Set(result.records.filter((r) => r.get('found') === true).map((r) => toNumber(r.get('i'))));
  return links.filter((_, i) => !found.has(i));
}

// ---------------------------------------------------------------------------------------------
// Indicators

/** Adds an indicator to an action (after its others). */
export async function createIndicator(tx: Tx, actionId: string, indicator: Omit<IndicatorRecord, 'history'>): Promise<StoredIndicator> {
  const result = await tx.run(
    `MATCH (a:GroupAction {id: $actionId})
     WITH a, COUNT { (:Indicator)-[:MEASURES]->(a) } AS seq
     CREATE (i:Indicator {id: $id, actionId: $actionId, name: $name, unit: $unit, baseline: $baseline, target: $target, seq: seq})
     CREATE (i)-[:MEASURES]->(a)
     RETURN ${STORED_INDICATOR_PROJECTION} AS indicator`,
    { actionId, ...indicatorParams(indicator) },
  );
  return storedIndicatorFrom(one(result.records, 'indicator', `Action ${actionId}`));
}

/** Replaces an indicator's name, unit, baseline and target (its values stay); null when unknown. */
export async function updateIndicator(tx: Tx, indicator: Omit<IndicatorRecord, 'history'>): Promise<StoredIndicator | null> {
  const result = await tx.run(
    `MATCH (i:Indicator {id: $id})-[:MEASURES]->(a:GroupAction)
     SET i.name = $name, i.unit = $unit, i.baseline = $baseline, i.target = $target
     RETURN ${STORED_INDICATOR_PROJECTION} AS indicator`,
    indicatorParams(indicator),
  );
  return result.records.length ? storedIndicatorFrom(result.records[0].get('indicator')) : null;
}

function indicatorParams(indicator: Omit<IndicatorRecord, 'history'>): Record<string, unknown> {
  return { id: indicator.id, name: indicator.name, unit: indicator.unit, baseline: indicator.baseline, target: indicator.target };
}

/** Records the value of an indicator on a day, replacing any value of that day; null when the indicator is unknown. */
export async function upsertIndicatorValue(tx: Tx, indicatorId: string, value: IndicatorValue, by: string): Promise<StoredIndicator | null> {
  const result = await tx.run(
    `MATCH (i:Indicator {id: $indicatorId})-[:MEASURES]->(a:GroupAction)
     MERGE (v:IndicatorValue {key: $key})
       ON CREATE SET v.indicatorId = $indicatorId, v.on = $on
     SET v.value = $value, v.note = $note, v.recordedAt = ${NOW}, v.recordedBy = $by
     MERGE (v)-[:OF_INDICATOR]->(i)
     WITH i, a
     RETURN ${STORED_INDICATOR_PROJECTION} AS indicator`,
    { indicatorId, key: `${indicatorId}|${value.on}`, on: value.on, value: value.value, note: value.note, by },
  );
  return result.records.length ? storedIndicatorFrom(result.records[0].get('indicator')) : null;
}

/** One indicator with its history and the action it measures; null when unknown. */
export async function findIndicator(tx: Tx, id: string): Promise<StoredIndicator | null> {
  const result = await tx.run(
    `MATCH (i:Indicator {id: $id})-[:MEASURES]->(a:GroupAction) RETURN ${STORED_INDICATOR_PROJECTION} AS indicator`,
    { id },
  );
  return result.records.length ? storedIndicatorFrom(result.records[0].get('indicator')) : null;
}

// ---------------------------------------------------------------------------------------------
// Changes

const CHANGE_PROJECTION = 'c {.id, .groupId, .subject, .subjectId, .kind, .summary, .changesJson, .by, .at}';

function changeFrom(value: unknown): ChangeRecord {
  const c = value as Record<string, unknown>;
  return {
    id: String(c.id),
    groupId: String(c.groupId),
    subject: c.subject as ChangeRecord['subject'],
    subjectId: String(c.subjectId),
    kind: String(c.kind),
    summary: String(c.summary),
    changes: JSON.parse(String(c.changesJson ?? '{}')) as ChangeRecord['changes'],
    by: String(c.by),
    at: toIsoString(c.at),
  };
}

/** Keeps a change for the feed of its group (the changes as JSON text). */
export async function recordChange(tx: Tx, change: ChangeRecord): Promise<ChangeRecord> {
  const result = await tx.run(
    `CREATE (c:GroupChange {id: $id, groupId: $groupId, subject: $subject, subjectId: $subjectId, kind: $kind, summary: $summary,
                            changesJson: $changesJson, by: $by, at: datetime($at)})
     WITH c
     CALL (c) { MATCH (g:WorkingGroup {id: $groupId}) CREATE (c)-[:IN_GROUP]->(g) }
     RETURN ${CHANGE_PROJECTION} AS change`,
    {
      id: change.id,
      groupId: change.groupId,
      subject: change.subject,
      subjectId: change.subjectId,
      kind: change.kind,
      summary: change.summary,
      changesJson: JSON.stringify(change.changes),
      by: change.by,
      at: change.at,
    },
  );
  return changeFrom(result.records[0].get('change'));
}

/**
 * The changes of a group (of one subject of it when `subjectId` is set), newest first (at, then
 * id, descending), `limit` at most, after the keyset cursor `before` (the last change of the
 * previous page).
 */
export async function findChanges(
  tx: Tx,
  query: { groupId: string; subjectId: string | null; before: { at: string; id: string } | null; limit: number },
): Promise<ChangeRecord[]> {
  const result = await tx.run(
    `MATCH (c:GroupChange {groupId: $groupId})
     WHERE ($subjectId IS NULL OR c.subjectId = $subjectId)
       AND ($beforeAt IS NULL OR c.at < datetime($beforeAt) OR (c.at = datetime($beforeAt) AND c.id < $beforeId))
     RETURN ${CHANGE_PROJECTION} AS change ORDER BY c.at DESC, c.id DESC LIMIT $limit`,
    {
      groupId: query.groupId,
      subjectId: query.subjectId,
      beforeAt: query.before?.at ?? null,
      beforeId: query.before?.id ?? null,
      limit: intParam(query.limit),
    },
  );
  return result.records.map((r) => changeFrom(r.get('change')));
}

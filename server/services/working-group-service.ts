import { randomUUID } from 'node:crypto';
import { Db, Tx } from '../../graph/database';
import {
  createGroup, createGroupAction, createGroupMeeting, createIndicator, createPerson, findChanges, findGroup, findGroupAction, findGroupActions,
  findGroupMeeting, findGroupMeetings, findGroups, findIndicator, findPeople, findPeopleOfActor, findPersonByEmail, findPlan, findPlanByCode,
  findPlans, missingLinkTargets, recordChange, setMembership, updateGroup, updateGroupAction, updateGroupMeeting, upsertIndicatorValue, upsertPlan,
} from '../../graph/repositories/working-group-repository';
import { existingActorIds } from '../../graph/repositories/matchmaking-repository';
import { calendarDateIn } from '../domain/matchmaking/follow-up/calendar';
import { checkActionInput, checkIndicatorInput, checkIndicatorValue, checkStatusChange, ActionInput, IndicatorInput, IndicatorValueInput } from '../domain/working-groups/action-rules';
import { Authorization, canEditGroup, canUpdateAction, GROUP_EDITOR_ROLES } from '../domain/working-groups/authorization';
import { activityFeed, decodeFeedCursor, encodeFeedCursor, groupBoard, GroupBoard, myActions, MyAction, planProgress, PlanProgress } from '../domain/working-groups/boards';
import {
  actionCreatedChange, actionUpdatedChange, ChangeDraft, groupCreatedChange, groupUpdatedChange, indicatorValueChange, meetingCreatedChange,
  meetingUpdatedChange, memberChange,
} from '../domain/working-groups/changes';
import { checkGroupInput, checkMembershipChange, checkPlanInput, GroupInput, MembershipChange, PlanInput } from '../domain/working-groups/group-rules';
import { checkMeetingInput, MeetingInput } from '../domain/working-groups/meeting-rules';
import { MinutesContext } from '../domain/working-groups/minutes-export';
import {
  ActionLinkKind, ChangeRecord, GroupActionRecord, GroupMeetingRecord, GroupProblem, PersonRecord, PlanRecord, WorkingGroupRecord,
} from '../domain/working-groups/model';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { AuthUser } from './auth-service';
import { TerritoryService } from './territory-service';

function throwProblems(problems: readonly GroupProblem[]): void {
  if (!problems.length) return;
  throw new ValidationError(`${problems.map((p) => `input.${p.field}: ${p.message}`).join('; ')}.`, problems.map((p) => `input.${p.field}`));
}

function allow(authorization: Authorization): void {
  if (!authorization.allowed) throw new ForbiddenError(`Not allowed: ${authorization.reason}.`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_FEED_PAGE = 100;

export interface ActionLinkInput {
  kind: ActionLinkKind;
  targetId: string;
}

/**
 * Working groups of regional circular-economy plans: plans, people, groups and their members,
 * meetings with minutes, actions with indicators; every write checks the rules of
 * server/domain/working-groups, who may make it (leads and facilitators edit a group, members
 * update their own actions), and records what changed, in one transaction.
 */
export class WorkingGroupService {
  constructor(private readonly db: Db, private readonly territories: TerritoryService) {}

  /** The facilitator's day: dates in the plans are French calendar days. */
  private today(now: Date): string {
    return calendarDateIn(now);
  }

  // ---- plans and people ----------------------------------------------------------------------

  plans(): Promise<PlanRecord[]> {
    return this.db.read((tx) => findPlans(tx));
  }

  plan(id: string): Promise<PlanRecord | null> {
    return this.db.read((tx) => findPlan(tx, id));
  }

  planByCode(code: string): Promise<PlanRecord | null> {
    return this.db.read((tx) => findPlanByCode(tx, code));
  }

  async createPlan(input: Omit<PlanInput, 'territoryKey'> & { territoryCode?: string | null }, by: AuthUser): Promise<PlanRecord> {
    if (!GROUP_EDITOR_ROLES.includes(by.role)) throw new ForbiddenError('Not allowed: only administrators and facilitators create plans.');
    const territoryKey = await this.territories.resolveKey(input.territoryCode ?? null, 'input.territoryCode');
    const checked = checkPlanInput({ ...input, territoryKey });
    throwProblems(checked.problems);
    return this.db.write(async (tx) => {
      if (await findPlanByCode(tx, checked.value!.code)) throw new ConflictError(`A plan with the code '${checked.value!.code}' exists already: choose another code.`);
      return upsertPlan(tx, { id: randomUUID(), ...checked.value! });
    });
  }

  async createPerson(input: { name: string; email?: string | null; actorId?: string | null }): Promise<PersonRecord> {
    const problems: GroupProblem[] = [];
    const name = input.name.trim();
    if (!name) problems.push({ field: 'name', message: 'must not be blank: give the first and last name' });
    const email = input.email?.trim().toLowerCase() || null;
    if (email && !EMAIL.test(email)) problems.push({ field: 'email', message: `must be an email address such as "marie.dupont@example.org" (got "${input.email}")` });
    throwProblems(problems);
    return this.db.write(async (tx) => {
      if (input.actorId && !(await existingActorIds(tx, [input.actorId])).has(input.actorId)) throw new NotFoundError('Actor', input.actorId);
      if (email && (await findPersonByEmail(tx, email))) throw new ConflictError(`A person with the email ${email} exists already.`);
      return createPerson(tx, { id: randomUUID(), name, email, actorId: input.actorId ?? null });
    });
  }

  people(ids: readonly string[]): Promise<PersonRecord[]> {
    return this.db.read((tx) => findPeople(tx, ids));
  }

  peopleOfActor(actorId: string): Promise<PersonRecord[]> {
    return this.db.read((tx) => findPeopleOfActor(tx, actorId));
  }

  /** The person of an account, matched by email; null when none. */
  personOf(user: AuthUser): Promise<PersonRecord | null> {
    return this.db.read((tx) => findPersonByEmail(tx, user.email));
  }

  // ---- groups and members --------------------------------------------------------------------

  group(id: string): Promise<WorkingGroupRecord | null> {
    return this.db.read((tx) => findGroup(tx, id));
  }

  groups(filter: { planId?: string | null; personId?: string | null }): Promise<WorkingGroupRecord[]> {
    return this.db.read((tx) => findGroups(tx, { planId: filter.planId ?? null, personId: filter.personId ?? null }));
  }

  async createGroup(input: Omit<GroupInput, 'territoryKey'> & { planId: string; territoryCode?: string | null }, by: AuthUser, now = new Date()): Promise<WorkingGroupRecord> {
    if (!GROUP_EDITOR_ROLES.includes(by.role)) throw new ForbiddenError('Not allowed: only administrators and facilitators create working groups.');
    const territoryKey = await this.territories.resolveKey(input.territoryCode ?? null, 'input.territoryCode');
    return this.db.write(async (tx) => {
      const plan = await findPlan(tx, input.planId);
      if (!plan) throw new NotFoundError('Plan', input.planId);
      const checked = checkGroupInput({ ...input, territoryKey }, plan);
      throwProblems(checked.problems);
      if ((await findGroups(tx, { planId: plan.id, personId: null })).some((g) => g.code === checked.value!.code)) {
        throw new ConflictError(`The plan ${plan.code} has a group ${checked.value!.code} already: choose another code.`);
      }
      const group = await createGroup(tx, { id: randomUUID(), planId: plan.id, ...checked.value! }, now.toISOString());
      await this.record(tx, group.id, groupCreatedChange(group), by, now);
      return group;
    });
  }

  async updateGroup(id: string, input: Omit<GroupInput, 'territoryKey'> & { territoryCode?: string | null }, by: AuthUser, now = new Date()): Promise<WorkingGroupRecord> {
    const territoryKey = await this.territories.resolveKey(input.territoryCode ?? null, 'input.territoryCode');
    return this.db.write(async (tx) => {
      const { group } = await this.editableGroup(tx, id, by, now);
      const plan = (await findPlan(tx, group.planId))!;
      const checked = checkGroupInput({ ...input, territoryKey }, plan, await findGroupActions(tx, { groupId: id, planId: null, personId: null }));
      throwProblems(checked.problems);
      if (checked.value!.code !== group.code && (await findGroups(tx, { planId: plan.id, personId: null })).some((g) => g.code === checked.value!.code)) {
        throw new ConflictError(`The plan ${plan.code} has a group ${checked.value!.code} already: choose another code.`);
      }
      const updated = (await updateGroup(tx, { id, planId: group.planId, ...checked.value! }))!;
      await this.record(tx, id, groupUpdatedChange(group, updated), by, now);
      return updated;
    });
  }

  /** Adds a member, changes a role, or records a departure (leftOn). */
  async setMember(groupId: string, change: MembershipChange, by: AuthUser, now = new Date()): Promise<WorkingGroupRecord> {
    return this.db.write(async (tx) => {
      const { group } = await this.editableGroup(tx, groupId, by, now);
      const [person] = await findPeople(tx, [change.personId]);
      if (!person) throw new NotFoundError('Person', change.personId);
      const checked = checkMembershipChange(group.members, change, this.today(now));
      throwProblems(checked.problems);
      const updated = (await setMembership(tx, groupId, checked.value!.membership))!;
      const people = await findPeople(tx, updated.members.map((m) => m.personId));
      await this.record(tx, groupId, memberChange(checked.value!.previous, checked.value!.membership, people), by, now);
      return updated;
    });
  }

  // ---- meetings --------------------------------------------------------------------------------

  meetings(groupId: string): Promise<GroupMeetingRecord[]> {
    return this.db.read((tx) => findGroupMeetings(tx, groupId));
  }

  meeting(id: string): Promise<GroupMeetingRecord | null> {
    return this.db.read((tx) => findGroupMeeting(tx, id));
  }

  async createMeeting(groupId: string, input: MeetingInput, by: AuthUser, now = new Date()): Promise<GroupMeetingRecord> {
    return this.db.write(async (tx) => {
      const { group } = await this.editableGroup(tx, groupId, by, now);
      const checked = checkMeetingInput(group, input, this.today(now));
      throwProblems(checked.problems);
      const meeting = await createGroupMeeting(tx, { id: randomUUID(), groupId, ...checked.value! });
      await this.record(tx, groupId, meetingCreatedChange(meeting), by, now);
      return meeting;
    });
  }

  /** Replaces a meeting's details: attendance once held, minutes, decisions, next date. */
  async updateMeeting(id: string, input: MeetingInput, by: AuthUser, now = new Date()): Promise<GroupMeetingRecord> {
    return this.db.write(async (tx) => {
      const before = await findGroupMeeting(tx, id);
      if (!before) throw new NotFoundError('GroupMeeting', id);
      const { group } = await this.editableGroup(tx, before.groupId, by, now);
      const checked = checkMeetingInput(group, input, this.today(now));
      throwProblems(checked.problems);
      const meeting = (await updateGroupMeeting(tx, { id, groupId: before.groupId, ...checked.value! }))!;
      await this.record(tx, before.groupId, meetingUpdatedChange(before, meeting), by, now);
      return meeting;
    });
  }

  /** What the minutes documents need: the group, the meeting, the people, the plan and organisation names. */
  async minutes(meetingId: string): Promise<{ group: WorkingGroupRecord; meeting: GroupMeetingRecord; people: PersonRecord[]; context: MinutesContext }> {
    return this.db.read(async (tx) => {
      const meeting = await findGroupMeeting(tx, meetingId);
      if (!meeting) throw new NotFoundError('GroupMeeting', meetingId);
      const group = (await findGroup(tx, meeting.groupId))!;
      const people = await findPeople(tx, [...new Set([...group.members.map((m) => m.personId), ...meeting.attendees.map((a) => a.personId)])]);
      const plan = await findPlan(tx, group.planId);
      const actorIds = people.map((p) => p.actorId).filter((id): id is string => !!id);
      const names = await tx.run('UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN a.id AS id, a.name AS name', { ids: [...new Set(actorIds)] });
      const actorNames = Object.fromEntries(names.records.map((r) => [String(r.get('id')), String(r.get('name'))]));
      return { group, meeting, people, context: { plan, actorNames } };
    });
  }

  // ---- actions and indicators ----------------------------------------------------------------

  action(id: string): Promise<GroupActionRecord | null> {
    return this.db.read((tx) => findGroupAction(tx, id));
  }

  actions(filter: { groupId?: string | null; planId?: string | null; personId?: string | null }): Promise<GroupActionRecord[]> {
    return this.db.read((tx) => findGroupActions(tx, { groupId: filter.groupId ?? null, planId: filter.planId ?? null, personId: filter.personId ?? null }));
  }

  async createAction(groupId: string, input: ActionInput & { links?: ActionLinkInput[] | null }, by: AuthUser, now = new Date()): Promise<GroupActionRecord> {
    return this.db.write(async (tx) => {
      const { group, people } = await this.editableGroup(tx, groupId, by, now);
      const plan = (await findPlan(tx, group.planId))!;
      const checked = checkActionInput(group, plan, input, this.today(now), await this.withOwner(tx, people, input.ownerPersonId));
      throwProblems(checked.problems);
      const links = await this.checkedLinks(tx, input.links);
      const action = await createGroupAction(tx, { id: randomUUID(), groupId, ...checked.value!, links }, now.toISOString());
      await this.record(tx, groupId, actionCreatedChange(action, people), by, now);
      return action;
    });
  }

  /** Replaces an action's fields; a status change follows the status rules (reasons, reopening). */
  async updateAction(id: string, input: ActionInput & { links?: ActionLinkInput[] | null }, by: AuthUser, now = new Date()): Promise<GroupActionRecord> {
    return this.db.write(async (tx) => {
      const { before, group, people } = await this.updatableAction(tx, id, by, now);
      const plan = (await findPlan(tx, group.planId))!;
      const today = this.today(now);
      const status = input.status ?? before.status;
      if (status !== before.status) {
        throwProblems(checkStatusChange(before, status, input.statusReason, today).problems);
      }
      const checked = checkActionInput(group, plan, { ...input, status }, today, await this.withOwner(tx, people, input.ownerPersonId));
      throwProblems(checked.problems);
      const links = input.links === undefined ? before.links : await this.checkedLinks(tx, input.links);
      const action = (await updateGroupAction(tx, { id, groupId: before.groupId, ...checked.value!, links }, now.toISOString()))!;
      await this.record(tx, before.groupId, actionUpdatedChange(before, action, people), by, now);
      return action;
    });
  }

  async changeActionStatus(id: string, status: string, reason: string | null | undefined, by: AuthUser, now = new Date()): Promise<GroupActionRecord> {
    return this.db.write(async (tx) => {
      const { before, people } = await this.updatableAction(tx, id, by, now);
      const checked = checkStatusChange(before, status, reason, this.today(now));
      throwProblems(checked.problems);
      const { indicators: _indicators, createdAt: _created, updatedAt: _updated, ...fields } = before;
      const action = (await updateGroupAction(tx, { ...fields, status: checked.value!.status, statusReason: checked.value!.statusReason }, now.toISOString()))!;
      // The change's summary says when a finished action is reopened.
      await this.record(tx, before.groupId, actionUpdatedChange(before, action, people), by, now);
      return action;
    });
  }

  async addIndicator(actionId: string, input: IndicatorInput, by: AuthUser, now = new Date()): Promise<GroupActionRecord> {
    return this.db.write(async (tx) => {
      const { before } = await this.updatableAction(tx, actionId, by, now);
      const checked = checkIndicatorInput(input);
      throwProblems(checked.problems);
      const indicator = await createIndicator(tx, actionId, { id: randomUUID(), ...checked.value! });
      await this.record(tx, before.groupId, {
        subject: 'INDICATOR', subjectId: indicator.id, kind: 'indicator.created',
        summary: `Indicateur ajouté à « ${before.title} » : ${indicator.name} (${indicator.unit})`,
        changes: { name: [null, indicator.name], unit: [null, indicator.unit], baseline: [null, indicator.baseline], target: [null, indicator.target] },
      }, by, now);
      return (await findGroupAction(tx, actionId))!;
    });
  }

  /** Records a measured value; a second value for the same day replaces the first. */
  async recordIndicatorValue(indicatorId: string, input: IndicatorValueInput, by: AuthUser, now = new Date()): Promise<GroupActionRecord> {
    return this.db.write(async (tx) => {
      const indicator = await findIndicator(tx, indicatorId);
      if (!indicator) throw new NotFoundError('Indicator', indicatorId);
      const { before } = await this.updatableAction(tx, indicator.actionId, by, now);
      const checked = checkIndicatorValue(indicator, input, this.today(now));
      throwProblems(checked.problems);
      await upsertIndicatorValue(tx, indicatorId, checked.value!.entry, by.email);
      await this.record(tx, before.groupId, indicatorValueChange(indicator, checked.value!), by, now);
      return (await findGroupAction(tx, indicator.actionId))!;
    });
  }

  // ---- boards, progress, feeds ---------------------------------------------------------------

  async board(groupId: string, now = new Date()): Promise<GroupBoard> {
    const data = await this.db.read(async (tx) => {
      const group = await findGroup(tx, groupId);
      if (!group) throw new NotFoundError('WorkingGroup', groupId);
      const actions = await findGroupActions(tx, { groupId, planId: null, personId: null });
      const meetings = await findGroupMeetings(tx, groupId);
      const ids = new Set([...group.members.map((m) => m.personId), ...actions.map((a) => a.ownerPersonId)]);
      return { group, actions, meetings, people: await findPeople(tx, [...ids]) };
    });
    return groupBoard(data.group, data.actions, data.meetings, data.people, this.today(now), { now });
  }

  async planProgress(planId: string, now = new Date()): Promise<PlanProgress> {
    const data = await this.db.read(async (tx) => {
      const plan = await findPlan(tx, planId);
      if (!plan) throw new NotFoundError('Plan', planId);
      return { plan, groups: await findGroups(tx, { planId, personId: null }), actions: await findGroupActions(tx, { groupId: null, planId, personId: null }) };
    });
    return planProgress(data.plan, data.groups, data.actions, this.today(now));
  }

  async myActions(personId: string, now = new Date()): Promise<MyAction[]> {
    const { actions, groups } = await this.db.read(async (tx) => {
      const mine = await findGroupActions(tx, { groupId: null, planId: null, personId });
      const groupIds = [...new Set(mine.map((a) => a.groupId))];
      return { actions: mine, groups: (await Promise.all(groupIds.map((id) => findGroup(tx, id)))).filter((g): g is WorkingGroupRecord => !!g) };
    });
    return myActions(personId, actions, groups, this.today(now));
  }

  /** A page of a group's activity, newest first; `before` is the cursor of the previous page. */
  async activity(groupId: string, first: number, before: string | null): Promise<{ items: ChangeRecord[]; nextCursor: string | null }> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_FEED_PAGE) {
      throw new ValidationError(`first: must be a whole number from 1 to ${MAX_FEED_PAGE} (got ${first}).`, ['first']);
    }
    const cursor = before ? decodeFeedCursor(before) : null;
    if (before && !cursor) throw new ValidationError('before: not a cursor of this feed; pass the nextCursor of the previous page.', ['before']);
    // One more than asked tells whether a next page exists.
    const changes = await this.db.read((tx) => findChanges(tx, { groupId, subjectId: null, before: cursor, limit: first + 1 }));
    const page = activityFeed(changes, first);
    return { items: page.items, nextCursor: page.next ? encodeFeedCursor(page.next) : null };
  }

  changesOf(groupId: string, subjectId: string): Promise<ChangeRecord[]> {
    return this.db.read((tx) => findChanges(tx, { groupId, subjectId, before: null, limit: 500 }));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private async editableGroup(tx: Tx, groupId: string, by: AuthUser, now: Date): Promise<{ group: WorkingGroupRecord; people: PersonRecord[] }> {
    const group = await findGroup(tx, groupId);
    if (!group) throw new NotFoundError('WorkingGroup', groupId);
    const people = await findPeople(tx, group.members.map((m) => m.personId));
    allow(canEditGroup(by, group, people, this.today(now)));
    return { group, people };
  }

  private async updatableAction(tx: Tx, actionId: string, by: AuthUser, now: Date): Promise<{ before: GroupActionRecord; group: WorkingGroupRecord; people: PersonRecord[] }> {
    const before = await findGroupAction(tx, actionId);
    if (!before) throw new NotFoundError('GroupAction', actionId);
    const group = (await findGroup(tx, before.groupId))!;
    const people = await findPeople(tx, [...new Set([...group.members.map((m) => m.personId), before.ownerPersonId])]);
    allow(canUpdateAction(by, before, group, people, this.today(now)));
    return { before, group, people };
  }

  /** The people known to the check, with the owner even when not (or no longer) a member. */
  private async withOwner(tx: Tx, people: PersonRecord[], ownerPersonId: string): Promise<PersonRecord[]> {
    if (people.some((p) => p.id === ownerPersonId)) return people;
    return [...people, ...(await findPeople(tx, [ownerPersonId]))];
  }

  private async checkedLinks(tx: Tx, links: readonly ActionLinkInput[] | null | undefined): Promise<ActionLinkInput[]> {
    const unique = [...new Map((links ?? []).map((l) => [`${l.kind}|${l.targetId}`, l])).values()];
    const missing = await missingLinkTargets(tx, unique);
    if (missing.length) {
      throwProblems(missing.map((l) => ({ field: 'links', message: `no ${l.kind.toLowerCase().replace('_', ' ')} '${l.targetId}' exists` })));
    }
    return unique;
  }

  private async record(tx: Tx, groupId: string, draft: ChangeDraft | null, by: AuthUser, now: Date): Promise<void> {
    if (!draft) return;
    await recordChange(tx, { id: randomUUID(), groupId, ...draft, by: by.email, at: now.toISOString() });
  }
}

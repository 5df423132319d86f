import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { currentValue, indicatorProgress } from '../../domain/working-groups/action-rules';
import { GroupBoard as GroupBoardData, MyAction, PlanProgress as PlanProgressData } from '../../domain/working-groups/boards';
import {
  ActionStatus, ChangeRecord, GroupActionRecord, GroupMeetingRecord, IndicatorRecord, IndicatorValue as IndicatorValueData, MembershipRecord, PersonRecord,
  PlanAction as PlanActionData, PlanRecord, WorkingGroupRecord,
} from '../../domain/working-groups/model';
import { ActorRecord } from '../../domain/model';
import { NotFoundError, ValidationError } from '../../errors';
import { Actor } from '../actor/actor.type';
import { Context } from '../context';
import { loadActor } from '../matchmaking/schedule.resolver';
import { GroupBoard, MyGroupAction, PlanProgress } from './board.type';
import { ActionStatusEnum } from './working-group-enums';
import {
  CreatePersonInput, CreatePlanInput, GroupActionInput, GroupMeetingInput, IndicatorInput, IndicatorValueInput, SetGroupMemberInput, WorkingGroupInput,
} from './working-group.input';
import {
  GroupAction, GroupChange, GroupChangePage, GroupMeeting, GroupMember, Indicator, IndicatorValue, MeetingAttendee, Person, Plan, PlanAction, WorkingGroup,
} from './working-group.type';

/** A change as the API shows it: its before/after as JSON text. */
const changeView = (c: ChangeRecord) => ({ ...c, changesJson: JSON.stringify(c.changes) });

async function loadPerson(ctx: Context, id: string): Promise<PersonRecord> {
  const person = await ctx.loaders.personById.load(id);
  if (!person) throw new NotFoundError('Person', id);
  return person;
}

async function loadGroup(ctx: Context, id: string): Promise<WorkingGroupRecord> {
  const group = await ctx.workingGroups.group(id);
  if (!group) throw new NotFoundError('WorkingGroup', id);
  return group;
}

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => [Plan], { description: 'Plans: the PRAEC Occitanie reference and those created (an EIT programme, a PTCE roadmap).' })
  plans(@Ctx() ctx: Context): Promise<PlanRecord[]> {
    return ctx.workingGroups.plans();
  }

  @Query(() => Plan, { nullable: true, description: 'One plan, by id or by code (e.g. "praec-occitanie").' })
  async plan(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
  ): Promise<PlanRecord | null> {
    if (!id === !code) throw new ValidationError('Give either id or code.', ['id', 'code']);
    return id ? ctx.workingGroups.plan(id) : ctx.workingGroups.planByCode(code!);
  }

  @Authorized()
  @Mutation(() => Plan, { description: 'Creates a plan with its axes and actions (administrators and facilitators).' })
  createPlan(@Arg('input', () => CreatePlanInput) input: CreatePlanInput, @Ctx() ctx: Context): Promise<PlanRecord> {
    return ctx.workingGroups.createPlan(input, ctx.user!);
  }

  @FieldResolver(() => [WorkingGroup])
  groups(@Root() plan: PlanRecord, @Ctx() ctx: Context): Promise<WorkingGroupRecord[]> {
    return ctx.workingGroups.groups({ planId: plan.id });
  }

  @FieldResolver(() => PlanProgress, { description: 'Progress by axis and action: groups, actions by status, overdue, indicators against targets.' })
  progress(@Root() plan: PlanRecord, @Ctx() ctx: Context): Promise<PlanProgressData> {
    return ctx.workingGroups.planProgress(plan.id);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @Authorized()
  @Query(() => [Person], { description: 'The people of an organisation.' })
  people(@Arg('actorId', () => ID) actorId: string, @Ctx() ctx: Context): Promise<PersonRecord[]> {
    return ctx.workingGroups.peopleOfActor(actorId);
  }

  @Authorized()
  @Mutation(() => Person, { description: 'Records someone who takes part in groups; the email links them to their account.' })
  createPerson(@Arg('input', () => CreatePersonInput) input: CreatePersonInput, @Ctx() ctx: Context): Promise<PersonRecord> {
    return ctx.workingGroups.createPerson(input);
  }

  @FieldResolver(() => Actor, { nullable: true })
  organisation(@Root() person: PersonRecord, @Ctx() ctx: Context): Promise<ActorRecord> | null {
    return person.actorId ? loadActor(ctx, person.actorId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null for callers without a token.' })
  email(@Root() person: PersonRecord, @Ctx() ctx: Context): string | null {
    return ctx.user ? person.email : null;
  }
}

@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Query(() => WorkingGroup, { nullable: true })
  workingGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WorkingGroupRecord | null> {
    return ctx.workingGroups.group(id);
  }

  @Query(() => [WorkingGroup], { description: 'Groups of a plan and/or of a person, by code.' })
  workingGroups(
    @Ctx() ctx: Context,
    @Arg('planId', () => ID, { nullable: true }) planId?: string | null,
    @Arg('personId', () => ID, { nullable: true }) personId?: string | null,
  ): Promise<WorkingGroupRecord[]> {
    return ctx.workingGroups.groups({ planId, personId });
  }

  @Authorized()
  @Query(() => [MyGroupAction], { description: 'Actions a person owns or contributes to, open first; default: the person of the signed-in account.' })
  async myGroupActions(@Ctx() ctx: Context, @Arg('personId', () => ID, { nullable: true }) personId?: string | null): Promise<MyAction[]> {
    const id = personId ?? (await ctx.workingGroups.personOf(ctx.user!))?.id;
    if (!id) throw new NotFoundError('Person', `with the email ${ctx.user!.email}`);
    const mine = await ctx.workingGroups.myActions(id);
    const groups = new Map((await Promise.all([...new Set(mine.map((m) => m.group.id))].map((g) => loadGroup(ctx, g)))).map((g) => [g.id, g]));
    return mine.map((m) => ({ ...m, group: groups.get(m.group.id)! }));
  }

  @Authorized()
  @Mutation(() => WorkingGroup, { description: 'Creates a working group of a plan (administrators and facilitators).' })
  createWorkingGroup(@Arg('input', () => WorkingGroupInput) input: WorkingGroupInput, @Ctx() ctx: Context): Promise<WorkingGroupRecord> {
    return ctx.workingGroups.createGroup(input, ctx.user!);
  }

  @Authorized()
  @Mutation(() => WorkingGroup, { description: 'Changes a group (its leads, facilitators and administrators).' })
  updateWorkingGroup(@Arg('id', () => ID) id: string, @Arg('input', () => WorkingGroupInput) input: WorkingGroupInput, @Ctx() ctx: Context): Promise<WorkingGroupRecord> {
    return ctx.workingGroups.updateGroup(id, input, ctx.user!);
  }

  @Authorized()
  @Mutation(() => WorkingGroup, { description: 'Adds a member, changes their role or records that they left; a group keeps a lead.' })
  setGroupMember(@Arg('input', () => SetGroupMemberInput) input: SetGroupMemberInput, @Ctx() ctx: Context): Promise<WorkingGroupRecord> {
    const { groupId, ...change } = input;
    return ctx.workingGroups.setMember(groupId, change, ctx.user!);
  }

  @FieldResolver(() => Plan)
  async plan(@Root() group: WorkingGroupRecord, @Ctx() ctx: Context): Promise<PlanRecord> {
    const plan = await ctx.workingGroups.plan(group.planId);
    if (!plan) throw new NotFoundError('Plan', group.planId);
    return plan;
  }

  @FieldResolver(() => [PlanAction], { description: 'The plan actions the group serves.' })
  async planActions(@Root() group: WorkingGroupRecord, @Ctx() ctx: Context): Promise<PlanActionData[]> {
    const plan = await ctx.workingGroups.plan(group.planId);
    return (plan?.actions ?? []).filter((a) => group.planActionCodes.includes(a.code));
  }

  @Authorized()
  @FieldResolver(() => [GroupMember], { description: 'Members, past ones included (leftOn set).' })
  members(@Root() group: WorkingGroupRecord): MembershipRecord[] {
    return group.members;
  }

  @Authorized()
  @FieldResolver(() => [GroupMeeting], { description: 'Meetings, oldest first.' })
  meetings(@Root() group: WorkingGroupRecord, @Ctx() ctx: Context): Promise<GroupMeetingRecord[]> {
    return ctx.workingGroups.meetings(group.id);
  }

  @Authorized()
  @FieldResolver(() => [GroupAction])
  async actions(
    @Root() group: WorkingGroupRecord,
    @Ctx() ctx: Context,
    @Arg('status', () => ActionStatusEnum, { nullable: true }) status?: ActionStatus | null,
  ): Promise<GroupActionRecord[]> {
    const actions = await ctx.workingGroups.actions({ groupId: group.id });
    return status ? actions.filter((a) => a.status === status) : actions;
  }

  @Authorized()
  @FieldResolver(() => GroupBoard)
  board(@Root() group: WorkingGroupRecord, @Ctx() ctx: Context): Promise<GroupBoardData> {
    return ctx.workingGroups.board(group.id);
  }

  @Authorized()
  @FieldResolver(() => GroupChangePage, { description: 'What changed in the group, newest first.' })
  async activity(
    @Root() group: WorkingGroupRecord,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ) {
    const page = await ctx.workingGroups.activity(group.id, first, before ?? null);
    return { items: page.items.map(changeView), nextCursor: page.nextCursor };
  }
}

@Resolver(() => GroupMember)
export class GroupMemberResolver {
  @FieldResolver(() => Person)
  person(@Root() member: MembershipRecord, @Ctx() ctx: Context): Promise<PersonRecord> {
    return loadPerson(ctx, member.personId);
  }
}

@Resolver(() => MeetingAttendee)
export class MeetingAttendeeResolver {
  @FieldResolver(() => Person)
  person(@Root() attendee: { personId: string }, @Ctx() ctx: Context): Promise<PersonRecord> {
    return loadPerson(ctx, attendee.personId);
  }
}

@Resolver(() => GroupMeeting)
export class GroupMeetingResolver {
  @Authorized()
  @Mutation(() => GroupMeeting, { description: 'Records a meeting of a group (its leads, facilitators and administrators).' })
  createGroupMeeting(@Arg('groupId', () => ID) groupId: string, @Arg('input', () => GroupMeetingInput) input: GroupMeetingInput, @Ctx() ctx: Context): Promise<GroupMeetingRecord> {
    return ctx.workingGroups.createMeeting(groupId, input, ctx.user!);
  }

  @Authorized()
  @Mutation(() => GroupMeeting, { description: "Replaces a meeting's details: attendance, minutes, decisions, next date." })
  updateGroupMeeting(@Arg('id', () => ID) id: string, @Arg('input', () => GroupMeetingInput) input: GroupMeetingInput, @Ctx() ctx: Context): Promise<GroupMeetingRecord> {
    return ctx.workingGroups.updateMeeting(id, input, ctx.user!);
  }

  @FieldResolver(() => WorkingGroup)
  group(@Root() meeting: GroupMeetingRecord, @Ctx() ctx: Context): Promise<WorkingGroupRecord> {
    return loadGroup(ctx, meeting.groupId);
  }
}

@Resolver(() => GroupAction)
export class GroupActionResolver {
  @Authorized()
  @Mutation(() => GroupAction, { description: 'Records an action the group commits to; the owner must be a current member.' })
  createGroupAction(@Arg('groupId', () => ID) groupId: string, @Arg('input', () => GroupActionInput) input: GroupActionInput, @Ctx() ctx: Context): Promise<GroupActionRecord> {
    return ctx.workingGroups.createAction(groupId, input, ctx.user!);
  }

  @Authorized()
  @Mutation(() => GroupAction, { description: 'Replaces an action\'s fields (its owner, the group\'s leads, facilitators and administrators).' })
  updateGroupAction(@Arg('id', () => ID) id: string, @Arg('input', () => GroupActionInput) input: GroupActionInput, @Ctx() ctx: Context): Promise<GroupActionRecord> {
    return ctx.workingGroups.updateAction(id, input, ctx.user!);
  }

  @Authorized()
  @Mutation(() => GroupAction, { description: 'Moves an action to another status; BLOCKED and DROPPED need a reason.' })
  changeGroupActionStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ActionStatusEnum) status: ActionStatus,
    @Ctx() ctx: Context,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ): Promise<GroupActionRecord> {
    return ctx.workingGroups.changeActionStatus(id, status, reason, ctx.user!);
  }

  @Authorized()
  @Mutation(() => GroupAction, { description: 'Adds an indicator (name, unit, baseline, target) to an action.' })
  addActionIndicator(@Arg('actionId', () => ID) actionId: string, @Arg('input', () => IndicatorInput) input: IndicatorInput, @Ctx() ctx: Context): Promise<GroupActionRecord> {
    return ctx.workingGroups.addIndicator(actionId, input, ctx.user!);
  }

  @Authorized()
  @Mutation(() => GroupAction, { description: 'Records a measured value of an indicator; a second value for the same day replaces the first.' })
  recordIndicatorValue(@Arg('indicatorId', () => ID) indicatorId: string, @Arg('input', () => IndicatorValueInput) input: IndicatorValueInput, @Ctx() ctx: Context): Promise<GroupActionRecord> {
    return ctx.workingGroups.recordIndicatorValue(indicatorId, input, ctx.user!);
  }

  @FieldResolver(() => WorkingGroup)
  group(@Root() action: GroupActionRecord, @Ctx() ctx: Context): Promise<WorkingGroupRecord> {
    return loadGroup(ctx, action.groupId);
  }

  @FieldResolver(() => PlanAction, { nullable: true })
  async planAction(@Root() action: GroupActionRecord, @Ctx() ctx: Context): Promise<PlanActionData | null> {
    if (!action.planActionCode) return null;
    const group = await loadGroup(ctx, action.groupId);
    const plan = await ctx.workingGroups.plan(group.planId);
    return plan?.actions.find((a) => a.code === action.planActionCode) ?? null;
  }

  @FieldResolver(() => Person)
  owner(@Root() action: GroupActionRecord, @Ctx() ctx: Context): Promise<PersonRecord> {
    return loadPerson(ctx, action.ownerPersonId);
  }

  @FieldResolver(() => Actor, { nullable: true })
  ownerOrganisation(@Root() action: GroupActionRecord, @Ctx() ctx: Context): Promise<ActorRecord> | null {
    return action.ownerActorId ? loadActor(ctx, action.ownerActorId) : null;
  }

  @FieldResolver(() => [Person])
  contributors(@Root() action: GroupActionRecord, @Ctx() ctx: Context): Promise<PersonRecord[]> {
    return Promise.all(action.contributorPersonIds.map((id) => loadPerson(ctx, id)));
  }

  @Authorized()
  @FieldResolver(() => [GroupChange], { description: 'Every change of the action and its indicators, newest first: who, when, what.' })
  async history(@Root() action: GroupActionRecord, @Ctx() ctx: Context) {
    const ids = [action.id, ...action.indicators.map((i) => i.id)];
    const changes = (await Promise.all(ids.map((id) => ctx.workingGroups.changesOf(action.groupId, id)))).flat();
    return changes.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id)).map(changeView);
  }
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => IndicatorValue, { nullable: true, description: 'The latest value.' })
  current(@Root() indicator: IndicatorRecord): IndicatorValueData | null {
    return currentValue(indicator);
  }

  @FieldResolver(() => Number, { nullable: true, description: '0..1 from baseline to target; null without both or a value.' })
  progress(@Root() indicator: IndicatorRecord): number | null {
    return indicatorProgress(indicator);
  }
}

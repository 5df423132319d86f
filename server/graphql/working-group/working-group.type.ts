import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ActionLinkKind, ActionStatus, Attendance, GroupMode, MemberRole } from '../../domain/working-groups/model';
import { ActionLinkKindEnum, ActionStatusEnum, AttendanceEnum, GroupModeEnum, MemberRoleEnum } from './working-group-enums';

@ObjectType({ description: 'An action of a plan, e.g. "6.2 Développer les Ressourceries / Recycleries / Repair Café".' })
export class PlanAction {
  @Field()
  code!: string;

  @Field()
  axisCode!: string;

  @Field()
  title!: string;
}

@ObjectType({ description: 'An axis of a plan (resolves `actions`).' })
export class PlanAxis {
  @Field()
  code!: string;

  @Field()
  title!: string;
}

@ObjectType({ description: 'A regional circular-economy plan (PRAEC) or another programme, with its axes and actions (resolves `groups` and `progress`).' })
export class Plan {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  territoryKey!: string | null;

  @Field(() => [PlanAxis])
  axes!: PlanAxis[];

  @Field(() => [PlanAction])
  actions!: PlanAction[];
}

@ObjectType({ description: 'Someone who takes part in working groups, for an organisation (resolves `organisation`).' })
export class Person {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  actorId!: string | null;
  email!: string | null;
}

@ObjectType({ description: 'A membership of a working group (resolves `person`).' })
export class GroupMember {
  personId!: string;

  @Field(() => MemberRoleEnum)
  role!: MemberRole;

  @Field({ description: 'YYYY-MM-DD.' })
  joinedOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while a member.' })
  leftOn!: string | null;
}

@ObjectType({ description: 'A working group (GT) of a plan (resolves `plan`, `planActions`, `members`, `meetings`, `actions`, `board`, `activity`).' })
export class WorkingGroup {
  @Field(() => ID)
  id!: string;

  planId!: string;
  planActionCodes!: string[];

  @Field({ description: 'e.g. GT6A.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => GroupModeEnum)
  mode!: GroupMode;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  territoryKey!: string | null;

  @Field()
  createdAt!: string;
}

@ObjectType({ description: 'Who attended a group meeting (resolves `person`).' })
export class MeetingAttendee {
  personId!: string;

  @Field(() => AttendanceEnum)
  attendance!: Attendance;
}

@ObjectType({ description: 'A meeting of a working group, with its minutes and decisions (resolves `group`).' })
export class GroupMeeting {
  @Field(() => ID)
  id!: string;

  groupId!: string;

  @Field({ description: 'ISO 8601.' })
  startsAt!: string;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => String, { nullable: true })
  videoLink!: string | null;

  @Field(() => [String], { description: 'Ordre du jour.' })
  agenda!: string[];

  @Field(() => [MeetingAttendee])
  attendees!: MeetingAttendee[];

  @Field(() => String, { nullable: true, description: 'Markdown.' })
  minutes!: string | null;

  @Field(() => [String], { description: 'Relevé de décisions.' })
  decisions!: string[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  nextMeetingOn!: string | null;
}

@ObjectType({ description: 'A dated value of an indicator.' })
export class IndicatorValue {
  @Field({ description: 'YYYY-MM-DD.' })
  on!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType({ description: 'An indicator of an action, with its dated history (resolves `current` and `progress`).' })
export class Indicator {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  unit!: string;

  @Field(() => Float, { nullable: true })
  baseline!: number | null;

  @Field(() => Float, { nullable: true })
  target!: number | null;

  @Field(() => [IndicatorValue], { description: 'Oldest first.' })
  history!: IndicatorValue[];
}

@ObjectType({ description: 'Something an action produced elsewhere in the graph: a tracked synergy, a cooperation, a matchmaking session.' })
export class ActionLink {
  @Field(() => ActionLinkKindEnum)
  kind!: ActionLinkKind;

  @Field(() => ID)
  targetId!: string;
}

@ObjectType({ description: 'What a working group commits to do (resolves `group`, `planAction`, `owner`, `ownerOrganisation`, `contributors`, `history`).' })
export class GroupAction {
  @Field(() => ID)
  id!: string;

  groupId!: string;
  planActionCode!: string | null;
  ownerPersonId!: string;
  ownerActorId!: string | null;
  contributorPersonIds!: string[];

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => ActionStatusEnum)
  status!: ActionStatus;

  @Field(() => String, { nullable: true, description: 'Why it is BLOCKED or DROPPED.' })
  statusReason!: string | null;

  @Field(() => String, { nullable: true })
  startOn!: string | null;

  @Field(() => String, { nullable: true })
  dueOn!: string | null;

  @Field(() => [Indicator])
  indicators!: Indicator[];

  @Field(() => [ActionLink])
  links!: ActionLink[];

  @Field()
  createdAt!: string;

  @Field()
  updatedAt!: string;
}

@ObjectType({ description: 'A recorded change: who, when, what (before → after).' })
export class GroupChange {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'GROUP, MEMBER, MEETING, ACTION or INDICATOR.' })
  subject!: string;

  @Field()
  subjectId!: string;

  @Field({ description: 'e.g. action.status.' })
  kind!: string;

  @Field({ description: 'One line in French.' })
  summary!: string;

  @Field({ description: 'Field → [before, after], as JSON.' })
  changesJson!: string;

  @Field({ description: 'Email of the account.' })
  by!: string;

  @Field()
  at!: string;
}

@ObjectType()
export class GroupChangePage {
  @Field(() => [GroupChange])
  items!: GroupChange[];

  @Field(() => String, { nullable: true, description: 'Pass as `before` to get the next page; null at the end.' })
  nextCursor!: string | null;
}

@ObjectType({ description: 'An overdue action on a board.' })
export class OverdueAction {
  @Field(() => GroupAction)
  action!: GroupAction;

  @Field(() => Int)
  daysLate!: number;
}

import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { ActionLinkKind, ActionStatus, Attendance, GroupMode, MemberRole } from '../../domain/working-groups/model';
import { ActionLinkKindEnum, ActionStatusEnum, AttendanceEnum, GroupModeEnum, MemberRoleEnum } from './working-group-enums';

// Shapes only: the rules (dates in order, owner a member, numbers finite...) live in
// server/domain/working-groups and the service applies them, so every caller gets them.

@InputType()
export class PlanAxisInput {
  @Field()
  code!: string;

  @Field()
  title!: string;
}

@InputType()
export class PlanActionInput {
  @Field()
  code!: string;

  @Field()
  axisCode!: string;

  @Field()
  title!: string;
}

@InputType({ description: 'A plan other than the PRAEC reference: a territory\'s EIT programme, a PTCE roadmap...' })
export class CreatePlanInput {
  @Field({ description: 'kebab-case, e.g. "eit-grand-orly".' })
  code!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Territory code the plan covers.' })
  territoryCode?: string | null;

  @Field(() => [PlanAxisInput])
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  axes!: PlanAxisInput[];

  @Field(() => [PlanActionInput])
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  actions!: PlanActionInput[];
}

@InputType()
export class CreatePersonInput {
  @Field()
  @Length(1, 200, { message: 'must have 1 to 200 characters' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Links the person to their account ("my actions", who may edit).' })
  email?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation they represent.' })
  actorId?: string | null;
}

@InputType()
export class WorkingGroupInput {
  @Field(() => ID)
  planId!: string;

  @Field({ description: 'e.g. GT6A.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => GroupModeEnum)
  mode!: GroupMode;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  territoryCode?: string | null;

  @Field(() => [String], { description: 'Codes of the plan actions the group serves.' })
  @ArrayMaxSize(50)
  planActionCodes!: string[];
}

@InputType({ description: 'Adds a member, changes their role, or records that they left.' })
export class SetGroupMemberInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => ID)
  personId!: string;

  @Field(() => MemberRoleEnum)
  role!: MemberRole;

  @Field({ description: 'YYYY-MM-DD.' })
  joinedOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD when they left; null while a member.' })
  leftOn?: string | null;
}

@InputType()
export class MeetingAttendeeInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => AttendanceEnum)
  attendance!: Attendance;
}

@InputType({ description: 'A meeting of a group: when, where, agenda, attendance, minutes (Markdown), decisions, next date.' })
export class GroupMeetingInput {
  @Field({ description: 'ISO 8601 with offset.' })
  startsAt!: string;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'https URL of the video call.' })
  videoLink?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  agenda?: string[] | null;

  @Field(() => [MeetingAttendeeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  attendees?: MeetingAttendeeInput[] | null;

  @Field(() => String, { nullable: true })
  minutes?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  decisions?: string[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  nextMeetingOn?: string | null;
}

@InputType()
export class ActionLinkInput {
  @Field(() => ActionLinkKindEnum)
  kind!: ActionLinkKind;

  @Field(() => ID)
  targetId!: string;
}

@InputType({ description: 'An action a group commits to.' })
export class GroupActionInput {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'The plan action it implements, among those the group serves.' })
  planActionCode?: string | null;

  @Field(() => ID, { description: 'A current member of the group.' })
  ownerPersonId!: string;

  @Field(() => ID, { nullable: true, description: "The organisation the owner acts for; default: the owner's." })
  ownerActorId?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  contributorPersonIds?: string[] | null;

  @Field(() => ActionStatusEnum, { nullable: true, description: 'Default PLANNED.' })
  status?: ActionStatus | null;

  @Field(() => String, { nullable: true, description: 'Required for BLOCKED and DROPPED.' })
  statusReason?: string | null;

  @Field(() => String, { nullable: true })
  startOn?: string | null;

  @Field(() => String, { nullable: true })
  dueOn?: string | null;

  @Field(() => [ActionLinkInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  links?: ActionLinkInput[] | null;
}

@InputType()
export class IndicatorInput {
  @Field()
  name!: string;

  @Field()
  unit!: string;

  @Field(() => Float, { nullable: true })
  baseline?: number | null;

  @Field(() => Float, { nullable: true })
  target?: number | null;
}

@InputType()
export class IndicatorValueInput {
  @Field({ description: 'YYYY-MM-DD, not in the future; a second value for the same day replaces the first.' })
  on!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

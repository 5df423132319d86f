import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ActionStatus, MemberRole } from '../../domain/working-groups/model';
import { ActionStatusEnum, MemberRoleEnum } from './working-group-enums';
import { GroupAction, IndicatorValue, WorkingGroup } from './working-group.type';

@ObjectType({ description: 'An action on a board, with its owner and delay.' })
export class BoardAction {
  @Field(() => GroupAction)
  action!: GroupAction;

  @Field()
  ownerName!: string;

  @Field(() => Int, { nullable: true, description: 'Days past the due date of an open action.' })
  daysLate!: number | null;
}

@ObjectType({ description: 'The actions of one status.' })
export class StatusColumn {
  @Field(() => ActionStatusEnum)
  status!: ActionStatus;

  @Field({ description: 'In French.' })
  label!: string;

  @Field(() => [BoardAction])
  actions!: BoardAction[];
}

@ObjectType()
export class NextGroupMeeting {
  @Field({ description: 'YYYY-MM-DD.' })
  on!: string;

  @Field(() => ID, { nullable: true, description: 'Null when only announced in the last minutes.' })
  meetingId!: string | null;

  @Field(() => String, { nullable: true })
  startsAt!: string | null;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => String, { nullable: true })
  videoLink!: string | null;
}

@ObjectType()
export class BoardDecision {
  @Field()
  text!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field()
  meetingOn!: string;
}

@ObjectType({ description: 'An indicator against its target.' })
export class IndicatorSummary {
  @Field(() => ID)
  actionId!: string;

  @Field()
  actionTitle!: string;

  @Field(() => ID)
  indicatorId!: string;

  @Field()
  name!: string;

  @Field()
  unit!: string;

  @Field(() => Float, { nullable: true })
  baseline!: number | null;

  @Field(() => Float, { nullable: true })
  target!: number | null;

  @Field(() => IndicatorValue, { nullable: true })
  current!: IndicatorValue | null;

  @Field(() => Float, { nullable: true, description: '0..1 from baseline to target.' })
  progress!: number | null;
}

@ObjectType()
export class BoardMember {
  @Field(() => ID)
  personId!: string;

  @Field()
  name!: string;

  @Field(() => MemberRoleEnum)
  role!: MemberRole;
}

@ObjectType({ description: "A group's board: actions by status, overdue ones, next meeting, last decisions, indicators." })
export class GroupBoard {
  @Field()
  today!: string;

  @Field(() => [BoardMember])
  members!: BoardMember[];

  @Field(() => [StatusColumn], { description: 'One column per status, in order, even when empty.' })
  columns!: StatusColumn[];

  @Field(() => [BoardAction], { description: 'Open actions past their due date, most late first.' })
  overdue!: BoardAction[];

  @Field(() => NextGroupMeeting, { nullable: true })
  nextMeeting!: NextGroupMeeting | null;

  @Field(() => [BoardDecision])
  lastDecisions!: BoardDecision[];

  @Field(() => [IndicatorSummary])
  indicators!: IndicatorSummary[];

  @Field(() => Int)
  openCount!: number;
}

@ObjectType({ description: 'Counts of actions by status.' })
export class StatusCounts {
  @Field(() => Int) PLANNED!: number;
  @Field(() => Int) IN_PROGRESS!: number;
  @Field(() => Int) BLOCKED!: number;
  @Field(() => Int) DONE!: number;
  @Field(() => Int) DROPPED!: number;
}

@ObjectType({ description: 'How far a plan action, an axis or a plan has got.' })
export class ProgressFigures {
  @Field(() => Int)
  groupCount!: number;

  @Field(() => Int)
  actionCount!: number;

  @Field(() => StatusCounts)
  byStatus!: StatusCounts;

  @Field(() => Int)
  overdueCount!: number;

  @Field(() => Int)
  indicatorCount!: number;

  @Field(() => Int, { description: 'Indicators with a baseline, a target and a value.' })
  measuredCount!: number;

  @Field(() => Float, { nullable: true, description: 'Mean progress of the measured indicators, 0..1.' })
  meanProgress!: number | null;
}

@ObjectType()
export class PlanActionProgress extends ProgressFigures {
  @Field()
  code!: string;

  @Field()
  title!: string;

  @Field(() => [String])
  groupCodes!: string[];

  @Field(() => [IndicatorSummary])
  indicators!: IndicatorSummary[];
}

@ObjectType()
export class AxisProgress extends ProgressFigures {
  @Field()
  code!: string;

  @Field()
  title!: string;

  @Field(() => [PlanActionProgress])
  actions!: PlanActionProgress[];
}

@ObjectType({ description: "A plan's progress by axis and action." })
export class PlanProgress {
  @Field()
  today!: string;

  @Field(() => [AxisProgress])
  axes!: AxisProgress[];

  @Field(() => ProgressFigures, { description: "Actions of the plan's groups that implement no plan action." })
  withoutPlanAction!: ProgressFigures;

  @Field(() => ProgressFigures)
  totals!: ProgressFigures;
}

@ObjectType({ description: 'An action a person owns or contributes to.' })
export class MyGroupAction {
  @Field(() => GroupAction)
  action!: GroupAction;

  @Field(() => WorkingGroup)
  group!: WorkingGroup;

  @Field({ description: 'OWNER or CONTRIBUTOR.' })
  role!: string;

  @Field()
  open!: boolean;

  @Field(() => Int, { nullable: true })
  daysLate!: number | null;
}

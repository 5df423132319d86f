import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CooperationStage } from '../../domain/matchmaking/follow-up/cooperation';
import { FollowUpRequester } from '../../domain/matchmaking/follow-up/feedback';
import { ReminderStatus } from '../../domain/matchmaking/follow-up/reminders';
import { CooperationStageEnum, FollowUpRequesterEnum, ReminderStatusEnum } from './follow-up-enums';

@ObjectType({ description: "One side's feedback on a meeting (resolves `actor`)." })
export class MeetingFeedback {
  actorId!: string;

  @Field(() => Int, { description: '0 none, 1 low, 2 real, 3 strong.' })
  interest!: number;

  @Field()
  followUpWanted!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  recordedAt!: string;
}

@ObjectType({ description: 'A stage a cooperation reached.' })
export class CooperationStageEntry {
  @Field(() => CooperationStageEnum)
  stage!: CooperationStage;

  @Field({ description: 'YYYY-MM-DD.' })
  on!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  publicContract!: boolean;
}

@ObjectType({ description: 'A follow-up reminder, 1, 3, 6 or 12 months after the meeting.' })
export class CooperationReminder {
  @Field(() => Int)
  monthsAfter!: number;

  @Field({ description: 'YYYY-MM-DD.' })
  dueOn!: string;

  @Field(() => String, { nullable: true })
  doneOn!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => ReminderStatusEnum)
  status!: ReminderStatus;
}

@ObjectType({
  description: 'A cooperation followed after a speed meeting, between the two actors who met (resolves `a`, `b`, `session`, `stageLabel`, `reminders`).',
})
export class Cooperation {
  @Field(() => ID)
  id!: string;

  meetingId!: string;
  sessionId!: string;
  actorAId!: string;
  actorBId!: string;

  @Field({ description: 'YYYY-MM-DD: the day of the meeting; reminders count from it.' })
  meetingDate!: string;

  @Field({ description: 'YYYY-MM-DD: when the follow-up was opened.' })
  createdOn!: string;

  @Field(() => FollowUpRequesterEnum)
  requestedBy!: FollowUpRequester;

  @Field(() => [CooperationStageEntry], { description: 'Oldest first; the last is the current stage.' })
  history!: CooperationStageEntry[];
}

@ObjectType({ description: 'A reminder for the facilitator to act on (resolves `cooperation`).' })
export class DueCooperationReminder {
  cooperationId!: string;

  @Field(() => Int)
  monthsAfter!: number;

  @Field()
  dueOn!: string;

  @Field(() => ReminderStatusEnum)
  status!: ReminderStatus;

  @Field(() => Int, { description: 'Days since it fell due: positive when late, negative for days left.' })
  daysOverdue!: number;
}

@ObjectType({ description: 'Feedback recorded, and the cooperation it opened or updated (null when no side wants a follow-up).' })
export class MeetingFeedbackResult {
  @Field(() => MeetingFeedback)
  feedback!: MeetingFeedback;

  @Field(() => Cooperation, { nullable: true })
  cooperation!: Cooperation | null;
}

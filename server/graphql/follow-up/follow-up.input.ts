import { Length } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CooperationStage } from '../../domain/matchmaking/follow-up/cooperation';
import { CooperationStageEnum } from './follow-up-enums';

/** Shapes only: the rules (interest 0..3, dates real and not in the future...) live in domain/matchmaking/follow-up. */
@InputType({ description: "One side's feedback after a meeting; recording it again replaces that side's feedback." })
export class RecordMeetingFeedbackInput {
  @Field(() => ID)
  @Length(1, 100, { message: 'must be a meeting id of 1 to 100 characters' })
  meetingId!: string;

  @Field(() => ID, { description: 'The side speaking: one of the two actors of the meeting.' })
  @Length(1, 100, { message: 'must be an actor id of 1 to 100 characters' })
  actorId!: string;

  @Field(() => Int, { description: '0 none, 1 low, 2 real, 3 strong.' })
  interest!: number;

  @Field({ description: 'True opens a tracked cooperation between the two actors, with reminders at 1, 3, 6 and 12 months.' })
  followUpWanted!: boolean;

  @Field(() => String, { nullable: true, description: 'At most 2000 characters.' })
  note?: string | null;
}

@InputType({ description: 'A cooperation reaching another stage.' })
export class MoveCooperationStageInput {
  @Field(() => ID)
  @Length(1, 100, { message: 'must be a cooperation id of 1 to 100 characters' })
  cooperationId!: string;

  @Field(() => CooperationStageEnum)
  stage!: CooperationStage;

  @Field({ description: 'YYYY-MM-DD: the day it reached the stage; not in the future, not before the last change.' })
  on!: string;

  @Field(() => Boolean, { nullable: true, description: 'With AGREEMENT_REACHED only: the agreement is a public contract.' })
  publicContract?: boolean | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'A follow-up reminder done.' })
export class CompleteCooperationReminderInput {
  @Field(() => ID)
  @Length(1, 100, { message: 'must be a cooperation id of 1 to 100 characters' })
  cooperationId!: string;

  @Field(() => Int, { description: '1, 3, 6 or 12: which reminder.' })
  monthsAfter!: number;

  @Field({ description: 'YYYY-MM-DD.' })
  doneOn!: string;

  @Field(() => String, { nullable: true, description: 'What the facilitator learnt.' })
  note?: string | null;
}

import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CooperationStage } from '../../domain/matchmaking/follow-up/cooperation';
import { CooperationStageEnum } from './follow-up-enums';

@ObjectType()
export class ReportActor {
  @Field()
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'How many feedback entries gave an interest level.' })
export class InterestCount {
  @Field(() => Int)
  level!: number;

  @Field()
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class StageCount {
  @Field(() => CooperationStageEnum)
  stage!: CooperationStage;

  @Field()
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "Where the session's cooperations stood at the end of a day." })
export class StageDistribution {
  @Field()
  on!: string;

  @Field(() => [StageCount])
  stages!: StageCount[];

  @Field(() => Int)
  publicContracts!: number;

  @Field(() => Int)
  opened!: number;
}

@ObjectType({ description: 'The outcomes 1, 3, 6 or 12 months after the session.' })
export class OutcomeCheckpoint {
  @Field(() => Int)
  monthsAfter!: number;

  @Field()
  on!: string;

  @Field()
  reached!: boolean;

  @Field(() => StageDistribution, { nullable: true })
  distribution!: StageDistribution | null;
}

@ObjectType()
export class ReportMeetingCounts {
  @Field(() => Int)
  planned!: number;

  @Field(() => Int)
  held!: number;

  @Field(() => Int)
  cancelledByAbsence!: number;
}

@ObjectType()
export class ReportInterest {
  @Field(() => [InterestCount])
  levels!: InterestCount[];

  @Field(() => Int)
  feedbackCount!: number;

  @Field(() => Float, { nullable: true, description: 'Share (0..1) of held meetings with feedback from both sides.' })
  bothSidesShare!: number | null;
}

@ObjectType()
export class ReportFollowUps {
  @Field(() => Int)
  requested!: number;

  @Field(() => Int)
  byBothSides!: number;
}

@ObjectType()
export class ReportOutcomes {
  @Field(() => [OutcomeCheckpoint])
  checkpoints!: OutcomeCheckpoint[];

  @Field(() => StageDistribution)
  current!: StageDistribution;

  @Field(() => Int)
  cooperations!: number;
}

@ObjectType({ description: 'What a session produced, as of today (resolves `csv` and `markdown` for export).' })
export class SessionReport {
  @Field()
  asOf!: string;

  @Field(() => ReportMeetingCounts)
  meetings!: ReportMeetingCounts;

  @Field(() => [ReportActor], { description: 'Participants absent from the whole session.' })
  noShows!: ReportActor[];

  @Field(() => ReportInterest)
  interest!: ReportInterest;

  @Field(() => ReportFollowUps)
  followUps!: ReportFollowUps;

  @Field(() => ReportOutcomes)
  outcomes!: ReportOutcomes;

  @Field(() => [String], { description: 'Inconsistencies in the data, in French, for the facilitator to correct.' })
  warnings!: string[];
}

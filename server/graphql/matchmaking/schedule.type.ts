import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { WishKind } from '../../domain/matchmaking/planning-problem';
import { WishKindEnum } from './session-enums';

@ObjectType({ description: 'A planned meeting at a table in a round (resolves `a` and `b`: in BIPARTITE mode `a` is the host).' })
export class Meeting {
  @Field(() => ID)
  id!: string;

  sessionId!: string;
  a!: string;
  b!: string;

  @Field(() => Int)
  round!: number;

  @Field(() => Int)
  table!: number;

  @Field()
  startsAt!: string;

  @Field()
  endsAt!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => [String], { description: 'Why they meet, in French.' })
  reasons!: string[];
}

@ObjectType({ description: 'What a meeting between two participants is worth to the planner, and why (resolves `a` and `b`).' })
export class PairScore {
  a!: string;
  b!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => WishKindEnum, { nullable: true })
  wish!: WishKind | null;

  @Field(() => [String], { description: 'In French: wishes, synergies, complementarities, fit with the theme.' })
  reasons!: string[];
}

@ObjectType({ description: 'How one participant fares in the schedule (resolves `actor`).' })
export class ParticipantScheduleStats {
  id!: string;

  @Field(() => Int)
  meetings!: number;

  @Field(() => Int, { description: 'The meetings the fairness rule aims to give them.' })
  fairShare!: number;

  @Field(() => Int, { description: 'Rounds they are there for without a meeting.' })
  idleRounds!: number;
}

@ObjectType({
  description: 'Quality of a schedule. Fairness rule: each participant has a fair share of meetings (the meetings the session can hold split evenly over their side, capped by their rounds and possible partners); the planner counts every meeting up to a fair share above any pair score.',
})
export class ScheduleStats {
  @Field(() => Int)
  meetingCount!: number;

  @Field(() => Float, { description: 'Share (0..1) of the possible mutual-wish pairs that meet.' })
  mutualWishesScheduled!: number;

  @Field(() => Float, { description: 'Share (0..1) of the possible one-sided-wish pairs that meet.' })
  oneSidedWishesScheduled!: number;

  @Field(() => Int, { description: 'Fewest meetings of a participant who can meet someone.' })
  minMeetings!: number;

  @Field(() => Float)
  meanMeetings!: number;

  @Field(() => Int)
  maxMeetings!: number;

  @Field(() => Int, { description: 'Participants with fewer meetings than their fair share.' })
  belowFairShare!: number;

  @Field(() => [ParticipantScheduleStats], { description: 'Per participant: meetings, fair share, idle rounds.' })
  perParticipant!: ParticipantScheduleStats[];
}

@ObjectType({ description: 'The planned meetings of a session and how good they are (resolves `session` and `pairScores`).' })
export class Schedule {
  @Field(() => [Meeting])
  meetings!: Meeting[];

  @Field(() => Float, { description: 'Sum of the scores of the planned meetings.' })
  totalScore!: number;

  @Field(() => ScheduleStats)
  stats!: ScheduleStats;
}

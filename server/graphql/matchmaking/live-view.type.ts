import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LivePhase } from '../../domain/matchmaking/live';
import { Participant } from './participant.type';
import { Meeting } from './schedule.type';

export const LivePhaseEnum: { [K in LivePhase]: K } = { BEFORE: 'BEFORE', PITCH: 'PITCH', EXCHANGE: 'EXCHANGE', CHANGEOVER: 'CHANGEOVER', AFTER: 'AFTER' };

registerEnumType(LivePhaseEnum, {
  name: 'LivePhase',
  description: 'Part of the session under way: before it, the pitch or the exchange of a round, the changeover between rounds, or after the last round.',
});

@ObjectType({ description: 'What the big screen of the room shows: the round, its phase, the time left, who sits where (resolves `session`).' })
export class SessionLiveView {
  @Field({ description: 'The instant the view is for (ISO 8601).' })
  at!: string;

  @Field(() => LivePhaseEnum)
  phase!: LivePhase;

  @Field(() => Int, { nullable: true })
  currentRound!: number | null;

  @Field(() => Int, { nullable: true })
  nextRound!: number | null;

  @Field(() => String, { nullable: true, description: 'When the current phase ends.' })
  phaseEndsAt!: string | null;

  @Field(() => Int, { description: 'Seconds left in the phase (rounded up).' })
  secondsLeft!: number;

  @Field(() => [Meeting], { description: 'Meetings of the round under way, or of the next round before it starts.' })
  meetings!: Meeting[];

  @Field(() => [Participant], { description: 'Participants expected in that round who have not checked in.' })
  notCheckedIn!: Participant[];
}

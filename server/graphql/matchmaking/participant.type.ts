import { Field, Int, ObjectType } from 'type-graphql';
import { ParticipantSide } from '../../domain/matchmaking/planning-problem';
import { ParticipantSideEnum } from './session-enums';

@ObjectType({ description: 'Someone a participant wishes to meet (resolves `actor`).' })
export class Wish {
  actorId!: string;

  @Field(() => Int, { description: '1 (nice to meet) .. 3 (must meet).' })
  priority!: number;
}

@ObjectType({ description: 'An actor registered for a session (resolves `actor`, `session`, `wishes.actor` and `avoid`).' })
export class Participant {
  sessionId!: string;
  actorId!: string;

  @Field(() => ParticipantSideEnum, { nullable: true })
  side!: ParticipantSide | null;

  @Field(() => String, { nullable: true })
  personName!: string | null;

  @Field(() => String, { nullable: true })
  personRole!: string | null;

  @Field(() => [Int], { description: 'Rounds the participant registered for.' })
  availableRounds!: number[];

  @Field(() => [Wish])
  wishes!: Wish[];

  @Field()
  registeredAt!: string;

  @Field(() => String, { nullable: true })
  checkedInAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Absent from this round on (1: did not come); null when present.' })
  absentFromRound!: number | null;
}

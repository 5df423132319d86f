import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ParticipantSide } from '../../domain/matchmaking/planning-problem';
import { ParticipantSideEnum } from './session-enums';

@InputType({ description: 'Someone a participant wishes to meet.' })
export class WishInput {
  @Field(() => ID)
  @Length(1, 100, { message: 'must be an actor id of 1 to 100 characters' })
  actorId!: string;

  @Field(() => Int, { description: '1 (nice to meet) .. 3 (must meet).' })
  priority!: number;
}

/** Shapes only; the session's rules are checked by the service (see domain/matchmaking/registration.ts). */
@InputType({ description: 'Registers an actor for a session; registering it again replaces its registration.' })
export class RegisterParticipantInput {
  @Field(() => ID)
  @Length(1, 100, { message: 'must be a session id of 1 to 100 characters' })
  sessionId!: string;

  @Field(() => ID)
  @Length(1, 100, { message: 'must be an actor id of 1 to 100 characters' })
  actorId!: string;

  @Field(() => ParticipantSideEnum, { nullable: true, description: 'Required in BIPARTITE mode.' })
  side?: ParticipantSide | null;

  @Field(() => String, { nullable: true, description: 'The person who comes.' })
  personName?: string | null;

  @Field(() => String, { nullable: true, description: 'Their role, e.g. "chargée de mission économie circulaire".' })
  personRole?: string | null;

  @Field(() => [Int], { nullable: true, description: '1-based rounds the person is there for (late arrival, early departure); absent: all rounds.' })
  @IsOptional()
  @ArrayMaxSize(12, { message: 'at most 12 rounds' })
  availableRounds?: number[] | null;

  @Field(() => [WishInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30, { message: 'at most 30 wishes' })
  @ValidateNested({ each: true })
  wishes?: WishInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Actors this participant must never be seated with, whatever the scores say.' })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'at most 50 actors' })
  avoid?: string[] | null;
}

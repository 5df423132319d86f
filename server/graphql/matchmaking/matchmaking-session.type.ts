import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SessionMode } from '../../domain/matchmaking/planning-problem';
import { GeoPoint } from '../common/geo-point.type';
import { SessionModeEnum } from './session-enums';

@ObjectType({ description: 'A need the collectivité expressed for the project.' })
export class ThemeNeed {
  @Field()
  label!: string;

  @Field(() => String, { nullable: true, description: 'Resource category the need was filed under; null when none fitted.' })
  categoryCode!: string | null;
}

@ObjectType({ description: 'The public project a session is about.' })
export class SessionTheme {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [ThemeNeed])
  needs!: ThemeNeed[];
}

@ObjectType({ description: 'When a round runs.' })
export class RoundWindow {
  @Field(() => Int)
  round!: number;

  @Field()
  startsAt!: string;

  @Field()
  endsAt!: string;
}

@ObjectType({ description: 'A speed-meeting session (ecoCIRC format): pitch, exchange, rotate.' })
export class MatchmakingSession {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field({ description: 'ISO 8601, UTC.' })
  startsAt!: string;

  @Field({ description: 'IANA time zone of the agendas.' })
  timeZone!: string;

  @Field(() => Int)
  rounds!: number;

  @Field(() => Int)
  tables!: number;

  @Field(() => Int)
  pitchMinutes!: number;

  @Field(() => Int)
  exchangeMinutes!: number;

  @Field(() => Int)
  changeoverMinutes!: number;

  @Field(() => SessionModeEnum)
  mode!: SessionMode;

  @Field(() => String, { nullable: true })
  venueName!: string | null;

  @Field(() => String, { nullable: true })
  venueAddress!: string | null;

  @Field(() => GeoPoint, { nullable: true })
  venueLocation!: GeoPoint | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601, UTC; null: registration open until the start.' })
  registrationDeadline!: string | null;

  @Field(() => SessionTheme, { nullable: true })
  theme!: SessionTheme | null;

  @Field()
  createdAt!: string;

  @Field(() => Int, { nullable: true, description: 'Seed of the stored schedule; generateSchedule with it gives the same schedule for the same registrations.' })
  scheduleSeed!: number | null;

  @Field(() => String, { nullable: true })
  scheduledAt!: string | null;

  @Field({ description: 'Registrations changed since the schedule was generated: generate it again before the day.' })
  scheduleStale!: boolean;
}

@ObjectType({ description: 'A page of sessions, soonest first.' })
export class MatchmakingSessionPage {
  @Field(() => [MatchmakingSession])
  items!: MatchmakingSession[];

  @Field(() => Int)
  totalCount!: number;

  @Field()
  hasNextPage!: boolean;
}

import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { SessionMode } from '../../domain/matchmaking/planning-problem';
import { GeoPointInput } from '../common/geo-point.input';
import { SessionModeEnum } from './session-enums';

/**
 * Only shapes are checked here; the session rules (offsets on instants, deadline before the
 * start, bounds of durations, time zone) live in the domain module and the service applies
 * them, so that every caller gets them.
 */
@InputType({ description: 'A need the collectivité expressed for the public project of the session.' })
export class ThemeNeedInput {
  @Field({ description: 'In words, e.g. "isolation biosourcée", "gestion des biodéchets de la cantine".' })
  @Length(1, 200, { message: 'must have 1 to 200 characters' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Resource category code; absent: suggested from the label when the suggestion is confident.' })
  categoryCode?: string | null;
}

@InputType({ description: 'The public project a session is about (e.g. a school building), with its needs.' })
export class SessionThemeInput {
  @Field()
  @Length(1, 200, { message: 'must have 1 to 200 characters' })
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ThemeNeedInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30, { message: 'at most 30 needs' })
  @ValidateNested({ each: true })
  needs?: ThemeNeedInput[] | null;
}

@InputType({ description: 'A speed-meeting session to create.' })
export class CreateSessionInput {
  @Field()
  title!: string;

  @Field({ description: 'ISO 8601 with offset, e.g. "2026-03-12T09:00:00+01:00".' })
  startsAt!: string;

  @Field(() => Int, { description: 'Rotations, e.g. 6 (1 to 12).' })
  @Min(1, { message: 'must be at least 1' })
  @Max(12, { message: 'must be at most 12' })
  rounds!: number;

  @Field(() => Int, { description: 'Meetings that can run at once (1 to 500).' })
  @Min(1, { message: 'must be at least 1' })
  @Max(500, { message: 'must be at most 500' })
  tables!: number;

  @Field(() => Int, { nullable: true, description: 'Default 5.' })
  pitchMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default 15.' })
  exchangeMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes between rounds for people to move; default 5.' })
  changeoverMinutes?: number | null;

  @Field(() => SessionModeEnum, { nullable: true, description: 'Default BIPARTITE.' })
  mode?: SessionMode | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone in which agendas show times; default Europe/Paris.' })
  timeZone?: string | null;

  @Field(() => String, { nullable: true })
  venueName?: string | null;

  @Field(() => String, { nullable: true })
  venueAddress?: string | null;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  venueLocation?: GeoPointInput | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 with offset, no later than startsAt; absent: registration open until the start.' })
  registrationDeadline?: string | null;

  @Field(() => SessionThemeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  theme?: SessionThemeInput | null;
}

@InputType({ description: 'Changes to a session; absent fields keep their value, null clears an optional one. The mode cannot change once created.' })
export class UpdateSessionInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 with offset.' })
  startsAt?: string | null;

  @Field(() => Int, { nullable: true })
  rounds?: number | null;

  @Field(() => Int, { nullable: true })
  tables?: number | null;

  @Field(() => Int, { nullable: true })
  pitchMinutes?: number | null;

  @Field(() => Int, { nullable: true })
  exchangeMinutes?: number | null;

  @Field(() => Int, { nullable: true })
  changeoverMinutes?: number | null;

  @Field(() => String, { nullable: true })
  timeZone?: string | null;

  @Field(() => String, { nullable: true })
  venueName?: string | null;

  @Field(() => String, { nullable: true })
  venueAddress?: string | null;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  venueLocation?: GeoPointInput | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 with offset; null: open until the start.' })
  registrationDeadline?: string | null;

  @Field(() => SessionThemeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  theme?: SessionThemeInput | null;
}

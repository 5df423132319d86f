import { ArrayMaxSize, IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ActorKind, Economy, Public } from '../../domain/model';
import { ActorKindEnum, EconomyEnum, PublicEnum } from '../common/enums';
import { GeoPointInput } from '../common/geo-point.input';

/** NAF rev.2 class ("35.11") or sub-class ("35.11Z"). */
export const NAF_CODE_PATTERN = /^\d{2}\.\d{2}[A-Z]?$/;

@InputType()
export class CreateActorInput {
  @Field(() => String, { nullable: true, description: "Caller's id; creating twice with the same externalId returns the same actor." })
  @IsOptional()
  @Length(1, 200)
  externalId?: string | null;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => ActorKindEnum)
  kind!: ActorKind;

  @Field(() => EconomyEnum)
  economy!: Economy;

  @Field(() => String, { nullable: true, description: 'SCIC, SCOP, association loi 1901, SAS, EPCI, ...' })
  @IsOptional()
  @Length(1, 100)
  legalForm?: string | null;

  @Field(() => String, { nullable: true, description: 'NAF rev.2 / NACE, e.g. "35.11Z" or "35.11".' })
  @IsOptional()
  @Matches(NAF_CODE_PATTERN, { message: 'must look like "35.11Z" or "35.11" (NAF rev.2)' })
  nafCode?: string | null;

  @Field(() => GeoPointInput)
  @ValidateNested()
  location!: GeoPointInput;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune the actor is in, e.g. "94081"; places it in the territory hierarchy.' })
  @IsOptional()
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { message: 'must be a 5-character INSEE commune code such as "94081"' })
  communeCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 5000)
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  employees?: number | null;

  @Field(() => String, { nullable: true, description: 'What the actor does, in its own words (used by complementarities).' })
  @IsOptional()
  @Length(0, 5000)
  activities?: string | null;

  @Field(() => [PublicEnum], { nullable: true, description: 'Whom it serves.' })
  @IsOptional()
  @ArrayMaxSize(8)
  publics?: Public[] | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are, null clears an optional field.' })
export class UpdateActorInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => ActorKindEnum, { nullable: true })
  kind?: ActorKind | null;

  @Field(() => EconomyEnum, { nullable: true })
  economy?: Economy | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  legalForm?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(NAF_CODE_PATTERN, { message: 'must look like "35.11Z" or "35.11" (NAF rev.2)' })
  nafCode?: string | null;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { message: 'must be a 5-character INSEE commune code such as "94081"' })
  communeCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 5000)
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  employees?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 5000)
  activities?: string | null;

  @Field(() => [PublicEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  publics?: Public[] | null;
}

@InputType({ description: 'Filters of the actors query; all optional and combined with AND.' })
export class ActorFilter {
  @Field(() => [ActorKindEnum], { nullable: true })
  kinds?: ActorKind[] | null;

  @Field(() => [EconomyEnum], { nullable: true })
  economies?: Economy[] | null;

  @Field(() => String, { nullable: true, description: 'INSEE code (commune, EPCI, EPT, département), "REGION:11" for a région, or a custom territory code.' })
  @IsOptional()
  @Length(1, 100)
  territoryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'NAF code prefix, e.g. "35" or "38.32".' })
  @IsOptional()
  @Matches(/^\d{1,2}(\.\d{0,2}[A-Z]?)?$/, { message: 'must be the start of a NAF code, e.g. "38" or "38.32"' })
  nafPrefix?: string | null;

  @Field(() => String, { nullable: true, description: 'Actors with a flow in this resource category or one of its sub-categories.' })
  @IsOptional()
  @Length(1, 100)
  categoryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the name, description or activities (accents ignored).' })
  @IsOptional()
  @Length(1, 200)
  text?: string | null;
}

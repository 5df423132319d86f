import { IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ActorKind, Economy, Public } from '../../domain/model';
import { ActorKindEnum, EconomyEnum, PublicEnum } from '../common/enums';
import { GeoPointInput } from '../common/geo-point.input';
import {
  OptionalCommuneCode, OptionalEmployeeCount, OptionalNafCode, OptionalPublics, OptionalText,
} from '../common/validators';


@InputType()
export class CreateActorInput {
  @Field(() => String, { nullable: true, description: "Caller's id; creating twice with the same externalId returns the same actor." })
  @OptionalText(1, 200)
  externalId?: string | null;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => ActorKindEnum)
  kind!: ActorKind;

  @Field(() => EconomyEnum)
  economy!: Economy;

  @Field(() => String, { nullable: true, description: 'SCIC, SCOP, association loi 1901, SAS, EPCI, ...' })
  @OptionalText(1, 100)
  legalForm?: string | null;

  @Field(() => String, { nullable: true, description: 'NAF rev.2 / NACE, e.g. "35.11Z" or "35.11".' })
  @OptionalNafCode()
  nafCode?: string | null;

  @Field(() => GeoPointInput)
  @ValidateNested()
  location!: GeoPointInput;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune the actor is in, e.g. "94081"; places it in the territory hierarchy.' })
  @OptionalCommuneCode()
  communeCode?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(1, 300)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(0, 5000)
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @OptionalEmployeeCount()
  employees?: number | null;

  @Field(() => String, { nullable: true, description: 'What the actor does, in its own words (used by complementarities).' })
  @OptionalText(0, 5000)
  activities?: string | null;

  @Field(() => [PublicEnum], { nullable: true, description: 'Whom it serves.' })
  @OptionalPublics()
  publics?: Public[] | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are, null clears an optional field.' })
export class UpdateActorInput {
  @Field(() => String, { nullable: true })
  @OptionalText(1, 200)
  name?: string | null;

  @Field(() => ActorKindEnum, { nullable: true })
  kind?: ActorKind | null;

  @Field(() => EconomyEnum, { nullable: true })
  economy?: Economy | null;

  @Field(() => String, { nullable: true })
  @OptionalText(1, 100)
  legalForm?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalNafCode()
  nafCode?: string | null;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput | null;

  @Field(() => String, { nullable: true })
  @OptionalCommuneCode()
  communeCode?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(1, 300)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(0, 5000)
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @OptionalEmployeeCount()
  employees?: number | null;

  @Field(() => String, { nullable: true })
  @OptionalText(0, 5000)
  activities?: string | null;

  @Field(() => [PublicEnum], { nullable: true })
  @OptionalPublics()
  publics?: Public[] | null;
}

@InputType({ description: 'Filters of the actors query; all optional and combined with AND.' })
export class ActorFilter {
  @Field(() => [ActorKindEnum], { nullable: true })
  kinds?: ActorKind[] | null;

  @Field(() => [EconomyEnum], { nullable: true })
  economies?: Economy[] | null;

  @Field(() => String, { nullable: true, description: 'INSEE code (commune, EPCI, EPT, département), "REGION:11" for a région, or a custom territory code.' })
  @OptionalText(1, 100)
  territoryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'NAF code prefix, e.g. "35" or "38.32".' })
  @IsOptional()
  @Matches(/^\d{1,2}(\.\d{0,2}[A-Z]?)?$/, { message: 'must be the start of a NAF code, e.g. "38" or "38.32"' })
  nafPrefix?: string | null;

  @Field(() => String, { nullable: true, description: 'Actors with a flow in this resource category or one of its sub-categories.' })
  @OptionalText(1, 100)
  categoryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the name, description or activities (accents ignored).' })
  @OptionalText(1, 200)
  text?: string | null;
}

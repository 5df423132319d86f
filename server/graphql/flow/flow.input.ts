import { ArrayMaxSize, IsInt, IsOptional, IsPositive, Length, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Confidentiality, FlowDirection, ResourceFamilyName } from '../../domain/model';
import { ConfidentialityEnum, FlowDirectionEnum, ResourceFamilyEnum } from '../common/enums';

// Shared rules of flow fields. Temperatures: cryogenic to furnace exhaust; beyond is a typo.
const MIN_TEMPERATURE_C = -200;
const MAX_TEMPERATURE_C = 1500;

@InputType()
export class AddFlowInput {
  @Field(() => ID)
  @Length(1, 100)
  actorId!: string;

  @Field(() => String, { nullable: true, description: "Caller's id of the flow; adding twice with the same externalId returns the same flow." })
  @IsOptional()
  @Length(1, 200)
  externalId?: string | null;

  @Field(() => FlowDirectionEnum)
  direction!: FlowDirection;

  @Field({ description: 'Free text, French or English, as the actor writes it.' })
  @Length(3, 2000)
  description!: string;

  @Field(() => String, { nullable: true, description: 'A code of the resource taxonomy; when absent, inferred from the description.' })
  @IsOptional()
  @Length(1, 100)
  categoryCode?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive({ message: 'must be a positive number' })
  quantity?: number | null;

  @Field(() => String, { nullable: true, description: '"t/yr", "MWh/yr", "m3/yr", "kW", "units/yr", ...' })
  @IsOptional()
  @Length(1, 30)
  unit?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(MIN_TEMPERATURE_C)
  @Max(MAX_TEMPERATURE_C)
  temperatureC?: number | null;

  @Field(() => [Int], { nullable: true, description: '1..12; absent means all year.' })
  @IsOptional()
  @ArrayMaxSize(12)
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'months must be between 1 and 12' })
  @Max(12, { each: true, message: 'months must be between 1 and 12' })
  availableMonths?: number[] | null;

  @Field(() => ConfidentialityEnum, { nullable: true, description: 'Default PUBLIC.' })
  confidentiality?: Confidentiality | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdateFlowInput {
  @Field(() => FlowDirectionEnum, { nullable: true })
  direction?: FlowDirection | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 2000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  categoryCode?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive({ message: 'must be a positive number' })
  quantity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 30)
  unit?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(MIN_TEMPERATURE_C)
  @Max(MAX_TEMPERATURE_C)
  temperatureC?: number | null;

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(12)
  @IsInt({ each: true })
  @Min(1, { each: true, message: 'months must be between 1 and 12' })
  @Max(12, { each: true, message: 'months must be between 1 and 12' })
  availableMonths?: number[] | null;

  @Field(() => ConfidentialityEnum, { nullable: true })
  confidentiality?: Confidentiality | null;
}

@InputType({ description: 'Filters of the flows query; all optional and combined with AND.' })
export class FlowFilter {
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => FlowDirectionEnum, { nullable: true })
  direction?: FlowDirection | null;

  @Field(() => String, { nullable: true, description: 'This category or one of its sub-categories.' })
  @IsOptional()
  @Length(1, 100)
  categoryCode?: string | null;

  @Field(() => [ResourceFamilyEnum], { nullable: true })
  families?: ResourceFamilyName[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  territoryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Words of the description (accents ignored).' })
  @IsOptional()
  @Length(1, 200)
  text?: string | null;
}

import { Length } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Confidentiality, FlowDirection, ResourceFamilyName } from '../../domain/model';
import { ConfidentialityEnum, FlowDirectionEnum, ResourceFamilyEnum } from '../common/enums';
import { OptionalMonths, OptionalPositive, OptionalTemperature, OptionalText } from '../common/validators';


@InputType()
export class AddFlowInput {
  @Field(() => ID)
  @Length(1, 100)
  actorId!: string;

  @Field(() => String, { nullable: true, description: "Caller's id of the flow; adding twice with the same externalId returns the same flow." })
  @OptionalText(1, 200)
  externalId?: string | null;

  @Field(() => FlowDirectionEnum)
  direction!: FlowDirection;

  @Field({ description: 'Free text, French or English, as the actor writes it.' })
  @Length(3, 2000)
  description!: string;

  @Field(() => String, { nullable: true, description: 'A code of the resource taxonomy; when absent, inferred from the description.' })
  @OptionalText(1, 100)
  categoryCode?: string | null;

  @Field(() => Float, { nullable: true })
  @OptionalPositive()
  quantity?: number | null;

  @Field(() => String, { nullable: true, description: '"t/yr", "MWh/yr", "m3/yr", "kW", "units/yr", ...' })
  @OptionalText(1, 30)
  unit?: string | null;

  @Field(() => Float, { nullable: true })
  @OptionalTemperature()
  temperatureC?: number | null;

  @Field(() => [Int], { nullable: true, description: '1..12; absent means all year.' })
  @OptionalMonths()
  availableMonths?: number[] | null;

  @Field(() => ConfidentialityEnum, { nullable: true, description: 'Default PUBLIC.' })
  confidentiality?: Confidentiality | null;
}

@InputType({ description: 'Fields to change; absent fields stay as they are.' })
export class UpdateFlowInput {
  @Field(() => FlowDirectionEnum, { nullable: true })
  direction?: FlowDirection | null;

  @Field(() => String, { nullable: true })
  @OptionalText(3, 2000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(1, 100)
  categoryCode?: string | null;

  @Field(() => Float, { nullable: true })
  @OptionalPositive()
  quantity?: number | null;

  @Field(() => String, { nullable: true })
  @OptionalText(1, 30)
  unit?: string | null;

  @Field(() => Float, { nullable: true })
  @OptionalTemperature()
  temperatureC?: number | null;

  @Field(() => [Int], { nullable: true })
  @OptionalMonths()
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
  @OptionalText(1, 100)
  categoryCode?: string | null;

  @Field(() => [ResourceFamilyEnum], { nullable: true })
  families?: ResourceFamilyName[] | null;

  @Field(() => String, { nullable: true })
  @OptionalText(1, 100)
  territoryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Words of the description (accents ignored).' })
  @OptionalText(1, 200)
  text?: string | null;
}

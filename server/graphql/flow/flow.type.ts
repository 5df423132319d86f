import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Confidentiality, FlowDirection } from '../../domain/model';
import { ConfidentialityEnum, FlowDirectionEnum } from '../common/enums';

@ObjectType({ description: "A resource an actor offers (surplus, by-product, waste heat...) or needs." })
export class Flow {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  externalId!: string | null;

  @Field(() => FlowDirectionEnum)
  direction!: FlowDirection;

  @Field({ description: 'Free text, as the actor wrote it.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Code of the resource category, when known.' })
  categoryCode!: string | null;

  @Field(() => Boolean, {
    description: 'True when the category was inferred from the description and no person has confirmed it yet (see confirmFlowCategory).',
  })
  categoryInferred!: boolean;

  @Field(() => Float, { nullable: true, description: 'Confidence (0..1) of an inferred category; null when a person chose it or there is none.' })
  categoryConfidence!: number | null;

  @Field(() => Float, { nullable: true })
  quantity!: number | null;

  @Field(() => String, { nullable: true, description: '"t/yr", "MWh/yr", "m3/yr", "kW", ...' })
  unit!: string | null;

  @Field(() => Float, { nullable: true, description: 'Temperature in °C, for heat and steam.' })
  temperatureC!: number | null;

  @Field(() => [Int], { description: 'Months of availability, 1..12; empty means all year.' })
  availableMonths!: number[];

  @Field(() => ConfidentialityEnum)
  confidentiality!: Confidentiality;

  @Field()
  createdAt!: string;

  @Field()
  updatedAt!: string;

  /** Owner's id, used by the `actor` field resolver. */
  actorId!: string;
}

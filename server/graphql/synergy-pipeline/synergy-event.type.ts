import { Field, Int, ObjectType } from 'type-graphql';
import { AbandonReason, SynergyStatus } from '../../domain/synergy/pipeline';
import { AbandonReasonEnum, SynergyStatusEnum } from './pipeline.enums';

@ObjectType({ description: "One change in a tracked synergy's history; the first one (fromStatus null) is its creation." })
export class SynergyEvent {
  @Field(() => Int, { description: '1, 2, 3... in the order of the changes.' })
  seq!: number;

  @Field({ description: 'When (ISO 8601, UTC).' })
  at!: string;

  @Field({ description: 'Email of the account that made the change.' })
  by!: string;

  @Field(() => SynergyStatusEnum, { nullable: true })
  fromStatus!: SynergyStatus | null;

  @Field(() => SynergyStatusEnum)
  toStatus!: SynergyStatus;

  @Field(() => AbandonReasonEnum, { nullable: true, description: 'Set when the change abandoned the synergy.' })
  reason!: AbandonReason | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}

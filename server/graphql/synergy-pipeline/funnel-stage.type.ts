import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SynergyStatus } from '../../domain/synergy/pipeline';
import { SynergyStatusEnum } from './pipeline.enums';

@ObjectType({ description: 'One stage of the synergy funnel.' })
export class FunnelStage {
  @Field(() => SynergyStatusEnum)
  status!: SynergyStatus;

  @Field(() => Int, { description: 'Synergies that reached this stage (a skipped stage counts as reached); for ABANDONED, those ever abandoned.' })
  reached!: number;

  @Field(() => Int, { description: 'Synergies in this status now.' })
  current!: number;

  @Field(() => Float, { nullable: true, description: 'Median days of the stays in this status that ended; null when none ended.' })
  medianDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median days the synergies now in this status have spent in it so far.' })
  currentMedianDays!: number | null;
}

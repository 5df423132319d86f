import { Field, Int, ObjectType } from 'type-graphql';
import { Territory } from '../territory/territory.type';
import { FunnelStage } from './funnel-stage.type';

@ObjectType({ description: 'How many tracked synergies reach each stage and how long they stay.' })
export class SynergyFunnel {
  @Field(() => Territory, { nullable: true, description: 'The territory asked for; null for all synergies.' })
  territory!: Territory | null;

  @Field(() => Int, { description: 'Tracked synergies counted.' })
  total!: number;

  @Field(() => [FunnelStage], { description: 'IDENTIFIED, CONTACTED, IN_STUDY, IMPLEMENTED, then ABANDONED.' })
  stages!: FunnelStage[];
}

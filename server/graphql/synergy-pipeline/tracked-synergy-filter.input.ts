import { Field, ID, InputType } from 'type-graphql';
import { SynergyKind, SynergyStatus } from '../../domain/synergy/pipeline';
import { OptionalText } from '../common/validators';
import { SynergyKindEnum, SynergyStatusEnum } from './pipeline.enums';

@InputType({ description: 'Filters of trackedSynergies; all optional and combined with AND.' })
export class TrackedSynergyFilter {
  @Field(() => String, { nullable: true, description: 'Synergies involving at least one actor located in this territory.' })
  @OptionalText(1, 100)
  territoryCode?: string | null;

  @Field(() => SynergyStatusEnum, { nullable: true })
  status?: SynergyStatus | null;

  @Field(() => SynergyKindEnum, { nullable: true })
  kind?: SynergyKind | null;

  @Field(() => ID, { nullable: true, description: 'Synergies involving this actor.' })
  actorId?: string | null;
}

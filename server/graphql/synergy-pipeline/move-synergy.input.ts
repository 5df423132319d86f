import { Field, InputType } from 'type-graphql';
import { AbandonReason, SynergyStatus } from '../../domain/synergy/pipeline';
import { OptionalText } from '../common/validators';
import { AbandonReasonEnum, SynergyStatusEnum } from './pipeline.enums';

@InputType({ description: 'A status change: forward one or more stages, ABANDONED with a reason, or IDENTIFIED to reopen an abandoned synergy.' })
export class MoveSynergyInput {
  @Field(() => SynergyStatusEnum)
  status!: SynergyStatus;

  @Field(() => AbandonReasonEnum, { nullable: true, description: 'Required when moving to ABANDONED, refused otherwise.' })
  reason?: AbandonReason | null;

  @Field(() => String, { nullable: true, description: 'What happened; required with the reason OTHER.' })
  @OptionalText(1, 2000)
  comment?: string | null;
}

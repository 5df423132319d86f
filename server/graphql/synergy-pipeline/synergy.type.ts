import { Field, ID, ObjectType } from 'type-graphql';
import { AbandonReason, SynergyKind, SynergyStatus } from '../../domain/synergy/pipeline';
import { AbandonReasonEnum, SynergyKindEnum, SynergyStatusEnum } from './pipeline.enums';

@ObjectType({ description: 'A synergy a facilitator tracks from lead to implementation, with its history.' })
export class Synergy {
  @Field(() => ID)
  id!: string;

  @Field(() => SynergyKindEnum)
  kind!: SynergyKind;

  @Field(() => SynergyStatusEnum)
  status!: SynergyStatus;

  @Field()
  title!: string;

  @Field()
  createdAt!: string;

  @Field()
  updatedAt!: string;

  @Field({ description: 'Email of the account that tracked it.' })
  createdBy!: string;

  @Field({ description: 'When it entered its current status.' })
  statusChangedAt!: string;

  @Field(() => AbandonReasonEnum, { nullable: true, description: 'Set while ABANDONED.' })
  abandonReason!: AbandonReason | null;

  /** Ids of its flows and actors, for the field resolvers. */
  flowIds!: string[];
  actorIds!: string[];
}

import { Field, Int, ObjectType } from 'type-graphql';
import { ActorKind, Economy, ResourceFamilyName } from '../../domain/model';
import { SynergyStatus } from '../../domain/synergy/pipeline';
import { ActorKindEnum, EconomyEnum, ResourceFamilyEnum } from '../common/enums';
import { SynergyStatusEnum } from '../synergy-pipeline/pipeline.enums';

@ObjectType({ description: 'How many actors of a kind.' })
export class ActorKindCount {
  @Field(() => ActorKindEnum)
  kind!: ActorKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many actors of an economy.' })
export class EconomyCount {
  @Field(() => EconomyEnum)
  economy!: Economy;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many flows of a resource family, by direction.' })
export class FamilyFlowCount {
  @Field(() => ResourceFamilyEnum, { nullable: true, description: 'null: flows without a category.' })
  family!: ResourceFamilyName | null;

  @Field(() => Int)
  offers!: number;

  @Field(() => Int)
  needs!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'How many tracked synergies in a status.' })
export class SynergyStatusCount {
  @Field(() => SynergyStatusEnum)
  status!: SynergyStatus;

  @Field(() => Int)
  count!: number;
}

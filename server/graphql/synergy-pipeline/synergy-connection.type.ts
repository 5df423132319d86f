import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/page-info.type';
import { Synergy } from './synergy.type';

@ObjectType()
export class SynergyEdge {
  @Field()
  cursor!: string;

  @Field(() => Synergy)
  node!: Synergy;
}

@ObjectType({ description: 'A page of tracked synergies, newest first.' })
export class SynergyConnection {
  @Field(() => [SynergyEdge])
  edges!: SynergyEdge[];

  @Field(() => [Synergy])
  nodes!: Synergy[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many tracked synergies match the filter in all.' })
  totalCount!: number;
}

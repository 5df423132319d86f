import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/page-info.type';
import { Territory, TerritoryEdge } from './territory.type';

@ObjectType({ description: 'A page of territories.' })
export class TerritoryConnection {
  @Field(() => [TerritoryEdge])
  edges!: TerritoryEdge[];

  @Field(() => [Territory])
  nodes!: Territory[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

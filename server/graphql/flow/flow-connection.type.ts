import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/page-info.type';
import { Flow } from './flow.type';

@ObjectType()
export class FlowEdge {
  @Field()
  cursor!: string;

  @Field(() => Flow)
  node!: Flow;
}

@ObjectType({ description: 'A page of flows.' })
export class FlowConnection {
  @Field(() => [FlowEdge])
  edges!: FlowEdge[];

  @Field(() => [Flow])
  nodes!: Flow[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

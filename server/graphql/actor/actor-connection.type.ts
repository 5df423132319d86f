import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/page-info.type';
import { Actor } from './actor.type';

@ObjectType()
export class ActorEdge {
  @Field()
  cursor!: string;

  @Field(() => Actor)
  node!: Actor;
}

@ObjectType({ description: 'A page of actors.' })
export class ActorConnection {
  @Field(() => [ActorEdge])
  edges!: ActorEdge[];

  @Field(() => [Actor], { description: 'The actors of the page (same as edges.node).' })
  nodes!: Actor[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many actors match the filter in all.' })
  totalCount!: number;
}

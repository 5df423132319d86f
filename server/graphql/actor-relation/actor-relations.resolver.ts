import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ActorRecord } from '../../domain/model';
import { ActorRelationRecord } from '../../domain/relations/actor-relation';
import { Actor } from '../actor/actor.type';
import { Context } from '../context';
import { ActorRelation } from './actor-relation.type';

/** Adds the known relations to the Actor type, batched per request by `relationsByActorId`. */
@Resolver(() => Actor)
export class ActorRelationsResolver {
  @FieldResolver(() => [ActorRelation], { description: 'Its known relations, whichever side it is on, newest first.' })
  relations(@Root() actor: ActorRecord, @Ctx() ctx: Context): Promise<ActorRelationRecord[]> {
    return ctx.loaders.relationsByActorId.load(actor.id);
  }
}

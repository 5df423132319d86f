import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { ActorRecord } from '../../domain/model';
import { ActorRelationRecord, ActorRelationType } from '../../domain/relations/actor-relation';
import { NotFoundError } from '../../errors';
import { Actor } from '../actor/actor.type';
import { Context } from '../context';
import { ActorRelationTypeEnum } from './actor-relation-type.enum';
import { ActorRelation } from './actor-relation.type';
import { RecordActorRelationInput } from './record-actor-relation.input';

/** Known relations between actors: recording, removal, and the two actors of a relation. */
@Resolver(() => ActorRelation)
export class ActorRelationResolver {
  @Authorized()
  @Mutation(() => ActorRelation, {
    description: 'Records a known relation between two actors, or updates the one already recorded for the same actors and type (COOPERATES_WITH: in either direction).',
  })
  recordActorRelation(@Arg('input', () => RecordActorRelationInput) input: RecordActorRelationInput, @Ctx() ctx: Context): Promise<ActorRelationRecord> {
    return ctx.relations.record(input, ctx.user!);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Removes the relation of this type between two actors (COOPERATES_WITH: in either direction); false when there was none. NOT_FOUND for an unknown actor.',
  })
  removeActorRelation(
    @Arg('fromActorId', () => ID) fromActorId: string,
    @Arg('toActorId', () => ID) toActorId: string,
    @Arg('type', () => ActorRelationTypeEnum) type: ActorRelationType,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return ctx.relations.remove(fromActorId, toActorId, type);
  }

  @FieldResolver(() => Actor)
  from(@Root() relation: ActorRelationRecord, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, relation.fromActorId);
  }

  @FieldResolver(() => Actor)
  to(@Root() relation: ActorRelationRecord, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, relation.toActorId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Email of the account that last recorded it; null for callers without a token (accounts' emails are not public).",
  })
  recordedBy(@Root() relation: ActorRelationRecord, @Ctx() ctx: Context): string | null {
    return ctx.user ? relation.recordedBy : null;
  }
}

/** A relationship always has both its nodes; a miss means the actor was deleted meanwhile. */
async function loadActor(ctx: Context, id: string): Promise<ActorRecord> {
  const actor = await ctx.loaders.actorById.load(id);
  if (!actor) throw new NotFoundError('Actor', id);
  return actor;
}

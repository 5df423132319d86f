import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canSee } from '../../domain/access/confidentiality';
import { ActorRecord, FlowDirection } from '../../domain/model';
import { pageSize } from '../../services/paging';
import { FlowDirectionEnum } from '../common/enums';
import { GeoPointInput } from '../common/geo-point.input';
import { toConnection } from '../common/connection';
import { Context } from '../context';
import { Flow } from '../flow/flow.type';
import { Territory } from '../territory/territory.type';
import { ActorConnection } from './actor-connection.type';
import { ActorFilter, CreateActorInput, UpdateActorInput } from './actor.input';
import { Actor } from './actor.type';
import { NearbyActor } from './nearby-actor.type';

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { nullable: true, description: 'One actor by id.' })
  actor(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ActorRecord | null> {
    return ctx.loaders.actorById.load(id);
  }

  @Query(() => ActorConnection, { description: 'Actors matching a filter, by name, one page at a time.' })
  async actors(
    @Ctx() ctx: Context,
    @Arg('filter', () => ActorFilter, { nullable: true }) filter?: ActorFilter,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 20, at most 500.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ) {
    return toConnection(await ctx.actors.search(filter ?? {}, ctx.user, pageSize(first), after));
  }

  @Query(() => [NearbyActor], { description: 'Actors within radiusKm of a point, nearest first.' })
  nearbyActors(
    @Arg('near', () => GeoPointInput) near: GeoPointInput,
    @Arg('radiusKm', () => Float) radiusKm: number,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, default 50.' }) first?: number,
  ) {
    return ctx.actors.nearby(near, radiusKm, first);
  }

  @Authorized()
  @Mutation(() => Actor, { description: 'Creates an actor; with a known externalId, returns that actor unchanged.' })
  createActor(@Arg('input', () => CreateActorInput) input: CreateActorInput, @Ctx() ctx: Context): Promise<ActorRecord> {
    return ctx.actors.create(input);
  }

  @Authorized()
  @Mutation(() => Actor)
  updateActor(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateActorInput) input: UpdateActorInput,
    @Ctx() ctx: Context,
  ): Promise<ActorRecord> {
    return ctx.actors.update(id, input);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes an actor and its flows (nothing else).' })
  deleteActor(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.actors.delete(id);
  }

  @FieldResolver(() => [Flow], { description: 'Its offers and needs that the caller may see (anonymous callers: PUBLIC ones only).' })
  async flows(
    @Root() actor: ActorRecord,
    @Ctx() ctx: Context,
    @Arg('direction', () => FlowDirectionEnum, { nullable: true }) direction?: FlowDirection,
  ) {
    const flows = await ctx.loaders.flowsByActorId.load(actor.id);
    return flows.filter((f) => canSee(ctx.user, f.confidentiality) && (!direction || f.direction === direction));
  }

  @FieldResolver(() => [Territory], { description: 'Its commune and every territory that contains it, smallest first, then custom territories.' })
  territories(@Root() actor: ActorRecord, @Ctx() ctx: Context) {
    return ctx.loaders.territoriesByActorId.load(actor.id);
  }
}

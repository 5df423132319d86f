import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { FlowRecord } from '../../domain/model';
import { pageSize } from '../../services/paging';
import { Actor } from '../actor/actor.type';
import { ResourceCategory } from '../category/resource-category.type';
import { toConnection } from '../common/connection';
import { Context } from '../context';
import { toCategory } from '../category/to-category';
import { FlowConnection } from './flow-connection.type';
import { AddFlowInput, FlowFilter, UpdateFlowInput } from './flow.input';
import { Flow } from './flow.type';

@Resolver(() => Flow)
export class FlowResolver {
  @Query(() => Flow, { nullable: true })
  flow(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<FlowRecord | null> {
    return ctx.flows.get(id, ctx.user);
  }

  @Query(() => FlowConnection, { description: 'Flows matching a filter, one page at a time.' })
  async flows(
    @Ctx() ctx: Context,
    @Arg('filter', () => FlowFilter, { nullable: true }) filter?: FlowFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return toConnection(await ctx.flows.search(filter ?? {}, ctx.user, pageSize(first), after));
  }

  @Authorized()
  @Mutation(() => Flow)
  addFlow(@Arg('input', () => AddFlowInput) input: AddFlowInput, @Ctx() ctx: Context): Promise<FlowRecord> {
    return ctx.flows.add(input);
  }

  @Authorized()
  @Mutation(() => Flow)
  updateFlow(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateFlowInput) input: UpdateFlowInput, @Ctx() ctx: Context): Promise<FlowRecord> {
    return ctx.flows.update(id, input);
  }

  @Authorized()
  @Mutation(() => Flow, {
    description: "Marks a flow's category as chosen by a person: the given category (a correction), or the current, inferred one when categoryCode is absent (a confirmation).",
  })
  confirmFlowCategory(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('categoryCode', () => String, { nullable: true }) categoryCode?: string | null,
  ): Promise<FlowRecord> {
    return ctx.flows.confirmCategory(id, categoryCode);
  }

  @Authorized()
  @Mutation(() => Boolean)
  removeFlow(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.flows.remove(id);
  }

  @FieldResolver(() => Actor)
  async actor(@Root() flow: FlowRecord, @Ctx() ctx: Context) {
    return ctx.loaders.actorById.load(flow.actorId);
  }

  @FieldResolver(() => ResourceCategory, { nullable: true })
  async category(@Root() flow: FlowRecord, @Ctx() ctx: Context) {
    if (!flow.categoryCode) return null;
    const category = await ctx.loaders.categoryByCode.load(flow.categoryCode);
    return category ? toCategory(category) : null;
  }
}

import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Context } from '../context';
import { ComplementarityFilter } from './complementarity-filter.input';
import { Complementarity } from './complementarity.type';

@Resolver(() => Complementarity)
export class ComplementarityResolver {
  @Query(() => [Complementarity], { description: 'Pairs of an ESS or public actor and a classic firm that could cooperate, best first.' })
  async complementarities(
    @Arg('filter', () => ComplementarityFilter) filter: ComplementarityFilter,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, default 20, at most 500.' }) first?: number,
  ): Promise<Complementarity[]> {
    const found = await ctx.complementarities.find(filter, ctx.user, first);
    const actors = await ctx.loaders.actorById.loadMany(found.flatMap((c) => [c.a, c.b]));
    return found.flatMap((c, i) => {
      const a = actors[2 * i];
      const b = actors[2 * i + 1];
      // An actor deleted since the search ran drops its pairs.
      if (!a || !b || a instanceof Error || b instanceof Error) return [];
      return [{ ...c, a, b }];
    });
  }
}

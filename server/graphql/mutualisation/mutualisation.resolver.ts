import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { redactFlow } from '../../domain/access/confidentiality';
import { ActorRecord, FlowRecord } from '../../domain/model';
import { toCategory } from '../category/to-category';
import { Context } from '../context';
import { MutualisationFilter } from './mutualisation-filter.input';
import { Mutualisation } from './mutualisation.type';

const found = <T>(value: T | Error | null | undefined): value is T => value !== null && value !== undefined && !(value instanceof Error);

@Resolver(() => Mutualisation)
export class MutualisationResolver {
  @Query(() => [Mutualisation], {
    description: 'Mutualisation synergies: groups of at least 3 actors close to each other (DBSCAN) that share a need or an offer of the same resource — shared waste collection, joint purchasing, shared equipment, logistics or skills — best first.',
  })
  async mutualisations(
    @Arg('filter', () => MutualisationFilter) filter: MutualisationFilter,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, default 20, at most 200.' }) first?: number,
  ) {
    const groups = await ctx.mutualisations.find(filter, ctx.user, first);
    const actorIds = [...new Set(groups.flatMap((g) => g.members.map((m) => m.actorId)))];
    const flowIds = [...new Set(groups.flatMap((g) => g.members.flatMap((m) => m.flows.map((f) => f.id))))];
    const codes = [...new Set(groups.map((g) => g.categoryCode))];
    // Three batches for the whole answer, whatever the number of groups.
    const [actors, flows, categories] = await Promise.all([
      ctx.loaders.actorById.loadMany(actorIds),
      ctx.loaders.flowById.loadMany(flowIds),
      ctx.loaders.categoryByCode.loadMany(codes),
    ]);
    const actorById = new Map(actors.filter(found).map((a: ActorRecord) => [a.id, a]));
    const flowById = new Map(flows.filter(found).map((f: FlowRecord) => [f.id, f]));
    const categoryByCode = new Map(categories.filter(found).map((c) => [c.code, c]));
    return groups.flatMap((group) => {
      const category = categoryByCode.get(group.categoryCode);
      if (!category) return [];
      const hidden = new Set(group.hiddenFlowIds);
      const members = group.members.flatMap((member) => {
        const actor = actorById.get(member.actorId);
        const memberFlows = member.flows
          .map((f) => flowById.get(f.id))
          .filter(found)
          .map((f) => (hidden.has(f.id) ? redactFlow(f) : f));
        // An actor or flow removed since the search ran drops out of the group.
        if (!actor || memberFlows.length === 0) return [];
        return [{ actor, flow: memberFlows[0], flows: memberFlows, distanceToCentroidKm: member.distanceToCentroidKm }];
      });
      return [{ ...group, category: toCategory(category), members }];
    });
  }
}

import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { redactFlow as redact } from '../../domain/access/confidentiality';
import { Context } from '../context';
import { SynergyCandidate } from './synergy-candidate.type';
import { SynergyFilter } from './synergy-filter.input';

@Resolver(() => SynergyCandidate)
export class SynergyResolver {
  @Query(() => [SynergyCandidate], { description: 'Substitution synergies (an OFFER flow of one actor can meet a NEED flow of another), best first.' })
  async synergies(
    @Arg('filter', () => SynergyFilter) filter: SynergyFilter,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many, default 20.' }) first?: number,
  ) {
    const ranked = await ctx.synergies.substitutions(filter, ctx.user, first);
    const flows = await ctx.loaders.flowById.loadMany(ranked.flatMap((s) => [s.offer.id, s.need.id]));
    return ranked.flatMap((s, i) => {
      const offer = flows[2 * i];
      const need = flows[2 * i + 1];
      // A flow removed since the search ran drops its candidates.
      if (!offer || !need || offer instanceof Error || need instanceof Error) return [];
      return {
        offer: s.offerHidden ? redact(offer) : offer,
        need: s.needHidden ? redact(need) : need,
        score: s.score,
        distanceKm: s.distanceKm,
        reasons: s.reasons,
        factors: s.factors,
        economics: s.economics && !s.offerHidden && !s.needHidden ? { ...s.economics, currency: 'EUR' } : null,
      };
    });
  }
}

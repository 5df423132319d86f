import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { TerritoryDashboardData } from '../../services/territory-dashboard-service';
import { Context } from '../context';
import { TerritoryDashboard } from './territory-dashboard.type';

@Resolver(() => TerritoryDashboard)
export class TerritoryDashboardResolver {
  @Query(() => TerritoryDashboard, { description: 'Counts of actors, flows and tracked synergies of a territory, and the summed impacts of its implemented and in-study synergies.' })
  territoryDashboard(
    @Arg('code', { description: 'INSEE code (commune "48080", EPCI SIREN, département "48"), "REGION:76", or a custom territory\'s code.' }) code: string,
    @Ctx() ctx: Context,
  ): Promise<TerritoryDashboardData> {
    return ctx.dashboards.dashboard(code);
  }
}

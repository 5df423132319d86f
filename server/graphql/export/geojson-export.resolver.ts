import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../context';
import { GeoExportFilter } from './geo-export-filter.input';

/** The GeoJSON export; the same export is downloadable as a file at GET /export.geojson. */
@Resolver()
export class GeoJsonExportResolver {
  @Query(() => GraphQLJSONObject, {
    description: 'Actors, flows and synergies of a territory or a circle as an RFC 7946 FeatureCollection ([longitude, latitude], WGS-84, with a bbox). '
      + 'Only flows the caller may see are included; tracked synergies only for an authenticated caller. Also served as a file at GET /export.geojson.',
  })
  async geojsonExport(@Arg('filter', () => GeoExportFilter) filter: GeoExportFilter, @Ctx() ctx: Context): Promise<GeoJSON.FeatureCollection> {
    return (await ctx.exports.geojson(filter, ctx.user, 'filter.')).collection;
  }
}

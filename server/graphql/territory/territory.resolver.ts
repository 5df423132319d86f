import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TerritoryLevel, TerritoryRecord } from '../../domain/model';
import { decodeCursor, encodeCursor, pageSize } from '../../services/paging';
import { TerritoryLevelEnum } from '../common/enums';
import { toConnection } from '../common/connection';
import { Context } from '../context';
import { TerritoryConnection } from './territory-connection.type';
import { CreateTerritoryInput, TerritoryFilter } from './territory.input';
import { Territory } from './territory.type';

const isKeyCursor = (v: unknown): v is { key: string } => typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string';

@Resolver(() => Territory)
export class TerritoryResolver {
  @Query(() => Territory, { nullable: true, description: 'A territory by code; give the level when a code is shared (département "11" / région "11").' })
  territory(
    @Arg('code') code: string,
    @Ctx() ctx: Context,
    @Arg('level', () => TerritoryLevelEnum, { nullable: true }) level?: TerritoryLevel,
  ): Promise<TerritoryRecord | null> {
    return ctx.territories.find(code, level);
  }

  @Query(() => TerritoryConnection, { description: 'Territories by key, one page at a time.' })
  async territories(
    @Ctx() ctx: Context,
    @Arg('filter', () => TerritoryFilter, { nullable: true }) filter?: TerritoryFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, isKeyCursor);
    const page = await ctx.territories.list(filter ?? {}, limit, cursor?.key ?? null);
    return toConnection({ ...page, cursorOf: (t: TerritoryRecord) => encodeCursor({ key: t.key }) });
  }

  @Authorized()
  @Mutation(() => Territory, { description: 'Draws a custom territory (GeoJSON polygon); actors inside it are placed in it.' })
  createTerritory(@Arg('input', () => CreateTerritoryInput) input: CreateTerritoryInput, @Ctx() ctx: Context): Promise<TerritoryRecord> {
    return ctx.territories.createCustom(input);
  }
}

import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canSee } from '../../domain/access/confidentiality';
import { ActorRecord, FlowRecord } from '../../domain/model';
import { estimateImpacts, SynergyImpacts as SynergyImpactsData } from '../../domain/synergy/impacts';
import { allowedMoves, SynergyEventRecord, SynergyKind, SynergyStatus, TrackedSynergyRecord } from '../../domain/synergy/pipeline';
import { FunnelData } from '../../services/synergy-pipeline-service';
import { pageSize } from '../../services/paging';
import { Actor } from '../actor/actor.type';
import { toConnection } from '../common/connection';
import { Context } from '../context';
import { Flow } from '../flow/flow.type';
import { MoveSynergyInput } from './move-synergy.input';
import { SynergyKindEnum, SynergyStatusEnum } from './pipeline.enums';
import { SynergyConnection } from './synergy-connection.type';
import { SynergyEvent } from './synergy-event.type';
import { SynergyFunnel } from './synergy-funnel.type';
import { SynergyImpacts } from './synergy-impacts.type';
import { Synergy } from './synergy.type';
import { TrackedSynergyFilter } from './tracked-synergy-filter.input';
import { TrackSynergyInput } from './track-synergy.input';

/** What a viewer who may not see a flow learns of it: that it exists and its kind of resource. */
function redact(flow: FlowRecord): FlowRecord {
  return { ...flow, externalId: null, description: 'Flux confidentiel', quantity: null, unit: null, temperatureC: null, availableMonths: [] };
}

const present = <T>(value: T | null | Error): value is T => value !== null && !(value instanceof Error);

/**
 * The synergy pipeline. Reading tracked synergies needs a token: they say who negotiates with
 * whom. The funnel only gives counts and durations, so anyone may read it.
 */
@Resolver(() => Synergy)
export class SynergyPipelineResolver {
  @Authorized()
  @Query(() => Synergy, { nullable: true, description: 'A tracked synergy by id.' })
  synergy(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<TrackedSynergyRecord | null> {
    return ctx.pipeline.get(id);
  }

  @Authorized()
  @Query(() => SynergyConnection, { description: 'Tracked synergies matching a filter, newest first, one page at a time.' })
  async trackedSynergies(
    @Ctx() ctx: Context,
    @Arg('filter', () => TrackedSynergyFilter, { nullable: true }) filter?: TrackedSynergyFilter,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 20, at most 500.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ) {
    return toConnection(await ctx.pipeline.search(filter ?? {}, pageSize(first), after));
  }

  @Query(() => SynergyFunnel, { description: 'How many tracked synergies reach each stage, how many are there now, and how long they stay (median days).' })
  synergyFunnel(
    @Ctx() ctx: Context,
    @Arg('territoryCode', () => String, { nullable: true, description: 'Synergies involving an actor of this territory; all synergies when absent.' }) territoryCode?: string,
    @Arg('kind', () => SynergyKindEnum, { nullable: true }) kind?: SynergyKind,
  ): Promise<FunnelData> {
    return ctx.pipeline.funnel(territoryCode, kind);
  }

  @Authorized()
  @Mutation(() => Synergy, { description: 'Turns a lead into a tracked synergy, in status IDENTIFIED.' })
  trackSynergy(@Arg('input', () => TrackSynergyInput) input: TrackSynergyInput, @Ctx() ctx: Context): Promise<TrackedSynergyRecord> {
    return ctx.pipeline.track(input, ctx.user!);
  }

  @Authorized()
  @Mutation(() => Synergy, { description: 'Moves a tracked synergy to another status; the change is kept in its history.' })
  moveSynergy(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => MoveSynergyInput) input: MoveSynergyInput,
    @Ctx() ctx: Context,
  ): Promise<TrackedSynergyRecord> {
    return ctx.pipeline.move(id, input, ctx.user!);
  }

  @FieldResolver(() => [Flow], { description: 'Its flows (offers first); flows the caller may not see are shown as "Flux confidentiel".' })
  async flows(@Root() synergy: TrackedSynergyRecord, @Ctx() ctx: Context): Promise<FlowRecord[]> {
    const flows = (await ctx.loaders.flowById.loadMany(synergy.flowIds)).filter(present);
    return flows.map((f) => (canSee(ctx.user, f.confidentiality) ? f : redact(f)));
  }

  @FieldResolver(() => [Actor], { description: 'The actors of its flows.' })
  async actors(@Root() synergy: TrackedSynergyRecord, @Ctx() ctx: Context): Promise<ActorRecord[]> {
    return (await ctx.loaders.actorById.loadMany(synergy.actorIds)).filter(present);
  }

  @FieldResolver(() => [SynergyEvent], { description: 'Every change, oldest first: who, when, from and to which status, reason and comment.' })
  history(@Root() synergy: TrackedSynergyRecord, @Ctx() ctx: Context): Promise<SynergyEventRecord[]> {
    return ctx.loaders.synergyEventsById.load(synergy.id);
  }

  @FieldResolver(() => [SynergyStatusEnum], { description: 'The statuses it may move to now.' })
  nextStatuses(@Root() synergy: TrackedSynergyRecord): SynergyStatus[] {
    return allowedMoves(synergy.status);
  }

  @FieldResolver(() => SynergyImpacts, { nullable: true, description: 'Estimated yearly impacts; null when one of its flows is confidential to the caller (the figures would reveal its quantity).' })
  async impacts(@Root() synergy: TrackedSynergyRecord, @Ctx() ctx: Context): Promise<SynergyImpactsData | null> {
    const input = await ctx.loaders.synergyImpactInputById.load(synergy.id);
    if (!input || !input.flows.every((f) => canSee(ctx.user, f.confidentiality))) return null;
    return estimateImpacts(input);
  }
}

import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { ActorRecord } from '../../domain/model';
import { PairScore as PairScoreData } from '../../domain/matchmaking/pair-scores';
import { SessionRecord } from '../../domain/matchmaking/session';
import { NotFoundError, ValidationError } from '../../errors';
import { LiveView, MeetingView, ScheduleView } from '../../services/matchmaking-service';
import { Actor } from '../actor/actor.type';
import { Context } from '../context';
import { SessionLiveView } from './live-view.type';
import { MatchmakingSession } from './matchmaking-session.type';
import { Meeting, PairScore, ParticipantScheduleStats, Schedule } from './schedule.type';

const MAX_PAIR_SCORES = 5000;

/** A meeting or pair always has both its actors; a miss means the actor was deleted meanwhile. */
export async function loadActor(ctx: Context, id: string): Promise<ActorRecord> {
  const actor = await ctx.loaders.actorById.load(id);
  if (!actor) throw new NotFoundError('Actor', id);
  return actor;
}

@Resolver(() => Schedule)
export class ScheduleResolver {
  @FieldResolver(() => MatchmakingSession)
  session(@Root() schedule: ScheduleView): SessionRecord {
    return schedule.session;
  }

  @FieldResolver(() => [PairScore], { description: 'Every pair the planner could use, best first, with the score it used and why.' })
  async pairScores(
    @Root() schedule: ScheduleView,
    @Arg('minScore', () => Float, { nullable: true, defaultValue: 0 }) minScore: number,
    @Arg('first', () => Int, { nullable: true, description: `At most ${MAX_PAIR_SCORES}; default all (up to that).` }) first?: number | null,
  ): Promise<PairScoreData[]> {
    const limit = first ?? MAX_PAIR_SCORES;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAIR_SCORES) {
      throw new ValidationError(`first: must be an integer between 1 and ${MAX_PAIR_SCORES} (got ${first}).`, ['first']);
    }
    return (await schedule.pairScores()).filter((p) => p.score >= minScore).slice(0, limit);
  }
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @FieldResolver(() => Actor, { description: 'In BIPARTITE mode, the host.' })
  a(@Root() meeting: MeetingView, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, meeting.a);
  }

  @FieldResolver(() => Actor, { description: 'In BIPARTITE mode, the pitcher.' })
  b(@Root() meeting: MeetingView, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, meeting.b);
  }
}

@Resolver(() => PairScore)
export class PairScoreResolver {
  @FieldResolver(() => Actor)
  a(@Root() pair: PairScoreData, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, pair.a);
  }

  @FieldResolver(() => Actor)
  b(@Root() pair: PairScoreData, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, pair.b);
  }
}

@Resolver(() => ParticipantScheduleStats)
export class ParticipantScheduleStatsResolver {
  @FieldResolver(() => Actor)
  actor(@Root() stats: { id: string }, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, stats.id);
  }
}

@Resolver(() => SessionLiveView)
export class SessionLiveViewResolver {
  @FieldResolver(() => MatchmakingSession)
  session(@Root() view: LiveView): SessionRecord {
    return view.session;
  }
}

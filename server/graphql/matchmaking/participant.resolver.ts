import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ParticipantRow } from '../../../graph/repositories/matchmaking-repository';
import { Wish as WishData } from '../../domain/matchmaking/registration';
import { SessionRecord } from '../../domain/matchmaking/session';
import { ActorRecord } from '../../domain/model';
import { NotFoundError } from '../../errors';
import { Actor } from '../actor/actor.type';
import { Context } from '../context';
import { MatchmakingSession } from './matchmaking-session.type';
import { Participant, Wish } from './participant.type';
import { loadActor } from './schedule.resolver';

@Resolver(() => Participant)
export class ParticipantResolver {
  @FieldResolver(() => Actor)
  actor(@Root() participant: ParticipantRow, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, participant.actorId);
  }

  @FieldResolver(() => MatchmakingSession)
  async session(@Root() participant: ParticipantRow, @Ctx() ctx: Context): Promise<SessionRecord> {
    const session = await ctx.matchmaking.session(participant.sessionId);
    if (!session) throw new NotFoundError('MatchmakingSession', participant.sessionId);
    return session;
  }

  // Whom someone refuses to meet is sensitive: only signed-in callers (the facilitators) see it.
  @Authorized()
  @FieldResolver(() => [Actor], { description: 'Actors this participant must never be seated with (needs a token).' })
  avoid(@Root() participant: ParticipantRow, @Ctx() ctx: Context): Promise<ActorRecord[]> {
    return Promise.all(participant.avoid.map((id) => loadActor(ctx, id)));
  }
}

@Resolver(() => Wish)
export class WishResolver {
  @FieldResolver(() => Actor)
  actor(@Root() wish: WishData, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, wish.actorId);
  }
}

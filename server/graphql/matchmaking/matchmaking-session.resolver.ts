import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ParticipantRow } from '../../../graph/repositories/matchmaking-repository';
import { roundWindow, SessionRecord } from '../../domain/matchmaking/session';
import { Page } from '../../domain/model';
import { LiveView, ScheduleView } from '../../services/matchmaking-service';
import { ValidationError } from '../../errors';
import { parseInstant } from '../../domain/matchmaking/session';
import { SessionLiveView } from './live-view.type';
import { Context } from '../context';
import { CreateSessionInput, UpdateSessionInput } from './create-session.input';
import { MatchmakingSession, MatchmakingSessionPage, RoundWindow } from './matchmaking-session.type';
import { Participant } from './participant.type';
import { RegisterParticipantInput } from './register-participant.input';
import { Schedule } from './schedule.type';

/** Speed-meeting sessions: creation, registration, scheduling, and the day itself. */
@Resolver(() => MatchmakingSession)
export class MatchmakingSessionResolver {
  @Query(() => MatchmakingSession, { nullable: true, description: 'One session; null when unknown.' })
  matchmakingSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SessionRecord | null> {
    return ctx.matchmaking.session(id);
  }

  @Query(() => MatchmakingSessionPage, { description: 'Sessions by start, soonest first; from/to bound the start (ISO 8601).' })
  matchmakingSessions(
    @Ctx() ctx: Context,
    @Arg('from', () => String, { nullable: true }) from?: string | null,
    @Arg('to', () => String, { nullable: true }) to?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 20, at most 100.' }) first?: number | null,
    @Arg('offset', () => Int, { nullable: true }) offset?: number | null,
  ): Promise<Page<SessionRecord>> {
    return ctx.matchmaking.sessions({ from, to }, first, offset);
  }

  @Authorized()
  @Query(() => SessionLiveView, { description: 'The live view of a session for the room\'s screen, now or at `at` (ISO 8601 with offset, to rehearse).' })
  sessionLiveView(
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() ctx: Context,
    @Arg('at', () => String, { nullable: true }) at?: string | null,
  ): Promise<LiveView> {
    if (!at) return ctx.matchmaking.liveView(sessionId);
    const parsed = parseInstant(at);
    if (parsed.problem) throw new ValidationError(`at: ${parsed.problem}.`, ['at']);
    return ctx.matchmaking.liveView(sessionId, new Date(parsed.value!));
  }

  @Authorized()
  @Mutation(() => MatchmakingSession, { description: 'Creates a session; theme needs given in words are filed under the category they suggest.' })
  createMatchmakingSession(@Arg('input', () => CreateSessionInput) input: CreateSessionInput, @Ctx() ctx: Context): Promise<SessionRecord> {
    return ctx.matchmaking.create(input, ctx.user!);
  }

  @Authorized()
  @Mutation(() => MatchmakingSession, { description: 'Changes a session (not its mode); a change of timing, rounds or tables marks a stored schedule stale.' })
  updateMatchmakingSession(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSessionInput) input: UpdateSessionInput,
    @Ctx() ctx: Context,
  ): Promise<SessionRecord> {
    return ctx.matchmaking.update(id, input);
  }

  @Authorized()
  @Mutation(() => Participant, {
    description: 'Registers an actor (or replaces its registration) while registration is open. BAD_USER_INPUT lists every rule the registration breaks.',
  })
  registerParticipant(@Arg('input', () => RegisterParticipantInput) input: RegisterParticipantInput, @Ctx() ctx: Context): Promise<ParticipantRow> {
    return ctx.matchmaking.register(input);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Removes a registration before the session starts; false when the actor was not registered.' })
  unregisterParticipant(@Arg('sessionId', () => ID) sessionId: string, @Arg('actorId', () => ID) actorId: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.matchmaking.unregister(sessionId, actorId);
  }

  @Authorized()
  @Mutation(() => Schedule, {
    description: 'Plans every round (before the session starts). Same seed and same registrations: same schedule. Without a seed, a new one is drawn and recorded (scheduleSeed).',
  })
  generateSchedule(
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() ctx: Context,
    @Arg('seed', () => Int, { nullable: true }) seed?: number | null,
  ): Promise<ScheduleView> {
    return ctx.matchmaking.generateSchedule(sessionId, seed);
  }

  @Authorized()
  @Mutation(() => Schedule, {
    description: 'Marks a participant absent from a round on (1: did not come) and re-plans rounds >= fromRound only: earlier rounds are untouched, other meetings stay in place, and those left alone get new partners where possible.',
  })
  markAbsent(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('actorId', () => ID) actorId: string,
    @Arg('fromRound', () => Int) fromRound: number,
    @Ctx() ctx: Context,
  ): Promise<ScheduleView> {
    return ctx.matchmaking.markAbsent(sessionId, actorId, fromRound);
  }

  @Authorized()
  @Mutation(() => Participant, { description: 'Records that a participant arrived (present: false undoes it).' })
  checkInParticipant(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('actorId', () => ID) actorId: string,
    @Ctx() ctx: Context,
    @Arg('present', () => Boolean, { nullable: true, defaultValue: true }) present: boolean,
  ): Promise<ParticipantRow> {
    return ctx.matchmaking.checkIn(sessionId, actorId, present);
  }

  @Authorized()
  @FieldResolver(() => [Participant], { description: 'Registered participants, by actor name (needs a token).' })
  participants(@Root() session: SessionRecord, @Ctx() ctx: Context): Promise<ParticipantRow[]> {
    return ctx.matchmaking.participants(session.id);
  }

  @Authorized()
  @FieldResolver(() => Schedule, { nullable: true, description: 'The stored schedule, with statistics against the registrations as they stand; null before generateSchedule (needs a token).' })
  async schedule(@Root() session: SessionRecord, @Ctx() ctx: Context): Promise<ScheduleView | null> {
    return session.scheduledAt ? ctx.matchmaking.schedule(session.id) : null;
  }

  @FieldResolver(() => [RoundWindow], { description: 'When each round runs.' })
  roundWindows(@Root() session: SessionRecord): RoundWindow[] {
    return Array.from({ length: session.rounds }, (_, i) => ({ round: i + 1, ...roundWindow(session, i + 1) }));
  }
}

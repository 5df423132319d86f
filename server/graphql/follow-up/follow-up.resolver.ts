import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { StoredCooperation, StoredFeedback } from '../../../graph/repositories/cooperation-repository';
import { calendarDateIn } from '../../domain/matchmaking/follow-up/calendar';
import { CooperationStage, currentEntry, stageLabel as labelOf } from '../../domain/matchmaking/follow-up/cooperation';
import { DueReminder, Reminder, remindersFor } from '../../domain/matchmaking/follow-up/reminders';
import { ReportActor as ReportActorData, SessionReport as SessionReportData, sessionReportCsv, sessionReportMarkdown } from '../../domain/matchmaking/follow-up/session-report';
import { SessionRecord } from '../../domain/matchmaking/session';
import { ActorRecord } from '../../domain/model';
import { NotFoundError } from '../../errors';
import { FeedbackResult } from '../../services/follow-up-service';
import { MeetingView } from '../../services/matchmaking-service';
import { Actor } from '../actor/actor.type';
import { Context } from '../context';
import { MatchmakingSession } from '../matchmaking/matchmaking-session.type';
import { loadActor } from '../matchmaking/schedule.resolver';
import { Meeting } from '../matchmaking/schedule.type';
import { Cooperation, CooperationReminder, DueCooperationReminder, MeetingFeedback, MeetingFeedbackResult } from './cooperation.type';
import { CooperationStageEnum } from './follow-up-enums';
import { CompleteCooperationReminderInput, MoveCooperationStageInput, RecordMeetingFeedbackInput } from './follow-up.input';
import { ReportActor, SessionReport } from './session-report.type';

/** After the speed meetings: feedback, cooperations with their stages and reminders, the session report. */
@Resolver(() => Cooperation)
export class CooperationResolver {
  @Authorized()
  @Mutation(() => MeetingFeedbackResult, {
    description: "Records one side's feedback on a meeting that took place; a wanted follow-up opens a tracked cooperation between the two actors.",
  })
  recordMeetingFeedback(@Arg('input', () => RecordMeetingFeedbackInput) input: RecordMeetingFeedbackInput, @Ctx() ctx: Context): Promise<FeedbackResult> {
    return ctx.followUps.recordFeedback(input, ctx.user!);
  }

  @Authorized()
  @Mutation(() => Cooperation, { description: 'Moves a cooperation to another stage (any stage may follow any other; dates in order).' })
  moveCooperationStage(@Arg('input', () => MoveCooperationStageInput) input: MoveCooperationStageInput, @Ctx() ctx: Context): Promise<StoredCooperation> {
    return ctx.followUps.moveStage(input, ctx.user!);
  }

  @Authorized()
  @Mutation(() => Cooperation, { description: 'Marks a follow-up reminder done (recording it again corrects it).' })
  completeCooperationReminder(@Arg('input', () => CompleteCooperationReminderInput) input: CompleteCooperationReminderInput, @Ctx() ctx: Context): Promise<StoredCooperation> {
    return ctx.followUps.completeReminder(input, ctx.user!);
  }

  @Authorized()
  @Query(() => Cooperation, { nullable: true })
  cooperation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<StoredCooperation | null> {
    return ctx.followUps.cooperation(id);
  }

  @Authorized()
  @Query(() => [Cooperation], { description: 'Cooperations born from speed meetings, oldest first, by session, actor and current stage.' })
  cooperations(
    @Ctx() ctx: Context,
    @Arg('sessionId', () => ID, { nullable: true }) sessionId?: string | null,
    @Arg('actorId', () => ID, { nullable: true }) actorId?: string | null,
    @Arg('stage', () => CooperationStageEnum, { nullable: true }) stage?: CooperationStage | null,
  ): Promise<StoredCooperation[]> {
    return ctx.followUps.cooperations({ sessionId, actorId, stage });
  }

  @Authorized()
  @Query(() => [DueCooperationReminder], { description: 'Reminders to act on: overdue first, then those due within horizonDays (default 14) of today (YYYY-MM-DD, default: today in Paris).' })
  dueCooperationReminders(
    @Ctx() ctx: Context,
    @Arg('horizonDays', () => Int, { nullable: true, defaultValue: 14 }) horizonDays: number,
    @Arg('today', () => String, { nullable: true }) today?: string | null,
    @Arg('sessionId', () => ID, { nullable: true }) sessionId?: string | null,
  ): Promise<(DueReminder & { cooperation: StoredCooperation })[]> {
    return ctx.followUps.dueReminders(horizonDays, today ?? null, sessionId ?? null);
  }

  @Authorized()
  @Query(() => SessionReport, { description: 'What a session produced, as of today: meetings held, no-shows, interest, follow-ups and their outcomes.' })
  sessionReport(@Arg('sessionId', () => ID) sessionId: string, @Ctx() ctx: Context): Promise<SessionReportData> {
    return ctx.followUps.report(sessionId);
  }

  @FieldResolver(() => Actor, { description: 'Side A of the meeting (the host in BIPARTITE mode).' })
  a(@Root() c: StoredCooperation, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, c.actorAId);
  }

  @FieldResolver(() => Actor, { description: 'Side B of the meeting (the pitcher in BIPARTITE mode).' })
  b(@Root() c: StoredCooperation, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, c.actorBId);
  }

  @FieldResolver(() => MatchmakingSession)
  async session(@Root() c: StoredCooperation, @Ctx() ctx: Context): Promise<SessionRecord> {
    const session = await ctx.matchmaking.session(c.sessionId);
    if (!session) throw new NotFoundError('MatchmakingSession', c.sessionId);
    return session;
  }

  @FieldResolver(() => CooperationStageEnum)
  stage(@Root() c: StoredCooperation): CooperationStage {
    return currentEntry(c.history).stage;
  }

  @FieldResolver(() => String, { description: 'The current stage in French.' })
  stageLabel(@Root() c: StoredCooperation): string {
    const current = currentEntry(c.history);
    return labelOf(current.stage, current.publicContract);
  }

  @FieldResolver(() => [CooperationReminder], { description: 'The four reminders and where each stands today (Paris).' })
  reminders(@Root() c: StoredCooperation): Reminder[] {
    return remindersFor(c.meetingDate, c.remindersDone, calendarDateIn(new Date()), { stage: currentEntry(c.history).stage, createdOn: c.createdOn });
  }
}

@Resolver(() => DueCooperationReminder)
export class DueCooperationReminderResolver {
  @FieldResolver(() => Cooperation)
  cooperation(@Root() due: DueReminder & { cooperation: StoredCooperation }): StoredCooperation {
    return due.cooperation;
  }
}

@Resolver(() => MeetingFeedback)
export class MeetingFeedbackResolver {
  @FieldResolver(() => Actor)
  actor(@Root() feedback: StoredFeedback, @Ctx() ctx: Context): Promise<ActorRecord> {
    return loadActor(ctx, feedback.actorId);
  }
}

@Resolver(() => Meeting)
export class MeetingFollowUpResolver {
  @Authorized()
  @FieldResolver(() => [MeetingFeedback], { description: 'Feedback each side gave after the meeting (needs a token).' })
  feedback(@Root() meeting: MeetingView, @Ctx() ctx: Context): Promise<StoredFeedback[]> {
    return ctx.loaders.feedbackByMeetingId.load(meeting.id);
  }
}

@Resolver(() => SessionReport)
export class SessionReportResolver {
  @FieldResolver(() => [ReportActor])
  noShows(@Root() report: SessionReportData): ReportActorData[] {
    return report.noShows.actors;
  }

  @FieldResolver(() => String, { description: 'The report as CSV (UTF-8 with BOM, French headers) for a spreadsheet.' })
  csv(@Root() report: SessionReportData): string {
    return sessionReportCsv(report);
  }

  @FieldResolver(() => String, { description: 'The report as French Markdown, to paste into an email.' })
  markdown(@Root() report: SessionReportData): string {
    return sessionReportMarkdown(report);
  }
}

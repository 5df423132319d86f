import { randomUUID } from 'node:crypto';
import { Db } from '../../graph/database';
import {
  addReminderDone, appendStage, createCooperation, findCooperation, findCooperationOfMeeting, findCooperations, findFeedbackOfMeetings,
  findSessionFeedback, setRequestedBy, StoredCooperation, StoredFeedback, upsertFeedback,
} from '../../graph/repositories/cooperation-repository';
import { findMeetings, findParticipants, findSession } from '../../graph/repositories/matchmaking-repository';
import { calendarDateIn } from '../domain/matchmaking/follow-up/calendar';
import { checkStageChange, CooperationStage, openCooperation, snapshotOf } from '../domain/matchmaking/follow-up/cooperation';
import { checkFeedback, FeedbackInput, followUpDecision, FollowUpProblem } from '../domain/matchmaking/follow-up/feedback';
import { checkReminderDone, DueReminder, dueReminders, ReminderDoneInput } from '../domain/matchmaking/follow-up/reminders';
import { buildSessionReport, sessionDate, SessionReport } from '../domain/matchmaking/follow-up/session-report';
import { roundWindow } from '../domain/matchmaking/session';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { AuthUser } from './auth-service';

function throwProblems(problems: FollowUpProblem[]): void {
  if (!problems.length) return;
  throw new ValidationError(`${problems.map((p) => `input.${p.field}: ${p.message}`).join('; ')}.`, problems.map((p) => `input.${p.field}`));
}

export interface FeedbackResult {
  feedback: StoredFeedback;
  /** The cooperation the meeting opened, when a side wants a follow-up. */
  cooperation: StoredCooperation | null;
}

/**
 * What comes after a speed meeting: each side's feedback, the cooperations wanted follow-ups
 * open, their stages and reminders over the following year, and the session's report.
 */
export class FollowUpService {
  constructor(private readonly db: Db) {}

  /**
   * Records one side's feedback on a held meeting. When a side wants a follow-up, the meeting
   * opens a tracked cooperation between the two actors (once: later feedback only updates who
   * asked for it).
   */
  async recordFeedback(input: FeedbackInput & { meetingId: string; actorId: string }, by: AuthUser, now = new Date()): Promise<FeedbackResult> {
    const checked = checkFeedback(input);
    throwProblems(checked.problems);
    return this.db.write(async (tx) => {
      const meeting = await tx.run('MATCH (m:SessionMeeting {id: $id}) RETURN m.sessionId AS sessionId', { id: input.meetingId });
      if (!meeting.records.length) throw new NotFoundError('Meeting', input.meetingId);
      const sessionId = String(meeting.records[0].get('sessionId'));
      const session = (await findSession(tx, sessionId))!;
      const stored = (await findMeetings(tx, sessionId)).find((m) => m.id === input.meetingId)!;
      if (input.actorId !== stored.a && input.actorId !== stored.b) {
        throwProblems([{ field: 'actorId', message: `actor '${input.actorId}' is not a side of this meeting: give one of the two actors who met` }]);
      }
      const participants = await findParticipants(tx, sessionId);
      const absent = participants.find((p) => (p.actorId === stored.a || p.actorId === stored.b) && p.absentFromRound !== null && p.absentFromRound <= stored.round);
      if (absent) throw new ConflictError(`This meeting did not take place: ${absent.actorName} was marked absent from round ${absent.absentFromRound}.`);
      const { startsAt } = roundWindow(session, stored.round);
      if (now.toISOString() < startsAt) throw new ConflictError(`This meeting has not taken place yet (round ${stored.round} starts at ${startsAt}).`);

      const feedback = await upsertFeedback(tx, input.meetingId, input.actorId, checked.value!, by.email);
      const [both] = await findFeedbackOfMeetings(tx, [input.meetingId]);
      const sideOf = (actorId: string) => both.find((f) => f.actorId === actorId) ?? null;
      const decision = followUpDecision(sideOf(stored.a), sideOf(stored.b));
      let cooperation = await findCooperationOfMeeting(tx, input.meetingId);
      if (decision.open && decision.requestedBy) {
        if (cooperation) {
          if (cooperation.requestedBy !== decision.requestedBy) await setRequestedBy(tx, cooperation.id, decision.requestedBy);
          cooperation = { ...cooperation, requestedBy: decision.requestedBy };
        } else {
          const meetingDate = sessionDate(session);
          const opening = openCooperation({
            meetingId: input.meetingId, actorAId: stored.a, actorBId: stored.b, meetingDate,
            // Feedback written on the evening of the day (or later) opens the follow-up that day.
            createdOn: maxDate(calendarDateIn(now, session.timeZone), meetingDate),
            requestedBy: decision.requestedBy, by: by.email,
          }, now);
          throwProblems(opening.problems);
          cooperation = await createCooperation(tx, randomUUID(), sessionId, { ...opening.value!, meetingId: input.meetingId });
        }
      }
      return { feedback, cooperation };
    });
  }

  /** Moves a cooperation to another stage of the brokerage scale. */
  async moveStage(
    input: { cooperationId: string; stage: CooperationStage; on: string; publicContract?: boolean | null; note?: string | null },
    by: AuthUser,
    now = new Date(),
  ): Promise<StoredCooperation> {
    return this.db.write(async (tx) => {
      const cooperation = await findCooperation(tx, input.cooperationId);
      if (!cooperation) throw new NotFoundError('Cooperation', input.cooperationId);
      const checked = checkStageChange(snapshotOf(cooperation), input.stage, { on: input.on, note: input.note, publicContract: input.publicContract ?? false }, now);
      throwProblems(checked.problems);
      return appendStage(tx, cooperation.id, { ...checked.value!, by: by.email });
    });
  }

  /** Marks one of a cooperation's reminders (1, 3, 6 or 12 months) as done. */
  async completeReminder(input: ReminderDoneInput & { cooperationId: string }, by: AuthUser, now = new Date()): Promise<StoredCooperation> {
    return this.db.write(async (tx) => {
      const cooperation = await findCooperation(tx, input.cooperationId);
      if (!cooperation) throw new NotFoundError('Cooperation', input.cooperationId);
      const checked = checkReminderDone(input, cooperation.meetingDate, now);
      throwProblems(checked.problems);
      return addReminderDone(tx, cooperation.id, checked.value!, by.email);
    });
  }

  async cooperation(id: string): Promise<StoredCooperation | null> {
    return this.db.read((tx) => findCooperation(tx, id));
  }

  async cooperations(filter: { sessionId?: string | null; actorId?: string | null; stage?: CooperationStage | null }): Promise<StoredCooperation[]> {
    const found = await this.db.read((tx) => findCooperations(tx, { sessionId: filter.sessionId ?? null, actorId: filter.actorId ?? null }));
    return filter.stage ? found.filter((c) => c.history[c.history.length - 1].stage === filter.stage) : found;
  }

  /**
   * The reminders a facilitator should act on: overdue first, then those due within
   * `horizonDays` of `today` (the facilitator's day in Paris unless given).
   */
  async dueReminders(horizonDays: number, today: string | null, sessionId: string | null, now = new Date()): Promise<(DueReminder & { cooperation: StoredCooperation })[]> {
    if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > 366) {
      throw new ValidationError(`horizonDays: must be a whole number of days from 0 to 366 (got ${horizonDays}).`, ['horizonDays']);
    }
    const day = today ?? calendarDateIn(now);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      throw new ValidationError(`today: must be a date written YYYY-MM-DD (got "${day}").`, ['today']);
    }
    const cooperations = await this.cooperations({ sessionId });
    const byId = new Map(cooperations.map((c) => [c.id, c]));
    return dueReminders(cooperations, day, horizonDays).map((d) => ({ ...d, cooperation: byId.get(d.cooperationId)! }));
  }

  /** The session's report as of `now`: meetings held, no-shows, interest, follow-ups and their outcomes. */
  async report(sessionId: string, now = new Date()): Promise<SessionReport> {
    const data = await this.db.read(async (tx) => {
      const session = await findSession(tx, sessionId);
      if (!session) throw new NotFoundError('MatchmakingSession', sessionId);
      return {
        session,
        meetings: await findMeetings(tx, sessionId),
        participants: await findParticipants(tx, sessionId),
        feedback: await findSessionFeedback(tx, sessionId),
        cooperations: await findCooperations(tx, { sessionId, actorId: null }),
      };
    });
    const meetingById = new Map(data.meetings.map((m) => [m.id, m]));
    return buildSessionReport({
      session: data.session,
      meetings: data.meetings,
      absences: data.participants.filter((p) => p.absentFromRound !== null).map((p) => ({ actorId: p.actorId, fromRound: p.absentFromRound! })),
      feedback: data.feedback.flatMap((f) => {
        const meeting = meetingById.get(f.meetingId);
        return meeting ? [{ round: meeting.round, table: meeting.table, side: f.actorId === meeting.a ? 'A' as const : 'B' as const, feedback: f }] : [];
      }),
      cooperations: data.cooperations,
      asOf: calendarDateIn(now, data.session.timeZone),
      actorNames: Object.fromEntries(data.participants.map((p) => [p.actorId, p.actorName])),
    });
  }
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

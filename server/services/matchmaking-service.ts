import { randomUUID } from 'node:crypto';
import { Db, Tx } from '../../graph/database';
import {
  createSession, deleteParticipant, existingActorIds, findMeetings, findParticipants, findSession, findSessions, lockSession,
  ParticipantRow, replaceMeetings, StoredMeeting, updateAttendance, updateSession, upsertParticipant,
} from '../../graph/repositories/matchmaking-repository';
import { ParticipantAgenda, TableAgenda } from '../domain/matchmaking/agenda/agenda-model';
import { participantAgendas, tableAgendas } from '../domain/matchmaking/agenda-builder';
import { liveStatus, LiveStatus } from '../domain/matchmaking/live';
import { buildPairScores, PairScore } from '../domain/matchmaking/pair-scores';
import { PlannedMeeting, PlanningProblem, ScheduleStats } from '../domain/matchmaking/planning-problem';
import { checkRegistration, presentRounds, RegistrationInput } from '../domain/matchmaking/registration';
import { hardRuleViolations, planSchedule, replanFrom, scheduleStats } from '../domain/matchmaking/scheduler';
import { checkSessionSettings, roundWindow, SessionProblem, SessionRecord, SessionSettings, SessionSettingsInput } from '../domain/matchmaking/session';
import { definedOnly } from './patch';
import { Page } from '../domain/model';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { AuthUser } from './auth-service';
import { CategoryService } from './category-service';
import { SessionEvidenceReader } from './session-evidence';

export const DEFAULT_SESSION_PAGE = 20;
export const MAX_SESSION_PAGE = 100;

/** Changes to a session: absent keeps a value, null clears an optional one (or keeps a required one). */
export type SessionPatch = { [K in keyof Omit<SessionSettingsInput, 'mode'>]?: SessionSettingsInput[K] | null };

/** A planned meeting as the API shows it: with its times and the reasons of its pair. */
export interface MeetingView extends StoredMeeting {
  sessionId: string;
  startsAt: string;
  endsAt: string;
}

/** A schedule with what the planner used and how good it is. */
export interface ScheduleView {
  session: SessionRecord;
  meetings: MeetingView[];
  totalScore: number;
  stats: ScheduleStats;
  /** Computed on demand: every pair the planner could use, with its score and reasons. */
  pairScores: () => Promise<PairScore[]>;
}

/** Where a session stands, and who sits where in the round under way (or the next one). */
export interface LiveView extends LiveStatus {
  session: SessionRecord;
  at: string;
  /** Meetings of the current round (during it) or of the next (before it and at changeover). */
  meetings: MeetingView[];
  /** Participants expected in that round who have not checked in. */
  notCheckedIn: ParticipantRow[];
}

/** The participants and pairs of a session as they stand, and the problem they make. */
interface PlanningState {
  session: SessionRecord;
  participants: ParticipantRow[];
  pairs: PairScore[];
  problem: PlanningProblem;
}

function throwProblems(problems: SessionProblem[], prefix = 'input'): void {
  if (!problems.length) return;
  const message = problems.map((p) => `${prefix}.${p.field}: ${p.message}`).join('; ');
  throw new ValidationError(`${message}.`, problems.map((p) => `${prefix}.${p.field}`));
}

/** A seed the caller did not give: any 31-bit integer, recorded with the schedule. */
function freshSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/**
 * Speed-meeting sessions: creation, registration, scheduling and re-planning on the day.
 * Every write runs in one transaction that first locks the session, so registrations and
 * plans of the same session never interleave.
 */
export class MatchmakingService {
  constructor(
    private readonly db: Db,
    private readonly categories: CategoryService,
    private readonly evidence: SessionEvidenceReader,
  ) {}

  async create(input: SessionSettingsInput, by: AuthUser): Promise<SessionRecord> {
    const settings = this.checkedSettings(input);
    return this.db.write((tx) => createSession(tx, randomUUID(), settings, by.email));
  }

  /**
   * Changes a session's settings (the mode excepted: sides were registered for it). Fewer rounds
   * than a participant registered for are refused; a change of rounds, tables or timing marks a
   * stored schedule as stale.
   */
  async update(id: string, patch: SessionPatch): Promise<SessionRecord> {
    return this.db.write(async (tx) => {
      const current = await this.lockedSession(tx, id);
      const merged: SessionSettingsInput = {
        ...current,
        theme: current.theme,
        ...(definedOnly(patch) as Partial<SessionSettingsInput>),
        title: patch.title ?? current.title,
        startsAt: patch.startsAt ?? current.startsAt,
        rounds: patch.rounds ?? current.rounds,
        tables: patch.tables ?? current.tables,
      };
      const settings = this.checkedSettings(merged);
      const beyond = (await findParticipants(tx, id)).filter((p) => p.availableRounds.some((r) => r > settings.rounds));
      if (beyond.length) {
        throwProblems([{
          field: 'rounds',
          message: `${beyond.map((p) => p.actorName).join(', ')} registered for rounds beyond ${settings.rounds}: change their registration first`,
        }]);
      }
      const timing = ['startsAt', 'rounds', 'tables', 'pitchMinutes', 'exchangeMinutes', 'changeoverMinutes'] as const;
      return updateSession(tx, id, settings, timing.some((k) => settings[k] !== current[k]));
    });
  }

  /** Checks settings and files theme needs given in words under the category they suggest. */
  private checkedSettings(input: SessionSettingsInput): SessionSettings {
    const { settings, problems } = checkSessionSettings(input);
    throwProblems(problems);
    if (settings.theme) {
      const known = new Set(this.categories.records().map((c) => c.code));
      for (const [i, need] of settings.theme.needs.entries()) {
        if (need.categoryCode && !known.has(need.categoryCode)) {
          throwProblems([{ field: `theme.needs[${i}].categoryCode`, message: `unknown category '${need.categoryCode}': see the resourceCategories query` }]);
        }
        // A need given in words gets the category the text suggests, when one is confident enough.
        if (!need.categoryCode) need.categoryCode = this.categories.inferCode(need.label);
      }
    }
    return settings;
  }

  async session(id: string): Promise<SessionRecord | null> {
    return this.db.read((tx) => findSession(tx, id));
  }

  async sessions(window: { from?: string | null; to?: string | null }, first: number | null | undefined, offset: number | null | undefined): Promise<Page<SessionRecord>> {
    const limit = first ?? DEFAULT_SESSION_PAGE;
    const skip = offset ?? 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SESSION_PAGE) {
      throw new ValidationError(`first: must be an integer between 1 and ${MAX_SESSION_PAGE} (got ${first}).`, ['first']);
    }
    if (!Number.isInteger(skip) || skip < 0) throw new ValidationError(`offset: must be a whole number ≥ 0 (got ${offset}).`, ['offset']);
    const { items, total } = await this.db.read((tx) => findSessions(tx, { from: window.from ?? null, to: window.to ?? null }, skip, limit));
    return { items, totalCount: total, hasNextPage: skip + items.length < total };
  }

  async participants(sessionId: string): Promise<ParticipantRow[]> {
    return this.db.read((tx) => findParticipants(tx, sessionId));
  }

  /** Registers an actor, or replaces its registration while registration is open. */
  async register(input: RegistrationInput & { sessionId: string }, now = new Date()): Promise<ParticipantRow> {
    return this.db.write(async (tx) => {
      const session = await this.lockedSession(tx, input.sessionId);
      const others = (await findParticipants(tx, session.id)).filter((p) => p.actorId !== input.actorId);
      const { value, problems } = checkRegistration(session, input, others, now);
      throwProblems(problems);
      const named = [input.actorId, ...value.wishes.map((w) => w.actorId), ...value.avoid];
      const known = await existingActorIds(tx, named);
      if (!known.has(input.actorId)) throw new NotFoundError('Actor', input.actorId);
      const unknown = named.filter((id) => !known.has(id));
      if (unknown.length) {
        throwProblems([{ field: 'wishes', message: `unknown actor(s) ${[...new Set(unknown)].map((id) => `'${id}'`).join(', ')} among wishes or avoid` }]);
      }
      return upsertParticipant(tx, { ...value, sessionId: session.id });
    });
  }

  async unregister(sessionId: string, actorId: string, now = new Date()): Promise<boolean> {
    return this.db.write(async (tx) => {
      const session = await this.lockedSession(tx, sessionId);
      if (now.toISOString() >= session.startsAt) {
        throw new ConflictError('The session has started: mark the participant absent (markAbsent) instead of removing the registration.');
      }
      return deleteParticipant(tx, sessionId, actorId);
    });
  }

  /** Plans every round again from scratch; refused once a round is under way (use markAbsent). */
  async generateSchedule(sessionId: string, seed: number | null | undefined, now = new Date()): Promise<ScheduleView> {
    if (seed != null && (!Number.isInteger(seed) || seed < 0)) throw new ValidationError(`seed: must be a whole number ≥ 0 (got ${seed}).`, ['seed']);
    const state = await this.planningState(sessionId);
    if (now.toISOString() >= state.session.startsAt) {
      throw new ConflictError('The session has started: the rounds under way cannot be re-planned. Use markAbsent to re-plan the coming rounds.');
    }
    if (!state.participants.length) throw new ValidationError('The session has no participants yet: register them first (registerParticipant).', ['sessionId']);
    const usedSeed = seed ?? freshSeed();
    const planned = planSchedule(state.problem, usedSeed);
    await this.save(state, planned, 1, usedSeed);
    return this.schedule(sessionId, state);
  }

  /**
   * Marks a participant absent from `fromRound` on (1 = did not come) and re-plans the rounds
   * from there: earlier rounds stay as they were, later meetings without the absent participant
   * stay where they are, and those left alone are given new partners where possible.
   */
  async markAbsent(sessionId: string, actorId: string, fromRound: number): Promise<ScheduleView> {
    const session = await this.requireSession(sessionId);
    if (!Number.isInteger(fromRound) || fromRound < 1 || fromRound > session.rounds) {
      throw new ValidationError(`fromRound: rounds are numbered 1 to ${session.rounds} (got ${fromRound}).`, ['fromRound']);
    }
    // An absence only grows: marking someone absent from a later round than already recorded
    // cannot bring back rounds they missed.
    const state = await this.planningState(sessionId, (p) => {
      if (p.actorId === actorId) p.absentFromRound = Math.min(p.absentFromRound ?? Infinity, fromRound);
    });
    const participant = state.participants.find((p) => p.actorId === actorId);
    if (!participant) throw new NotFoundError('Participant', `${actorId} in session ${sessionId}`);
    const previous = await this.db.read((tx) => findMeetings(tx, sessionId));
    const seed = state.session.scheduleSeed ?? 0;
    const replanned = previous.length ? replanFrom(state.problem, previous, fromRound, seed) : null;
    await this.db.write(async (tx) => {
      await this.lockedSession(tx, sessionId);
      await updateAttendance(tx, sessionId, actorId, { absentFromRound: participant.absentFromRound });
      if (replanned) await this.saveIn(tx, state, replanned, fromRound, seed);
    });
    return this.schedule(sessionId, state);
  }

  /** Records that a participant arrived (or undoes it). */
  async checkIn(sessionId: string, actorId: string, present: boolean): Promise<ParticipantRow> {
    await this.requireSession(sessionId);
    const updated = await this.db.write((tx) => updateAttendance(tx, sessionId, actorId, present ? { checkedIn: true } : { checkedIn: false }));
    if (!updated) throw new NotFoundError('Participant', `${actorId} in session ${sessionId}`);
    return updated;
  }

  /**
   * The stored schedule with its statistics against the session as it stands now. A caller that
   * has just planned passes the state it planned with, so the pair scores are not read again.
   */
  async schedule(sessionId: string, planned?: PlanningState): Promise<ScheduleView> {
    const [state, meetings] = await Promise.all([
      planned ? this.requireSession(sessionId).then((session) => ({ ...planned, session })) : this.planningState(sessionId),
      this.db.read((tx) => findMeetings(tx, sessionId)),
    ]);
    const views = meetings.map((m) => ({ ...m, sessionId, ...roundWindow(state.session, m.round) }));
    return {
      session: state.session,
      meetings: views,
      totalScore: Math.round(views.reduce((sum, m) => sum + m.score, 0) * 100) / 100,
      stats: scheduleStats(state.problem, meetings),
      pairScores: async () => state.pairs,
    };
  }

  /** The printable agendas of a session: one per participant (by name) and one per table. */
  async agendas(sessionId: string): Promise<{ session: SessionRecord; participants: ParticipantAgenda[]; tables: TableAgenda[] }> {
    const { session, participants, meetings } = await this.db.read(async (tx) => {
      const found = await findSession(tx, sessionId);
      if (!found) throw new NotFoundError('MatchmakingSession', sessionId);
      return { session: found, participants: await findParticipants(tx, sessionId), meetings: await findMeetings(tx, sessionId) };
    });
    return {
      session,
      participants: participantAgendas(session, participants, meetings),
      tables: tableAgendas(session, participants, meetings),
    };
  }

  /** The live view for the room's screen at `at`. */
  async liveView(sessionId: string, at = new Date()): Promise<LiveView> {
    const { session, participants, meetings } = await this.db.read(async (tx) => {
      const found = await findSession(tx, sessionId);
      if (!found) throw new NotFoundError('MatchmakingSession', sessionId);
      return { session: found, participants: await findParticipants(tx, sessionId), meetings: await findMeetings(tx, sessionId) };
    });
    const status = liveStatus(session, at);
    const shown = status.phase === 'PITCH' || status.phase === 'EXCHANGE' ? status.currentRound : status.nextRound;
    const roundMeetings = shown === null ? [] : meetings.filter((m) => m.round === shown);
    return {
      ...status,
      session,
      at: at.toISOString(),
      meetings: roundMeetings.map((m) => ({ ...m, sessionId, ...roundWindow(session, m.round) })),
      notCheckedIn: shown === null ? [] : participants.filter((p) => !p.checkedInAt && presentRounds(p).includes(shown)),
    };
  }

  private async save(state: PlanningState, planned: PlannedMeeting[], fromRound: number, seed: number): Promise<void> {
    await this.db.write(async (tx) => {
      await this.lockedSession(tx, state.session.id);
      await this.saveIn(tx, state, planned, fromRound, seed);
    });
  }

  private async saveIn(tx: Tx, state: PlanningState, planned: PlannedMeeting[], fromRound: number, seed: number): Promise<void> {
    // The planner's rules are tested on thousands of instances; this check makes sure a
    // broken schedule can never reach the participants' agendas.
    const violations = hardRuleViolations(state.problem, planned);
    if (violations.length) throw new Error(`The planner broke its rules (seed ${seed}): ${violations.join('; ')}`);
    const reasons = new Map(state.pairs.map((p) => [`${p.a}|${p.b}`, p.reasons]));
    const rows = planned.map((m) => ({ ...m, reasons: reasons.get(`${m.a}|${m.b}`) ?? reasons.get(`${m.b}|${m.a}`) ?? [] }));
    await replaceMeetings(tx, state.session.id, fromRound, rows, seed);
  }

  /** Reads the session and its participants (`adjust` may change them in memory) and builds the problem. */
  private async planningState(sessionId: string, adjust: (p: ParticipantRow) => void = () => undefined): Promise<PlanningState> {
    const { session, participants } = await this.db.read(async (tx) => {
      const found = await findSession(tx, sessionId);
      if (!found) throw new NotFoundError('MatchmakingSession', sessionId);
      return { session: found, participants: await findParticipants(tx, sessionId) };
    });
    participants.forEach(adjust);
    const evidence = await this.evidence.read(participants, session.theme);
    const pairs = buildPairScores(session.mode, participants, evidence);
    const problem: PlanningProblem = {
      mode: session.mode,
      rounds: session.rounds,
      tables: session.tables,
      participants: participants.map((p) => ({ id: p.actorId, side: p.side, availableRounds: presentRounds(p) })),
      pairs,
    };
    return { session, participants, pairs, problem };
  }

  private async requireSession(sessionId: string): Promise<SessionRecord> {
    const session = await this.session(sessionId);
    if (!session) throw new NotFoundError('MatchmakingSession', sessionId);
    return session;
  }

  private async lockedSession(tx: Tx, sessionId: string): Promise<SessionRecord> {
    if (!(await lockSession(tx, sessionId))) throw new NotFoundError('MatchmakingSession', sessionId);
    return (await findSession(tx, sessionId))!;
  }
}

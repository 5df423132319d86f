import * as fs from 'node:fs';
import * as path from 'node:path';
import { Db } from '../graph/database';
import { PROJECT_ROOT } from '../graph/project-root';
import { CooperationStage } from '../server/domain/matchmaking/follow-up/cooperation';
import { FeedbackInput } from '../server/domain/matchmaking/follow-up/feedback';
import { ParticipantSide } from '../server/domain/matchmaking/planning-problem';
import { SessionSettingsInput } from '../server/domain/matchmaking/session';
import { AuthUser } from '../server/services/auth-service';
import { CategoryService } from '../server/services/category-service';
import { ComplementarityService } from '../server/services/complementarity-service';
import { FollowUpService } from '../server/services/follow-up-service';
import { MatchmakingService } from '../server/services/matchmaking-service';
import { SessionEvidenceReader } from '../server/services/session-evidence';
import { SynergyService } from '../server/services/synergy-service';
import { TerritoryService } from '../server/services/territory-service';

export const DEMO_SESSIONS_FILE = path.join(PROJECT_ROOT, 'seeds', 'demo', 'sessions.json');

interface DemoParticipant {
  actor: string;
  side: ParticipantSide;
  personName?: string;
  availableRounds?: number[];
  wishes?: { actor: string; priority: number }[];
  avoid?: string[];
}

interface DemoSession extends Omit<SessionSettingsInput, 'startsAt'> {
  /** A past session has a fixed start; an upcoming one starts this many days after the load. */
  startsAt?: string;
  startsInDays?: number;
  registrationDaysBefore?: number;
  /** When the facilitator generated the schedule (past sessions). */
  plannedOn?: string;
  seed?: number;
  participants: DemoParticipant[];
  absences?: { actor: string; fromRound: number }[];
  feedbackOn?: string;
  feedback?: { host: string; pitcher: string; hostSays: FeedbackInput; pitcherSays: FeedbackInput }[];
  cooperations?: {
    host: string;
    pitcher: string;
    stages: { stage: CooperationStage; on: string; note?: string; publicContract?: boolean }[];
    remindersDone: { monthsAfter: number; doneOn: string; note?: string }[];
  }[];
}

export interface SessionSeedReport {
  sessionsCreated: number;
  sessionsExisting: number;
  errors: { row: string; message: string }[];
}

const DAY_MS = 86_400_000;
// The evening of a day, when a facilitator records what happened that day.
const evening = (date: string) => new Date(`${date}T18:00:00Z`);

/**
 * Loads the demo's speed-meeting sessions through the services: a past session, planned,
 * held (with a no-show), with feedback and cooperations followed for months, and an upcoming
 * session with its registrations, ready to schedule. Idempotent by title.
 *
 * @param idOf demo externalId → actor id
 */
export async function loadDemoSessions(
  db: Db,
  idOf: ReadonlyMap<string, string>,
  by: AuthUser,
  log: (m: string) => void = () => undefined,
  now = new Date(),
  file = DEMO_SESSIONS_FILE,
): Promise<SessionSeedReport> {
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as { sessions: DemoSession[] };
  const territories = new TerritoryService(db);
  const categories = new CategoryService(db);
  const taxonomy = categories.records();
  const synergies = new SynergyService(db, territories, taxonomy);
  const matchmaking = new MatchmakingService(db, categories, new SessionEvidenceReader(db, synergies, new ComplementarityService(db, territories, taxonomy), taxonomy));
  const followUps = new FollowUpService(db);
  const report: SessionSeedReport = { sessionsCreated: 0, sessionsExisting: 0, errors: [] };
  const existing = new Set((await matchmaking.sessions({}, 100, 0)).items.map((s) => s.title));

  for (const spec of demo.sessions) {
    if (existing.has(spec.title)) {
      report.sessionsExisting += 1;
      continue;
    }
    const fail = (row: string, error: unknown) => report.errors.push({ row: `${spec.title} — ${row}`, message: (error as Error).message });
    const actor = (externalId: string) => {
      const id = idOf.get(externalId);
      if (!id) throw new Error(`unknown actor externalId ${externalId}`);
      return id;
    };
    try {
      const startsAt = spec.startsAt ?? `${new Date(now.getTime() + (spec.startsInDays ?? 30) * DAY_MS).toISOString().slice(0, 10)}T08:00:00Z`;
      const registrationDeadline = spec.registrationDeadline
        ?? (spec.registrationDaysBefore ? new Date(Date.parse(startsAt) - spec.registrationDaysBefore * DAY_MS).toISOString() : null);
      const { participants, plannedOn, seed, absences, feedback, feedbackOn, cooperations, startsInDays: _days, registrationDaysBefore: _before, ...settings } = spec;
      const session = await matchmaking.create({ ...settings, startsAt, registrationDeadline }, by);
      report.sessionsCreated += 1;
      // Registrations came in before the deadline (or today, for the upcoming session).
      const registeredOn = registrationDeadline && Date.parse(registrationDeadline) < now.getTime() ? new Date(Date.parse(registrationDeadline) - DAY_MS) : now;
      for (const p of participants) {
        try {
          await matchmaking.register({
            sessionId: session.id, actorId: actor(p.actor), side: p.side, personName: p.personName, availableRounds: p.availableRounds,
            wishes: p.wishes?.map((w) => ({ actorId: actor(w.actor), priority: w.priority })), avoid: p.avoid?.map(actor),
          }, registeredOn);
        } catch (error) {
          fail(`participant ${p.actor}`, error);
        }
      }
      if (!plannedOn) {
        log(`Demo session "${spec.title}": ${participants.length} registrations, ready to schedule.`);
        continue;
      }
      await matchmaking.generateSchedule(session.id, seed ?? 1, new Date(plannedOn));
      for (const absence of absences ?? []) await matchmaking.markAbsent(session.id, actor(absence.actor), absence.fromRound);
      const meetings = (await matchmaking.schedule(session.id)).meetings;
      const meetingOf = (host: string, pitcher: string) => meetings.find((m) => m.a === actor(host) && m.b === actor(pitcher));
      for (const f of feedback ?? []) {
        const meeting = meetingOf(f.host, f.pitcher);
        if (!meeting) {
          fail(`feedback ${f.host} × ${f.pitcher}`, new Error('the schedule does not pair them'));
          continue;
        }
        for (const [side, says] of [[f.host, f.hostSays], [f.pitcher, f.pitcherSays]] as const) {
          try {
            await followUps.recordFeedback({ meetingId: meeting.id, actorId: actor(side), ...says }, by, new Date(feedbackOn ?? startsAt));
          } catch (error) {
            fail(`feedback of ${side}`, error);
          }
        }
      }
      const opened = await followUps.cooperations({ sessionId: session.id });
      for (const c of cooperations ?? []) {
        const cooperation = opened.find((o) => o.actorAId === actor(c.host) && o.actorBId === actor(c.pitcher));
        if (!cooperation) {
          fail(`cooperation ${c.host} × ${c.pitcher}`, new Error('no follow-up was opened for this meeting'));
          continue;
        }
        // Stages and reminders are recorded in the order they happened, each on its evening.
        const events = [
          ...c.stages.map((s) => ({ on: s.on, apply: () => followUps.moveStage({ cooperationId: cooperation.id, ...s }, by, evening(s.on)) })),
          ...c.remindersDone.map((r) => ({ on: r.doneOn, apply: () => followUps.completeReminder({ cooperationId: cooperation.id, ...r }, by, evening(r.doneOn)) })),
        ].sort((x, y) => x.on.localeCompare(y.on));
        for (const event of events) {
          try {
            await event.apply();
          } catch (error) {
            fail(`cooperation ${c.host} × ${c.pitcher} on ${event.on}`, error);
          }
        }
      }
      log(`Demo session "${spec.title}": ${meetings.length} meetings, ${opened.length} follow-ups.`);
    } catch (error) {
      fail('session', error);
    }
  }
  return report;
}

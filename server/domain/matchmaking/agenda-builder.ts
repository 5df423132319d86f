import { AgendaPerson, AgendaSession, ParticipantAgenda, TableAgenda } from './agenda/agenda-model';
import { PlannedMeeting } from './planning-problem';
import { ParticipantRecord, presentRounds } from './registration';
import { roundWindow, SessionRecord } from './session';

/**
 * Turns a session, its participants and its planned meetings into the agendas the renderers
 * print: one per participant (every round: meeting, free, or away) and one per table. Pure.
 */

export interface AgendaParticipant extends Pick<ParticipantRecord, 'actorId' | 'side' | 'personName' | 'availableRounds' | 'absentFromRound'> {
  actorName: string;
}

export interface AgendaMeeting extends PlannedMeeting {
  reasons: string[];
}

/** The session fields every agenda repeats in its header. */
export function agendaSession(session: SessionRecord): AgendaSession {
  return {
    id: session.id,
    title: session.title,
    startsAt: session.startsAt,
    timeZone: session.timeZone,
    venueName: session.venueName,
    venueAddress: session.venueAddress,
    pitchMinutes: session.pitchMinutes,
    exchangeMinutes: session.exchangeMinutes,
    changeoverMinutes: session.changeoverMinutes,
    rounds: session.rounds,
    mode: session.mode,
    themeTitle: session.theme?.title ?? null,
  };
}

function personOf(p: AgendaParticipant): AgendaPerson {
  return { actorId: p.actorId, actorName: p.actorName, personName: p.personName, side: p.side };
}

/** Every participant's agenda, in the order of `participants`. */
export function participantAgendas(session: SessionRecord, participants: readonly AgendaParticipant[], meetings: readonly AgendaMeeting[]): ParticipantAgenda[] {
  const header = agendaSession(session);
  const byActor = new Map(participants.map((p) => [p.actorId, p]));
  const seat = new Map<string, AgendaMeeting>();
  for (const m of meetings) {
    seat.set(`${m.round}|${m.a}`, m);
    seat.set(`${m.round}|${m.b}`, m);
  }
  return participants.map((p) => {
    const present = new Set(presentRounds(p));
    return {
      session: header,
      participant: personOf(p),
      slots: Array.from({ length: session.rounds }, (_, i) => {
        const round = i + 1;
        const meeting = seat.get(`${round}|${p.actorId}`);
        const other = meeting ? byActor.get(meeting.a === p.actorId ? meeting.b : meeting.a) : undefined;
        return {
          round,
          ...roundWindow(session, round),
          table: meeting?.table ?? null,
          counterpart: other ? personOf(other) : null,
          reasons: meeting?.reasons ?? [],
          absent: !present.has(round),
        };
      }),
    };
  });
}

/** One agenda per table of the session, every round, empty seats included. */
export function tableAgendas(session: SessionRecord, participants: readonly AgendaParticipant[], meetings: readonly AgendaMeeting[]): TableAgenda[] {
  const header = agendaSession(session);
  const byActor = new Map(participants.map((p) => [p.actorId, p]));
  const at = new Map(meetings.map((m) => [`${m.round}|${m.table}`, m]));
  const person = (id: string | undefined) => {
    const p = id === undefined ? undefined : byActor.get(id);
    return p ? personOf(p) : null;
  };
  return Array.from({ length: session.tables }, (_, t) => ({
    session: header,
    table: t + 1,
    slots: Array.from({ length: session.rounds }, (_, i) => {
      const meeting = at.get(`${i + 1}|${t + 1}`);
      return { round: i + 1, ...roundWindow(session, i + 1), a: person(meeting?.a), b: person(meeting?.b), reasons: meeting?.reasons ?? [] };
    }),
  }));
}

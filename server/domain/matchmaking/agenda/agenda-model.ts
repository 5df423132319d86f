/**
 * What a speed-meeting agenda says, independent of how it is printed (HTML, iCalendar, PDF).
 * Pure data: the server fills these from the session and its schedule, the renderers in this
 * folder only read them. Times are ISO 8601 instants (UTC); each renderer shows them in the
 * session's own time zone, so a server running in UTC still prints Paris wall-clock times.
 */

/** BIPARTITE: companies (PITCHER) pitch to collectivités (HOST, seated); OPEN: anyone meets anyone. */
export type AgendaMode = 'BIPARTITE' | 'OPEN';
/** PITCHER pitches and moves between tables; HOST stays at a table. Null in OPEN mode. */
export type AgendaSide = 'PITCHER' | 'HOST';

export interface AgendaSession {
  id: string;
  title: string;
  /** Start of round 1, as an ISO 8601 instant (e.g. "2026-11-23T08:00:00Z"). */
  startsAt: string;
  /** IANA zone the session takes place in, e.g. "Europe/Paris": every printed time uses it. */
  timeZone: string;
  venueName: string | null;
  venueAddress: string | null;
  pitchMinutes: number;
  exchangeMinutes: number;
  /** Time between the end of a round and the start of the next (people change tables). */
  changeoverMinutes: number;
  /** Number of rounds (1-based rounds 1..rounds). */
  rounds: number;
  mode: AgendaMode;
  themeTitle: string | null;
}

export interface AgendaPerson {
  actorId: string;
  /** The organisation (company, collectivité…). */
  actorName: string;
  /** The person who attends, when known. */
  personName: string | null;
  side: AgendaSide | null;
}

/** One round of one participant's agenda. */
export interface AgendaSlot {
  round: number;
  startsAt: string;
  endsAt: string;
  /** 1-based table number; null when the round has no meeting (or no table assigned). */
  table: number | null;
  /** Who they meet; null = no meeting this round (free round, or absent). */
  counterpart: AgendaPerson | null;
  /** Why they meet, in French, one sentence each (empty for free rounds). */
  reasons: string[];
  /** True when the participant is not there for this round (late arrival, early departure). */
  absent?: boolean;
}

export interface ParticipantAgenda {
  session: AgendaSession;
  participant: AgendaPerson;
  /** One slot per round of the session, including free and absent rounds. */
  slots: AgendaSlot[];
}

/** One round at one table. In BIPARTITE mode `a` is the HOST and `b` the PITCHER. */
export interface TableAgendaSlot {
  round: number;
  startsAt: string;
  endsAt: string;
  /** Null when the seat stays empty this round (both null: the table is unused). */
  a: AgendaPerson | null;
  b: AgendaPerson | null;
  reasons: string[];
}

export interface TableAgenda {
  session: AgendaSession;
  /** 1-based table number. */
  table: number;
  slots: TableAgendaSlot[];
}

type RoundTiming = Pick<AgendaSession, 'startsAt' | 'pitchMinutes' | 'exchangeMinutes' | 'changeoverMinutes'>;

const MINUTE_MS = 60_000;

/**
 * Start and end of a round, as ISO 8601 instants (UTC, e.g. "2026-11-23T08:25:00.000Z").
 * Round r starts (r − 1) × (pitch + exchange + changeover) minutes after the session start and
 * lasts pitch + exchange minutes; the changeover is the gap before the next round.
 *
 * The arithmetic is done on instants, never on wall-clock times, so a session crossing a
 * daylight-saving change still has rounds exactly the right number of minutes apart; only the
 * display (in the session's time zone) shows the jump. The live view uses the same function,
 * so printed agendas and the live screen cannot disagree.
 *
 * @throws RangeError when `round` is not a positive integer, a duration is negative or not
 *   finite, or `startsAt` is not a valid date.
 */
export function roundTimes(session: RoundTiming, round: number): { startsAt: string; endsAt: string } {
  if (!Number.isInteger(round) || round < 1) throw new RangeError(`round must be a positive integer, got ${round}`);
  for (const key of ['pitchMinutes', 'exchangeMinutes', 'changeoverMinutes'] as const) {
    const minutes = session[key];
    if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`${key} must be a finite number ≥ 0, got ${minutes}`);
  }
  const start = Date.parse(session.startsAt);
  if (Number.isNaN(start)) throw new RangeError(`startsAt is not a valid date: ${session.startsAt}`);
  const period = session.pitchMinutes + session.exchangeMinutes + session.changeoverMinutes;
  const roundStart = start + (round - 1) * period * MINUTE_MS;
  const roundEnd = roundStart + (session.pitchMinutes + session.exchangeMinutes) * MINUTE_MS;
  return { startsAt: new Date(roundStart).toISOString(), endsAt: new Date(roundEnd).toISOString() };
}

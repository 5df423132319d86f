/**
 * The French wording of agendas, shared by the HTML and PDF renderers so that the printed
 * page and the PDF say exactly the same thing: header lines, one row per round, labels.
 * Everything here returns plain text; escaping is the renderer's job.
 */
import {
  AgendaPerson,
  AgendaSession,
  AgendaSide,
  AgendaSlot,
  ParticipantAgenda,
  TableAgenda,
  TableAgendaSlot,
  roundTimes,
} from './agenda-model';

/** En dash with spaces, as French typography writes time ranges ("09:20 – 09:40"). */
const RANGE = ' \u2013 ';
const NO_TABLE = '\u2014';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

// Formatters are costly to build and a pack prints hundreds of times in the same zone.
function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('fr-FR', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    dateFormats.set(timeZone, format);
  }
  return format;
}

function timeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = timeFormats.get(timeZone);
  if (!format) {
    // hourCycle h23: "00:30", never "24:30", whatever the ICU data says about fr-FR.
    format = new Intl.DateTimeFormat('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(timeZone, format);
  }
  return format;
}

function toDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid date: ${iso}`);
  return date;
}

/**
 * Wall-clock time of an instant in a time zone, "09:20". Throws RangeError on an invalid date
 * or an unknown time zone: a wrong time on a printed agenda is worse than no agenda.
 */
export function formatTime(iso: string, timeZone: string): string {
  return timeFormat(timeZone).format(toDate(iso));
}

/** "09:20 – 09:40", both ends in the given time zone. */
export function formatTimeRange(startsAt: string, endsAt: string, timeZone: string): string {
  return formatTime(startsAt, timeZone) + RANGE + formatTime(endsAt, timeZone);
}

/**
 * The day of an instant in words, in its time zone: "lundi 23 novembre 2026". The first of the
 * month is written "1er", as French does ("dimanche 1er mars 2026"), which Intl does not do.
 */
export function formatDateLong(iso: string, timeZone: string): string {
  return dateFormat(timeZone)
    .formatToParts(toDate(iso))
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

/** "1 rencontre", "4 rencontres": French plural (0 and 1 are singular). */
function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count <= 1 ? singular : pluralForm}`;
}

/** How a counterpart's role reads next to their name. */
const SIDE_NOUN: Record<AgendaSide, string> = { PITCHER: 'porteur de projet', HOST: 'hôte de table' };

/** "Jeanne Dupont · porteur de projet": the person and role under an organisation's name. */
function personDetail(person: AgendaPerson, showSide: boolean): string | null {
  const parts: string[] = [];
  if (person.personName) parts.push(person.personName);
  if (showSide && person.side) parts.push(SIDE_NOUN[person.side]);
  return parts.length ? parts.join(' \u00b7 ') : null;
}

/** "Acme (Jeanne Dupont)", or "Acme" when the attendee is unknown. */
export function personLabel(person: AgendaPerson): string {
  return person.personName ? `${person.actorName} (${person.personName})` : person.actorName;
}

/** The lines at the top of every agenda, the same for participants and tables. */
export interface SessionHeader {
  title: string;
  /** "lundi 23 novembre 2026, 09:00 – 11:20" */
  when: string;
  /** "Lieu : Hôtel de région, 1 place …", null when the venue is unknown. */
  where: string | null;
  theme: string | null;
  /** "6 tours : 5 min de pitch, 15 min d'échange, 5 min pour changer de table" */
  format: string;
}

/** Builds the shared header: date and time span in the session's zone, venue, theme, format. */
export function sessionHeader(session: AgendaSession): SessionHeader {
  const first = roundTimes(session, 1);
  const last = roundTimes(session, Math.max(1, session.rounds));
  const when = `${formatDateLong(first.startsAt, session.timeZone)}, ${formatTimeRange(first.startsAt, last.endsAt, session.timeZone)}`;
  const venue = [session.venueName, session.venueAddress].filter((part): part is string => !!part && part.trim() !== '');
  const steps: string[] = [];
  if (session.pitchMinutes > 0) {
    steps.push(`${session.pitchMinutes} min de ${session.mode === 'BIPARTITE' ? 'pitch' : 'présentation'}`);
  }
  if (session.exchangeMinutes > 0) steps.push(`${session.exchangeMinutes} min d'échange`);
  if (session.changeoverMinutes > 0) steps.push(`${session.changeoverMinutes} min pour changer de table`);
  const rounds = plural(session.rounds, 'tour', 'tours');
  return {
    title: session.title,
    when,
    where: venue.length ? `Lieu : ${venue.join(', ')}` : null,
    theme: session.themeTitle ? `Thème : ${session.themeTitle}` : null,
    format: steps.length ? `${rounds} : ${steps.join(', ')}` : rounds,
  };
}

export type AgendaRowKind = 'meeting' | 'free' | 'absent';

/** One line of an agenda table (Heure, Table, Rencontre, Pourquoi), as text. */
export interface AgendaRow {
  round: number;
  kind: AgendaRowKind;
  /** "09:20 – 09:40" in the session's zone. */
  time: string;
  /** "3", or an em dash when there is no table. */
  table: string;
  /** The "Rencontre" cell: first line is the name (emphasised), the others details. */
  who: string[];
  /** The "Pourquoi" cell, one reason per entry. */
  reasons: string[];
}

/** Rounds in order, whatever order the caller built them in: the agenda reads top to bottom. */
function byRound<T extends { round: number }>(slots: readonly T[]): T[] {
  return [...slots].sort((x, y) => x.round - y.round);
}

function participantRow(session: AgendaSession, slot: AgendaSlot): AgendaRow {
  const time = formatTimeRange(slot.startsAt, slot.endsAt, session.timeZone);
  // Absent wins over a counterpart: a meeting in a round the participant misses is a data
  // error upstream, and printing it would send someone to a table nobody comes to.
  if (slot.absent) {
    return { round: slot.round, kind: 'absent', time, table: NO_TABLE, who: ['Absence prévue', "Vous n'êtes pas là à ce tour"], reasons: [] };
  }
  if (!slot.counterpart) {
    return { round: slot.round, kind: 'free', time, table: NO_TABLE, who: ['Temps libre', 'Pas de rencontre à ce tour'], reasons: [] };
  }
  const detail = personDetail(slot.counterpart, session.mode === 'BIPARTITE');
  return {
    round: slot.round,
    kind: 'meeting',
    time,
    table: slot.table == null ? NO_TABLE : String(slot.table),
    who: detail ? [slot.counterpart.actorName, detail] : [slot.counterpart.actorName],
    reasons: slot.reasons,
  };
}

/** The rows of a participant's agenda, one per slot, ordered by round. */
export function participantRows(agenda: ParticipantAgenda): AgendaRow[] {
  return byRound(agenda.slots).map((slot) => participantRow(agenda.session, slot));
}

function tableRow(session: AgendaSession, table: number, slot: TableAgendaSlot): AgendaRow {
  const time = formatTimeRange(slot.startsAt, slot.endsAt, session.timeZone);
  const people = [slot.a, slot.b].filter((p): p is AgendaPerson => p !== null);
  if (people.length === 0) {
    return { round: slot.round, kind: 'free', time, table: String(table), who: ['Table libre', 'Pas de rencontre à ce tour'], reasons: [] };
  }
  const bipartite = session.mode === 'BIPARTITE';
  // In BIPARTITE mode the facilitator needs to see at a glance who stays (host) and who comes
  // (pitcher); in OPEN mode both are just participants.
  const who = people.map((p) => {
    const role = bipartite && p.side ? `${p.side === 'HOST' ? 'Hôte' : 'Pitch'} : ` : '';
    return role + personLabel(p);
  });
  return { round: slot.round, kind: 'meeting', time, table: String(table), who, reasons: slot.reasons };
}

/** The rows of a table's agenda, one per slot, ordered by round. */
export function tableRows(agenda: TableAgenda): AgendaRow[] {
  return byRound(agenda.slots).map((slot) => tableRow(agenda.session, agenda.table, slot));
}

/** The participant block under the session header. */
export interface ParticipantHeading {
  /** "Agenda de Jeanne Dupont" or "Agenda d'Acme" */
  name: string;
  /** The organisation, when the name above is a person. */
  organisation: string | null;
  /** What the participant does, e.g. "Vous présentez votre projet : 4 rencontres sur 6 tours". */
  summary: string;
}

/** Who the agenda is for and how many meetings they have, for the top of their page. */
export function participantHeading(agenda: ParticipantAgenda): ParticipantHeading {
  const { participant, session } = agenda;
  const meetings = agenda.slots.filter((slot) => slot.counterpart && !slot.absent).length;
  const count = meetings === 0
    ? 'aucune rencontre planifiée'
    : `${plural(meetings, 'rencontre', 'rencontres')} sur ${plural(session.rounds, 'tour', 'tours')}`;
  let role = '';
  if (session.mode === 'BIPARTITE' && participant.side === 'PITCHER') role = 'Vous présentez votre projet aux tables : ';
  if (session.mode === 'BIPARTITE' && participant.side === 'HOST') role = 'Vous accueillez les porteurs de projet à votre table : ';
  const summary = role ? role + count : count.charAt(0).toUpperCase() + count.slice(1);
  return participant.personName
    ? { name: `Agenda ${ofName(participant.personName)}`, organisation: participant.actorName, summary }
    : { name: `Agenda ${ofName(participant.actorName)}`, organisation: null, summary };
}

/** "de Jeanne", "d'Élise": French elides "de" before a vowel (an h is left alone, too ambiguous). */
function ofName(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(name) ? `d'${name}` : `de ${name}`;
}

/** "Table 3", the heading of a table's agenda. */
export function tableHeading(agenda: TableAgenda): string {
  return `Table ${agenda.table}`;
}

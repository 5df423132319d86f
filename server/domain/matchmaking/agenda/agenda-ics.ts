/**
 * A participant's agenda as an iCalendar file (RFC 5545), to add their meetings to their own
 * calendar. Times are written in UTC (the "Z" form), which every client converts to the
 * user's zone: no VTIMEZONE block to get wrong, and daylight-saving changes cannot shift a
 * meeting.
 */
import { AgendaSlot, ParticipantAgenda } from './agenda-model';
import { personLabel } from './agenda-format';

const CRLF = '\r\n';
/** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;

/**
 * Escapes a TEXT property value (RFC 5545 §3.3.11): backslash, semicolon and comma get a
 * backslash, line breaks (CRLF, CR or LF) become the two characters "\n". Other control
 * characters are not allowed in TEXT and are dropped rather than breaking the file.
 */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/**
 * Folds one content line (RFC 5545 §3.1): no physical line longer than 75 octets of UTF-8, the
 * continuation lines starting with one space (which counts in the 75). Cuts only between code
 * points, so a multi-byte character (é, œ, an emoji) is never split across lines: some
 * clients reject or garble a line that is not valid UTF-8 on its own. Returns the lines
 * joined with CRLF, without a final CRLF.
 */
export function foldIcsLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/**
 * An instant in iCalendar UTC form, "20261123T082000Z" (RFC 5545 §3.3.5, form #2).
 * @throws RangeError on an invalid date.
 */
export function icsDateTime(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid date: ${String(instant)}`);
  // toISOString is always UTC: "2026-11-23T08:20:00.000Z" → "20261123T082000Z".
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function property(name: string, value: string): string {
  return foldIcsLine(`${name}:${value}`);
}

function eventLines(agenda: ParticipantAgenda, slot: AgendaSlot, dtstamp: string): string[] {
  const { session, participant } = agenda;
  const counterpart = slot.counterpart!;
  const table = slot.table == null ? '' : ` (table ${slot.table})`;
  const description: string[] = [`Avec : ${personLabel(counterpart)}`];
  if (slot.reasons.length) description.push('Pourquoi :', ...slot.reasons.map((reason) => `- ${reason}`));
  description.push(`Session : ${session.title}, tour ${slot.round}`);
  const location = [session.venueName, session.venueAddress].filter((part): part is string => !!part && part.trim() !== '').join(', ');
  const lines = [
    'BEGIN:VEVENT',
    // Stable per session, round and participant: re-importing an updated agenda replaces the
    // round's event instead of adding a second one.
    property('UID', escapeIcsText(`${session.id}-r${slot.round}-${participant.actorId}@maillage`)),
    property('DTSTAMP', dtstamp),
    property('DTSTART', icsDateTime(slot.startsAt)),
    property('DTEND', icsDateTime(slot.endsAt)),
    property('SUMMARY', escapeIcsText(`Rencontre avec ${counterpart.actorName}${table}`)),
  ];
  if (location) lines.push(property('LOCATION', escapeIcsText(location)));
  lines.push(
    property('DESCRIPTION', escapeIcsText(description.join('\n'))),
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  );
  return lines;
}

/** True when the slot is an actual meeting (not a free round, not a round the participant misses). */
function isMeeting(slot: AgendaSlot): boolean {
  return slot.counterpart !== null && !slot.absent;
}

/**
 * A participant's meetings as an iCalendar document: one VEVENT per meeting (free and absent
 * rounds have none), in UTC, with the counterpart and the table in the summary, the venue as
 * location and the reasons in the description. `now` is the DTSTAMP (passed in rather than
 * read from the clock so the output is reproducible). Lines are folded at 75 octets and end
 * with CRLF, as RFC 5545 requires.
 *
 * A participant without any meeting gets a calendar with no event. RFC 5545 strictly asks for
 * at least one component, but calendar clients import such a file as "no event", which is the
 * truth; the route may prefer not to offer the download in that case.
 */
export function participantAgendaIcs(agenda: ParticipantAgenda, now: Date): string {
  const dtstamp = icsDateTime(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Maillage//Rencontres//FR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    // Not in RFC 5545, but the name most clients show for an imported calendar.
    property('X-WR-CALNAME', escapeIcsText(agenda.session.title)),
  ];
  const meetings = [...agenda.slots].filter(isMeeting).sort((x, y) => x.round - y.round);
  for (const slot of meetings) lines.push(...eventLines(agenda, slot, dtstamp));
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}

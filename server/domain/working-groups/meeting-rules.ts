/**
 * Meetings of a working group: when and where, the agenda, who attended, the minutes (CR), the
 * decisions and the next date, as a secretary records them (seed 004 is such a CR). Pure: no
 * GraphQL, no driver.
 *
 * The rules, and why:
 * - `startsAt` is an ISO 8601 instant with its offset ("2026-03-12T14:00:00+01:00" or "…Z"):
 *   without an offset, "14:00" means a different instant to the server and to a member in
 *   Réunion. It is kept as written. The meeting's day is that instant's date in Europe/Paris
 *   (or the time zone the caller gives), the same day the minutes print.
 * - A meeting happens somewhere: a place, a video link, or both. A video link is an https URL:
 *   members click it from the board and the minutes, and a plain-http or `javascript:` link is
 *   not something to hand them.
 * - The agenda ("ordre du jour") is at most {@link MAX_AGENDA_ITEMS} items, none blank; the same
 *   holds for decisions ({@link MAX_DECISIONS}). A blank item is refused rather than dropped so
 *   that the secretary sees the numbering they typed is not the one stored.
 * - Attendees are people who were members of the group on the meeting's day (guests such as a
 *   speaker are added to the group as OBSERVER), each listed once.
 * - Attendance is a fact only once the meeting is held. Until its day, the list may only record
 *   who sent apologies (EXCUSED): PRESENT or ABSENT for a meeting still to come would be a
 *   guess that later reads as a record. From the meeting's day on, all three are allowed (the
 *   sheet is filled in during the meeting).
 * - The minutes are Markdown of at most {@link MAX_MINUTES} characters (a long CR such as seed
 *   004 is about 10 000); blank is none.
 * - `nextMeetingOn` ("Rappel des prochaines dates") is a real date after the meeting's day.
 */
import { dateShapeProblem, DEFAULT_TIME_ZONE } from '../matchmaking/follow-up/calendar';
import { assertToday, Checked, checked, isOneOf, optionalLongText, optionalText } from './common';
import { isMemberOn } from './group-rules';
import { dayOf } from './labels';
import { ATTENDANCES, Attendance, GroupMeetingRecord, GroupProblem, WorkingGroupRecord } from './model';

/** Most agenda items: beyond fifty, it is a programme, not a meeting's agenda. */
export const MAX_AGENDA_ITEMS = 50;
/** Longest agenda item. */
export const MAX_AGENDA_ITEM = 500;
/** Most decisions recorded for one meeting. */
export const MAX_DECISIONS = 100;
/** Longest decision. */
export const MAX_DECISION = 1000;
/** Longest minutes, in characters of Markdown. */
export const MAX_MINUTES = 50_000;
/** Longest place. */
export const MAX_PLACE = 300;
/** Longest video link. */
export const MAX_VIDEO_LINK = 2000;

const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Whether `value` is an ISO 8601 instant with an offset: a real date, a real time, and "Z" or
 * "±hh:mm".
 *
 * @example isIsoInstant('2026-03-12T14:00:00+01:00') // true
 * @example isIsoInstant('2026-03-12T14:00:00') // false: no offset
 */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT_PATTERN.exec(value);
  if (!m) return false;
  const [, date, hh, mm, ss = '00', oh = '00', om = '00'] = m;
  if (dateShapeProblem(date) !== null) return false;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59 || Number(oh) > 14 || Number(om) > 59) return false;
  return !Number.isNaN(Date.parse(value));
}

/**
 * Whether `value` is an https URL with a host, the only kind of video link accepted.
 *
 * @example isHttpsUrl('https://visio.example.org/gt6a') // true
 * @example isHttpsUrl('javascript:alert(1)') // false
 */
export function isHttpsUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A meeting as given by the caller; for an update, the stored meeting with the changes applied. */
export interface MeetingInput {
  /** ISO 8601 instant with an offset. */
  startsAt: string;
  place?: string | null;
  videoLink?: string | null;
  agenda?: readonly string[] | null;
  attendees?: readonly { personId: string; attendance: string }[] | null;
  /** Markdown. */
  minutes?: string | null;
  decisions?: readonly string[] | null;
  /** YYYY-MM-DD. */
  nextMeetingOn?: string | null;
}

/** The checked fields of a meeting: a {@link GroupMeetingRecord} but for its ids. */
export type MeetingFields = Omit<GroupMeetingRecord, 'id' | 'groupId'>;

/** Checks a list of short texts: none blank, at most `maxItems`, each at most `maxLength`. */
function textList(value: unknown, field: string, what: string, maxItems: number, maxLength: number, problems: GroupProblem[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ field, message: `must be a list of ${what}` });
    return [];
  }
  if (value.length > maxItems) {
    problems.push({ field, message: `must have at most ${maxItems} ${what} (got ${value.length}): group or shorten them` });
  }
  return value.map((item, i) => {
    const text = typeof item === 'string' ? item.trim() : '';
    if (text === '') problems.push({ field: `${field}[${i}]`, message: `is blank: write item ${i + 1} or remove it` });
    else if (text.length > maxLength) problems.push({ field: `${field}[${i}]`, message: `must have at most ${maxLength} characters (got ${text.length}): shorten it` });
    return text;
  });
}

/**
 * Checks a meeting to create or update against the rules above.
 *
 * @param group the group, for its code and its members on the meeting's day
 * @param today YYYY-MM-DD: attendance is recorded from the meeting's day on
 * @param timeZone where the meeting's day is read (Europe/Paris by default)
 * @returns the fields to store, trimmed (null when refused), and every problem found
 */
export function checkMeetingInput(
  group: Pick<WorkingGroupRecord, 'code' | 'members'>,
  input: MeetingInput,
  today: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): Checked<MeetingFields> {
  assertToday(today);
  const problems: GroupProblem[] = [];
  const startsAt = typeof input.startsAt === 'string' ? input.startsAt.trim() : '';
  let day: string | null = null;
  if (!isIsoInstant(startsAt)) {
    problems.push({
      field: 'startsAt',
      message: `must be a date and time with its offset, e.g. "2026-03-12T14:00:00+01:00" or "2026-03-12T13:00:00Z" (got "${String(input.startsAt)}")`,
    });
  } else {
    day = dayOf(startsAt, timeZone);
  }

  const place = optionalLongText(input.place, 'place', MAX_PLACE, problems);
  const videoLink = optionalText(input.videoLink);
  if (videoLink !== null) {
    if (videoLink.length > MAX_VIDEO_LINK) problems.push({ field: 'videoLink', message: `must have at most ${MAX_VIDEO_LINK} characters: give the short link of the video meeting` });
    else if (!isHttpsUrl(videoLink)) problems.push({ field: 'videoLink', message: `must be an https link, e.g. "https://visio.example.org/gt6a" (got "${videoLink}")` });
  }
  if (place === null && videoLink === null) {
    problems.push({ field: 'place', message: 'a meeting needs a place or a video link: give the address of the room, the link of the video meeting, or both' });
  }

  const agenda = textList(input.agenda, 'agenda', 'agenda items', MAX_AGENDA_ITEMS, MAX_AGENDA_ITEM, problems);
  const decisions = textList(input.decisions, 'decisions', 'decisions', MAX_DECISIONS, MAX_DECISION, problems);

  const attendees: MeetingFields['attendees'] = [];
  if (input.attendees !== undefined && input.attendees !== null && !Array.isArray(input.attendees)) {
    problems.push({ field: 'attendees', message: 'must be a list of { personId, attendance }' });
  } else {
    const seen = new Set<string>();
    (input.attendees ?? []).forEach((attendee, i) => {
      const at = `attendees[${i}]`;
      const personId = typeof attendee?.personId === 'string' ? attendee.personId.trim() : '';
      if (!personId) {
        problems.push({ field: `${at}.personId`, message: 'is required: give the person' });
        return;
      }
      if (seen.has(personId)) {
        problems.push({ field: `${at}.personId`, message: `${personId} is listed twice: keep one line per person` });
        return;
      }
      seen.add(personId);
      if (day !== null && !isMemberOn(group, personId, day)) {
        problems.push({
          field: `${at}.personId`,
          message: `${personId} was not a member of ${group.code} on ${day}: add them to the group first (a guest as OBSERVER, with the day they joined), or remove them from the list`,
        });
      }
      const attendance = attendee?.attendance;
      if (!isOneOf(ATTENDANCES, attendance)) {
        problems.push({ field: `${at}.attendance`, message: `must be one of ${ATTENDANCES.join(', ')} (got "${String(attendance)}")` });
      } else if (day !== null && day > today && attendance !== 'EXCUSED') {
        problems.push({
          field: `${at}.attendance`,
          message: `the meeting of ${day} has not taken place yet: until then record only who is EXCUSED; PRESENT and ABSENT can be recorded from the meeting's day on`,
        });
      }
      attendees.push({ personId, attendance: attendance as Attendance });
    });
  }

  if (input.minutes !== undefined && input.minutes !== null && typeof input.minutes !== 'string') {
    problems.push({ field: 'minutes', message: `must be text (Markdown) (got ${typeof input.minutes})` });
  }
  const minutesText = typeof input.minutes === 'string' && input.minutes.trim() !== '' ? input.minutes.replace(/\r\n?/g, '\n').trim() : null;
  if (minutesText !== null && minutesText.length > MAX_MINUTES) {
    problems.push({ field: 'minutes', message: `must have at most ${MAX_MINUTES} characters (got ${minutesText.length}): attach the full document and keep the essentials here` });
  }

  const nextMeetingOn = optionalText(input.nextMeetingOn);
  if (nextMeetingOn !== null) {
    const shape = dateShapeProblem(nextMeetingOn);
    if (shape) problems.push({ field: 'nextMeetingOn', message: shape });
    else if (day !== null && nextMeetingOn <= day) {
      problems.push({ field: 'nextMeetingOn', message: `must be after the meeting's day (${day}) (got ${nextMeetingOn}): give the date of the next meeting` });
    }
  }

  return checked({ startsAt, place, videoLink, agenda, attendees, minutes: minutesText, decisions, nextMeetingOn }, problems);
}

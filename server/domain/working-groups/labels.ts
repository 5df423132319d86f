/**
 * French wording of working-group codes, dates and numbers: the web page, the activity feed and
 * the minutes are in French. Pure.
 *
 * Dates are spelt out with fixed French month and day names rather than `Intl`'s, so that the
 * text does not depend on the ICU data Node was built with ("1er mars", as French writes the
 * first day of a month, which `Intl` does not). Times of day are read in a time zone
 * (Europe/Paris by default, the platform's users being French facilitators) and written "14 h 30".
 */
import { assertCalendarDate, calendarDateIn, DEFAULT_TIME_ZONE } from '../matchmaking/follow-up/calendar';
import { ActionStatus, Attendance, GroupMode, MemberRole } from './model';

/** French wording of each action status, as the feed and the boards show it. */
export const STATUS_LABELS_FR: { readonly [S in ActionStatus]: string } = {
  PLANNED: 'Prévue',
  IN_PROGRESS: 'En cours',
  BLOCKED: 'Bloquée',
  DONE: 'Terminée',
  DROPPED: 'Abandonnée',
};

/**
 * French wording of each member role. "Pilote" is the word PRAEC groups use for whoever leads
 * a group (seed 003 speaks of "délégation de pilotage").
 */
export const ROLE_LABELS_FR: { readonly [R in MemberRole]: string } = {
  LEAD: 'Pilote',
  CO_LEAD: 'Copilote',
  MEMBER: 'Membre',
  OBSERVER: 'Observateur',
};

/** French wording of the three ways a group acts (seed 003). */
export const MODE_LABELS_FR: { readonly [M in GroupMode]: string } = {
  RESOURCE_SPACE: 'Espace ressource',
  PROJECT_OWNER: "Maître d'ouvrage",
  PROJECT_MANAGER: "Maître d'œuvre",
};

/** French wording of attendance, plural, as the headings of an attendance list. */
export const ATTENDANCE_LABELS_FR: { readonly [A in Attendance]: string } = {
  PRESENT: 'Présents',
  EXCUSED: 'Excusés',
  ABSENT: 'Absents',
};

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/**
 * A calendar date in French words, without the weekday.
 *
 * @example dateFr('2026-03-12') // '12 mars 2026'
 * @example dateFr('2026-05-01') // '1er mai 2026'
 */
export function dateFr(date: string): string {
  assertCalendarDate(date, 'date');
  const day = Number(date.slice(8, 10));
  return `${day === 1 ? '1er' : String(day)} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/**
 * A calendar date in French words with its weekday, as a secretary heads minutes.
 *
 * @example longDateFr('2026-03-12') // 'jeudi 12 mars 2026'
 */
export function longDateFr(date: string): string {
  assertCalendarDate(date, 'date');
  return `${WEEKDAYS[new Date(`${date}T00:00:00.000Z`).getUTCDay()]} ${dateFr(date)}`;
}

/**
 * The calendar date of an instant in a time zone: the day a meeting takes place for those who
 * attend it.
 *
 * @throws RangeError when `instant` is not a valid ISO 8601 instant (it comes from stored data)
 */
export function dayOf(instant: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid instant: ${instant}`);
  return calendarDateIn(date, timeZone);
}

/**
 * The time of day of an instant in a time zone, written the French way.
 *
 * @example timeFr('2026-03-12T13:30:00Z') // '14 h 30' (Paris is at UTC+1 in March)
 */
export function timeFr(instant: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid instant: ${instant}`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')} h ${part('minute')}`;
}

/**
 * An instant as a French date and time, e.g. for a meeting.
 *
 * @example dateTimeFr('2026-03-12T13:30:00Z') // 'jeudi 12 mars 2026 à 14 h 30'
 */
export function dateTimeFr(instant: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${longDateFr(dayOf(instant, timeZone))} à ${timeFr(instant, timeZone)}`;
}

/**
 * A number the French way: decimal comma, thin spaces between thousands, at most 2 decimals.
 *
 * @example numberFr(1234.5) // '1 234,5' (with a narrow no-break space)
 */
export function numberFr(value: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(value);
}

/** A quantity with its unit, e.g. "120 t/an"; a percent sign is written the French way too. */
export function quantityFr(value: number, unit: string): string {
  return unit ? `${numberFr(value)}\u00a0${unit}` : numberFr(value);
}

/**
 * Calendar arithmetic on YYYY-MM-DD dates, shared by the follow-up modules. Pure.
 *
 * Why plain date strings rather than `Date`: a follow-up is planned in days ("call back in three
 * months"), not instants. Working on calendar dates at UTC midnight means no daylight-saving
 * hour can push a reminder onto the previous or next day, and the strings sort and compare
 * like the dates they stand for.
 *
 * What "today" is depends on where the reader is, so it is never decided here: functions take
 * `today` as a date, and {@link calendarDateIn} turns an instant into the date of a time zone
 * (Europe/Paris by default: the platform's users are French facilitators).
 */
import { sinceProblem } from '../../relations/actor-relation';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The last day `sinceProblem` can be asked about: with it as "now", no real date is in the
 * future, so the function checks only the shape and the existence of a date. That lets the
 * follow-up modules reuse its checks (and its wording) while they word "not in the future"
 * for their own fields.
 */
const END_OF_CALENDAR = new Date('9999-12-31T00:00:00.000Z');

/** Where a calendar date is used when the caller gives no time zone. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/**
 * What is wrong with a date written by a user, ignoring whether it lies in the future (each
 * caller words that rule for its own field).
 *
 * @returns null for a real date written YYYY-MM-DD, else a message telling what to give
 * @example dateShapeProblem('2024-02-29') // null: 2024 is a leap year
 * @example dateShapeProblem('2023-02-29') // 'must be a real date: 2023-02-29 does not exist'
 */
export function dateShapeProblem(date: string): string | null {
  return sinceProblem(date, END_OF_CALENDAR);
}

/** Whether `value` is a real date written YYYY-MM-DD. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && dateShapeProblem(value) === null;
}

/**
 * Throws when a date handed over by the program (not typed by a user) is malformed: such a
 * date comes from stored data, so a wrong one is a bug to surface, not a message to show.
 */
export function assertCalendarDate(date: string, what: string): void {
  const problem = dateShapeProblem(date);
  if (problem) throw new RangeError(`${what} ${problem}`);
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The same day `months` calendar months later, clamped to the end of a shorter month, so that
 * "one month after 31 January" is the last day of February (28 or 29) rather than early March:
 * a reminder must stay in the month it is meant for.
 *
 * Always counted from `date` itself, never chained: 31 January + 3 months is 30 April, not
 * 28 April (which chaining through February would give).
 *
 * @example addMonths('2024-01-31', 1) // '2024-02-29' (leap year)
 * @example addMonths('2023-01-31', 1) // '2023-02-28'
 * @example addMonths('2024-02-29', 12) // '2025-02-28'
 */
export function addMonths(date: string, months: number): string {
  assertCalendarDate(date, 'date');
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number (got ${months})`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1;
  const day = Number(date.slice(8, 10));
  const target = new Date(Date.UTC(year, month + months, 1));
  // Day 0 of the following month is the last day of the target month.
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target);
}

/**
 * The date `days` days after `date` (before it when negative).
 *
 * @example addDays('2024-02-28', 1) // '2024-02-29'
 */
export function addDays(date: string, days: number): string {
  assertCalendarDate(date, 'date');
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/**
 * Whole days from `from` to `to`: positive when `to` is later.
 *
 * @example daysBetween('2024-02-28', '2024-03-01') // 2
 */
export function daysBetween(from: string, to: string): number {
  assertCalendarDate(from, 'from');
  assertCalendarDate(to, 'to');
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/**
 * The calendar date at instant `now` in `timeZone`: what a facilitator in that zone calls
 * "today". Reminders fall due on the facilitator's day, not the server's (UTC) one.
 *
 * @example calendarDateIn(new Date('2025-03-10T23:30:00Z'), 'Europe/Paris') // '2025-03-11'
 */
export function calendarDateIn(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

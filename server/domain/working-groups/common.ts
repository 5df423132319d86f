/**
 * Small helpers shared by the working-group rules: the shape of a checked input, text and date
 * checks worded the same way everywhere, and name look-ups. Pure.
 *
 * About "today": every rule takes `today` as a calendar date (YYYY-MM-DD) rather than reading a
 * clock, so that tests and the service decide what today is. For "not in the future" checks the
 * service should pass `latestToday(now)` (relations/actor-relation: the latest date anywhere on
 * Earth, so that nobody is refused for writing their own today); for boards and overdue
 * actions, `calendarDateIn(now)` (follow-up/calendar: the facilitator's day in Europe/Paris).
 */
import { assertCalendarDate, dateShapeProblem } from '../matchmaking/follow-up/calendar';
import { GroupProblem, PersonRecord } from './model';

/**
 * The outcome of a check: the normalised value to store (trimmed, blanks as null) and every
 * problem found. `value` is null exactly when there are problems, so a caller cannot store a
 * refused input by forgetting to look at `problems`.
 */
export interface Checked<T> {
  value: T | null;
  problems: GroupProblem[];
}

/** Wraps a value and its problems into a {@link Checked}, nulling the value when refused. */
export function checked<T>(value: T, problems: GroupProblem[]): Checked<T> {
  return problems.length > 0 ? { value: null, problems } : { value, problems };
}

/**
 * A text trimmed, with blank (and anything that is not a string) as null: a blank optional
 * field means "none", never a value made of spaces.
 *
 * @example optionalText('  Hôtel de Région ') // 'Hôtel de Région'
 * @example optionalText('   ') // null
 */
export function optionalText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Checks a required text: present, not blank, between `min` and `max` characters once trimmed.
 * Pushes at most one problem for `field`.
 *
 * @returns the trimmed text ('' when missing)
 */
export function requiredText(value: unknown, field: string, what: string, min: number, max: number, problems: GroupProblem[]): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') {
    problems.push({ field, message: `is required: give ${what}` });
  } else if (text.length < min) {
    problems.push({ field, message: `must have at least ${min} characters (got ${text.length}): give ${what}` });
  } else if (text.length > max) {
    problems.push({ field, message: `must have at most ${max} characters (got ${text.length}): shorten it` });
  }
  return text;
}

/**
 * Checks an optional free text of at most `max` characters once trimmed; blank is none.
 *
 * @returns the trimmed text, or null
 */
export function optionalLongText(value: unknown, field: string, max: number, problems: GroupProblem[]): string | null {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    problems.push({ field, message: `must be text (got ${typeof value})` });
    return null;
  }
  const text = optionalText(value);
  if (text !== null && text.length > max) {
    problems.push({ field, message: `must have at most ${max} characters (got ${text.length}): shorten it` });
  }
  return text;
}

/** Whether `value` is one of `allowed` (a typed list of codes). */
export function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/**
 * What is wrong with a date a user gives for something that already happened: the shape
 * (YYYY-MM-DD, a real day), then the future.
 *
 * @param what completes "give the day …", e.g. "the person joined the group"
 * @returns null when valid, else a message telling what to give
 */
export function pastDateProblem(date: string, today: string, what: string): string | null {
  const shape = dateShapeProblem(date);
  if (shape) return shape;
  if (date > today) return `cannot be in the future (got ${date}, today is ${today}): give the day ${what}`;
  return null;
}

/**
 * Reads an optional date field: absent, null or blank is none; otherwise it must be a real
 * date. Pushes a problem for `field` when it is not.
 */
export function optionalDate(value: unknown, field: string, problems: GroupProblem[]): string | null {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    problems.push({ field, message: `must be a date written YYYY-MM-DD (got ${typeof value})` });
    return null;
  }
  const text = optionalText(value);
  if (text === null) return null;
  const shape = dateShapeProblem(text);
  if (shape) {
    problems.push({ field, message: shape });
    return null;
  }
  return text;
}

/**
 * Throws when `today`, handed over by the program rather than typed by a user, is malformed:
 * every rule compares against it, so a wrong one is a bug to surface at once.
 */
export function assertToday(today: string): void {
  assertCalendarDate(today, 'today');
}

/** The people by id, for look-ups. */
export function peopleById(people: readonly PersonRecord[]): Map<string, PersonRecord> {
  return new Map(people.map((person) => [person.id, person]));
}

/**
 * A person's name, or their id when the person is unknown (deleted, or not passed): a feed
 * line or a board must still say something rather than fail.
 */
export function personName(people: ReadonlyMap<string, PersonRecord>, personId: string): string {
  return people.get(personId)?.name ?? personId;
}

/** Emails compare without case or surrounding spaces: accounts are stored in lowercase. */
export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * A value as a message quotes it: numbers as written (NaN, Infinity included), strings in
 * quotes, so that "12" given for a number is visibly text.
 *
 * @example shown(NaN) // 'NaN'
 * @example shown('12') // '"12"'
 */
export function shown(value: unknown): string {
  if (typeof value === 'number' || value === undefined) return String(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * Collapses line breaks and runs of spaces into one space: a name, an item or a summary is one
 * line. No-break spaces are kept: French typography puts them inside « » and before units.
 */
export function oneLine(text: string): string {
  return text.replace(/[ \t\n\v\f\r\u2028\u2029]+/g, ' ').trim();
}

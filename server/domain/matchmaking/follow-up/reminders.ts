/**
 * When a facilitator should call the two parties of a cooperation again. Pure: no GraphQL, no
 * driver, no clock (the caller says what day it is).
 *
 * The rules, and why:
 * - Reminders fall 1, 3, 6 and 12 calendar months after the meeting ({@link REMINDER_MONTHS}):
 *   close together while the meeting is fresh, then spaced out, because public procurement takes
 *   months to a year and the seeds (ecoCIRC) show economic value does not come within weeks.
 * - Calendar months, clamped to the end of a shorter month: a meeting on 31 January is followed
 *   up on 28 February (29 in a leap year), not in March.
 * - A reminder is DONE once recorded as done, whenever that was (early is fine: the call was
 *   made). Otherwise it is OVERDUE once its day has passed, DUE from {@link DUE_WINDOW_DAYS} days
 *   before its day until that day (time to book the call), UPCOMING before that.
 * - Reminders stop (CLOSED) while the cooperation is at NO_FURTHER_CONTACT or AGREEMENT_REACHED:
 *   there is no point reminding. Done ones stay DONE (what was done stays on record). If the
 *   cooperation moves back to an open stage, the reminders not done come back.
 * - A reminder that fell before the cooperation was opened is left out, unless it was done:
 *   nobody could have done it, and the opening itself was the contact.
 */
import { CooperationStage, Cooperation, currentEntry, isClosingStage, ReminderDone } from './cooperation';
import { addDays, addMonths, assertCalendarDate, dateShapeProblem, daysBetween } from './calendar';
import { FollowUpProblem, normaliseNote, noteProblem } from './feedback';
import { latestToday } from '../../relations/actor-relation';

/** Months after the meeting at which a reminder falls. */
export const REMINDER_MONTHS = [1, 3, 6, 12] as const;
export type ReminderMonths = (typeof REMINDER_MONTHS)[number];

/** How many days ahead a reminder is DUE: two weeks, enough to book a call with a collectivité. */
export const DUE_WINDOW_DAYS = 14;

/** Longest note kept on a done reminder. */
export const MAX_REMINDER_NOTE = 2000;

export type ReminderStatus = 'DONE' | 'DUE' | 'OVERDUE' | 'UPCOMING' | 'CLOSED';

/** French wording of each status. */
export const REMINDER_STATUS_LABELS: { readonly [S in ReminderStatus]: string } = {
  DONE: 'Fait',
  DUE: 'À faire',
  OVERDUE: 'En retard',
  UPCOMING: 'À venir',
  CLOSED: 'Sans objet',
};

/** One reminder of a cooperation, with where it stands today. */
export interface Reminder {
  monthsAfter: ReminderMonths;
  /** YYYY-MM-DD. */
  dueOn: string;
  /** YYYY-MM-DD, or null when not done. */
  doneOn: string | null;
  note: string | null;
  status: ReminderStatus;
}

/** What else {@link remindersFor} may know of the cooperation. */
export interface ReminderContext {
  /** The current stage; reminders are CLOSED at a closing stage. Absent: open. */
  stage?: CooperationStage;
  /** YYYY-MM-DD the cooperation was opened; reminders due before it are left out. Absent: the meeting. */
  createdOn?: string;
}

/** A reminder a facilitator should act on, from {@link dueReminders}. */
export interface DueReminder {
  cooperationId: string;
  actorAId: string;
  actorBId: string;
  monthsAfter: ReminderMonths;
  /** YYYY-MM-DD. */
  dueOn: string;
  status: 'OVERDUE' | 'DUE' | 'UPCOMING';
  /** Days since it fell due: positive when late, 0 on the day, negative for days left. */
  daysOverdue: number;
}

/** A reminder marked done, as given by the caller. */
export interface ReminderDoneInput {
  monthsAfter: number;
  /** YYYY-MM-DD. */
  doneOn: string;
  note?: string | null;
}

/** The outcome of {@link checkReminderDone}: `value` is null exactly when there are problems. */
export interface CheckedReminderDone {
  value: ReminderDone | null;
  problems: FollowUpProblem[];
}

/** Whether `value` is one of the reminder months 1, 3, 6, 12. */
export function isReminderMonths(value: unknown): value is ReminderMonths {
  return typeof value === 'number' && (REMINDER_MONTHS as readonly number[]).includes(value);
}

/**
 * The days on which a meeting's reminders fall.
 *
 * @example reminderDates('2024-01-31') // ['2024-02-29', '2024-04-30', '2024-07-31', '2025-01-31']
 */
export function reminderDates(meetingDate: string): string[] {
  return REMINDER_MONTHS.map((months) => addMonths(meetingDate, months));
}

/**
 * The reminders of a cooperation and where each stands on `today`.
 *
 * @param meetingDate YYYY-MM-DD of the meeting the cooperation was born from
 * @param done reminders recorded as done; when one is recorded twice, the latest `doneOn` counts
 *   (a correction), and entries for other months than 1, 3, 6, 12 are ignored
 * @param today YYYY-MM-DD, the facilitator's day (see calendarDateIn)
 * @param context the cooperation's current stage and opening day, see {@link ReminderContext}
 * @returns the reminders, earliest first
 * @throws RangeError when a date is not a real YYYY-MM-DD date: they come from stored data
 */
export function remindersFor(
  meetingDate: string,
  done: readonly ReminderDone[],
  today: string,
  context: ReminderContext = {},
): Reminder[] {
  assertCalendarDate(meetingDate, 'meetingDate');
  assertCalendarDate(today, 'today');
  if (context.createdOn !== undefined) assertCalendarDate(context.createdOn, 'createdOn');
  const closed = context.stage !== undefined && isClosingStage(context.stage);
  const reminders: Reminder[] = [];
  for (const monthsAfter of REMINDER_MONTHS) {
    const dueOn = addMonths(meetingDate, monthsAfter);
    const record = latestDone(done, monthsAfter);
    if (record) {
      reminders.push({ monthsAfter, dueOn, doneOn: record.doneOn, note: record.note, status: 'DONE' });
      continue;
    }
    if (context.createdOn !== undefined && dueOn < context.createdOn) continue;
    reminders.push({ monthsAfter, dueOn, doneOn: null, note: null, status: closed ? 'CLOSED' : openStatus(dueOn, today) });
  }
  return reminders;
}

function latestDone(done: readonly ReminderDone[], monthsAfter: number): ReminderDone | null {
  let latest: ReminderDone | null = null;
  for (const record of done) {
    if (record.monthsAfter === monthsAfter && (latest === null || record.doneOn >= latest.doneOn)) latest = record;
  }
  return latest;
}

function openStatus(dueOn: string, today: string): 'OVERDUE' | 'DUE' | 'UPCOMING' {
  if (dueOn < today) return 'OVERDUE';
  return dueOn <= addDays(today, DUE_WINDOW_DAYS) ? 'DUE' : 'UPCOMING';
}

/**
 * What facilitators should do over the next `horizonDays` days, across cooperations: every
 * reminder not done of an open cooperation that is overdue or falls within the horizon.
 * Most overdue first (earliest due day), because the longer a collectivité waits, the colder
 * the lead; then by cooperation id and month, so that the list is stable from one call to the
 * next.
 *
 * @param today YYYY-MM-DD, the facilitator's day
 * @param horizonDays how far ahead to look (0: only what is overdue or due today)
 * @throws RangeError when horizonDays is not a whole number ≥ 0
 */
export function dueReminders(
  cooperations: readonly Pick<Cooperation, 'id' | 'actorAId' | 'actorBId' | 'meetingDate' | 'createdOn' | 'history' | 'remindersDone'>[],
  today: string,
  horizonDays: number,
): DueReminder[] {
  if (!Number.isInteger(horizonDays) || horizonDays < 0) {
    throw new RangeError(`horizonDays must be a whole number of days, 0 or more (got ${horizonDays})`);
  }
  const until = addDays(today, horizonDays);
  const due: DueReminder[] = [];
  for (const cooperation of cooperations) {
    const stage = currentEntry(cooperation.history).stage;
    const reminders = remindersFor(cooperation.meetingDate, cooperation.remindersDone, today, {
      stage,
      createdOn: cooperation.createdOn,
    });
    for (const reminder of reminders) {
      if (reminder.status === 'DONE' || reminder.status === 'CLOSED' || reminder.dueOn > until) continue;
      due.push({
        cooperationId: cooperation.id,
        actorAId: cooperation.actorAId,
        actorBId: cooperation.actorBId,
        monthsAfter: reminder.monthsAfter,
        dueOn: reminder.dueOn,
        status: reminder.status,
        daysOverdue: daysBetween(reminder.dueOn, today),
      });
    }
  }
  return due.sort(
    (x, y) =>
      (x.dueOn < y.dueOn ? -1 : x.dueOn > y.dueOn ? 1 : 0) ||
      (x.cooperationId < y.cooperationId ? -1 : x.cooperationId > y.cooperationId ? 1 : 0) ||
      x.monthsAfter - y.monthsAfter,
  );
}

/**
 * Checks a reminder a facilitator marks as done.
 *
 * Refused: a month that is not 1, 3, 6 or 12; a date that is not real, in the future (the
 * latest date anywhere on Earth, as for actor relations) or before the meeting (there was
 * nothing to follow yet); a note too long. Marking a reminder done again is allowed: it
 * corrects the first record.
 *
 * @param meetingDate YYYY-MM-DD of the cooperation's meeting
 * @param now the current instant, for "not in the future"
 */
export function checkReminderDone(input: ReminderDoneInput, meetingDate: string, now: Date): CheckedReminderDone {
  const problems: FollowUpProblem[] = [];
  if (!isReminderMonths(input.monthsAfter)) {
    problems.push({
      field: 'monthsAfter',
      message: `must be one of ${REMINDER_MONTHS.join(', ')}: the reminder's months after the meeting (got ${String(input.monthsAfter)})`,
    });
  }
  const doneOn = typeof input.doneOn === 'string' ? input.doneOn.trim() : '';
  const shape = dateShapeProblem(doneOn);
  if (shape) {
    problems.push({ field: 'doneOn', message: shape });
  } else if (doneOn > latestToday(now)) {
    problems.push({ field: 'doneOn', message: `cannot be in the future (got ${doneOn}): give the day the reminder was done` });
  } else if (doneOn < meetingDate) {
    problems.push({ field: 'doneOn', message: `cannot be before the meeting (${meetingDate}) (got ${doneOn})` });
  }
  const note = normaliseNote(input.note);
  const tooLong = noteProblem(note, MAX_REMINDER_NOTE);
  if (tooLong) problems.push({ field: 'note', message: tooLong });
  if (problems.length > 0) return { value: null, problems };
  return { value: { monthsAfter: input.monthsAfter, doneOn, note }, problems };
}

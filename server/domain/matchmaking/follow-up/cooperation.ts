/**
 * A cooperation born from a speed meeting, followed for months: which stage it has reached, and
 * how it got there. Pure: no GraphQL, no driver.
 *
 * The stages are the scale of the Enterprise Europe Network's "second-stage feedback" after a
 * brokerage event, so that Maillage's figures compare with what European brokerage events
 * publish. In increasing order of outcome:
 * NO_FURTHER_CONTACT < KNOWLEDGE_GAINED < VALUABLE_CONTACT < NEGOTIATION_STARTED < AGREEMENT_REACHED.
 *
 * The rules, and why:
 * - A new cooperation starts at VALUABLE_CONTACT (see {@link INITIAL_COOPERATION_STAGE}).
 * - Any stage may follow any other: a negotiation stalls and the parties go back to being
 *   valuable contacts, a "no further contact" comes back when a tender opens. Forbidding
 *   backward moves would only make facilitators record fiction.
 * - A change must change something: the same stage with the same `publicContract` flag twice in
 *   a row adds nothing but noise to the history (a mere update goes in a reminder's note).
 * - `publicContract` marks an AGREEMENT_REACHED that is a public contract (the outcome ecoCIRC
 *   aims at: local innovative firms winning public procurement). It means nothing at any other
 *   stage, so it is refused there rather than silently dropped.
 * - `on` is the calendar date (YYYY-MM-DD) the change happened: real, not in the future ("today"
 *   is the latest date anywhere on Earth, as for actor relations), not before the cooperation was
 *   opened, and not before the latest recorded change. The last rule keeps the history in order,
 *   so that the change just recorded is the current stage, and the report's "stage at 3 months"
 *   does not silently change when someone backdates an entry.
 * - `note` is free text of at most {@link MAX_STAGE_NOTE} characters once trimmed; blank is none.
 */
import { latestToday } from '../../relations/actor-relation';
import { dateShapeProblem } from './calendar';
import { FollowUpProblem, FollowUpRequester, normaliseNote, noteProblem } from './feedback';

export const COOPERATION_STAGES = [
  'NO_FURTHER_CONTACT',
  'KNOWLEDGE_GAINED',
  'VALUABLE_CONTACT',
  'NEGOTIATION_STARTED',
  'AGREEMENT_REACHED',
] as const;
export type CooperationStage = (typeof COOPERATION_STAGES)[number];

/** French wording of each stage (the web page and the reports are in French). */
export const COOPERATION_STAGE_LABELS: { readonly [S in CooperationStage]: string } = {
  NO_FURTHER_CONTACT: 'Pas de suite',
  KNOWLEDGE_GAINED: 'Pas de suite, mais des connaissances acquises',
  VALUABLE_CONTACT: 'Contact utile pour de futurs projets',
  NEGOTIATION_STARTED: 'Négociation engagée',
  AGREEMENT_REACHED: 'Accord conclu',
};

/** French wording of an AGREEMENT_REACHED that is a public contract. */
export const PUBLIC_CONTRACT_LABEL = 'Accord conclu : marché public';

/**
 * Where every cooperation starts. A cooperation is opened only because someone asked for a
 * follow-up after meeting face to face: by their own account the contact is worth keeping for
 * future projects, and nothing is negotiated yet. Starting lower would record a loss before
 * anything happened; starting higher would count negotiations nobody started.
 */
export const INITIAL_COOPERATION_STAGE: CooperationStage = 'VALUABLE_CONTACT';

/**
 * Stages at which reminders stop: the parties said there is nothing more to follow, or they
 * agreed and the cooperation lives on its own. KNOWLEDGE_GAINED is left out on purpose: a
 * collectivité that learnt of a solution is the one that calls back when a tender opens, months
 * later, and a reminder is what brings the facilitator back to it.
 */
export const CLOSING_STAGES: readonly CooperationStage[] = ['NO_FURTHER_CONTACT', 'AGREEMENT_REACHED'];

/** Longest note kept on a stage change. */
export const MAX_STAGE_NOTE = 2000;

/** One recorded stage, in the order recorded. */
export interface StageHistoryEntry {
  stage: CooperationStage;
  /** YYYY-MM-DD: the day the cooperation reached this stage. */
  on: string;
  note: string | null;
  /** Email of the account that recorded it. */
  by: string;
  /** True only on an AGREEMENT_REACHED that is a public contract. */
  publicContract: boolean;
}

/** A reminder a facilitator has done (see reminders.ts). */
export interface ReminderDone {
  /** Which reminder: 1, 3, 6 or 12 months after the meeting. */
  monthsAfter: number;
  /** YYYY-MM-DD. */
  doneOn: string;
  note: string | null;
}

/** A tracked cooperation between two actors, as stored. */
export interface Cooperation {
  id: string;
  /** The stored meeting it was born from (a meeting opens at most one cooperation), when known. */
  meetingId?: string;
  /** The two actors who met: `a` and `b` of the meeting it was born from. */
  actorAId: string;
  actorBId: string;
  /** YYYY-MM-DD: the day of the meeting; reminders count from it. */
  meetingDate: string;
  /** YYYY-MM-DD: the day it was opened, on or after the meeting; its first history entry's date. */
  createdOn: string;
  /** Who asked for the follow-up. */
  requestedBy: FollowUpRequester;
  /** Non-empty, oldest first; the first entry is the opening at {@link INITIAL_COOPERATION_STAGE}. */
  history: StageHistoryEntry[];
  remindersDone: ReminderDone[];
}

/** What {@link checkStageChange} needs to know of the cooperation. */
export interface CooperationSnapshot {
  stage: CooperationStage;
  publicContract: boolean;
  /** YYYY-MM-DD. */
  createdOn: string;
  /** YYYY-MM-DD of the latest recorded change (the opening when none). */
  lastChangeOn: string;
}

/** A stage change as given by the caller. */
export interface StageChangeInput {
  /** Absent means false. */
  publicContract?: boolean;
  note?: string | null;
  /** YYYY-MM-DD. */
  on: string;
}

/** A checked stage change: a history entry but for `by`, which the caller knows. */
export type StageChange = Omit<StageHistoryEntry, 'by'>;

/** The outcome of {@link checkStageChange}: `value` is null exactly when there are problems. */
export interface CheckedStageChange {
  value: StageChange | null;
  problems: FollowUpProblem[];
}

/** A cooperation to open, as given by the caller. */
export interface CooperationOpening {
  /** The stored meeting it is born from, copied as is. */
  meetingId?: string;
  actorAId: string;
  actorBId: string;
  /** YYYY-MM-DD. */
  meetingDate: string;
  /** YYYY-MM-DD: when the facilitator opens it. */
  createdOn: string;
  requestedBy: FollowUpRequester;
  /** Email of the account opening it. */
  by: string;
  note?: string | null;
}

/** The outcome of {@link openCooperation}: `value` is null exactly when there are problems. */
export interface CheckedOpening {
  value: Omit<Cooperation, 'id'> | null;
  problems: FollowUpProblem[];
}

/** Whether `value` names a stage. */
export function isCooperationStage(value: unknown): value is CooperationStage {
  return typeof value === 'string' && (COOPERATION_STAGES as readonly string[]).includes(value);
}

/**
 * Whether reminders stop at this stage (see {@link CLOSING_STAGES} for why these two).
 *
 * @example isClosingStage('AGREEMENT_REACHED') // true
 * @example isClosingStage('KNOWLEDGE_GAINED') // false
 */
export function isClosingStage(stage: CooperationStage): boolean {
  return CLOSING_STAGES.includes(stage);
}

/**
 * The French wording of a stage, telling a public contract apart from another agreement.
 *
 * @example stageLabel('AGREEMENT_REACHED', true) // 'Accord conclu : marché public'
 */
export function stageLabel(stage: CooperationStage, publicContract = false): string {
  return stage === 'AGREEMENT_REACHED' && publicContract ? PUBLIC_CONTRACT_LABEL : COOPERATION_STAGE_LABELS[stage];
}

/**
 * The history ordered by date, entries of the same day kept in the order recorded. Stored
 * histories should already be in that order; sorting here means a database returning them
 * in another order cannot change what the current stage is.
 */
export function orderedHistory(history: readonly StageHistoryEntry[]): StageHistoryEntry[] {
  return history
    .map((entry, index) => ({ entry, index }))
    .sort((x, y) => (x.entry.on < y.entry.on ? -1 : x.entry.on > y.entry.on ? 1 : x.index - y.index))
    .map(({ entry }) => entry);
}

/**
 * The entry in effect at the end of day `date`: the latest one on or before it, or null when
 * the cooperation was not yet opened. The session report uses it to tell where each
 * cooperation stood 1, 3, 6 and 12 months after the session.
 *
 * @example stageOn(history, '2025-06-10')?.stage // 'NEGOTIATION_STARTED'
 */
export function stageOn(history: readonly StageHistoryEntry[], date: string): StageHistoryEntry | null {
  let current: StageHistoryEntry | null = null;
  for (const entry of orderedHistory(history)) {
    if (entry.on > date) break;
    current = entry;
  }
  return current;
}

/**
 * The latest entry of a history: where the cooperation stands now.
 *
 * @throws RangeError on an empty history: every cooperation has its opening entry, so an empty
 *   one is corrupt data, not a state to display.
 */
export function currentEntry(history: readonly StageHistoryEntry[]): StageHistoryEntry {
  const ordered = orderedHistory(history);
  const last = ordered[ordered.length - 1];
  if (!last) throw new RangeError('a cooperation history cannot be empty: it starts with the opening');
  return last;
}

/** What {@link checkStageChange} needs, read from a stored cooperation. */
export function snapshotOf(cooperation: Pick<Cooperation, 'createdOn' | 'history'>): CooperationSnapshot {
  const last = currentEntry(cooperation.history);
  return { stage: last.stage, publicContract: last.publicContract, createdOn: cooperation.createdOn, lastChangeOn: last.on };
}

/** Problem with a date a user gives for something that happened: shape, future. */
function pastDateProblem(on: string, now: Date, what: string): string | null {
  const shape = dateShapeProblem(on);
  if (shape) return shape;
  if (on > latestToday(now)) return `cannot be in the future (got ${on}): give the day ${what}`;
  return null;
}

/**
 * Opens a cooperation after a meeting, at {@link INITIAL_COOPERATION_STAGE}.
 *
 * Refused: the same actor on both sides (a meeting has two parties), dates that are not real or
 * in the future, an opening before the meeting (the cooperation is born from it), a note too long.
 *
 * @param now the current instant, for "not in the future"
 * @returns the cooperation to store, without its id (null when refused), and every problem found
 */
export function openCooperation(input: CooperationOpening, now: Date): CheckedOpening {
  const problems: FollowUpProblem[] = [];
  if (input.actorAId === input.actorBId) {
    problems.push({ field: 'actorBId', message: 'a cooperation joins two different actors: give the other party of the meeting' });
  }
  const meetingDate = typeof input.meetingDate === 'string' ? input.meetingDate.trim() : '';
  const createdOn = typeof input.createdOn === 'string' ? input.createdOn.trim() : '';
  const meetingProblem = pastDateProblem(meetingDate, now, 'of the meeting');
  if (meetingProblem) problems.push({ field: 'meetingDate', message: meetingProblem });
  const createdProblem = pastDateProblem(createdOn, now, 'the follow-up was opened');
  if (createdProblem) problems.push({ field: 'createdOn', message: createdProblem });
  if (!meetingProblem && !createdProblem && createdOn < meetingDate) {
    problems.push({
      field: 'createdOn',
      message: `cannot be before the meeting (${meetingDate}), since the cooperation is born from it (got ${createdOn})`,
    });
  }
  if (!['A', 'B', 'BOTH'].includes(input.requestedBy)) {
    problems.push({ field: 'requestedBy', message: `must be A, B or BOTH: the side(s) that asked for a follow-up (got "${String(input.requestedBy)}")` });
  }
  const note = normaliseNote(input.note);
  const tooLong = noteProblem(note, MAX_STAGE_NOTE);
  if (tooLong) problems.push({ field: 'note', message: tooLong });
  if (problems.length > 0) return { value: null, problems };
  return {
    value: {
      ...(input.meetingId !== undefined ? { meetingId: input.meetingId } : {}),
      actorAId: input.actorAId,
      actorBId: input.actorBId,
      meetingDate,
      createdOn,
      requestedBy: input.requestedBy,
      history: [{ stage: INITIAL_COOPERATION_STAGE, on: createdOn, note, by: input.by, publicContract: false }],
      remindersDone: [],
    },
    problems,
  };
}

/**
 * Checks a change of stage against the rules above.
 *
 * @param current where the cooperation stands (see {@link snapshotOf})
 * @param next the stage reached
 * @param change when, with which note, and whether the agreement is a public contract
 * @param now the current instant, for "not in the future"
 * @returns the history entry to append, but for `by` (null when refused), and every problem found
 * @example checkStageChange(snapshot, 'NEGOTIATION_STARTED', { on: '2025-05-02' }, now).problems // []
 */
export function checkStageChange(
  current: CooperationSnapshot,
  next: CooperationStage,
  change: StageChangeInput,
  now: Date,
): CheckedStageChange {
  const problems: FollowUpProblem[] = [];
  const stageKnown = isCooperationStage(next);
  if (!stageKnown) {
    problems.push({ field: 'stage', message: `must be one of ${COOPERATION_STAGES.join(', ')} (got "${String(next)}")` });
  }
  const publicContract = change.publicContract ?? false;
  if (typeof publicContract !== 'boolean') {
    problems.push({ field: 'publicContract', message: `must be true or false (got ${String(publicContract)})` });
  } else if (publicContract && stageKnown && next !== 'AGREEMENT_REACHED') {
    problems.push({
      field: 'publicContract',
      message: `only an agreement can be a public contract: choose AGREEMENT_REACHED, or leave publicContract false (stage given: ${next})`,
    });
  }
  if (stageKnown && next === current.stage && publicContract === current.publicContract) {
    problems.push({
      field: 'stage',
      message: `the cooperation is already at ${next} (${stageLabel(next, publicContract)}): choose another stage, or write the news in a reminder's note`,
    });
  }
  const on = typeof change.on === 'string' ? change.on.trim() : '';
  const dateProblem = pastDateProblem(on, now, 'the cooperation reached this stage');
  if (dateProblem) {
    problems.push({ field: 'on', message: dateProblem });
  } else if (on < current.createdOn) {
    problems.push({ field: 'on', message: `cannot be before the cooperation was opened (${current.createdOn}) (got ${on})` });
  } else if (on < current.lastChangeOn) {
    problems.push({
      field: 'on',
      message: `cannot be before the latest recorded change (${current.lastChangeOn}) (got ${on}): give a date on or after it`,
    });
  }
  const note = normaliseNote(change.note);
  const tooLong = noteProblem(note, MAX_STAGE_NOTE);
  if (tooLong) problems.push({ field: 'note', message: tooLong });
  if (problems.length > 0) return { value: null, problems };
  return { value: { stage: next, on, note, publicContract }, problems };
}

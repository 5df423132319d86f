/**
 * What each side says after a speed meeting, and whether the meeting opens a follow-up. Pure:
 * no GraphQL, no driver.
 *
 * In an ecoCIRC-style session a company pitches to a collectivité (5 minutes, then about 15
 * minutes of exchange). Right after, each side records its own feedback, without seeing the
 * other's, so that a polite "interesting" said face to face does not become the record.
 *
 * The rules, and why:
 * - `interest` is a whole number from 0 to 3 (0 none, 1 low, 2 real, 3 strong). Four levels
 *   and no middle one, so that nobody can sit on the fence; numbers rather than words so that
 *   the session report can count and compare them ({@link INTEREST_LABELS} gives the words).
 * - `followUpWanted` is asked separately from the interest, and may go against it: a
 *   collectivité with little interest of its own may still want to pass the company on to
 *   another department, and a very interested company may know the buyer cannot act now.
 * - `note` is free text of at most {@link MAX_FEEDBACK_NOTE} characters once trimmed; blank
 *   means none.
 */

/** Why an input is refused, with the input field to blame. */
export interface FollowUpProblem {
  field: string;
  message: string;
}

/** The two sides of a meeting, as the planner names them: `a` and `b` of a planned meeting. */
export type MeetingSide = 'A' | 'B';

export const INTEREST_LEVELS = [0, 1, 2, 3] as const;
export type InterestLevel = (typeof INTEREST_LEVELS)[number];

/** French wording of each level (the web page is in French). */
export const INTEREST_LABELS: { readonly [L in InterestLevel]: string } = {
  0: 'Aucun intérêt',
  1: 'Intérêt faible',
  2: 'Intérêt réel',
  3: 'Intérêt fort',
};

/** Longest note kept: a few paragraphs; beyond that it is minutes, not feedback. */
export const MAX_FEEDBACK_NOTE = 2000;

/** One side's feedback on one meeting, checked. */
export interface MeetingFeedback {
  interest: InterestLevel;
  followUpWanted: boolean;
  note: string | null;
}

/** Feedback as given by the caller. */
export interface FeedbackInput {
  interest: number;
  followUpWanted: boolean;
  /** Null, absent or blank: no note. */
  note?: string | null;
}

/** The outcome of {@link checkFeedback}: `value` is null exactly when there are problems. */
export interface CheckedFeedback {
  value: MeetingFeedback | null;
  problems: FollowUpProblem[];
}

/** Who asked for a follow-up: one side, or both. */
export type FollowUpRequester = 'A' | 'B' | 'BOTH';

/** The outcome of {@link followUpDecision}. */
export interface FollowUpDecision {
  /** Whether a cooperation is to be opened and followed. */
  open: boolean;
  /** Who asked for it; null when nobody did. */
  requestedBy: FollowUpRequester | null;
}

/** Whether `value` is one of the interest levels 0..3. */
export function isInterestLevel(value: unknown): value is InterestLevel {
  return typeof value === 'number' && (INTEREST_LEVELS as readonly number[]).includes(value);
}

/**
 * Free text trimmed, with blank (or null, or absent) as null: an empty note is no note, and
 * must not show up as one in the follow-up.
 *
 * @example normaliseNote('  À rappeler en juin ') // 'À rappeler en juin'
 * @example normaliseNote('   ') // null
 */
export function normaliseNote(note: string | null | undefined): string | null {
  const trimmed = typeof note === 'string' ? note.trim() : '';
  return trimmed ? trimmed : null;
}

/**
 * The problem with a note longer than `max` characters once trimmed, else null. Shared by the
 * follow-up modules so that every note is refused with the same words.
 */
export function noteProblem(note: string | null, max: number): string | null {
  if (note !== null && note.length > max) {
    return `must have at most ${max} characters (got ${note.length}): shorten it`;
  }
  return null;
}

/**
 * Checks one side's feedback against the rules above.
 *
 * @param input the feedback as given
 * @returns the normalised feedback (null when refused) and every problem found (empty when valid)
 * @example checkFeedback({ interest: 2, followUpWanted: true, note: ' ' }).value
 *   // { interest: 2, followUpWanted: true, note: null }
 */
export function checkFeedback(input: FeedbackInput): CheckedFeedback {
  const problems: FollowUpProblem[] = [];
  if (!isInterestLevel(input.interest)) {
    problems.push({
      field: 'interest',
      message: `must be a whole number from 0 to 3 (0 none, 1 low, 2 real, 3 strong interest) (got ${String(input.interest)})`,
    });
  }
  // GraphQL guarantees a boolean, but this module may be fed stored JSON too.
  if (typeof input.followUpWanted !== 'boolean') {
    problems.push({ field: 'followUpWanted', message: `must be true or false (got ${String(input.followUpWanted)})` });
  }
  if (input.note !== undefined && input.note !== null && typeof input.note !== 'string') {
    problems.push({ field: 'note', message: 'must be text: give the note as a string, or nothing' });
  }
  const note = normaliseNote(typeof input.note === 'string' ? input.note : null);
  const tooLong = noteProblem(note, MAX_FEEDBACK_NOTE);
  if (tooLong) problems.push({ field: 'note', message: tooLong });
  if (problems.length > 0) return { value: null, problems };
  return { value: { interest: input.interest as InterestLevel, followUpWanted: input.followUpWanted, note }, problems };
}

/**
 * Whether a meeting opens a follow-up, from the two sides' feedback (null: that side gave none).
 *
 * One side is enough, because the follow-up is not a contract between the two: it is the
 * facilitator's to-do. A company that wants to be called back by a collectivité that was lukewarm
 * on the day is exactly who a facilitator can help: it brokers the second contact, brings the
 * company back when a public purchase opens, and learns why the collectivité hesitated. Waiting
 * for both sides would lose those leads; public procurement is slow, and interest on the buyer's
 * side often comes months later.
 *
 * @example followUpDecision({ interest: 3, followUpWanted: true, note: null }, null)
 *   // { open: true, requestedBy: 'A' }
 */
export function followUpDecision(a: MeetingFeedback | null, b: MeetingFeedback | null): FollowUpDecision {
  const byA = a?.followUpWanted === true;
  const byB = b?.followUpWanted === true;
  const requestedBy: FollowUpRequester | null = byA && byB ? 'BOTH' : byA ? 'A' : byB ? 'B' : null;
  return { open: requestedBy !== null, requestedBy };
}

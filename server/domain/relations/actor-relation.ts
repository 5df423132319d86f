/**
 * Known relations between actors: who supplies whom, who is whose client, who cooperates with
 * whom, who sits on whose board. Facilitators record what they know so that the graph shows
 * existing ties next to the synergy leads. Pure: no GraphQL, no driver.
 *
 * The rules, and why:
 * - A relation goes from one actor to another: SUPPLIES, CLIENT_OF and BOARD_MEMBER_OF read
 *   "from … to"; COOPERATES_WITH means the same both ways, so (a, b) and (b, a) are one relation.
 * - An actor is never related to itself: a company does not supply or advise itself, and such an
 *   edge is always a mistake in the ids.
 * - `since` is a calendar date (YYYY-MM-DD), real and not in the future: a relation is known,
 *   not planned. "Today" is the latest date anywhere on Earth (UTC+14), so that a user who
 *   writes today's date in Nouméa, Paris or Papeete is never refused because the server's
 *   clock is still on yesterday.
 * - `description` is free text of at most {@link MAX_RELATION_DESCRIPTION} characters once
 *   trimmed; blank means none.
 */

export const ACTOR_RELATION_TYPES = ['SUPPLIES', 'CLIENT_OF', 'COOPERATES_WITH', 'BOARD_MEMBER_OF'] as const;
export type ActorRelationType = (typeof ACTOR_RELATION_TYPES)[number];

/** A recorded relation, as stored: `from` and `to` are the stored direction. */
export interface ActorRelationRecord {
  type: ActorRelationType;
  fromActorId: string;
  toActorId: string;
  /** YYYY-MM-DD, or null when unknown. */
  since: string | null;
  description: string | null;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC; changes each time the relation is recorded again. */
  updatedAt: string;
  /** Email of the account that last recorded it (whose `since` and `description` these are). */
  recordedBy: string;
}

/** French wording of each type, to display "A <label> B" (the web page is in French). */
export const ACTOR_RELATION_LABELS: { readonly [T in ActorRelationType]: string } = {
  SUPPLIES: 'fournit',
  CLIENT_OF: 'est client de',
  COOPERATES_WITH: 'coopère avec',
  BOARD_MEMBER_OF: "siège au conseil d'administration de",
};

/** Longest description kept; beyond that it is a document, not a note on a relation. */
export const MAX_RELATION_DESCRIPTION = 1000;

// Kiribati (Line Islands) is the first to reach a new day, at UTC+14.
const EARLIEST_TIME_ZONE_OFFSET_MS = 14 * 3600 * 1000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Why a relation is refused, with the input field to blame. */
export interface RelationProblem {
  field: string;
  message: string;
}

/** A relation to record, as given by the caller. */
export interface RelationRequest {
  fromActorId: string;
  toActorId: string;
  type: ActorRelationType;
  /** Absent: unchanged when the relation exists; null clears. */
  since?: string | null;
  /** Absent: unchanged when the relation exists; null or blank clears. */
  description?: string | null;
}

/** The checked values of a {@link RelationRequest}; `undefined` still means "absent". */
export interface CheckedRelation {
  since: string | null | undefined;
  description: string | null | undefined;
  problems: RelationProblem[];
}

/** Whether `value` names a relation type. */
export function isActorRelationType(value: unknown): value is ActorRelationType {
  return typeof value === 'string' && (ACTOR_RELATION_TYPES as readonly string[]).includes(value);
}

/**
 * Whether the relation means the same in both directions, so that (a, b) and (b, a) are one.
 *
 * @example isSymmetric('COOPERATES_WITH') // true
 * @example isSymmetric('SUPPLIES') // false: a supplying b is not b supplying a
 */
export function isSymmetric(type: ActorRelationType): boolean {
  return type === 'COOPERATES_WITH';
}

/**
 * The latest calendar date anywhere on Earth at `now`: no one can truthfully write a later one.
 *
 * @example latestToday(new Date('2025-03-10T12:00:00Z')) // '2025-03-11'
 */
export function latestToday(now: Date): string {
  return new Date(now.getTime() + EARLIEST_TIME_ZONE_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Checks a `since` date.
 *
 * @param since the date as given (YYYY-MM-DD)
 * @param now the current instant
 * @returns null when valid, else what is wrong, in words that tell the user what to give
 * @example sinceProblem('2023-02-30', new Date()) // 'must be a real date: 2023-02-30 does not exist'
 */
export function sinceProblem(since: string, now: Date): string | null {
  if (!DATE_PATTERN.test(since)) return `must be a date written YYYY-MM-DD, e.g. "2021-09-01" (got "${since}")`;
  const parsed = new Date(`${since}T00:00:00.000Z`);
  // A date that does not exist (2023-02-30) either fails to parse or rolls over to another day.
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== since) {
    return `must be a real date: ${since} does not exist`;
  }
  if (since > latestToday(now)) return `cannot be in the future (got ${since}): give the date the relation started`;
  return null;
}

/**
 * A description trimmed, with blank as null.
 *
 * @example normaliseDescription('  Livraison hebdomadaire ') // 'Livraison hebdomadaire'
 * @example normaliseDescription('   ') // null
 */
export function normaliseDescription(description: string | null | undefined): string | null | undefined {
  if (description === undefined) return undefined;
  const trimmed = description?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Checks a relation to record against the rules above, without the database (whether the
 * actors exist is the caller's business).
 *
 * @param request the relation as given
 * @param now the current instant, for `since`
 * @returns the normalised `since` and `description`, and every problem found (empty when valid)
 */
export function checkRelation(request: RelationRequest, now: Date): CheckedRelation {
  const problems: RelationProblem[] = [];
  if (!isActorRelationType(request.type)) {
    problems.push({ field: 'type', message: `must be one of ${ACTOR_RELATION_TYPES.join(', ')} (got "${String(request.type)}")` });
  }
  if (request.fromActorId === request.toActorId) {
    problems.push({ field: 'toActorId', message: 'an actor cannot be related to itself: give two different actors' });
  }
  const since = request.since === undefined || request.since === null ? request.since : request.since.trim();
  if (since) {
    const problem = sinceProblem(since, now);
    if (problem) problems.push({ field: 'since', message: problem });
  }
  const description = normaliseDescription(request.description);
  if (description && description.length > MAX_RELATION_DESCRIPTION) {
    problems.push({
      field: 'description',
      message: `must have at most ${MAX_RELATION_DESCRIPTION} characters (got ${description.length}): shorten it`,
    });
  }
  // An empty `since` is no date, like a blank description.
  return { since: since === '' ? null : since, description, problems };
}

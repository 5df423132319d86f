/**
 * The pipeline of a tracked synergy: the stages a facilitator moves a lead through and the
 * rules of each move. Pure: no GraphQL, no driver.
 *
 * The rules, and why:
 * - The stages run IDENTIFIED → CONTACTED → IN_STUDY → IMPLEMENTED. A move goes forward by one
 *   or more steps: facilitators often learn late that two companies already talk, so a lead may
 *   jump from IDENTIFIED to IN_STUDY (the funnel still counts it as having reached CONTACTED).
 * - No move backwards (IN_STUDY → CONTACTED): a lead that stalls is abandoned with a reason, and
 *   reopened if it comes back, so the funnel and the abandonment reasons stay truthful.
 * - ABANDONED is reachable from every open stage and needs a reason; the reason OTHER also
 *   needs a comment saying what happened, or the statistics learn nothing from it.
 * - IMPLEMENTED is final: an exchange that stops later is a new lead, not a rewritten history.
 * - ABANDONED leads to nothing but IDENTIFIED (reopening): the synergy starts the pipeline again
 *   and keeps its whole history.
 * - A reason is accepted only when abandoning: on any other move it would be a mistake.
 */

export const SYNERGY_KINDS = ['SUBSTITUTION', 'MUTUALISATION'] as const;
export type SynergyKind = (typeof SYNERGY_KINDS)[number];

/** Forward stages, in pipeline order. */
export const PIPELINE_STAGES = ['IDENTIFIED', 'CONTACTED', 'IN_STUDY', 'IMPLEMENTED'] as const;

export const SYNERGY_STATUSES = [...PIPELINE_STAGES, 'ABANDONED'] as const;
export type SynergyStatus = (typeof SYNERGY_STATUSES)[number];

export const ABANDON_REASONS = ['ECONOMIC', 'TECHNICAL', 'REGULATORY', 'TRUST', 'OTHER'] as const;
export type AbandonReason = (typeof ABANDON_REASONS)[number];

/** The status every tracked synergy starts in, and the one reopening leads to. */
export const INITIAL_STATUS: SynergyStatus = 'IDENTIFIED';

/** A requested status change. */
export interface MoveRequest {
  to: SynergyStatus;
  reason?: AbandonReason | null;
  comment?: string | null;
}

/** Why a move or a composition is refused, with the input field to blame. */
export interface Problem {
  field: string;
  message: string;
}

/** Position in the forward order; ABANDONED has none (-1). */
export function stageRank(status: SynergyStatus): number {
  return (PIPELINE_STAGES as readonly string[]).indexOf(status);
}

/** Whether a synergy in this status can still move forward (not IMPLEMENTED, not ABANDONED). */
export function isOpen(status: SynergyStatus): boolean {
  return status !== 'IMPLEMENTED' && status !== 'ABANDONED';
}

/**
 * The statuses a synergy may move to from `from`.
 *
 * @example allowedMoves('CONTACTED') // ['IN_STUDY', 'IMPLEMENTED', 'ABANDONED']
 * @example allowedMoves('ABANDONED') // ['IDENTIFIED']
 */
export function allowedMoves(from: SynergyStatus): SynergyStatus[] {
  if (from === 'ABANDONED') return [INITIAL_STATUS];
  if (from === 'IMPLEMENTED') return [];
  return [...PIPELINE_STAGES.filter((s) => stageRank(s) > stageRank(from)), 'ABANDONED'];
}

/**
 * Checks a move against the rules above.
 *
 * @param from the synergy's current status
 * @param request the target status, with the reason and comment given
 * @returns null when the move is allowed, else the problem (field and message)
 * @example checkMove('IN_STUDY', { to: 'ABANDONED' }) // { field: 'reason', message: '...' }
 */
export function checkMove(from: SynergyStatus, request: MoveRequest): Problem | null {
  const { to, reason } = request;
  if (to === from) return { field: 'status', message: `the synergy is already ${from}.` };
  if (!allowedMoves(from).includes(to)) {
    const allowed = allowedMoves(from);
    const hint = allowed.length
      ? `from ${from} it can move to ${allowed.join(', ')}`
      : `${from} is final; track a new synergy if the exchange starts again`;
    const why = stageRank(to) >= 0 && stageRank(to) < stageRank(from)
      ? ' (no move backwards: abandon the synergy with a reason, then reopen it)'
      : '';
    return { field: 'status', message: `cannot move from ${from} to ${to}${why}: ${hint}.` };
  }
  if (to === 'ABANDONED') {
    if (!reason) return { field: 'reason', message: `abandoning a synergy needs a reason (${ABANDON_REASONS.join(', ')}).` };
    if (reason === 'OTHER' && !request.comment?.trim()) {
      return { field: 'comment', message: 'with the reason OTHER, say in a comment why the synergy was abandoned.' };
    }
  } else if (reason) {
    return { field: 'reason', message: `a reason is given only when abandoning a synergy, not when moving it to ${to}.` };
  }
  return null;
}

/** What the composition rules need to know of a flow. */
export interface TrackedFlowRef {
  id: string;
  direction: 'OFFER' | 'NEED';
  actorId: string;
}

/** Fewest flows and actors of a mutualisation: pooling between two is a substitution or a contract. */
export const MIN_MUTUALISATION_MEMBERS = 3;

/**
 * Checks that the flows make a synergy of the given kind: a SUBSTITUTION links exactly one
 * OFFER flow and one NEED flow of two different actors; a MUTUALISATION pools at least three
 * flows of at least three actors.
 *
 * @returns null when the composition is valid, else the problem on `flowIds`
 */
export function compositionProblem(kind: SynergyKind, flows: TrackedFlowRef[]): Problem | null {
  const field = 'flowIds';
  const actors = new Set(flows.map((f) => f.actorId));
  if (kind === 'SUBSTITUTION') {
    const offers = flows.filter((f) => f.direction === 'OFFER');
    const needs = flows.filter((f) => f.direction === 'NEED');
    if (flows.length !== 2 || offers.length !== 1 || needs.length !== 1) {
      return { field, message: `a SUBSTITUTION links exactly one OFFER flow and one NEED flow (got ${offers.length} offer(s) and ${needs.length} need(s)).` };
    }
    if (offers[0].actorId === needs[0].actorId) {
      return { field, message: 'the OFFER and the NEED of a SUBSTITUTION must belong to two different actors.' };
    }
    return null;
  }
  if (flows.length < MIN_MUTUALISATION_MEMBERS || actors.size < MIN_MUTUALISATION_MEMBERS) {
    return { field, message: `a MUTUALISATION pools at least ${MIN_MUTUALISATION_MEMBERS} flows of at least ${MIN_MUTUALISATION_MEMBERS} different actors (got ${flows.length} flow(s) of ${actors.size} actor(s)).` };
  }
  return null;
}

/** A tracked synergy as stored, without driver types. */
export interface TrackedSynergyRecord {
  id: string;
  kind: SynergyKind;
  status: SynergyStatus;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** Email of the account that tracked it. */
  createdBy: string;
  /** When it entered its current status. */
  statusChangedAt: string;
  /** Set while ABANDONED. */
  abandonReason: AbandonReason | null;
  /** Its flows that still exist, offers first. */
  flowIds: string[];
  /** The actors of those flows. */
  actorIds: string[];
}

/** One change in a synergy's history; the first one (fromStatus null) is its creation. */
export interface SynergyEventRecord {
  id: string;
  /** 1, 2, 3... in the order of the changes. */
  seq: number;
  at: string;
  /** Email of the account that made the change. */
  by: string;
  fromStatus: SynergyStatus | null;
  toStatus: SynergyStatus;
  reason: AbandonReason | null;
  comment: string | null;
}

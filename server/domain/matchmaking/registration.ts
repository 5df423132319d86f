import { ParticipantSide } from './planning-problem';
import { LIMITS, SessionProblem, SessionRecord, sidesMayMeet } from './session';

/**
 * Registering an actor for a session: the person who comes, the side, the rounds they are
 * there for, whom they wish to meet and whom they must not be seated with. Pure.
 *
 * The rules, and why:
 * - Registration closes at the deadline, or at the start when there is none: a schedule is
 *   planned with the people registered.
 * - BIPARTITE sessions need a side (PITCHER or HOST); OPEN sessions take one for information.
 * - Available rounds are 1..rounds; none given means all. An empty list is refused: someone
 *   present for no round should not be registered.
 * - A wish names another actor with a priority from 1 (nice) to 3 (must); an actor wished
 *   twice, wished and avoided, or the participant itself is a mistake the user must fix.
 * - In BIPARTITE mode a wish for an actor registered on the same side can never be met, so
 *   it is refused now rather than silently ignored on the day.
 * - Registering the same actor again replaces its registration (a late change of rounds or
 *   wishes), as long as registration is open.
 */

export interface Wish {
  actorId: string;
  /** 1 (nice to meet) .. 3 (must meet). */
  priority: number;
}

export interface ParticipantRecord {
  sessionId: string;
  actorId: string;
  side: ParticipantSide | null;
  personName: string | null;
  personRole: string | null;
  /** 1-based, ascending. */
  availableRounds: number[];
  wishes: Wish[];
  avoid: string[];
  registeredAt: string;
  checkedInAt: string | null;
  /** Marked absent from this round on (1 = no-show); null when present. */
  absentFromRound: number | null;
}

export interface RegistrationInput {
  actorId: string;
  side?: ParticipantSide | null;
  personName?: string | null;
  personRole?: string | null;
  availableRounds?: number[] | null;
  wishes?: Wish[] | null;
  avoid?: string[] | null;
}

/** Rounds a participant is actually there for: available and before any absence. */
export function presentRounds(participant: Pick<ParticipantRecord, 'availableRounds' | 'absentFromRound'>): number[] {
  const until = participant.absentFromRound ?? Infinity;
  return participant.availableRounds.filter((r) => r < until);
}

/**
 * Checks a registration against the session's rules.
 *
 * @param others the session's other participants (the actor's own earlier registration excluded)
 * @param now the current instant, for the deadline
 * @returns the normalised registration fields and every problem found (empty when valid)
 */
export function checkRegistration(
  session: SessionRecord,
  input: RegistrationInput,
  others: readonly Pick<ParticipantRecord, 'actorId' | 'side'>[],
  now: Date,
): { value: Omit<ParticipantRecord, 'sessionId' | 'registeredAt' | 'checkedInAt' | 'absentFromRound'>; problems: SessionProblem[] } {
  const problems: SessionProblem[] = [];
  const closesAt = session.registrationDeadline ?? session.startsAt;
  if (now.toISOString() > closesAt) {
    problems.push({
      field: 'sessionId',
      message: `registration closed on ${closesAt}${session.registrationDeadline ? ' (the registration deadline)' : ' (the start of the session)'}: ask the facilitator to move the deadline`,
    });
  }
  const side = input.side ?? null;
  if (session.mode === 'BIPARTITE' && !side) {
    problems.push({ field: 'side', message: 'is required in a BIPARTITE session: PITCHER (presents) or HOST (receives at a table)' });
  }

  let availableRounds = Array.from({ length: session.rounds }, (_, i) => i + 1);
  if (input.availableRounds) {
    const outside = input.availableRounds.filter((r) => !Number.isInteger(r) || r < 1 || r > session.rounds);
    if (outside.length) problems.push({ field: 'availableRounds', message: `rounds are numbered 1 to ${session.rounds} (got ${outside.join(', ')})` });
    availableRounds = [...new Set(input.availableRounds)].filter((r) => !outside.includes(r)).sort((a, b) => a - b);
    if (!input.availableRounds.length) {
      problems.push({ field: 'availableRounds', message: 'must list at least one round; leave it out when the participant stays for all rounds' });
    }
  }

  const sideOf = new Map(others.map((o) => [o.actorId, o.side]));
  const wishes = input.wishes ?? [];
  const avoid = [...new Set(input.avoid ?? [])];
  if (wishes.length > LIMITS.wishes) problems.push({ field: 'wishes', message: `at most ${LIMITS.wishes} wishes (got ${wishes.length}): keep the ones that matter` });
  if (avoid.length > LIMITS.avoid) problems.push({ field: 'avoid', message: `at most ${LIMITS.avoid} actors to avoid (got ${avoid.length})` });
  const wished = new Set<string>();
  wishes.forEach((wish, i) => {
    const field = `wishes[${i}]`;
    if (!Number.isInteger(wish.priority) || wish.priority < 1 || wish.priority > 3) {
      problems.push({ field: `${field}.priority`, message: `must be 1 (nice to meet), 2 or 3 (must meet) (got ${wish.priority})` });
    }
    if (wish.actorId === input.actorId) problems.push({ field: `${field}.actorId`, message: 'a participant cannot wish to meet itself' });
    else if (wished.has(wish.actorId)) problems.push({ field: `${field}.actorId`, message: `actor '${wish.actorId}' is wished twice: keep one wish with the priority you mean` });
    else if (avoid.includes(wish.actorId)) problems.push({ field: `${field}.actorId`, message: `actor '${wish.actorId}' is both wished and avoided: choose one` });
    else if (sideOf.has(wish.actorId) && !sidesMayMeet(session.mode, side, sideOf.get(wish.actorId) ?? null) && side) {
      problems.push({ field: `${field}.actorId`, message: `actor '${wish.actorId}' is registered as ${sideOf.get(wish.actorId)} too: in a BIPARTITE session pitchers only meet hosts` });
    }
    wished.add(wish.actorId);
  });
  if (avoid.includes(input.actorId)) problems.push({ field: 'avoid', message: 'a participant cannot avoid itself' });

  const personName = input.personName?.trim() || null;
  const personRole = input.personRole?.trim() || null;
  for (const [field, text] of [['personName', personName], ['personRole', personRole]] as const) {
    if (text && text.length > LIMITS.personName) problems.push({ field, message: `must have at most ${LIMITS.personName} characters (got ${text.length})` });
  }
  return {
    value: {
      actorId: input.actorId,
      side,
      personName,
      personRole,
      availableRounds,
      wishes: wishes.map((w) => ({ actorId: w.actorId, priority: w.priority })),
      avoid,
    },
    problems,
  };
}

import { roundWindow, SessionSettings } from './session';

/**
 * Where a session stands at an instant, for the big screen of the room: which round, which
 * part of it (the pitch, then the exchange, then the changeover), and how long is left. Pure.
 */

export type LivePhase = 'BEFORE' | 'PITCH' | 'EXCHANGE' | 'CHANGEOVER' | 'AFTER';

export interface LiveStatus {
  phase: LivePhase;
  /** The round under way (PITCH, EXCHANGE), just ended (CHANGEOVER), or the last (AFTER); null BEFORE. */
  currentRound: number | null;
  /** The round to come (BEFORE, CHANGEOVER); null otherwise. */
  nextRound: number | null;
  /** When the current phase ends (the next round's start for BEFORE and CHANGEOVER); null AFTER. */
  phaseEndsAt: string | null;
  /** Whole seconds until `phaseEndsAt`, rounded up so a countdown never shows 0 early; 0 AFTER. */
  secondsLeft: number;
}

type Timing = Pick<SessionSettings, 'startsAt' | 'pitchMinutes' | 'exchangeMinutes' | 'changeoverMinutes' | 'rounds'>;

/**
 * The phase of the session at `at`.
 *
 * @example with rounds of 5 + 15 minutes and 5 of changeover from 09:00, at 09:07 the status is
 * round 1, EXCHANGE, 13 minutes left; at 09:22, CHANGEOVER before round 2, 3 minutes left.
 */
export function liveStatus(session: Timing, at: Date): LiveStatus {
  const now = at.getTime();
  const left = (end: number) => Math.max(0, Math.ceil((end - now) / 1000));
  const first = Date.parse(roundWindow(session, 1).startsAt);
  if (now < first) {
    return { phase: 'BEFORE', currentRound: null, nextRound: 1, phaseEndsAt: new Date(first).toISOString(), secondsLeft: left(first) };
  }
  for (let round = 1; round <= session.rounds; round += 1) {
    const window = roundWindow(session, round);
    const start = Date.parse(window.startsAt);
    const end = Date.parse(window.endsAt);
    const pitchEnd = start + session.pitchMinutes * 60_000;
    if (now < pitchEnd) return { phase: 'PITCH', currentRound: round, nextRound: null, phaseEndsAt: new Date(pitchEnd).toISOString(), secondsLeft: left(pitchEnd) };
    if (now < end) return { phase: 'EXCHANGE', currentRound: round, nextRound: null, phaseEndsAt: window.endsAt, secondsLeft: left(end) };
    if (round < session.rounds) {
      const next = Date.parse(roundWindow(session, round + 1).startsAt);
      if (now < next) {
        return { phase: 'CHANGEOVER', currentRound: round, nextRound: round + 1, phaseEndsAt: new Date(next).toISOString(), secondsLeft: left(next) };
      }
    }
  }
  return { phase: 'AFTER', currentRound: session.rounds, nextRound: null, phaseEndsAt: null, secondsLeft: 0 };
}

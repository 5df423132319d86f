/**
 * The planning problem of a speed-meeting session, as the scheduler sees it: who is there in
 * which rounds, which pairs may meet and what each pair is worth. Pure data, no database.
 *
 * Hard rules (a schedule that breaks one is wrong, whatever its score):
 * 1. nobody sits in two meetings of the same round;
 * 2. no pair meets twice;
 * 3. a round holds at most `tables` meetings, numbered 1..tables, each table used once a round;
 * 4. nobody meets outside their available rounds;
 * 5. only the pairs listed in `pairs` meet (the pair builder leaves out pairs where either
 *    actor avoids the other);
 * 6. in BIPARTITE mode, every meeting pairs a PITCHER with a HOST.
 *
 * Fairness rule: each participant has a fair share of meetings (see {@link fairShares}). The
 * planner's objective counts, on top of the meetings' scores, {@link fairnessBonus} for every
 * meeting a participant has up to their fair share. The bonus exceeds any single pair score,
 * so bringing one more participant up to their share always outweighs a better-scored
 * meeting for someone already served.
 */

export type SessionMode = 'BIPARTITE' | 'OPEN';
export type ParticipantSide = 'PITCHER' | 'HOST';
/** MUTUAL: both wished to meet; ONE_SIDED: one of them did; null: no wish, other reasons. */
export type WishKind = 'MUTUAL' | 'ONE_SIDED';

export interface PlanningParticipant {
  /** The actor's id: one participant per actor and session. */
  id: string;
  /** Required in BIPARTITE mode; ignored in OPEN mode. */
  side: ParticipantSide | null;
  /** 1-based rounds the participant is present for, ascending, without duplicates. */
  availableRounds: readonly number[];
}

/** A pair the planner may schedule, with what a meeting between them is worth (≥ 0). */
export interface ScoredPair {
  a: string;
  b: string;
  score: number;
  wish: WishKind | null;
}

export interface PlanningProblem {
  mode: SessionMode;
  rounds: number;
  tables: number;
  participants: readonly PlanningParticipant[];
  /** Pairs not listed never meet; each unordered pair at most once. */
  pairs: readonly ScoredPair[];
}

export interface PlannedMeeting {
  /** 1-based. */
  round: number;
  /** 1-based, at most `tables`. */
  table: number;
  /** In BIPARTITE mode `a` is the HOST and `b` the PITCHER; in OPEN mode `a` < `b`. */
  a: string;
  b: string;
  score: number;
}

/** What every schedule reports next to its meetings. */
export interface ScheduleStats {
  totalScore: number;
  meetingCount: number;
  /** Share (0..1) of the allowed mutual-wish pairs that meet; 1 when there are none. */
  mutualWishesScheduled: number;
  /** Share (0..1) of the allowed one-sided-wish pairs that meet; 1 when there are none. */
  oneSidedWishesScheduled: number;
  /** Over participants who can meet someone (at least one allowed pair and one available round). */
  minMeetings: number;
  meanMeetings: number;
  maxMeetings: number;
  /** Participants with fewer meetings than their fair share. */
  belowFairShare: number;
  /** Per participant: meetings, fair share, and available rounds without a meeting. */
  perParticipant: { id: string; meetings: number; fairShare: number; idleRounds: number }[];
}

/**
 * Each participant's fair share of meetings: the meetings the session can hold, split evenly
 * over the participants of a side (BIPARTITE) or over everyone (OPEN), rounded down, and never
 * more than the participant's available rounds or the number of partners they may meet.
 *
 * The session can hold C = min(tables × rounds, Σ available rounds of the hosts, Σ of the
 * pitchers) meetings in BIPARTITE mode, C = min(tables × rounds, ⌊Σ available rounds / 2⌋) in
 * OPEN mode; the share is ⌊C / side size⌋ (BIPARTITE) or ⌊2C / participants⌋ (OPEN).
 *
 * @example 60 hosts, 240 pitchers, 60 tables, 6 rounds: C = 360, hosts 6, pitchers 1.
 */
export function fairShares(problem: PlanningProblem): Map<string, number> {
  const partners = new Map<string, number>();
  for (const pair of problem.pairs) {
    partners.set(pair.a, (partners.get(pair.a) ?? 0) + 1);
    partners.set(pair.b, (partners.get(pair.b) ?? 0) + 1);
  }
  const slots = problem.tables * problem.rounds;
  const shares = new Map<string, number>();
  const cap = (p: PlanningParticipant, share: number) =>
    shares.set(p.id, Math.max(0, Math.min(share, p.availableRounds.length, partners.get(p.id) ?? 0)));
  if (problem.mode === 'BIPARTITE') {
    const hosts = problem.participants.filter((p) => p.side === 'HOST');
    const pitchers = problem.participants.filter((p) => p.side === 'PITCHER');
    const sum = (ps: PlanningParticipant[]) => ps.reduce((s, p) => s + p.availableRounds.length, 0);
    const capacity = Math.min(slots, sum(hosts), sum(pitchers));
    for (const p of hosts) cap(p, Math.floor(capacity / hosts.length));
    for (const p of pitchers) cap(p, Math.floor(capacity / pitchers.length));
  } else {
    const total = problem.participants.reduce((s, p) => s + p.availableRounds.length, 0);
    const capacity = Math.min(slots, Math.floor(total / 2));
    for (const p of problem.participants) cap(p, Math.floor((2 * capacity) / problem.participants.length));
  }
  return shares;
}

/** What one meeting up to a participant's fair share adds to the objective. */
export function fairnessBonus(problem: PlanningProblem): number {
  return 1 + problem.pairs.reduce((max, p) => Math.max(max, p.score), 0);
}

/**
 * The planner's objective: total score plus the fairness bonus for every meeting up to each
 * participant's fair share. The exact solver in the benchmark maximises the same function.
 */
export function objective(problem: PlanningProblem, meetings: readonly PlannedMeeting[]): number {
  const shares = fairShares(problem);
  const bonus = fairnessBonus(problem);
  const count = new Map<string, number>();
  let total = 0;
  for (const m of meetings) {
    total += m.score;
    count.set(m.a, (count.get(m.a) ?? 0) + 1);
    count.set(m.b, (count.get(m.b) ?? 0) + 1);
  }
  for (const [id, share] of shares) total += bonus * Math.min(share, count.get(id) ?? 0);
  return total;
}

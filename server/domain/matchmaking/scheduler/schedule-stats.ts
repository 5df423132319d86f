import { fairShares, PlannedMeeting, PlanningProblem, ScheduleStats } from '../planning-problem';

/**
 * What a schedule gives each participant and the session as a whole (see {@link ScheduleStats}).
 * Meetings with someone who is not a participant count for the other side only.
 */
export function scheduleStats(problem: PlanningProblem, meetings: readonly PlannedMeeting[]): ScheduleStats {
  const shares = fairShares(problem);
  const count = new Map<string, number>();
  const busy = new Map<string, Set<number>>();
  const metPairs = new Set<string>();
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  let totalScore = 0;
  for (const m of meetings) {
    totalScore += m.score;
    metPairs.add(key(m.a, m.b));
    for (const id of [m.a, m.b]) {
      count.set(id, (count.get(id) ?? 0) + 1);
      if (!busy.has(id)) busy.set(id, new Set());
      busy.get(id)!.add(m.round);
    }
  }

  const wishShare = (kind: 'MUTUAL' | 'ONE_SIDED') => {
    const wished = problem.pairs.filter((p) => p.wish === kind);
    if (wished.length === 0) return 1;
    return wished.filter((p) => metPairs.has(key(p.a, p.b))).length / wished.length;
  };

  const partners = new Set<string>();
  for (const p of problem.pairs) {
    partners.add(p.a);
    partners.add(p.b);
  }
  const seen = new Set<string>();
  const perParticipant: ScheduleStats['perParticipant'] = [];
  const counted: number[] = [];
  let belowFairShare = 0;
  for (const p of problem.participants) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const meetingsOf = count.get(p.id) ?? 0;
    const fairShare = shares.get(p.id) ?? 0;
    const rounds = busy.get(p.id);
    let idleRounds = 0;
    for (const r of new Set(p.availableRounds)) if (!rounds?.has(r)) idleRounds += 1;
    perParticipant.push({ id: p.id, meetings: meetingsOf, fairShare, idleRounds });
    if (meetingsOf < fairShare) belowFairShare += 1;
    if (partners.has(p.id) && p.availableRounds.length > 0) counted.push(meetingsOf);
  }

  return {
    totalScore,
    meetingCount: meetings.length,
    mutualWishesScheduled: wishShare('MUTUAL'),
    oneSidedWishesScheduled: wishShare('ONE_SIDED'),
    minMeetings: counted.length ? counted.reduce((a, c) => Math.min(a, c), Infinity) : 0,
    meanMeetings: counted.length ? counted.reduce((a, c) => a + c, 0) / counted.length : 0,
    maxMeetings: counted.reduce((a, c) => Math.max(a, c), 0),
    belowFairShare,
    perParticipant,
  };
}

import { PlannedMeeting, PlanningProblem } from '../../server/domain/matchmaking/planning-problem';
import { hardRuleViolations, scheduleStats } from '../../server/domain/matchmaking/scheduler';

// h3 can only meet p3; p3 is there in round 1 only; h2 avoids p3 (no pair); p1–p2 is listed
// only in the variant that isolates rule 6.
const problem: PlanningProblem = {
  mode: 'BIPARTITE',
  rounds: 2,
  tables: 2,
  participants: [
    { id: 'h1', side: 'HOST', availableRounds: [1, 2] },
    { id: 'h2', side: 'HOST', availableRounds: [1, 2] },
    { id: 'h3', side: 'HOST', availableRounds: [1, 2] },
    { id: 'p1', side: 'PITCHER', availableRounds: [1, 2] },
    { id: 'p2', side: 'PITCHER', availableRounds: [1, 2] },
    { id: 'p3', side: 'PITCHER', availableRounds: [1] },
  ],
  pairs: [
    { a: 'h1', b: 'p1', score: 9, wish: 'ONE_SIDED' },
    { a: 'h1', b: 'p2', score: 2, wish: null },
    { a: 'h2', b: 'p1', score: 15, wish: 'MUTUAL' },
    { a: 'h2', b: 'p2', score: 0, wish: null },
    { a: 'h1', b: 'p3', score: 1, wish: null },
    { a: 'h3', b: 'p3', score: 3, wish: 'ONE_SIDED' },
  ],
};

const m = (round: number, table: number, a: string, b: string, score = 0): PlannedMeeting => ({ round, table, a, b, score });
const valid = [m(1, 1, 'h1', 'p1', 9), m(1, 2, 'h2', 'p2', 0), m(2, 1, 'h1', 'p2', 2), m(2, 2, 'h2', 'p1', 15)];

describe('hardRuleViolations', () => {
  it('accepts a valid schedule', () => {
    expect(hardRuleViolations(problem, valid)).toEqual([]);
    expect(hardRuleViolations(problem, [])).toEqual([]);
  });

  it.each<[string, RegExp, PlannedMeeting[], PlanningProblem?]>([
    ['rule 1: someone in two meetings of a round', /^rule 1: .*p1 already sits/, [m(1, 1, 'h1', 'p1'), m(1, 2, 'h2', 'p1')]],
    ['rule 2: a pair meeting twice', /^rule 2: .*h1 and p1 already meet/, [m(1, 1, 'h1', 'p1'), m(2, 1, 'h1', 'p1')]],
    ['rule 3: more meetings than tables', /^rule 3: round 1 holds more than 2 meetings/, [m(1, 1, 'h1', 'p1'), m(1, 2, 'h2', 'p2'), m(1, 2, 'h3', 'p3')]],
    ['rule 3: a table out of range', /^rule 3: .*table 3, outside 1\.\.2/, [m(1, 3, 'h1', 'p1')]],
    ['rule 3: a table number that is not an integer', /^rule 3: .*outside 1\.\.2/, [m(1, 1.5, 'h1', 'p1')]],
    ['rule 3: a table used twice in a round', /^rule 3: .*table 1, already taken in round 1/, [m(1, 1, 'h1', 'p1'), m(1, 1, 'h2', 'p2')]],
    ['rule 4: someone outside their available rounds', /^rule 4: .*p3 is not available in round 2/, [m(2, 1, 'h3', 'p3')]],
    ['rule 4: a round the session does not have', /^rule 4: .*round 3, which is not a round/, [m(3, 1, 'h1', 'p1')]],
    ['rule 4: someone who is not a participant', /^rule 4: .*x, who is not a participant/, [m(1, 1, 'h1', 'x')]],
    ['rule 5: a pair that is not listed (avoided)', /^rule 5: .*h2 and p3 are not a pair/, [m(1, 1, 'h2', 'p3')]],
    ['rule 5: someone meeting themself', /^rule 5: .*h1 with themself/, [m(1, 1, 'h1', 'h1')]],
    [
      'rule 6: two pitchers together in BIPARTITE mode',
      /^rule 6: .*pairs a PITCHER with a PITCHER/,
      [m(1, 1, 'p1', 'p2')],
      { ...problem, pairs: [...problem.pairs, { a: 'p1', b: 'p2', score: 1, wish: null }] },
    ],
    ['orientation: the pitcher named first in BIPARTITE mode', /^orientation: .*HOST first/, [m(1, 1, 'p1', 'h1')]],
    [
      'orientation: ids out of order in OPEN mode',
      /^orientation: .*a < b/,
      [m(1, 1, 'p1', 'h1')],
      { ...problem, mode: 'OPEN' },
    ],
  ])('reports %s', (_, message, meetings, broken = problem) => {
    const violations = hardRuleViolations(broken, meetings);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.some((v) => message.test(v))).toBe(true);
  });

  it('reports one sentence per breach, several at once', () => {
    const violations = hardRuleViolations(problem, [...valid, m(2, 1, 'h3', 'p3'), m(2, 2, 'h1', 'p1')]);
    // h3–p3 in round 2: p3 absent, table 1 taken, third meeting of the round; h1–p1 again:
    // table 2 taken, fourth meeting, h1 and p1 busy, pair met before.
    expect(violations.filter((v) => v.startsWith('rule 4'))).toHaveLength(1);
    expect(violations.filter((v) => v.startsWith('rule 1'))).toHaveLength(2);
    expect(violations.filter((v) => v.startsWith('rule 2'))).toHaveLength(1);
    expect(violations.filter((v) => v.startsWith('rule 3'))).toHaveLength(3);
  });
});

describe('scheduleStats', () => {
  it('sums scores, wishes, meetings per participant and idle rounds', () => {
    const stats = scheduleStats(problem, valid);
    expect(stats.totalScore).toBe(26);
    expect(stats.meetingCount).toBe(4);
    // Mutual pairs: h2–p1 only (met); one-sided: h1–p1 (met), h3–p3 (not met).
    expect(stats.mutualWishesScheduled).toBe(1);
    expect(stats.oneSidedWishesScheduled).toBe(0.5);
    // C = min(2 × 2, 6, 5) = 4: hosts ⌊4/3⌋ = 1, pitchers ⌊4/3⌋ = 1.
    const by = new Map(stats.perParticipant.map((p) => [p.id, p]));
    expect(by.get('h1')).toEqual({ id: 'h1', meetings: 2, fairShare: 1, idleRounds: 0 });
    expect(by.get('h3')).toEqual({ id: 'h3', meetings: 0, fairShare: 1, idleRounds: 2 });
    expect(by.get('p3')).toEqual({ id: 'p3', meetings: 0, fairShare: 1, idleRounds: 1 });
    expect(stats.belowFairShare).toBe(2);
    expect(stats.minMeetings).toBe(0);
    expect(stats.maxMeetings).toBe(2);
    expect(stats.meanMeetings).toBeCloseTo(8 / 6);
  });

  it('counts only participants who can meet someone in min/mean/max, and 1 when no wish exists', () => {
    const lonely: PlanningProblem = {
      ...problem,
      participants: [...problem.participants, { id: 'p4', side: 'PITCHER', availableRounds: [1, 2] }, { id: 'p5', side: 'PITCHER', availableRounds: [] }],
      pairs: [...problem.pairs.map((p) => ({ ...p, wish: null })), { a: 'h1', b: 'p5', score: 1, wish: null }],
    };
    const stats = scheduleStats(lonely, valid);
    // p4 has no pair and p5 no round: both left out of min/mean/max.
    expect(stats.meanMeetings).toBeCloseTo(8 / 6);
    expect(stats.mutualWishesScheduled).toBe(1);
    expect(stats.oneSidedWishesScheduled).toBe(1);
    expect(stats.perParticipant.find((p) => p.id === 'p4')).toEqual({ id: 'p4', meetings: 0, fairShare: 0, idleRounds: 2 });
  });
});

import fc from 'fast-check';
import { greedySchedule, markAbsent } from '../../bench/matchmaking-bench';
import { lpUpperBound, scheduleViolations, solveExact } from '../../bench/matchmaking-exact';
import { generateInstance, SMALL_SPECS } from '../../bench/matchmaking-instances';
import { END_MARKER, START_MARKER, withSection } from '../../bench/matchmaking-run';
import { fairnessBonus, fairShares, objective, PlannedMeeting, PlanningProblem, ScoredPair } from '../../server/domain/matchmaking/planning-problem';

/**
 * The exact solver of the scheduling benchmark is the yardstick of the planner, so it is
 * checked against the definition itself: on tiny sessions, every valid schedule is enumerated
 * and the best `objective()` must be what the MILP finds, and the LP bound must not be below it.
 */

/** Best `objective()` over all valid schedules, by enumeration (rounds one after the other). */
function bruteForceOptimum(problem: PlanningProblem): number {
  const shares = fairShares(problem);
  const bonus = fairnessBonus(problem);
  const side = new Map(problem.participants.map((p) => [p.id, p.side]));
  const available = new Map(problem.participants.map((p) => [p.id, new Set(p.availableRounds)]));
  const pairs = problem.pairs.filter((p) => problem.mode === 'OPEN' || (side.get(p.a) !== side.get(p.b) && side.get(p.a) && side.get(p.b)));
  const count = new Map<string, number>();
  const used = new Set<number>();
  let best = -Infinity;
  const leaf = (score: number) => {
    let total = score;
    for (const [id, share] of shares) total += bonus * Math.min(share, count.get(id) ?? 0);
    best = Math.max(best, total);
  };
  // Enumerates the matchings of `round` among pairs from index `from` on, then the next round.
  const visit = (round: number, from: number, seated: Set<string>, tables: number, score: number): void => {
    if (round > problem.rounds) return leaf(score);
    visit(round + 1, 0, new Set(), 0, score); // close this round here
    if (tables >= problem.tables) return;
    for (let i = from; i < pairs.length; i += 1) {
      const p = pairs[i];
      if (used.has(i) || seated.has(p.a) || seated.has(p.b)) continue;
      if (!available.get(p.a)!.has(round) || !available.get(p.b)!.has(round)) continue;
      used.add(i);
      seated.add(p.a).add(p.b);
      count.set(p.a, (count.get(p.a) ?? 0) + 1);
      count.set(p.b, (count.get(p.b) ?? 0) + 1);
      // Continue within the same round with later pairs only, so each matching is seen once.
      visit(round, i + 1, seated, tables + 1, score + p.score);
      count.set(p.a, count.get(p.a)! - 1);
      count.set(p.b, count.get(p.b)! - 1);
      seated.delete(p.a);
      seated.delete(p.b);
      used.delete(i);
    }
  };
  visit(1, 0, new Set(), 0, 0);
  return best;
}

const likely = fc.integer({ min: 0, max: 3 }).map((x) => x > 0);

/** Tiny sessions: up to 6 participants, 3 rounds, any availability, pairs and scores. */
const tinyProblem: fc.Arbitrary<PlanningProblem> = fc
  .record({
    mode: fc.constantFrom('BIPARTITE' as const, 'OPEN' as const),
    n: fc.integer({ min: 3, max: 6 }),
    rounds: fc.integer({ min: 1, max: 3 }),
    tables: fc.integer({ min: 1, max: 3 }),
    sides: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    // Mostly present and mostly allowed, as in real sessions, so most cases have several meetings.
    availability: fc.array(fc.array(likely, { minLength: 3, maxLength: 3 }), { minLength: 6, maxLength: 6 }),
    pairMask: fc.array(likely, { minLength: 15, maxLength: 15 }),
    scores: fc.array(fc.integer({ min: 0, max: 2700 }), { minLength: 15, maxLength: 15 }),
  })
  .map(({ mode, n, rounds, tables, sides, availability, pairMask, scores }) => {
    const participants = Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      side: mode === 'BIPARTITE' ? (sides[i] ? ('HOST' as const) : ('PITCHER' as const)) : null,
      availableRounds: [1, 2, 3].filter((r) => r <= rounds && availability[i][r - 1]),
    }));
    const pairs: ScoredPair[] = [];
    let k = 0;
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1, k += 1) {
        if (!pairMask[k]) continue;
        if (mode === 'BIPARTITE' && participants[i].side === participants[j].side) continue;
        // Two decimals, as the pair builder rounds scores.
        pairs.push({ a: `p${i}`, b: `p${j}`, score: scores[k] / 100, wish: null });
      }
    }
    return { mode, rounds, tables, participants, pairs };
  });

describe('exact MILP of the planning problem (bench/matchmaking-exact.ts)', () => {
  it('finds the optimum of brute-force enumeration, a valid schedule, and an LP bound above it', async () => {
    await fc.assert(
      fc.asyncProperty(tinyProblem, async (problem) => {
        const expected = bruteForceOptimum(problem);
        const exact = await solveExact(problem, 10);
        expect(exact.optimal).toBe(true);
        expect(exact.objective).toBeCloseTo(expected, 6);
        expect(scheduleViolations(problem, exact.meetings!)).toEqual([]);
        expect(objective(problem, exact.meetings!)).toBeCloseTo(exact.objective, 9);
        const lp = await lpUpperBound(problem);
        expect(lp.bound).toBeGreaterThanOrEqual(expected - 1e-6);
        expect(lp.plainBound).toBeGreaterThanOrEqual(lp.bound - 1e-6);
        // The greedy baseline is valid and cannot beat the optimum.
        const greedy = greedySchedule(problem);
        expect(scheduleViolations(problem, greedy)).toEqual([]);
        expect(objective(problem, greedy)).toBeLessThanOrEqual(expected + 1e-6);
      }),
      { numRuns: 100, seed: 20261123 },
    );
  });

  it('agrees with a schedule worked out by hand', async () => {
    // One host, two pitchers, two rounds, one table: capacity 2, host share 2, pitchers 1 each;
    // bonus 1 + 5 = 6. Best: both meetings, 5 + 1 + 6 × (2 + 1 + 1) = 30.
    const problem: PlanningProblem = {
      mode: 'BIPARTITE',
      rounds: 2,
      tables: 1,
      participants: [
        { id: 'h', side: 'HOST', availableRounds: [1, 2] },
        { id: 'p1', side: 'PITCHER', availableRounds: [1, 2] },
        { id: 'p2', side: 'PITCHER', availableRounds: [1, 2] },
      ],
      pairs: [
        { a: 'h', b: 'p1', score: 5, wish: 'ONE_SIDED' },
        { a: 'h', b: 'p2', score: 1, wish: null },
      ],
    };
    expect(bruteForceOptimum(problem)).toBe(30);
    const exact = await solveExact(problem, 10);
    expect(exact.objective).toBe(30);
    expect(exact.meetings!.map((m) => [m.a, m.b]).sort()).toEqual([['h', 'p1'], ['h', 'p2']]);
  });

  it('tightens the OPEN-mode LP with triangle inequalities', async () => {
    // Three people, one round: the plain relaxation seats everyone at ½ + ½ (value 15), but
    // only one meeting can happen (10). Fair shares are 0 here (capacity 1 over 3 people).
    const problem: PlanningProblem = {
      mode: 'OPEN',
      rounds: 1,
      tables: 2,
      participants: ['a', 'b', 'c'].map((id) => ({ id, side: null, availableRounds: [1] })),
      pairs: [
        { a: 'a', b: 'b', score: 10, wish: null },
        { a: 'a', b: 'c', score: 10, wish: null },
        { a: 'b', b: 'c', score: 10, wish: null },
      ],
    };
    const lp = await lpUpperBound(problem);
    expect(lp.plainBound).toBeCloseTo(15, 6);
    expect(lp.bound).toBeCloseTo(10, 6);
    expect(lp.cuts).toBe(1);
    expect((await solveExact(problem, 10)).objective).toBeCloseTo(10, 6);
  });

  it('keeps the frozen rounds when re-planning', async () => {
    const problem = generateInstance(SMALL_SPECS[0], 3).problem;
    const plan = (await solveExact(problem, 30)).meetings!;
    const seated = plan.find((m) => m.round === 3)!;
    const reduced = markAbsent(problem, [seated.a], 3);
    const frozen = { beforeRound: 3, meetings: plan.filter((m) => m.round < 3) };
    const replan = await solveExact(reduced, 30, { frozen });
    expect(replan.optimal).toBe(true);
    expect(scheduleViolations(reduced, replan.meetings!)).toEqual([]);
    const key = (ms: readonly PlannedMeeting[]) => ms.filter((m) => m.round < 3).map((m) => `${m.round}|${m.a}|${m.b}`).sort();
    expect(key(replan.meetings!)).toEqual(key(plan));
    expect(replan.meetings!.some((m) => m.round >= 3 && (m.a === seated.a || m.b === seated.a))).toBe(false);
    const bound = await lpUpperBound(reduced, { frozen });
    expect(bound.bound).toBeGreaterThanOrEqual(replan.objective - 1e-6);
  });

  it('solves the small benchmark sessions to proven optimality, with the LP bound above', async () => {
    for (const spec of SMALL_SPECS.slice(0, 4)) {
      const { problem } = generateInstance(spec, 1);
      const exact = await solveExact(problem, 30);
      expect(exact.optimal).toBe(true);
      expect(scheduleViolations(problem, exact.meetings!)).toEqual([]);
      expect((await lpUpperBound(problem)).bound).toBeGreaterThanOrEqual(exact.objective - 1e-6);
    }
  });
});

describe('instance generator (bench/matchmaking-instances.ts)', () => {
  it('is deterministic and follows the pair builder conventions', () => {
    const one = generateInstance(SMALL_SPECS[3], 7);
    expect(generateInstance(SMALL_SPECS[3], 7)).toEqual(one);
    const { problem } = one;
    const side = new Map(problem.participants.map((p) => [p.id, p.side]));
    for (const p of problem.pairs) {
      expect(p.a < p.b).toBe(true);
      expect(side.get(p.a)).not.toBe(side.get(p.b));
      if (p.wish === 'MUTUAL') expect(p.score).toBeGreaterThanOrEqual(12);
      if (p.wish === null) expect(p.score).toBeLessThanOrEqual(3);
    }
  });
});

describe('BENCHMARKS.md section (bench/matchmaking-run.ts)', () => {
  it('appends the section with its markers, then replaces only what is between them', () => {
    const doc = '# Benchmarks\n\nother section\n';
    const once = withSection(doc, '## A\nfirst');
    expect(once).toBe(`# Benchmarks\n\nother section\n\n${START_MARKER}\n## A\nfirst\n${END_MARKER}\n`);
    const twice = withSection(`${once}\n## Later\nkept\n`, '## A\nsecond');
    expect(twice).toBe(`# Benchmarks\n\nother section\n\n${START_MARKER}\n## A\nsecond\n${END_MARKER}\n\n## Later\nkept\n`);
  });
});

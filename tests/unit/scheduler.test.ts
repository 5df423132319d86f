import fc from 'fast-check';
import { fairnessBonus, fairShares, objective, PlannedMeeting, PlanningParticipant, PlanningProblem, ScoredPair, WishKind } from '../../server/domain/matchmaking/planning-problem';
import { hardRuleViolations, planSchedule, replanFrom, scheduleStats } from '../../server/domain/matchmaking/scheduler';

// ---------------------------------------------------------------------------------------------
// Random sessions. Host ids sort after pitcher ids ("z…" > "a…"), so a planner that wrote OPEN
// order (a < b) instead of host first in BIPARTITE mode would be caught; pairs come in either
// order, as nothing in the contract orders them.

interface Recipe {
  mode: 'BIPARTITE' | 'OPEN';
  rounds: number;
  tables: number;
  people: { host: boolean; present: boolean[] }[];
  density: number;
  seed: number;
}

const recipe = (maxPeople: number, maxRounds = 5, maxTables = 4) =>
  fc.record({
    mode: fc.constantFrom<'BIPARTITE' | 'OPEN'>('BIPARTITE', 'OPEN'),
    rounds: fc.integer({ min: 1, max: maxRounds }),
    tables: fc.integer({ min: 1, max: maxTables }),
    people: fc.array(fc.record({ host: fc.boolean(), present: fc.array(fc.boolean(), { minLength: maxRounds, maxLength: maxRounds }) }), {
      minLength: 2,
      maxLength: maxPeople,
    }),
    density: fc.double({ min: 0.15, max: 1, noNaN: true }),
    seed: fc.integer(),
  });

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** A session from a recipe: availability mostly full (gaps where `present` says so, 1 in 4). */
function session(r: Recipe): PlanningProblem {
  const random = lcg(r.seed);
  const participants: PlanningParticipant[] = r.people.map((p, i) => ({
    id: r.mode === 'BIPARTITE' ? `${p.host ? 'z' : 'a'}${i}` : `o${i}`,
    side: r.mode === 'BIPARTITE' ? (p.host ? 'HOST' : 'PITCHER') : null,
    availableRounds: Array.from({ length: r.rounds }, (_, k) => k + 1).filter((k) => p.present[k - 1] || random() < 0.75),
  }));
  const pairs: ScoredPair[] = [];
  for (let i = 0; i < participants.length; i += 1) {
    for (let j = i + 1; j < participants.length; j += 1) {
      if (r.mode === 'BIPARTITE' && participants[i].side === participants[j].side) continue;
      if (random() > r.density) continue; // left out: an avoided pair
      const kind = random();
      const wish: WishKind | null = kind < 0.15 ? 'MUTUAL' : kind < 0.4 ? 'ONE_SIDED' : null;
      const base = wish === 'MUTUAL' ? 12 : wish === 'ONE_SIDED' ? 3 * (1 + Math.floor(random() * 3)) : 0;
      const score = Math.round((base + (random() < 0.5 ? 0 : 3 * random())) * 100) / 100;
      const [a, b] = random() < 0.5 ? [participants[i].id, participants[j].id] : [participants[j].id, participants[i].id];
      pairs.push({ a, b, score, wish });
    }
  }
  return { mode: r.mode, rounds: r.rounds, tables: r.tables, participants, pairs };
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the properties.

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const same = (m: PlannedMeeting, n: PlannedMeeting) => m.round === n.round && m.table === n.table && m.a === n.a && m.b === n.b && m.score === n.score;

function expectSortedAndScored(problem: PlanningProblem, meetings: readonly PlannedMeeting[]) {
  const scores = new Map(problem.pairs.map((p) => [key(p.a, p.b), p.score]));
  meetings.forEach((m, i) => {
    if (i > 0) expect(meetings[i - 1].round < m.round || (meetings[i - 1].round === m.round && meetings[i - 1].table < m.table)).toBe(true);
    expect(m.score).toBe(scores.get(key(m.a, m.b)));
  });
}

/**
 * No meeting could be added to rounds ≥ `from`: every free table faces no two free participants
 * who may still meet. (A planner that left such a seat empty would waste a round for two people.)
 */
function expectNoMeetingLeftOut(problem: PlanningProblem, meetings: readonly PlannedMeeting[], from = 1) {
  const met = new Set(meetings.map((m) => key(m.a, m.b)));
  const present = new Map(problem.participants.map((p) => [p.id, new Set(p.availableRounds)]));
  for (let r = from; r <= problem.rounds; r += 1) {
    const inRound = meetings.filter((m) => m.round === r);
    if (inRound.length >= problem.tables) continue;
    const busy = new Set(inRound.flatMap((m) => [m.a, m.b]));
    for (const p of problem.pairs) {
      const free = (id: string) => !busy.has(id) && present.get(id)?.has(r);
      const sides = problem.participants.filter((x) => x.id === p.a || x.id === p.b).map((x) => x.side);
      if (problem.mode === 'BIPARTITE' && !(sides.includes('HOST') && sides.includes('PITCHER'))) continue;
      expect(p.score < 0 || met.has(key(p.a, p.b)) || !free(p.a) || !free(p.b)).toBe(true);
    }
  }
}

/** Every matching of `ids` over the allowed, unused pairs, with at most `cap` edges. */
function matchings(ids: string[], allowed: (a: string, b: string) => boolean, cap: number): [string, string][][] {
  const out: [string, string][][] = [];
  const walk = (rest: string[], chosen: [string, string][]) => {
    if (rest.length === 0) {
      out.push(chosen.slice());
      return;
    }
    const [first, ...others] = rest;
    walk(others, chosen);
    if (chosen.length === cap) return;
    others.forEach((other, k) => {
      if (!allowed(first, other)) return;
      chosen.push([first, other]);
      walk(others.filter((_, x) => x !== k), chosen);
      chosen.pop();
    });
  };
  walk(ids, []);
  return out;
}

/** Exhaustive search of the best objective over every valid schedule (tiny sessions only). */
function bruteForceOptimum(problem: PlanningProblem): number {
  const pairs = new Map<string, ScoredPair>();
  const side = new Map(problem.participants.map((p) => [p.id, p.side]));
  for (const p of problem.pairs) if (problem.mode === 'OPEN' || side.get(p.a) !== side.get(p.b)) pairs.set(key(p.a, p.b), p);
  const used = new Set<string>();
  let best = 0;
  const schedule: PlannedMeeting[] = [];
  const walk = (round: number) => {
    if (round > problem.rounds) {
      best = Math.max(best, objective(problem, schedule));
      return;
    }
    const ids = problem.participants.filter((p) => p.availableRounds.includes(round)).map((p) => p.id);
    for (const m of matchings(ids, (a, b) => pairs.has(key(a, b)) && !used.has(key(a, b)), problem.tables)) {
      for (const [a, b] of m) {
        used.add(key(a, b));
        schedule.push({ round, table: 0, a, b, score: pairs.get(key(a, b))!.score });
      }
      walk(round + 1);
      for (const [a, b] of m) {
        used.delete(key(a, b));
        schedule.pop();
      }
    }
  };
  walk(1);
  return best;
}

/** Exhaustive search of the best objective over every way to add meetings to `kept` in rounds ≥ from. */
function bestFill(problem: PlanningProblem, kept: readonly PlannedMeeting[], from: number): number {
  const scores = new Map(problem.pairs.map((p) => [key(p.a, p.b), p.score]));
  const side = new Map(problem.participants.map((p) => [p.id, p.side]));
  const used = new Set(kept.map((m) => key(m.a, m.b)));
  const schedule = [...kept];
  let best = objective(problem, schedule);
  const walk = (round: number) => {
    if (round > problem.rounds) {
      best = Math.max(best, objective(problem, schedule));
      return;
    }
    const busy = new Set(kept.filter((m) => m.round === round).flatMap((m) => [m.a, m.b]));
    const ids = problem.participants.filter((p) => p.availableRounds.includes(round) && !busy.has(p.id)).map((p) => p.id);
    const allowed = (a: string, b: string) => scores.has(key(a, b)) && !used.has(key(a, b)) && (problem.mode === 'OPEN' || side.get(a) !== side.get(b));
    const cap = problem.tables - kept.filter((m) => m.round === round).length;
    for (const m of matchings(ids, allowed, Math.max(0, cap))) {
      for (const [a, b] of m) {
        used.add(key(a, b));
        schedule.push({ round, table: 0, a, b, score: scores.get(key(a, b))! });
      }
      walk(round + 1);
      for (const [a, b] of m) {
        used.delete(key(a, b));
        schedule.pop();
      }
    }
  };
  walk(from);
  return best;
}

// ---------------------------------------------------------------------------------------------

describe('planSchedule', () => {
  it('never breaks a hard rule, is deterministic, sorted, scored as the pairs, and leaves no addable meeting out', () => {
    fc.assert(
      fc.property(recipe(10), fc.integer({ min: 0, max: 1000 }), (r, seed) => {
        const problem = session(r);
        const meetings = planSchedule(problem, seed);
        expect(hardRuleViolations(problem, meetings)).toEqual([]);
        expect(planSchedule(problem, seed)).toEqual(meetings);
        expectSortedAndScored(problem, meetings);
        expectNoMeetingLeftOut(problem, meetings);
      }),
      { numRuns: 1200 },
    );
  });

  it('reports stats consistent with the schedule', () => {
    fc.assert(
      fc.property(recipe(10), fc.integer({ min: 0, max: 1000 }), (r, seed) => {
        const problem = session(r);
        const meetings = planSchedule(problem, seed);
        const stats = scheduleStats(problem, meetings);
        expect(stats.meetingCount).toBe(meetings.length);
        expect(stats.totalScore).toBeCloseTo(meetings.reduce((t, m) => t + m.score, 0), 9);
        expect(stats.perParticipant.reduce((t, p) => t + p.meetings, 0)).toBe(2 * meetings.length);
        const shares = fairShares(problem);
        let below = 0;
        for (const p of stats.perParticipant) {
          const participant = problem.participants.find((x) => x.id === p.id)!;
          expect(p.fairShare).toBe(shares.get(p.id));
          // A valid schedule seats everyone at most once per available round.
          expect(p.idleRounds).toBe(participant.availableRounds.length - p.meetings);
          if (p.meetings < p.fairShare) below += 1;
        }
        expect(stats.belowFairShare).toBe(below);
        expect(stats.minMeetings).toBeLessThanOrEqual(stats.meanMeetings + 1e-9);
        expect(stats.meanMeetings).toBeLessThanOrEqual(stats.maxMeetings + 1e-9);
        for (const share of ['mutualWishesScheduled', 'oneSidedWishesScheduled'] as const) {
          expect(stats[share]).toBeGreaterThanOrEqual(0);
          expect(stats[share]).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no round improvable on its own: re-seating any one round cannot raise the objective', () => {
    fc.assert(
      fc.property(recipe(8, 4, 3), fc.integer({ min: 0, max: 1000 }), (r, seed) => {
        const problem = session(r);
        const meetings = planSchedule(problem, seed);
        const value = objective(problem, meetings);
        const scores = new Map(problem.pairs.map((p) => [key(p.a, p.b), p.score]));
        const side = new Map(problem.participants.map((p) => [p.id, p.side]));
        for (let round = 1; round <= problem.rounds; round += 1) {
          const others = meetings.filter((m) => m.round !== round);
          const metElsewhere = new Set(others.map((m) => key(m.a, m.b)));
          const ids = problem.participants.filter((p) => p.availableRounds.includes(round)).map((p) => p.id);
          const allowed = (a: string, b: string) =>
            scores.has(key(a, b)) && !metElsewhere.has(key(a, b)) && (problem.mode === 'OPEN' || side.get(a) !== side.get(b));
          for (const m of matchings(ids, allowed, problem.tables)) {
            const alternative = [...others, ...m.map(([a, b]) => ({ round, table: 0, a, b, score: scores.get(key(a, b))! }))];
            expect(objective(problem, alternative)).toBeLessThanOrEqual(value + 1e-9);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('matches the exhaustive optimum on tiny sessions (within 1 %, and almost always exactly)', () => {
    let exact = 0;
    let runs = 0;
    fc.assert(
      fc.property(recipe(6, 3, 2), fc.integer({ min: 0, max: 1000 }), (r, seed) => {
        const problem = session(r);
        const best = bruteForceOptimum(problem);
        const planned = objective(problem, planSchedule(problem, seed));
        expect(planned).toBeLessThanOrEqual(best + 1e-9);
        expect(planned).toBeGreaterThanOrEqual(0.99 * best - 1e-9);
        runs += 1;
        if (planned >= best - 1e-9) exact += 1;
      }),
      { numRuns: 1000 },
    );
    expect(exact / runs).toBeGreaterThanOrEqual(0.98);
  });

  it('gives every pitcher a meeting before anyone gets a better one (fairness bonus)', () => {
    // 2 hosts × 4 rounds = 8 seats for 8 pitchers: everyone can have exactly one meeting. Two
    // pitchers are worth far more to both hosts: on score alone they would take four seats
    // (each meets both hosts), leaving two of the others without a meeting. The fairness bonus
    // must seat everyone once instead.
    const pitchers = Array.from({ length: 8 }, (_, i) => `p${i}`);
    const problem: PlanningProblem = {
      mode: 'BIPARTITE',
      rounds: 4,
      tables: 2,
      participants: [
        { id: 'h0', side: 'HOST', availableRounds: [1, 2, 3, 4] },
        { id: 'h1', side: 'HOST', availableRounds: [1, 2, 3, 4] },
        ...pitchers.map((id) => ({ id, side: 'PITCHER' as const, availableRounds: [1, 2, 3, 4] })),
      ],
      pairs: ['h0', 'h1'].flatMap((h) => pitchers.map((p, i) => ({ a: h, b: p, score: i < 2 ? 27 : 0.5, wish: null }))),
    };
    for (const seed of [0, 1, 2, 3]) {
      const meetings = planSchedule(problem, seed);
      expect(hardRuleViolations(problem, meetings)).toEqual([]);
      const stats = scheduleStats(problem, meetings);
      expect(stats.belowFairShare).toBe(0);
      for (const p of pitchers) expect(meetings.filter((m) => m.b === p).length).toBe(1);
      expect(meetings.filter((m) => m.a === 'h0')).toHaveLength(4);
    }
  });

  it('seats a pitcher with a low score rather than give a high scorer a second meeting (3 pitchers, 1 host)', () => {
    const problem: PlanningProblem = {
      mode: 'BIPARTITE',
      rounds: 3,
      tables: 1,
      participants: [
        { id: 'h', side: 'HOST', availableRounds: [1, 2, 3] },
        { id: 'p1', side: 'PITCHER', availableRounds: [1, 2, 3] },
        { id: 'p2', side: 'PITCHER', availableRounds: [1, 2, 3] },
        { id: 'p3', side: 'PITCHER', availableRounds: [1, 2, 3] },
      ],
      pairs: [
        { a: 'h', b: 'p1', score: 27, wish: 'MUTUAL' },
        { a: 'h', b: 'p2', score: 26, wish: 'MUTUAL' },
        { a: 'h', b: 'p3', score: 0, wish: null },
      ],
    };
    const meetings = planSchedule(problem, 7);
    expect(meetings.map((m) => m.b).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(objective(problem, meetings)).toBe(27 + 26 + 0 + fairnessBonus(problem) * 6);
  });

  it('keeps each host at one table in BIPARTITE mode when there are enough tables', () => {
    fc.assert(
      fc.property(recipe(10, 5, 6), fc.integer({ min: 0, max: 1000 }), (r, seed) => {
        const problem = session({ ...r, mode: 'BIPARTITE' });
        const hosts = problem.participants.filter((p) => p.side === 'HOST').length;
        fc.pre(hosts <= problem.tables);
        const meetings = planSchedule(problem, seed);
        const tableOf = new Map<string, Set<number>>();
        for (const m of meetings) tableOf.set(m.a, (tableOf.get(m.a) ?? new Set()).add(m.table));
        for (const tables of tableOf.values()) expect(tables.size).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps hosts at one table when hosts outnumber tables but their rounds allow it', () => {
    const rounds = (rs: number[]) => rs;
    const problem: PlanningProblem = {
      mode: 'BIPARTITE',
      rounds: 4,
      tables: 3,
      participants: [
        { id: 'hA', side: 'HOST', availableRounds: rounds([1, 2, 3, 4]) },
        { id: 'hB', side: 'HOST', availableRounds: rounds([1, 2, 3, 4]) },
        { id: 'hC', side: 'HOST', availableRounds: rounds([1, 2]) },
        { id: 'hD', side: 'HOST', availableRounds: rounds([3, 4]) },
        ...Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, side: 'PITCHER' as const, availableRounds: [1, 2, 3, 4] })),
      ],
      pairs: ['hA', 'hB', 'hC', 'hD'].flatMap((h, k) => Array.from({ length: 6 }, (_, i) => ({ a: `p${i}`, b: h, score: (i + k) % 4, wish: null }))),
    };
    const meetings = planSchedule(problem, 3);
    expect(hardRuleViolations(problem, meetings)).toEqual([]);
    expect(meetings).toHaveLength(12);
    for (const h of ['hA', 'hB', 'hC', 'hD']) expect(new Set(meetings.filter((m) => m.a === h).map((m) => m.table)).size).toBe(1);
  });

  it('handles degenerate sessions: no pairs, no tables, no rounds, one side missing', () => {
    const base: PlanningProblem = {
      mode: 'BIPARTITE',
      rounds: 3,
      tables: 2,
      participants: [
        { id: 'h', side: 'HOST', availableRounds: [1, 2, 3] },
        { id: 'p', side: 'PITCHER', availableRounds: [1, 2, 3] },
      ],
      pairs: [{ a: 'h', b: 'p', score: 1, wish: null }],
    };
    expect(planSchedule(base, 1)).toHaveLength(1);
    expect(planSchedule({ ...base, pairs: [] }, 1)).toEqual([]);
    expect(planSchedule({ ...base, tables: 0 }, 1)).toEqual([]);
    expect(planSchedule({ ...base, rounds: 0 }, 1)).toEqual([]);
    expect(planSchedule({ ...base, participants: base.participants.slice(0, 1) }, 1)).toEqual([]);
    // A pair of two hosts (the pair builder never makes one) is ignored, not scheduled.
    const twoHosts = { ...base, participants: [...base.participants, { id: 'h2', side: 'HOST' as const, availableRounds: [1] }], pairs: [{ a: 'h', b: 'h2', score: 5, wish: null }] };
    expect(planSchedule(twoHosts, 1)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

/** The problem once `absent` leaves from round `from` on, as the caller prepares it. */
function withAbsence(problem: PlanningProblem, absent: string, from: number): PlanningProblem {
  return { ...problem, participants: problem.participants.map((p) => (p.id === absent ? { ...p, availableRounds: p.availableRounds.filter((r) => r < from) } : p)) };
}

describe('replanFrom', () => {
  const absence = fc.record({ who: fc.nat(), from: fc.nat(), seed: fc.integer({ min: 0, max: 1000 }) });

  it('keeps the past and every still-valid meeting where it was, and only fills freed seats', () => {
    fc.assert(
      fc.property(recipe(10), absence, (r, { who, from: f, seed }) => {
        const problem = session(r);
        const from = 1 + (f % problem.rounds);
        const absent = problem.participants[who % problem.participants.length].id;
        const previous = planSchedule(problem, seed);
        const next = withAbsence(problem, absent, from);
        const replanned = replanFrom(next, previous, from, seed);

        expect(hardRuleViolations(next, replanned)).toEqual([]);
        expectSortedAndScored(next, replanned);
        expect(replanned.filter((m) => m.round < from)).toEqual(previous.filter((m) => m.round < from));
        for (const m of previous) {
          const stillValid = m.round >= from && m.a !== absent && m.b !== absent;
          if (stillValid) expect(replanned.some((n) => same(m, n))).toBe(true);
        }
        expect(replanned.some((m) => m.round >= from && (m.a === absent || m.b === absent))).toBe(false);
        expectNoMeetingLeftOut(next, replanned, from);
        expect(objective(next, replanned)).toBeGreaterThanOrEqual(objective(next, previous.filter((m) => m.round < from || (m.a !== absent && m.b !== absent))) - 1e-9);
        expect(replanFrom(next, previous, from, seed)).toEqual(replanned);
      }),
      { numRuns: 1000 },
    );
  });

  it('copes with the absent participant removed altogether: the past unchanged, the rest valid', () => {
    fc.assert(
      fc.property(recipe(10), absence, (r, { who, from: f, seed }) => {
        const problem = session(r);
        const from = 1 + (f % problem.rounds);
        const absent = problem.participants[who % problem.participants.length].id;
        const previous = planSchedule(problem, seed);
        const next: PlanningProblem = {
          ...problem,
          participants: problem.participants.filter((p) => p.id !== absent),
          pairs: problem.pairs.filter((p) => p.a !== absent && p.b !== absent),
        };
        const replanned = replanFrom(next, previous, from, seed);
        expect(replanned.filter((m) => m.round < from)).toEqual(previous.filter((m) => m.round < from));
        const withoutAbsent = replanned.filter((m) => m.a !== absent && m.b !== absent);
        expect(hardRuleViolations(next, withoutAbsent)).toEqual([]);
        expect(replanned.filter((m) => m.round >= from)).toEqual(withoutAbsent.filter((m) => m.round >= from));
      }),
      { numRuns: 300 },
    );
  });

  it('fills the freed seats as well as an exhaustive search of every possible fill (tiny sessions)', () => {
    fc.assert(
      fc.property(recipe(6, 3, 2), absence, (r, { who, from: f, seed }) => {
        const problem = session(r);
        const from = 1 + (f % problem.rounds);
        const absent = problem.participants[who % problem.participants.length].id;
        const previous = planSchedule(problem, seed);
        const next = withAbsence(problem, absent, from);
        const kept = previous.filter((m) => m.round < from || (m.a !== absent && m.b !== absent));
        const replanned = replanFrom(next, previous, from, seed);
        const best = bestFill(next, kept, from);
        expect(objective(next, replanned)).toBeLessThanOrEqual(best + 1e-9);
        expect(objective(next, replanned)).toBeGreaterThanOrEqual(0.99 * best - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a freed seat to the one still below their fair share, then the best pairs', () => {
    // Hand-made previous plan (not the planner's: p4 was left without a meeting). p3 leaves from
    // round 2. In round 2 h1 is free, with p2 (score 9, has a meeting) or p4 (score 0.5, none)
    // to choose from; in round 3 both hosts are free. The best fill gives p4 the round-2 seat
    // (the fairness bonus, 10, outweighs the 8.5 of score) and still seats h1–p2 in round 3,
    // next to h2–p4.
    const all = [1, 2, 3];
    const problem: PlanningProblem = {
      mode: 'BIPARTITE',
      rounds: 3,
      tables: 2,
      participants: [
        { id: 'h1', side: 'HOST', availableRounds: all },
        { id: 'h2', side: 'HOST', availableRounds: all },
        ...['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, side: 'PITCHER' as const, availableRounds: all })),
      ],
      pairs: ['h1', 'h2'].flatMap((h) => ['p1', 'p2', 'p3', 'p4'].map((p) => ({ a: h, b: p, score: p === 'p4' ? 0.5 : 9, wish: null }))),
    };
    const previous: PlannedMeeting[] = [
      { round: 1, table: 1, a: 'h1', b: 'p1', score: 9 },
      { round: 1, table: 2, a: 'h2', b: 'p2', score: 9 },
      { round: 2, table: 1, a: 'h1', b: 'p3', score: 9 },
      { round: 2, table: 2, a: 'h2', b: 'p1', score: 9 },
      { round: 3, table: 2, a: 'h2', b: 'p3', score: 9 },
    ];
    const next = withAbsence(problem, 'p3', 2);
    const replanned = replanFrom(next, previous, 2, 0);
    expect(hardRuleViolations(next, replanned)).toEqual([]);
    expect(replanned).toEqual([
      previous[0],
      previous[1],
      { round: 2, table: 1, a: 'h1', b: 'p4', score: 0.5 },
      previous[3],
      { round: 3, table: 1, a: 'h1', b: 'p2', score: 9 },
      { round: 3, table: 2, a: 'h2', b: 'p4', score: 0.5 },
    ]);
  });
});

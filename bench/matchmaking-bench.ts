import * as os from 'node:os';
import { fairnessBonus, fairShares, objective, PlannedMeeting, PlanningProblem, ScheduleStats } from '../server/domain/matchmaking/planning-problem';
import { lpUpperBound, scheduleViolations, solveExact } from './matchmaking-exact';
import { generateInstance, Instance, LARGE_SPECS, SMALL_SPECS } from './matchmaking-instances';

/**
 * The scheduling benchmark: how close the planner gets to the best possible schedule, how fast,
 * and what it buys over the obvious greedy. The planner is passed in (`Planner`), so this file
 * depends on the scheduler's contract, not on its files.
 *
 * References, all in the same run:
 * - small sessions (12–40 participants): the exact optimum of `objective()`, from the MILP
 *   solved by HiGHS (`matchmaking-exact.ts`), proven optimal or reported as not proven;
 * - large sessions (300 BIPARTITE, 120 OPEN): the LP-relaxation upper bound, which no schedule
 *   can beat, and the MILP optimum when HiGHS proves it within the time limit;
 * - a greedy round-by-round baseline: each round, take pairs by descending gain (score plus the
 *   fairness bonus of each participant still below their share) while they fit.
 */

/** The scheduler's contract, as the benchmark uses it. */
export interface Planner {
  planSchedule(problem: PlanningProblem, seed: number): PlannedMeeting[] | Promise<PlannedMeeting[]>;
  replanFrom(problem: PlanningProblem, previous: readonly PlannedMeeting[], fromRound: number, seed: number): PlannedMeeting[] | Promise<PlannedMeeting[]>;
  scheduleStats(problem: PlanningProblem, meetings: readonly PlannedMeeting[]): ScheduleStats;
  hardRuleViolations(problem: PlanningProblem, meetings: readonly PlannedMeeting[]): string[];
}

/** How much to run; the defaults are what `npm run bench:matchmaking` writes to BENCHMARKS.md. */
export interface MatchmakingBenchOptions {
  /** Seed of each small session (one session per spec). */
  smallSeed?: number;
  /** Seeds of the large sessions: timings are p50 over them. */
  largeSeeds?: readonly number[];
  /** HiGHS time limit per MILP, seconds. */
  exactTimeLimit?: number;
  /** The round from which a host and a pitcher are marked absent. */
  absentFromRound?: number;
  log?: (message: string) => void;
}

/**
 * The greedy baseline: round after round, pairs sorted by gain (score, plus the fairness bonus
 * for each of the two who is still below their fair share), each taken if both are free, the
 * pair has not met and a table is left. Within a round nobody's count changes before their own
 * meeting, so gains computed at the start of the round stay exact for that round. Ties keep the
 * pair builder's order, so the result is deterministic.
 */
export function greedySchedule(problem: PlanningProblem): PlannedMeeting[] {
  const shares = fairShares(problem);
  const bonus = fairnessBonus(problem);
  const people = new Map(problem.participants.map((p) => [p.id, p]));
  const available = new Map(problem.participants.map((p) => [p.id, new Set(p.availableRounds)]));
  const pairs = problem.pairs.filter((p) => {
    const a = people.get(p.a);
    const b = people.get(p.b);
    return a && b && p.a !== p.b && (problem.mode === 'OPEN' || (a.side !== null && b.side !== null && a.side !== b.side));
  });
  const count = new Map<string, number>();
  const met = new Set<number>();
  const meetings: PlannedMeeting[] = [];
  for (let round = 1; round <= problem.rounds; round += 1) {
    const gain = (i: number) => {
      const p = pairs[i];
      let g = p.score;
      for (const id of [p.a, p.b]) if ((count.get(id) ?? 0) < (shares.get(id) ?? 0)) g += bonus;
      return g;
    };
    const candidates = pairs
      .map((_, i) => i)
      .filter((i) => !met.has(i) && available.get(pairs[i].a)!.has(round) && available.get(pairs[i].b)!.has(round))
      .map((i) => ({ i, g: gain(i) }))
      .sort((x, y) => y.g - x.g || x.i - y.i);
    const seated = new Set<string>();
    let table = 0;
    for (const { i } of candidates) {
      if (table >= problem.tables) break;
      const p = pairs[i];
      if (seated.has(p.a) || seated.has(p.b)) continue;
      seated.add(p.a);
      seated.add(p.b);
      met.add(i);
      table += 1;
      for (const id of [p.a, p.b]) count.set(id, (count.get(id) ?? 0) + 1);
      const aFirst = problem.mode === 'BIPARTITE' ? people.get(p.a)!.side === 'HOST' : p.a < p.b;
      meetings.push({ round, table, a: aFirst ? p.a : p.b, b: aFirst ? p.b : p.a, score: p.score });
    }
  }
  return meetings;
}

/**
 * The problem after marking participants absent from `fromRound` on, as the caller of
 * `replanFrom` prepares it: their rounds ≥ fromRound removed from availableRounds.
 */
export function markAbsent(problem: PlanningProblem, ids: readonly string[], fromRound: number): PlanningProblem {
  const absent = new Set(ids);
  return {
    ...problem,
    participants: problem.participants.map((p) => (absent.has(p.id) ? { ...p, availableRounds: p.availableRounds.filter((r) => r < fromRound) } : p)),
  };
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Median of a non-empty list (the lower middle for an even count, so it is a measured value). */
function p50(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const num = (x: number, digits = 1) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const fmtMs = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const check = (ok: boolean) => (ok ? '✓' : '✗');

function describe(instance: Instance): string {
  const p = instance.problem;
  const hosts = p.participants.filter((x) => x.side === 'HOST').length;
  const who = p.mode === 'BIPARTITE' ? `${hosts} H + ${p.participants.length - hosts} P` : `${p.participants.length}`;
  return `${instance.name} (${p.mode === 'BIPARTITE' ? 'B' : 'O'}, ${who}, ${p.rounds} r × ${p.tables} t)`;
}

/** Checks a schedule with both checkers; returns the violations (empty when valid). */
function violations(planner: Planner, problem: PlanningProblem, meetings: readonly PlannedMeeting[]): string[] {
  return [...planner.hardRuleViolations(problem, meetings), ...scheduleViolations(problem, meetings)];
}

/** Participants to mark absent: a host and a pitcher (two participants in OPEN mode) seated in `round`. */
function absentees(problem: PlanningProblem, meetings: readonly PlannedMeeting[], round: number): string[] {
  const inRound = meetings.filter((m) => m.round === round).sort((x, y) => y.score - x.score || x.a.localeCompare(y.a));
  if (inRound.length === 0) return [];
  // The host of the round's best meeting and the pitcher of another one: two tables of the
  // round lose someone, and the most valuable meeting of the round is lost.
  const first = inRound[0];
  const second = inRound.find((m) => m.a !== first.a && m.b !== first.b) ?? first;
  return [first.a, second.b];
}

interface SmallRow {
  label: string;
  pairs: number;
  optimum: number;
  proven: boolean;
  exactSeconds: number;
  lp: number;
  planned: number;
  plannedMs: number;
  plannedValid: boolean;
  greedy: number;
}

interface LargeRun {
  seed: number;
  lp: number;
  lpPlain: number;
  lpCuts: number;
  lpSeconds: number;
  exact: number;
  proven: boolean;
  exactSeconds: number;
  planned: number;
  plannedMs: number;
  plannedViolations: string[];
  greedy: number;
  greedyMs: number;
  replanMs: number;
  replanViolations: string[];
  replanKeptEarlyRounds: boolean;
  replanned: number;
  replanOptimum: number;
  replanProven: boolean;
  plannedStats: ScheduleStats;
  greedyStats: ScheduleStats;
  exactStats: ScheduleStats | null;
}

/**
 * Runs the benchmark and returns its Markdown section (starting with a level-2 heading), ready
 * for BENCHMARKS.md. Deterministic instances; the timings depend on the machine, so the section
 * names it.
 */
export async function runMatchmakingBench(planner: Planner, options: MatchmakingBenchOptions = {}): Promise<string> {
  const log = options.log ?? (() => undefined);
  const smallSeed = options.smallSeed ?? 1;
  const largeSeeds = options.largeSeeds ?? [1, 2, 3, 4, 5];
  const timeLimit = options.exactTimeLimit ?? 60;
  const fromRound = options.absentFromRound ?? 3;

  // Warm-up: the first calls pay for JIT compilation and the HiGHS WebAssembly instantiation.
  const warm = generateInstance(SMALL_SPECS[0], 999).problem;
  await planner.planSchedule(warm, 0);
  await lpUpperBound(warm);

  const small: SmallRow[] = [];
  for (const spec of SMALL_SPECS) {
    const instance = generateInstance(spec, smallSeed);
    const problem = instance.problem;
    const exact = await solveExact(problem, timeLimit);
    const lp = await lpUpperBound(problem);
    const started = process.hrtime.bigint();
    const planned = await planner.planSchedule(problem, smallSeed);
    const plannedMs = ms(started);
    const bad = violations(planner, problem, planned);
    if (bad.length > 0) log(`${spec.name}: planSchedule breaks hard rules: ${bad.slice(0, 3).join('; ')}`);
    const row: SmallRow = {
      label: describe(instance),
      pairs: problem.pairs.length,
      optimum: exact.objective,
      proven: exact.optimal,
      exactSeconds: exact.seconds,
      lp: lp.bound,
      planned: objective(problem, planned),
      plannedMs,
      plannedValid: bad.length === 0,
      greedy: objective(problem, greedySchedule(problem)),
    };
    small.push(row);
    log(`${spec.name}: optimum ${row.optimum.toFixed(2)}${row.proven ? '' : ' (not proven)'} in ${row.exactSeconds.toFixed(2)} s, planSchedule ${pct(row.planned / row.optimum)}, greedy ${pct(row.greedy / row.optimum)}`);
  }

  const large = new Map<string, { instance: Instance; runs: LargeRun[] }>();
  for (const spec of LARGE_SPECS) {
    const runs: LargeRun[] = [];
    let first: Instance | null = null;
    for (const seed of largeSeeds) {
      const instance = generateInstance(spec, seed);
      first ??= instance;
      const problem = instance.problem;
      const lp = await lpUpperBound(problem);
      const exact = await solveExact(problem, timeLimit);
      let started = process.hrtime.bigint();
      const planned = await planner.planSchedule(problem, seed);
      const plannedMs = ms(started);
      started = process.hrtime.bigint();
      const greedy = greedySchedule(problem);
      const greedyMs = ms(started);

      // Re-planning: a host and a pitcher seated in round `fromRound` do not come back.
      const gone = absentees(problem, planned, fromRound);
      const reduced = markAbsent(problem, gone, fromRound);
      started = process.hrtime.bigint();
      const replanned = await planner.replanFrom(reduced, planned, fromRound, seed);
      const replanMs = ms(started);
      const early = (ms_: readonly PlannedMeeting[]) => JSON.stringify(ms_.filter((m) => m.round < fromRound).map((m) => [m.round, m.table, m.a, m.b]).sort());
      const kept = early(replanned) === early(planned);
      const frozen = { beforeRound: fromRound, meetings: planned.filter((m) => m.round < fromRound) };
      const replanExact = await solveExact(reduced, timeLimit, { frozen });

      const run: LargeRun = {
        seed,
        lp: lp.bound,
        lpPlain: lp.plainBound,
        lpCuts: lp.cuts,
        lpSeconds: lp.seconds,
        exact: exact.objective,
        proven: exact.optimal,
        exactSeconds: exact.seconds,
        planned: objective(problem, planned),
        plannedMs,
        plannedViolations: violations(planner, problem, planned),
        greedy: objective(problem, greedy),
        greedyMs,
        replanMs,
        replanViolations: violations(planner, reduced, replanned),
        replanKeptEarlyRounds: kept,
        replanned: objective(reduced, replanned),
        replanOptimum: replanExact.objective,
        replanProven: replanExact.optimal,
        plannedStats: planner.scheduleStats(problem, planned),
        greedyStats: planner.scheduleStats(problem, greedy),
        exactStats: exact.meetings ? planner.scheduleStats(problem, exact.meetings) : null,
      };
      runs.push(run);
      log(
        `${spec.name} seed ${seed}: LP ${run.lp.toFixed(2)} (${run.lpSeconds.toFixed(1)} s), optimum ${run.exact.toFixed(2)}${run.proven ? '' : ' (not proven)'} (${run.exactSeconds.toFixed(1)} s), ` +
          `planSchedule ${pct(run.planned / run.lp)} of LP in ${run.plannedMs.toFixed(0)} ms, greedy ${pct(run.greedy / run.lp)}, ` +
          `replan ${run.replanMs.toFixed(0)} ms (${pct(run.replanned / run.replanOptimum)} of its optimum, early rounds ${kept ? 'kept' : 'CHANGED'}), violations ${run.plannedViolations.length}/${run.replanViolations.length}`,
      );
    }
    large.set(spec.name, { instance: first!, runs });
  }
  return render(small, large, { smallSeed, largeSeeds, timeLimit, fromRound });
}

function render(
  small: readonly SmallRow[],
  large: ReadonlyMap<string, { instance: Instance; runs: LargeRun[] }>,
  settings: { smallSeed: number; largeSeeds: readonly number[]; timeLimit: number; fromRound: number },
): string {
  const cpus = os.cpus();
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  out('## Speed-meeting scheduling');
  out();
  out('Run with `npm run bench:matchmaking` (pure computation, no database). Synthetic sessions from');
  out('`bench/matchmaking-instances.ts`: one HOST for 3–4 PITCHERs (or OPEN mode), about 20 % of the');
  out('participants missing one or two rounds (late arrival, early departure), 0–4 wishes each with a');
  out('priority 1..3 concentrated on popular participants (about a third wished back: mutual), a few');
  out('avoid pairs left out, every other pair scored on the pair builder\'s scale (one-sided wish 3k,');
  out('mutual 3(ka + kb) + 6, plus an affinity 0..3 that is 0 for 60 % of pairs). Quality is');
  out('`objective()` of `planning-problem.ts` (scores plus the fairness bonus), measured against the exact');
  out('optimum of the same function: a MILP solved by HiGHS 1.15 (WebAssembly) in `bench/matchmaking-exact.ts`,');
  out(`proven optimal unless marked, time limit ${settings.timeLimit} s. The greedy column is a round-by-round`);
  out('baseline (each round, pairs by descending gain while they fit) run in the same process.');
  out();
  out(`- Date: ${new Date().toISOString()}`);
  out(`- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`);
  out();

  out(`### Small sessions: planSchedule against the exact optimum (seed ${settings.smallSeed})`);
  out();
  out('Target: planSchedule ≥ 99 % of the optimum. B = BIPARTITE (H hosts + P pitchers), O = OPEN, r = rounds, t = tables.');
  out();
  out('| session | pairs | optimum | HiGHS time | LP bound / optimum | planSchedule | ratio | points lost | time | greedy | ratio | points lost |');
  out('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of small) {
    out(
      `| ${r.label} | ${r.pairs} | ${num(r.optimum, 2)}${r.proven ? '' : ' (not proven)'} | ${r.exactSeconds.toFixed(2)} s | ${pct(r.lp / r.optimum)} | ` +
        `${num(r.planned, 2)}${r.plannedValid ? '' : ' ⚠ invalid'} | ${pct(r.planned / r.optimum)} ${check(r.planned / r.optimum >= 0.99)} | ${num(r.optimum - r.planned, 2)} | ${fmtMs(r.plannedMs)} ms | ` +
        `${num(r.greedy, 2)} | ${pct(r.greedy / r.optimum)} | ${num(r.optimum - r.greedy, 2)} |`,
    );
  }
  const worstSmall = Math.min(...small.map((r) => r.planned / r.optimum));
  const meanSmall = small.reduce((s, r) => s + r.planned / r.optimum, 0) / small.length;
  const meanGreedySmall = small.reduce((s, r) => s + r.greedy / r.optimum, 0) / small.length;
  out();
  out(`planSchedule: worst ${pct(worstSmall)}, mean ${pct(meanSmall)} of the optimum; greedy: mean ${pct(meanGreedySmall)}.`);
  out('The ratios include the fairness bonus, a large share of the objective that any sensible schedule');
  out('mostly collects; the points lost (optimum − schedule, one mutual wish is worth 12 to 27) show the');
  out('difference in the units of the pair scores.');
  out();

  out(`### Large sessions (seeds ${settings.largeSeeds.join(', ')})`);
  out();
  out('Targets: planSchedule ≥ 97 % of the LP upper bound, p50 time ≤ 2 s; replanFrom ≤ 0.5 s after a host');
  out(`and a pitcher (two participants in OPEN mode) seated in round ${settings.fromRound} are marked absent from that round on.`);
  out('The LP bound is the relaxation of the MILP (triangle inequalities added in OPEN mode); no schedule');
  out('can exceed it. The MILP optimum is given too when HiGHS proves it within the time limit. "Replan / its');
  out(`optimum" compares the re-planned schedule with the MILP optimum of the same problem, rounds before ${settings.fromRound}`);
  out('fixed as planned; re-plans must leave those rounds unchanged (checked).');
  out();
  out('| session | LP bound (p50) | planSchedule / LP bound (worst, p50) | planSchedule / optimum (worst), points lost (max) | greedy / LP bound (p50), points below the optimum (p50) | planSchedule time p50 (max) | replanFrom time p50 (max) | replan / its optimum (worst) | hard-rule violations |');
  out('|---|---|---|---|---|---|---|---|---|');
  for (const [, { instance, runs }] of large) {
    const ratio = runs.map((r) => r.planned / r.lp);
    const toOpt = runs.map((r) => r.planned / r.exact);
    const greedy = runs.map((r) => r.greedy / r.lp);
    const planMs = runs.map((r) => r.plannedMs);
    const replanMs = runs.map((r) => r.replanMs);
    const replanRatio = runs.map((r) => r.replanned / r.replanOptimum);
    const bad = runs.reduce((s, r) => s + r.plannedViolations.length + r.replanViolations.length, 0);
    const notKept = runs.filter((r) => !r.replanKeptEarlyRounds).length;
    const unproven = runs.filter((r) => !r.proven || !r.replanProven).length;
    out(
      `| ${describe(instance)} | ${num(p50(runs.map((r) => r.lp)), 0)} | ${pct(Math.min(...ratio))}, ${pct(p50(ratio))} ${check(Math.min(...ratio) >= 0.97)} | ` +
        `${pct(Math.min(...toOpt))}${unproven ? ` (${unproven} optimum not proven)` : ''}, ${num(Math.max(...runs.map((r) => r.exact - r.planned)), 2)} | ` +
        `${pct(p50(greedy))}, ${num(p50(runs.map((r) => r.exact - r.greedy)), 2)} | ${fmtMs(p50(planMs))} ms (${fmtMs(Math.max(...planMs))}) ${check(p50(planMs) <= 2000)} | ` +
        `${fmtMs(p50(replanMs))} ms (${fmtMs(Math.max(...replanMs))}) ${check(p50(replanMs) <= 500)} | ${pct(Math.min(...replanRatio))} | ${bad}${notKept ? `, ${notKept} re-plans changed rounds < ${settings.fromRound}` : ''} |`,
    );
  }
  out();
  out('Solver times for reference (p50): ' +
    [...large]
      .map(([name, { runs }]) => {
        const cuts = runs.reduce((n, r) => n + r.lpCuts, 0);
        const plainGap = Math.max(...runs.map((r) => r.lpPlain / r.lp - 1));
        return `${name} LP bound ${p50(runs.map((r) => r.lpSeconds)).toFixed(1)} s (${cuts} triangle cuts over all seeds, plain relaxation at most ${pct(plainGap)} above), MILP ${p50(runs.map((r) => r.exactSeconds)).toFixed(1)} s`;
      })
      .join('; ') + '; greedy ' +
    [...large].map(([name, { runs }]) => `${name} ${fmtMs(p50(runs.map((r) => r.greedyMs)))} ms`).join(', ') + '.');
  out();

  out(`### Schedule statistics, large sessions (seed ${settings.largeSeeds[0]})`);
  out();
  out('From `scheduleStats`. Wish shares are the shares of allowed mutual / one-sided wish pairs that meet;');
  out('meetings per participant are over those who can meet someone. The MILP optimum is one optimal');
  out('schedule among possibly several: its statistics show what the objective favours, not a target.');
  out();
  out('| session | schedule | total score | meetings | mutual wishes met | one-sided wishes met | meetings min / mean / max | below fair share |');
  out('|---|---|---|---|---|---|---|---|');
  for (const [name, { runs }] of large) {
    const run = runs[0];
    const rows: [string, ScheduleStats | null][] = [['planSchedule', run.plannedStats], ['greedy', run.greedyStats], ['MILP optimum', run.exactStats]];
    for (const [label, s] of rows) {
      if (!s) continue;
      out(
        `| ${name} | ${label} | ${num(s.totalScore, 2)} | ${s.meetingCount} | ${pct(s.mutualWishesScheduled)} | ${pct(s.oneSidedWishesScheduled)} | ` +
          `${s.minMeetings} / ${s.meanMeetings.toFixed(2)} / ${s.maxMeetings} | ${s.belowFairShare} |`,
      );
    }
  }
  return lines.join('\n');
}

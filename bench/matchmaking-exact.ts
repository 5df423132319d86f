import loadHighs, { Highs, Model } from 'highs';
import { fairnessBonus, fairShares, objective, PlannedMeeting, PlanningProblem } from '../server/domain/matchmaking/planning-problem';

/**
 * The exact reference for the scheduler: the planning problem of
 * `server/domain/matchmaking/planning-problem.ts` as a mixed-integer linear program, solved by
 * HiGHS (WebAssembly build of the `highs` package). It maximises exactly `objective()`.
 *
 * Variables
 * - x[e,r] ∈ {0,1} for every allowed pair e and every round r where both are available
 *   (rules 4, 5, 6 hold by construction: no variable exists for anything else);
 * - y[p] ∈ [0, fairShare(p)], continuous, the meetings of p that earn the fairness bonus.
 *
 * Objective: max Σ score(e)·x[e,r] + fairnessBonus · Σ y[p].
 * With x integral, the optimum sets y[p] = min(fairShare(p), meetings of p), which is exactly
 * how `objective()` counts the bonus, so y needs no integrality.
 *
 * Constraints
 * - one meeting per person and round: Σ_{e∋p} x[e,r] ≤ 1 (rule 1);
 * - each pair at most once: Σ_r x[e,r] ≤ 1 (rule 2);
 * - at most `tables` meetings per round: Σ_e x[e,r] ≤ tables (rule 3). Table numbers are not
 *   modelled: any round with at most `tables` meetings can be numbered 1..k;
 * - fairness: y[p] ≤ Σ_{e∋p, r} x[e,r].
 *
 * Strengthening (for the LP bound): in OPEN mode the meetings of a round form a matching of a
 * general graph, whose LP relaxation accepts half-meetings around odd cycles (x = ½ on the three
 * pairs of a triangle gives every member one full "meeting" out of three half-seats). The
 * triangle inequality Σ_{e⊂T} x[e,r] ≤ 1 for three participants T and a round r is valid: two
 * meetings inside T in one round would need four distinct seats among three people. They are
 * the |S| = 3 odd-set (blossom) inequalities of the matching polytope, added by separation
 * (only the violated ones, round after round of LP solves). In BIPARTITE mode a round's pairs
 * form a bipartite graph, without odd cycles: its matching polytope is integral and the odd-set
 * inequalities are implied, so nothing is added. On the benchmark's sessions the relaxation is
 * then within 0.01 % of the MILP optimum (BENCHMARKS.md), tight enough to be the reference.
 */

let runtime: Promise<Highs> | null = null;

/** The HiGHS runtime, loaded once: each load compiles and instantiates the WebAssembly module (~50 ms). */
export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

/** One allowed pair as the model indexes it. */
interface ModelPair {
  a: number;
  b: number;
  score: number;
  /** Pair as listed in the problem, for the meetings' ids. */
  idA: string;
  idB: string;
}

interface Row {
  cols: number[];
  vals: number[];
  upper: number;
}

/** The MILP of a problem, kept as plain arrays so cuts can be added later. */
interface PlanningModel {
  pairs: ModelPair[];
  /** x columns: pair index and round, in column order (x columns come first). */
  xPair: number[];
  xRound: number[];
  colCost: number[];
  colLower: number[];
  colUpper: number[];
  rows: Row[];
  /** Columns of x per round, for separation. */
  byRound: Map<number, number[]>;
  /** The finest step of the objective's values (0 when scores are arbitrary reals). */
  granularity: number;
}

/**
 * The step between two possible objective values: 1 if all scores are integers, 0.01 if they
 * have two decimals (as the pair builder rounds them), else 0 (unknown). The MIP gap is set
 * just below it, so "optimal" means proven optimal and not "within 0.01 %".
 */
function granularityOf(problem: PlanningProblem): number {
  const bonus = fairnessBonus(problem);
  const values = [bonus, ...problem.pairs.map((p) => p.score)];
  const isMultiple = (step: number) => values.every((v) => Math.abs(v / step - Math.round(v / step)) < 1e-9);
  if (isMultiple(1)) return 1;
  if (isMultiple(0.01)) return 0.01;
  return 0;
}

/**
 * Rounds already played when re-planning: meetings of rounds before `beforeRound` are fixed to
 * `meetings` (those happen or have happened; nobody else meets in those rounds).
 */
export interface Frozen {
  beforeRound: number;
  meetings: readonly PlannedMeeting[];
}

function buildModel(problem: PlanningProblem, frozen?: Frozen): PlanningModel {
  const index = new Map<string, number>();
  problem.participants.forEach((p, i) => index.set(p.id, i));
  const availability = problem.participants.map((p) => new Set(p.availableRounds.filter((r) => Number.isInteger(r) && r >= 1 && r <= problem.rounds)));

  // Allowed pairs (rules 5 and 6), each unordered pair once: the problem promises it, the model
  // does not rely on it.
  const seen = new Set<string>();
  const pairs: ModelPair[] = [];
  for (const pair of problem.pairs) {
    const a = index.get(pair.a);
    const b = index.get(pair.b);
    if (a === undefined || b === undefined || a === b) continue;
    if (problem.mode === 'BIPARTITE') {
      const sa = problem.participants[a].side;
      const sb = problem.participants[b].side;
      if (sa === null || sb === null || sa === sb) continue;
    }
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push({ a, b, score: pair.score, idA: pair.a, idB: pair.b });
  }

  const xPair: number[] = [];
  const xRound: number[] = [];
  const colCost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const kept = new Set((frozen?.meetings ?? []).map((m) => `${m.round}|${m.a < m.b ? `${m.a}|${m.b}` : `${m.b}|${m.a}`}`));
  const personRound = new Map<number, number[]>(); // key person * (rounds + 1) + round
  const personCols = problem.participants.map(() => [] as number[]);
  const byRound = new Map<number, number[]>();
  const rows: Row[] = [];
  pairs.forEach((pair, e) => {
    const cols: number[] = [];
    for (let r = 1; r <= problem.rounds; r += 1) {
      if (!availability[pair.a].has(r) || !availability[pair.b].has(r)) continue;
      const col = xPair.length;
      xPair.push(e);
      xRound.push(r);
      colCost.push(pair.score);
      const fixed = frozen !== undefined && r < frozen.beforeRound;
      const keep = fixed && kept.delete(`${r}|${pair.idA < pair.idB ? `${pair.idA}|${pair.idB}` : `${pair.idB}|${pair.idA}`}`);
      colLower.push(keep ? 1 : 0);
      colUpper.push(fixed && !keep ? 0 : 1);
      cols.push(col);
      for (const p of [pair.a, pair.b]) {
        const key = p * (problem.rounds + 1) + r;
        const list = personRound.get(key);
        if (list) list.push(col);
        else personRound.set(key, [col]);
        personCols[p].push(col);
      }
      const list = byRound.get(r);
      if (list) list.push(col);
      else byRound.set(r, [col]);
    }
    if (cols.length > 1) rows.push({ cols, vals: cols.map(() => 1), upper: 1 });
  });
  if (kept.size > 0) throw new Error(`Frozen meetings outside the problem's allowed pairs and rounds: ${[...kept].slice(0, 3).join(', ')}`);
  for (const cols of personRound.values()) if (cols.length > 1) rows.push({ cols, vals: cols.map(() => 1), upper: 1 });
  for (const cols of byRound.values()) if (cols.length > problem.tables) rows.push({ cols, vals: cols.map(() => 1), upper: problem.tables });

  const shares = fairShares(problem);
  const bonus = fairnessBonus(problem);
  problem.participants.forEach((p, i) => {
    const share = Math.min(shares.get(p.id) ?? 0, personCols[i].length);
    if (share <= 0) return;
    const col = colCost.length;
    colCost.push(bonus);
    colLower.push(0);
    colUpper.push(share);
    rows.push({ cols: [col, ...personCols[i]], vals: [1, ...personCols[i].map(() => -1)], upper: 0 });
  });
  return { pairs, xPair, xRound, colCost, colLower, colUpper, rows, byRound, granularity: granularityOf(problem) };
}

function csr(rows: readonly Row[], numCols: number) {
  const starts = new Int32Array(rows.length + 1);
  let nnz = 0;
  rows.forEach((row, i) => {
    nnz += row.cols.length;
    starts[i + 1] = nnz;
  });
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  for (const row of rows) {
    for (let j = 0; j < row.cols.length; j += 1) {
      indices[k] = row.cols[j];
      values[k] = row.vals[j];
      k += 1;
    }
  }
  return { format: 'csr' as const, numRows: rows.length, numCols, starts, indices, values };
}

function createHighsModel(highs: Highs, model: PlanningModel, integral: boolean): Model {
  const numCols = model.colCost.length;
  const xCount = model.xPair.length;
  return highs.createModel({
    numCols,
    numRows: model.rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(model.colCost),
    colLower: Float64Array.from(model.colLower),
    colUpper: Float64Array.from(model.colUpper),
    rowLower: new Float64Array(model.rows.length).fill(-highs.infinity),
    rowUpper: Float64Array.from(model.rows.map((r) => r.upper)),
    matrix: csr(model.rows, numCols),
    ...(integral
      ? { integrality: Int32Array.from({ length: numCols }, (_, j) => (j < xCount ? highs.constants.variableType.integer : highs.constants.variableType.continuous)) }
      : {}),
  });
}

/**
 * Violated triangle inequalities of an LP solution (OPEN mode only): for a round r and three
 * participants i, j, k, x[ij,r] + x[ik,r] + x[jk,r] ≤ 1. Enumerates, per round, the triangles
 * of the support graph (pairs with x > 0), which is sparse at an LP vertex.
 */
function violatedTriangles(model: PlanningModel, x: Float64Array, limit: number): Row[] {
  const found: { row: Row; violation: number }[] = [];
  for (const cols of model.byRound.values()) {
    const adjacency = new Map<number, Map<number, number>>(); // person → neighbour → column
    for (const col of cols) {
      if (x[col] <= 1e-6) continue;
      const { a, b } = model.pairs[model.xPair[col]];
      for (const [u, v] of [[a, b], [b, a]]) {
        let m = adjacency.get(u);
        if (!m) adjacency.set(u, (m = new Map()));
        m.set(v, col);
      }
    }
    for (const [i, ni] of adjacency) {
      for (const [j, cij] of ni) {
        if (j <= i) continue;
        const nj = adjacency.get(j)!;
        for (const [k, cik] of ni) {
          if (k <= j) continue;
          const cjk = nj.get(k);
          if (cjk === undefined) continue;
          const sum = x[cij] + x[cik] + x[cjk];
          if (sum > 1 + 1e-6) found.push({ row: { cols: [cij, cik, cjk], vals: [1, 1, 1], upper: 1 }, violation: sum - 1 });
        }
      }
    }
  }
  return found.sort((p, q) => q.violation - p.violation).slice(0, limit).map((f) => f.row);
}

/** What the LP bound reports. */
export interface LpBound {
  /** Upper bound on `objective()` over all valid schedules. */
  bound: number;
  /** Value of the plain relaxation, before any cut. */
  plainBound: number;
  /** Triangle inequalities added (OPEN mode). */
  cuts: number;
  seconds: number;
}

/**
 * Upper bound on the best `objective()` of any valid schedule: the LP relaxation of the MILP
 * (x ∈ [0, 1]), strengthened in OPEN mode by violated triangle inequalities until none is left
 * (or `maxPasses` solves). Every added inequality is valid for all schedules, so the value
 * stays an upper bound; the plain relaxation's value is reported next to it. With `frozen`,
 * the bound of re-planning the rounds from `frozen.beforeRound` on.
 */
export async function lpUpperBound(problem: PlanningProblem, options: { maxPasses?: number; frozen?: Frozen } = {}): Promise<LpBound> {
  const highs = await highsRuntime();
  const started = process.hrtime.bigint();
  const model = buildModel(problem, options.frozen);
  if (model.colCost.length === 0) return { bound: 0, plainBound: 0, cuts: 0, seconds: 0 }; // nobody can meet
  const lp = createHighsModel(highs, model, false);
  try {
    lp.options.set({ output_flag: false, random_seed: 0 });
    const solve = () => {
      lp.run();
      if (lp.getModelStatus() !== highs.constants.modelStatus.optimal) throw new Error(`LP relaxation not solved (HiGHS model status ${lp.getModelStatus()})`);
      return lp.getObjectiveValue();
    };
    const plainBound = solve();
    let bound = plainBound;
    let cuts = 0;
    const maxPasses = options.maxPasses ?? 30;
    for (let pass = 0; problem.mode === 'OPEN' && pass < maxPasses; pass += 1) {
      const rows = violatedTriangles(model, lp.getSolution().colValue, 5000);
      if (rows.length === 0) break;
      cuts += rows.length;
      const m = csr(rows, model.colCost.length);
      lp.addRows({ lower: new Float64Array(rows.length).fill(-highs.infinity), upper: Float64Array.from(rows.map((r) => r.upper)), matrix: m });
      bound = solve();
    }
    return { bound, plainBound, cuts, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    lp.dispose();
  }
}

/** What the exact solver reports. */
export interface ExactResult {
  /** `objective()` of the best schedule found (recomputed from the meetings, not HiGHS's value). */
  objective: number;
  /** True when HiGHS proved no schedule is better (gap below the objective's step). */
  optimal: boolean;
  /** Best proven upper bound on the optimum (equals `objective` when optimal, up to the step). */
  bound: number;
  /** The best schedule found, tables numbered 1..k per round; absent if none was found. */
  meetings?: PlannedMeeting[];
  status: string;
  seconds: number;
}

/**
 * Solves the planning problem exactly with HiGHS's branch-and-cut, stopping after
 * `timeLimitSeconds`. `optimal` is true only when HiGHS proved optimality with a gap below the
 * step between two objective values (0.01 with the pair builder's two-decimal scores), not
 * within HiGHS's default 0.01 % relative gap, which on a 5,000-point objective could hide a
 * better schedule. The triangle inequalities are not added here: HiGHS's clique cuts find them
 * (three pairwise-conflicting binaries), and the instances of the benchmark solve in seconds.
 * With `frozen`, the rounds before `frozen.beforeRound` are fixed: the optimum of re-planning.
 */
export async function solveExact(problem: PlanningProblem, timeLimitSeconds: number, options: { frozen?: Frozen } = {}): Promise<ExactResult> {
  const highs = await highsRuntime();
  const started = process.hrtime.bigint();
  const model = buildModel(problem, options.frozen);
  if (model.xPair.length === 0) return { objective: 0, optimal: true, bound: 0, meetings: [], status: 'empty', seconds: 0 };
  const mip = createHighsModel(highs, model, true);
  try {
    const gap = model.granularity > 0 ? model.granularity * 0.99 : 1e-6;
    mip.options.set({ output_flag: false, random_seed: 0, time_limit: timeLimitSeconds, mip_rel_gap: 0, mip_abs_gap: gap });
    mip.run();
    const status = mip.getModelStatus();
    const statuses = highs.constants.modelStatus;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const hasSolution = Number(mip.info.get('primal_solution_status')) === 2; // 2: feasible
    const bound = Number(mip.info.get('mip_dual_bound'));
    const name = Object.entries(statuses).find(([, code]) => code === status)?.[0] ?? String(status);
    if (!hasSolution) return { objective: 0, optimal: false, bound, status: name, seconds };
    const x = mip.getSolution().colValue;
    const meetings = meetingsOf(problem, model, x);
    const value = objective(problem, meetings);
    const reported = mip.getObjectiveValue();
    // The recomputed value can only be higher (an incumbent may leave a y below its maximum);
    // lower would mean the model and `objective()` disagree, which must not go unnoticed.
    if (value < reported - 1e-6 * Math.max(1, Math.abs(reported))) throw new Error(`MILP objective ${reported} but objective() of its schedule is ${value}`);
    return { objective: value, optimal: status === statuses.optimal, bound: Math.max(bound, value), meetings, status: name, seconds };
  } finally {
    mip.dispose();
  }
}

function meetingsOf(problem: PlanningProblem, model: PlanningModel, x: Float64Array): PlannedMeeting[] {
  const meetings: PlannedMeeting[] = [];
  const tableOfRound = new Map<number, number>();
  for (let col = 0; col < model.xPair.length; col += 1) {
    if (x[col] < 0.5) continue;
    const pair = model.pairs[model.xPair[col]];
    const round = model.xRound[col];
    const table = (tableOfRound.get(round) ?? 0) + 1;
    tableOfRound.set(round, table);
    let [a, b] = [pair.idA, pair.idB];
    // BIPARTITE: `a` is the HOST; OPEN: `a` < `b` (PlannedMeeting's convention).
    const hostFirst = problem.mode === 'BIPARTITE' ? problem.participants[pair.a].side === 'HOST' : pair.idA < pair.idB;
    if (!hostFirst) [a, b] = [b, a];
    meetings.push({ round, table, a, b, score: pair.score });
  }
  return meetings.sort((m, n) => m.round - n.round || m.table - n.table);
}

/**
 * The six hard rules of `planning-problem.ts`, checked independently of the scheduler's own
 * `hardRuleViolations`, so a misreading shared by the planner and its checker cannot hide.
 * Also checks the meeting's orientation and that its score is the pair's.
 */
export function scheduleViolations(problem: PlanningProblem, meetings: readonly PlannedMeeting[]): string[] {
  const out: string[] = [];
  const people = new Map(problem.participants.map((p) => [p.id, p]));
  const pairs = new Map<string, number>();
  for (const p of problem.pairs) pairs.set(p.a < p.b ? `${p.a}|${p.b}` : `${p.b}|${p.a}`, p.score);
  const seated = new Set<string>();
  const tables = new Set<string>();
  const met = new Set<string>();
  for (const m of meetings) {
    const what = `round ${m.round} table ${m.table} ${m.a}–${m.b}`;
    const key = m.a < m.b ? `${m.a}|${m.b}` : `${m.b}|${m.a}`;
    for (const id of [m.a, m.b]) {
      if (seated.has(`${m.round}|${id}`)) out.push(`${what}: ${id} already seated this round`);
      seated.add(`${m.round}|${id}`);
      const p = people.get(id);
      if (!p) out.push(`${what}: ${id} is not a participant`);
      else if (!p.availableRounds.includes(m.round)) out.push(`${what}: ${id} not available`);
    }
    if (met.has(key)) out.push(`${what}: pair meets twice`);
    met.add(key);
    if (!Number.isInteger(m.round) || m.round < 1 || m.round > problem.rounds) out.push(`${what}: no such round`);
    if (!Number.isInteger(m.table) || m.table < 1 || m.table > problem.tables) out.push(`${what}: no such table`);
    if (tables.has(`${m.round}|${m.table}`)) out.push(`${what}: table used twice`);
    tables.add(`${m.round}|${m.table}`);
    const score = pairs.get(key);
    if (score === undefined) out.push(`${what}: pair not allowed`);
    else if (Math.abs(score - m.score) > 1e-9) out.push(`${what}: score ${m.score}, pair's is ${score}`);
    if (problem.mode === 'BIPARTITE') {
      if (people.get(m.a)?.side !== 'HOST' || people.get(m.b)?.side !== 'PITCHER') out.push(`${what}: not HOST then PITCHER`);
    } else if (!(m.a < m.b)) out.push(`${what}: a ≥ b in OPEN mode`);
  }
  return out;
}

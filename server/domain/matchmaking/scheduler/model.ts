import { fairnessBonus, fairShares, PlanningProblem } from '../planning-problem';

/**
 * The planning problem in the shape the algorithms want: participants and pairs numbered,
 * availability as a flat array, scores and the fairness bonus as integers.
 *
 * Weights are integers because the matching codes compare sums of weights for equality (the
 * blossom code relies on it, and exact ties keep the search deterministic). Scores are scaled
 * so that the fairness bonus is 2^24: scores lose nothing visible (a pair score of 27 keeps
 * about seven significant digits) and a path of a thousand arcs stays far below 2^53.
 */
export interface Model {
  problem: PlanningProblem;
  bipartite: boolean;
  rounds: number;
  tables: number;
  /** Participants. */
  n: number;
  ids: string[];
  indexOf: Map<string, number>;
  /** 1 for a HOST in BIPARTITE mode. */
  host: Uint8Array;
  /** avail[v * (rounds + 1) + r] = 1 when v is present in round r (1-based). */
  avail: Uint8Array;
  availCount: Int32Array;
  share: Int32Array;
  /** The fairness bonus, scaled like the scores. */
  bonus: number;
  /** Pairs that may meet (invalid or duplicate input pairs are left out). */
  m: number;
  /** Oriented as meetings are: BIPARTITE `ea` is the HOST; OPEN ids[ea] < ids[eb]. */
  ea: Int32Array;
  eb: Int32Array;
  /** Scaled integer score, and the score as given (copied into meetings). */
  ew: Float64Array;
  score: number[];
  /** Edges of each participant. */
  incident: Int32Array[];
  /** Edge of an unordered pair of participant numbers, keyed by {@link pairKey}. */
  edgeOf: Map<number, number>;
}

const BONUS_SCALE = 2 ** 24;

/** The key of the unordered pair {u, v} of participant numbers. */
export function pairKey(model: Pick<Model, 'n'>, u: number, v: number): number {
  return u < v ? u * model.n + v : v * model.n + u;
}

/** Numbers the problem. Pairs that could only break a hard rule (unknown participant, a
 * participant with themself, two of the same side in BIPARTITE mode, a repeat) are dropped. */
export function buildModel(problem: PlanningProblem): Model {
  const bipartite = problem.mode === 'BIPARTITE';
  const R = Math.max(0, Math.floor(problem.rounds));
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  for (const p of problem.participants) {
    if (indexOf.has(p.id)) continue;
    indexOf.set(p.id, ids.length);
    ids.push(p.id);
  }
  const n = ids.length;
  const host = new Uint8Array(n);
  const pitcher = new Uint8Array(n);
  const avail = new Uint8Array(n * (R + 1));
  const availCount = new Int32Array(n);
  const seen = new Uint8Array(n);
  for (const p of problem.participants) {
    const v = indexOf.get(p.id)!;
    if (seen[v]) continue;
    seen[v] = 1;
    host[v] = bipartite && p.side === 'HOST' ? 1 : 0;
    pitcher[v] = bipartite && p.side === 'PITCHER' ? 1 : 0;
    for (const r of p.availableRounds) {
      if (Number.isInteger(r) && r >= 1 && r <= R && !avail[v * (R + 1) + r]) {
        avail[v * (R + 1) + r] = 1;
        availCount[v] += 1;
      }
    }
  }
  const shares = fairShares(problem);
  const share = new Int32Array(n);
  for (let v = 0; v < n; v += 1) share[v] = shares.get(ids[v]) ?? 0;
  const scale = BONUS_SCALE / fairnessBonus(problem);

  const ea: number[] = [];
  const eb: number[] = [];
  const ew: number[] = [];
  const score: number[] = [];
  const edgeOf = new Map<number, number>();
  const model = { n } as Model;
  for (const pair of problem.pairs) {
    let u = indexOf.get(pair.a);
    let v = indexOf.get(pair.b);
    if (u === undefined || v === undefined || u === v || !Number.isFinite(pair.score)) continue;
    if (bipartite) {
      if (host[u] + host[v] !== 1 || pitcher[u] + pitcher[v] !== 1) continue;
      if (!host[u]) [u, v] = [v, u];
    } else if (ids[u] > ids[v]) {
      [u, v] = [v, u];
    }
    const key = pairKey(model, u, v);
    if (edgeOf.has(key)) continue;
    edgeOf.set(key, ea.length);
    ea.push(u);
    eb.push(v);
    ew.push(Math.round(pair.score * scale));
    score.push(pair.score);
  }
  const m = ea.length;
  const degree = new Int32Array(n);
  for (let e = 0; e < m; e += 1) {
    degree[ea[e]] += 1;
    degree[eb[e]] += 1;
  }
  const incident = Array.from({ length: n }, (_, v) => new Int32Array(degree[v]));
  const filled = new Int32Array(n);
  for (let e = 0; e < m; e += 1) {
    incident[ea[e]][filled[ea[e]]++] = e;
    incident[eb[e]][filled[eb[e]]++] = e;
  }
  return {
    problem,
    bipartite,
    rounds: R,
    tables: Math.max(0, Math.floor(problem.tables)),
    n,
    ids,
    indexOf,
    host,
    avail,
    availCount,
    share,
    bonus: BONUS_SCALE,
    m,
    ea: Int32Array.from(ea),
    eb: Int32Array.from(eb),
    ew: Float64Array.from(ew),
    score,
    incident,
    edgeOf,
  };
}

/** Whether both sides of edge `e` are present in round `r`. */
export function edgeAvailable(model: Model, e: number, r: number): boolean {
  const stride = model.rounds + 1;
  return model.avail[model.ea[e] * stride + r] === 1 && model.avail[model.eb[e] * stride + r] === 1;
}

import { matchEdges } from './matching';
import { MinCostFlow } from './min-cost-flow';
import { edgeAvailable, Model } from './model';
import { ScheduleState } from './state';

/** What the relaxation that forgets rounds gives: the pairs it uses and its value. */
export interface Relaxation {
  /** Pairs with flow: every pair of the optimum in BIPARTITE mode; in OPEN mode also the
   * pairs used "half" (one arc of two). */
  edges: number[];
  /** Its optimum, in the model's scale: an upper bound on any schedule's objective. */
  bound: number;
}

/**
 * Which pairs should meet, ignoring rounds, by min-cost flow.
 *
 * Without rounds the problem is a maximum-weight b-matching (each participant meets at most as
 * many partners as their available rounds, the session at most tables × rounds meetings), and
 * the concave fairness term fits a flow exactly: a participant's first `share` units of flow
 * carry the bonus, the rest carry nothing. Any schedule is such a b-matching, so the optimum
 * bounds every schedule's objective.
 * - BIPARTITE: source → hosts → pitchers → sink. The bipartite b-matching polytope is
 *   integral: the flow is the relaxation's exact optimum.
 * - OPEN: the same on the bipartite double cover (every participant as a "left" and a "right"
 *   copy, every pair as an arc each way worth its whole score, each copy earning the whole
 *   bonus, values halved at the end). A meeting uses both arcs of its pair; the flow may also
 *   use one arc alone around odd cycles ("half meetings"), so the bound can be loose there.
 */
export function relaxation(model: Model): Relaxation {
  const n = model.n;
  const open = !model.bipartite;
  const source = open ? 2 * n : n;
  const sink = source + 1;
  const flow = new MinCostFlow(sink + 1);
  const partners = new Int32Array(n);
  const usable: number[] = [];
  for (let e = 0; e < model.m; e += 1) {
    let shared = false;
    for (let r = 1; r <= model.rounds && !shared; r += 1) shared = edgeAvailable(model, e, r);
    if (!shared) continue;
    usable.push(e);
    partners[model.ea[e]] += 1;
    partners[model.eb[e]] += 1;
  }
  const capacity = (from: number, to: number, v: number) => {
    const room = Math.min(model.availCount[v], partners[v]);
    const share = Math.min(model.share[v], room);
    if (share > 0) flow.addArc(from, to, share, -model.bonus);
    if (room > share) flow.addArc(from, to, room - share, 0);
  };
  for (let v = 0; v < n; v += 1) {
    if (open) {
      capacity(source, v, v);
      capacity(n + v, sink, v);
    } else if (model.host[v]) {
      capacity(source, v, v);
    } else {
      capacity(v, sink, v);
    }
  }
  const arcs = usable.map((e) =>
    open
      ? [flow.addArc(model.ea[e], n + model.eb[e], 1, -model.ew[e]), flow.addArc(model.eb[e], n + model.ea[e], 1, -model.ew[e])]
      : [flow.addArc(model.ea[e], model.eb[e], 1, -model.ew[e])],
  );
  const { cost } = flow.run(source, sink, (open ? 2 : 1) * model.tables * model.rounds);
  return {
    edges: usable.filter((_, k) => arcs[k].some((arc) => flow.flow(arc) > 0)),
    bound: open ? Math.floor(-cost / 2) : -cost,
  };
}

/**
 * Construction, step 2: gives the pairs chosen by the {@link relaxation} rounds, as many as possible.
 *
 * Rounds are filled one at a time, scarcest first, each with a maximum-weight matching of the
 * pairs still waiting. A pair weighs more when it is running out of rounds, or when one of its
 * sides has as many pairs waiting as rounds left (König's argument for colouring bipartite
 * graphs: a round that covers every such participant keeps the rest colourable; in OPEN mode
 * odd cycles can defeat it, and the ascent repairs what is lost); its score only
 * breaks ties, so that the pairs left over, if any, are cheap ones. The pairs that fit nowhere
 * then get one chance each to push a blocking meeting into another round (an ejection of depth
 * one). What is still left is dropped: the local search refills the freed seats.
 */
export function assignRounds(state: ScheduleState, chosen: readonly number[]): void {
  const { model } = state;
  const R = model.rounds;
  const stride = R + 1;
  const roundOrder = Array.from({ length: R }, (_, i) => i + 1);
  const present = roundOrder.map((r) => {
    let c = 0;
    for (let v = 0; v < model.n; v += 1) c += model.avail[v * stride + r];
    return c;
  });
  roundOrder.sort((x, y) => present[x - 1] - present[y - 1] || x - y);

  const remainingDegree = new Int32Array(model.n);
  const remainingRounds = Int32Array.from(model.availCount);
  const pending = new Set<number>(chosen);
  for (const e of chosen) {
    remainingDegree[model.ea[e]] += 1;
    remainingDegree[model.eb[e]] += 1;
  }
  const processed = new Uint8Array(stride);
  let maxWeight = 1;
  for (const e of chosen) maxWeight = Math.max(maxWeight, model.ew[e]);

  for (const r of roundOrder) {
    const edges: number[] = [];
    const weights: number[] = [];
    for (const e of pending) {
      if (!edgeAvailable(model, e, r)) continue;
      let roundsLeft = 0;
      for (let q = 1; q <= R; q += 1) if (!processed[q] && edgeAvailable(model, e, q)) roundsLeft += 1;
      const a = model.ea[e];
      const b = model.eb[e];
      const tight = (remainingDegree[a] >= remainingRounds[a] ? 1 : 0) + (remainingDegree[b] >= remainingRounds[b] ? 1 : 0);
      weights.push(1000 * (1 + tight + (roundsLeft <= 1 ? 2 : 0)) + Math.round((100 * Math.max(0, model.ew[e])) / maxWeight));
      edges.push(e);
    }
    for (const k of matchEdges(model, edges, weights, model.tables)) {
      const e = edges[k];
      state.add(e, r);
      pending.delete(e);
      remainingDegree[model.ea[e]] -= 1;
      remainingDegree[model.eb[e]] -= 1;
    }
    processed[r] = 1;
    for (let v = 0; v < model.n; v += 1) remainingRounds[v] -= model.avail[v * stride + r];
  }

  for (const e of pending) insertWithEjection(state, e);
}

/** Can `e` go to round r as things stand? */
function fits(state: ScheduleState, e: number, r: number): boolean {
  const { model } = state;
  return (
    edgeAvailable(model, e, r) &&
    state.size[r] < model.tables &&
    state.isFree(model.ea[e], r) &&
    state.isFree(model.eb[e], r)
  );
}

/** Places `e`, moving at most the meetings that block it in one round to other rounds. */
function insertWithEjection(state: ScheduleState, e: number): boolean {
  const { model } = state;
  const stride = model.rounds + 1;
  for (let r = 1; r <= model.rounds; r += 1) {
    if (fits(state, e, r)) {
      state.add(e, r);
      return true;
    }
  }
  for (let r = 1; r <= model.rounds; r += 1) {
    if (!edgeAvailable(model, e, r)) continue;
    const blockers = [state.busy[model.ea[e] * stride + r], state.busy[model.eb[e] * stride + r]].filter((f) => f >= 0);
    if (blockers.length === 0) continue; // Only the table cap blocks: moving one meeting would not help.
    const undo: [number, number][] = [];
    for (const f of blockers) {
      undo.push([f, r]);
      state.remove(f);
    }
    let ok = fits(state, e, r);
    if (ok) state.add(e, r);
    const moved: number[] = [];
    for (const f of blockers) {
      if (!ok) break;
      let placed = false;
      for (let q = 1; q <= model.rounds && !placed; q += 1) {
        if (q !== r && fits(state, f, q)) {
          state.add(f, q);
          moved.push(f);
          placed = true;
        }
      }
      ok = placed;
    }
    if (ok) return true;
    if (state.roundOf[e] !== 0) state.remove(e);
    for (const f of moved) state.remove(f);
    for (const [f, q] of undo) state.add(f, q);
  }
  return false;
}

import { maxWeightBipartiteMatching } from './bipartite-matching';
import { MinCostFlow } from './min-cost-flow';
import { edgeAvailable, Model } from './model';
import { ScheduleState } from './state';

/**
 * BIPARTITE construction, step 1: which pairs should meet, ignoring rounds.
 *
 * Without rounds the problem is a maximum-weight b-matching (each participant meets at most
 * as many partners as their available rounds, the session at most tables × rounds meetings),
 * and the concave fairness term fits a flow exactly: a participant's first `share` units of
 * flow carry the bonus, the rest carry nothing. The bipartite b-matching polytope is integral,
 * so this is the optimum of that relaxation, and an upper bound on any schedule's objective.
 *
 * @returns the chosen edges and the relaxation's objective (scaled)
 */
export function chooseBipartitePairs(model: Model): { edges: number[]; bound: number } {
  const source = model.n;
  const sink = model.n + 1;
  const flow = new MinCostFlow(model.n + 2);
  const partners = new Int32Array(model.n);
  const usable: number[] = [];
  for (let e = 0; e < model.m; e += 1) {
    let shared = false;
    for (let r = 1; r <= model.rounds && !shared; r += 1) shared = edgeAvailable(model, e, r);
    if (!shared) continue;
    usable.push(e);
    partners[model.ea[e]] += 1;
    partners[model.eb[e]] += 1;
  }
  for (let v = 0; v < model.n; v += 1) {
    const room = Math.min(model.availCount[v], partners[v]);
    if (room === 0) continue;
    const share = Math.min(model.share[v], room);
    const [from, to] = model.host[v] ? [source, v] : [v, sink];
    if (share > 0) flow.addArc(from, to, share, -model.bonus);
    if (room > share) flow.addArc(from, to, room - share, 0);
  }
  const arcs = usable.map((e) => flow.addArc(model.ea[e], model.eb[e], 1, -model.ew[e]));
  const { cost } = flow.run(source, sink, model.tables * model.rounds);
  return { edges: usable.filter((_, k) => flow.flow(arcs[k]) > 0), bound: -cost };
}

/**
 * BIPARTITE construction, step 2: gives the chosen pairs rounds, as many as possible.
 *
 * Rounds are filled one at a time, scarcest first, each with a maximum-weight matching of the
 * pairs still waiting. A pair weighs more when it is running out of rounds, or when one of its
 * sides has as many pairs waiting as rounds left (König's argument for colouring bipartite
 * graphs: a round that covers every such participant keeps the rest colourable); its score only
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
    const local = new Int32Array(model.n).fill(-1);
    let left = 0;
    let right = 0;
    const us = edges.map((e) => (local[model.ea[e]] === -1 ? (local[model.ea[e]] = left++) : local[model.ea[e]]));
    const vs = edges.map((e) => (local[model.eb[e]] === -1 ? (local[model.eb[e]] = right++) : local[model.eb[e]]));
    for (const k of maxWeightBipartiteMatching(left, right, us, vs, weights, model.tables)) {
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

import { chooseBipartitePairs } from './construction';
import { MinCostFlow } from './min-cost-flow';
import { edgeAvailable, Model } from './model';

/**
 * An upper bound on the objective of any schedule, in the model's integer scale: the local
 * search stops as soon as it reaches it (the schedule is then provably optimal).
 *
 * Both bounds forget rounds: each participant meets at most as many partners as their
 * available rounds, the session holds at most tables × rounds meetings, and the fairness bonus
 * is earned per meeting up to the fair share, all of which any schedule satisfies.
 * - BIPARTITE: the b-matching flow of {@link chooseBipartitePairs}.
 * - OPEN: the same flow on the bipartite double cover (every participant as a "left" and a
 *   "right" copy, every pair as an arc each way, worth half of the pair's score and bonus
 *   each way). A schedule's meeting uses both arcs of its pair, so its value is that of a flow
 *   and the flow's optimum bounds every schedule. It admits "half meetings" around odd cycles,
 *   so it can be loose; it only decides when to stop early.
 */
export function upperBound(model: Model): number {
  if (model.bipartite) return chooseBipartitePairs(model).bound;
  const n = model.n;
  const source = 2 * n;
  const sink = 2 * n + 1;
  const flow = new MinCostFlow(2 * n + 2);
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
  // Costs are doubled (each arc carries a whole score, a copy a whole bonus), halved at the end.
  for (let v = 0; v < n; v += 1) {
    const room = Math.min(model.availCount[v], partners[v]);
    if (room === 0) continue;
    const share = Math.min(model.share[v], room);
    for (const [from, to] of [
      [source, v],
      [n + v, sink],
    ]) {
      if (share > 0) flow.addArc(from, to, share, -model.bonus);
      if (room > share) flow.addArc(from, to, room - share, 0);
    }
  }
  for (const e of usable) {
    flow.addArc(model.ea[e], n + model.eb[e], 1, -model.ew[e]);
    flow.addArc(model.eb[e], n + model.ea[e], 1, -model.ew[e]);
  }
  const { cost } = flow.run(source, sink, 2 * model.tables * model.rounds);
  return Math.floor(-cost / 2);
}

import { maxWeightBipartiteMatching } from './bipartite-matching';
import { maxWeightGeneralMatching } from './general-matching';
import { Model } from './model';

/**
 * The heaviest set of at most `cap` of the model's `edges` with no participant twice, given
 * integer `weights` (≤ 0: never chosen): bipartite in BIPARTITE mode (hosts left, pitchers
 * right), general (blossoms) in OPEN mode. Both are exact.
 *
 * @returns positions in `edges` of the chosen edges
 */
export function matchEdges(model: Model, edges: readonly number[], weights: readonly number[], cap: number): number[] {
  const us = new Int32Array(edges.length);
  const vs = new Int32Array(edges.length);
  if (!model.bipartite) {
    edges.forEach((e, k) => {
      us[k] = model.ea[e];
      vs[k] = model.eb[e];
    });
    return maxWeightGeneralMatching(us, vs, weights, cap);
  }
  const local = new Map<number, number>();
  let left = 0;
  let right = 0;
  edges.forEach((e, k) => {
    let u = local.get(model.ea[e]);
    if (u === undefined) local.set(model.ea[e], (u = left++));
    let v = local.get(model.eb[e]);
    if (v === undefined) local.set(model.eb[e], (v = right++));
    us[k] = u;
    vs[k] = v;
  });
  return maxWeightBipartiteMatching(left, right, us, vs, weights, cap);
}

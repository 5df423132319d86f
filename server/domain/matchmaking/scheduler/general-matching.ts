import { maxWeightMatching } from './blossom';

/**
 * Maximum-weight matching of a general graph with at most `cap` edges, exactly.
 *
 * The blossom algorithm ({@link maxWeightMatching}) solves the unconstrained problem. When the
 * cap could bind, it is enforced by the classic gadget: with n' vertices that have edges, add
 * d = n' − 2·cap dummy vertices joined to every real vertex by an edge heavier than any real
 * one. A maximum-weight matching then matches every dummy (unmatching a real edge to match a
 * dummy always pays), which leaves at most 2·cap real vertices to real edges, and among those
 * matchings it is the heaviest real one. If the best unconstrained matching has at most `cap`
 * edges, at least d vertices are single in it and the gadget changes nothing, so the gadget
 * alone always gives the answer.
 *
 * @param ew integer weights; edges of weight ≤ 0 are never chosen
 * @returns indices of the chosen edges
 */
export function maxWeightGeneralMatching(
  eu: ArrayLike<number>,
  ev: ArrayLike<number>,
  ew: ArrayLike<number>,
  cap: number,
): number[] {
  if (cap <= 0) return [];
  // Renumber the vertices that have a useful edge: the solver's cost grows with their number.
  const local = new Map<number, number>();
  const us: number[] = [];
  const vs: number[] = [];
  const ws: number[] = [];
  const original: number[] = [];
  let maxWeight = 0;
  for (let k = 0; k < ew.length; k += 1) {
    const w = ew[k];
    if (!(w > 0) || eu[k] === ev[k]) continue;
    let u = local.get(eu[k]);
    if (u === undefined) local.set(eu[k], (u = local.size));
    let v = local.get(ev[k]);
    if (v === undefined) local.set(ev[k], (v = local.size));
    us.push(u);
    vs.push(v);
    ws.push(w);
    original.push(k);
    if (w > maxWeight) maxWeight = w;
  }
  if (us.length === 0) return [];
  const real = local.size;
  const edges = us.length;
  const dummies = Math.max(0, real - 2 * cap);
  for (let d = 0; d < dummies; d += 1) {
    for (let v = 0; v < real; v += 1) {
      us.push(real + d);
      vs.push(v);
      ws.push(maxWeight + 1);
    }
  }
  const mate = maxWeightMatching(real + dummies, us, vs, ws);
  const out: number[] = [];
  const taken = new Uint8Array(real);
  for (let x = 0; x < edges; x += 1) {
    const u = us[x];
    const v = vs[x];
    if (mate[u] !== v || taken[u] || taken[v]) continue;
    taken[u] = taken[v] = 1;
    out.push(original[x]);
  }
  return out;
}

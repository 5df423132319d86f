import { maxWeightMatching } from './blossom';

/**
 * Maximum-weight matching of a general graph with at most `cap` edges, exactly: the blossom
 * algorithm stopped after `cap` augmentations (see {@link maxWeightMatching}).
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
  }
  if (us.length === 0) return [];
  const mate = maxWeightMatching(local.size, us, vs, ws, cap);
  const out: number[] = [];
  const taken = new Uint8Array(local.size);
  for (let x = 0; x < us.length; x += 1) {
    const u = us[x];
    const v = vs[x];
    if (mate[u] !== v || taken[u] || taken[v]) continue;
    taken[u] = taken[v] = 1;
    out.push(original[x]);
  }
  return out;
}

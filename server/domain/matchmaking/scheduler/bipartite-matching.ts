/**
 * Maximum-weight matching of a bipartite graph with at most `cap` edges, exactly.
 *
 * Successive shortest augmenting paths (the Hungarian method seen as min-cost flow): each
 * augmentation adds one edge along the path of largest gain, found by Dijkstra on reduced costs
 * kept non-negative by node potentials. The k-th augmentation yields the best matching of k
 * edges and the gains of successive paths never increase, so stopping at the first path that
 * gains nothing, or after `cap` paths, gives the best matching of at most `cap` edges.
 *
 * The graph is held as a dense left × right matrix: the rounds it serves are dense (every host
 * may meet nearly every pitcher), and a dense scan costs O(right) per scanned left node without
 * a heap. One augmentation is O(matched × right); a round of 60 hosts and 240 pitchers takes
 * about a million steps.
 *
 * @param left   number of left nodes
 * @param right  number of right nodes
 * @param eu     left end of each edge (0..left-1)
 * @param ev     right end of each edge (0..right-1)
 * @param ew     integer weight of each edge; edges of weight ≤ 0 are never chosen
 * @returns indices of the chosen edges
 */
export function maxWeightBipartiteMatching(
  left: number,
  right: number,
  eu: ArrayLike<number>,
  ev: ArrayLike<number>,
  ew: ArrayLike<number>,
  cap: number,
): number[] {
  if (cap <= 0 || left === 0 || right === 0) return [];
  const weight = new Float64Array(left * right);
  const edgeAt = new Int32Array(left * right).fill(-1);
  for (let k = 0; k < ew.length; k += 1) {
    const w = ew[k];
    if (!(w > 0)) continue;
    const cell = eu[k] * right + ev[k];
    if (edgeAt[cell] === -1 || w > weight[cell]) {
      weight[cell] = w;
      edgeAt[cell] = k;
    }
  }

  const mateL = new Int32Array(left).fill(-1);
  const mateR = new Int32Array(right).fill(-1);
  // Potentials: source and free left nodes at 0, right nodes at minus their heaviest edge, the
  // sink below every right node, so that every residual arc starts with a reduced cost ≥ 0.
  const piL = new Float64Array(left);
  const piR = new Float64Array(right);
  for (let i = 0; i < left; i += 1) {
    const row = i * right;
    for (let j = 0; j < right; j += 1) if (weight[row + j] > 0 && -weight[row + j] < piR[j]) piR[j] = -weight[row + j];
  }
  let piT = 0;
  for (let j = 0; j < right; j += 1) if (piR[j] < piT) piT = piR[j];

  const distL = new Float64Array(left);
  const distR = new Float64Array(right);
  const prevR = new Int32Array(right);
  const doneR = new Uint8Array(right);

  const relax = (i: number) => {
    const row = i * right;
    const base = distL[i] + piL[i];
    const mate = mateL[i];
    for (let j = 0; j < right; j += 1) {
      const w = weight[row + j];
      if (w <= 0 || j === mate) continue;
      const d = base - w - piR[j];
      if (d < distR[j]) {
        distR[j] = d;
        prevR[j] = i;
      }
    }
  };

  for (let flow = 0; flow < cap; flow += 1) {
    distL.fill(Infinity);
    distR.fill(Infinity);
    doneR.fill(0);
    for (let i = 0; i < left; i += 1) {
      if (mateL[i] === -1) {
        distL[i] = 0;
        relax(i);
      }
    }
    // Dijkstra over right nodes only: a matched right node leads to its mate at reduced cost 0
    // (complementary slackness), a free one ends a path at the sink.
    let best = Infinity;
    let bestJ = -1;
    for (;;) {
      let j = -1;
      let dj = best;
      for (let x = 0; x < right; x += 1) if (!doneR[x] && distR[x] < dj) {
        dj = distR[x];
        j = x;
      }
      if (j === -1) break;
      doneR[j] = 1;
      const i = mateR[j];
      if (i === -1) {
        const toSink = dj + piR[j] - piT;
        if (toSink < best) {
          best = toSink;
          bestJ = j;
        }
      } else {
        distL[i] = dj + weight[i * right + j] + piR[j] - piL[i];
        relax(i);
      }
    }
    // The path's real cost is its reduced cost corrected by the potentials of its ends.
    if (bestJ === -1 || best + piT >= 0) break;
    for (let i = 0; i < left; i += 1) piL[i] += Math.min(distL[i], best);
    for (let j = 0; j < right; j += 1) piR[j] += Math.min(distR[j], best);
    piT += best;
    let j = bestJ;
    for (;;) {
      const i = prevR[j];
      const next = mateL[i];
      mateL[i] = j;
      mateR[j] = i;
      if (next === -1) break;
      j = next;
    }
  }
  const chosen: number[] = [];
  for (let i = 0; i < left; i += 1) if (mateL[i] !== -1) chosen.push(edgeAt[i * right + mateL[i]]);
  return chosen;
}

/**
 * Maximum-weight matching in a general graph: Edmonds' blossom algorithm with the primal-dual
 * method, O(n³), exact for integer weights.
 *
 * This is the algorithm as Joris van Rantwijk structured it in `mwmatching.py` (after Galil,
 * "Efficient algorithms for finding maximum matching in graphs", 1986), which the npm package
 * `edmonds-blossom-fixed` ports line by line to JavaScript. This rewrite keeps the structure
 * and the vocabulary (S/T labels, blossoms, least-slack edges), stores the graph and the
 * per-stage state in typed arrays, and adds what the package cannot do: stop after k
 * augmentations. The planner needs the heaviest matching of at most `tables` edges; with the
 * package that takes a gadget that doubles the graph (dummy vertices joined to everyone), here
 * it is a partial run, 2–5× faster on the benchmark's OPEN rounds. The package stays the
 * reference in the tests.
 *
 * Vertices 0..n-1 are trivial blossoms; n..2n-1 number non-trivial ones. Edge k has endpoints
 * 2k and 2k+1. Dual variables of vertices are stored doubled, so that with integer weights
 * every quantity stays an integer.
 *
 * Every stage augments the matching by one edge, and since all single vertices always carry
 * the same dual value, the matching after k stages is a heaviest matching of k edges (the
 * primal-dual method computes heaviest matchings of successive sizes; the tests check it
 * against exhaustive search). Stopping after
 * `maxEdges` stages therefore gives the heaviest matching of at most `maxEdges` edges: the
 * weight of the best k-matching is concave in k, and the algorithm stops on its own once one
 * more edge would not add weight.
 *
 * @returns mate[v] = the vertex matched with v, or -1
 */
export function maxWeightMatching(
  n: number,
  eu: ArrayLike<number>,
  ev: ArrayLike<number>,
  ew: ArrayLike<number>,
  maxEdges = Infinity,
): Int32Array {
  const nEdge = ew.length;
  const mateOut = new Int32Array(n).fill(-1);
  if (nEdge === 0 || n === 0) return mateOut;
  const n2 = 2 * n;
  let maxWeight = 0;
  for (let k = 0; k < nEdge; k += 1) if (ew[k] > maxWeight) maxWeight = ew[k];

  const endpoint = new Int32Array(2 * nEdge);
  for (let k = 0; k < nEdge; k += 1) {
    endpoint[2 * k] = eu[k];
    endpoint[2 * k + 1] = ev[k];
  }
  // neighbend[v]: remote endpoints of v's edges, as CSR.
  const degree = new Int32Array(n + 1);
  for (let k = 0; k < nEdge; k += 1) {
    degree[eu[k] + 1] += 1;
    degree[ev[k] + 1] += 1;
  }
  for (let v = 0; v < n; v += 1) degree[v + 1] += degree[v];
  const neighStart = degree;
  const neighbend = new Int32Array(2 * nEdge);
  const fill = neighStart.slice(0, n);
  for (let k = 0; k < nEdge; k += 1) {
    neighbend[fill[eu[k]]++] = 2 * k + 1;
    neighbend[fill[ev[k]]++] = 2 * k;
  }

  // mate[v]: remote endpoint of v's matched edge, or -1.
  const mate = new Int32Array(n).fill(-1);
  const label = new Int8Array(n2);
  const labelend = new Int32Array(n2).fill(-1);
  const inblossom = new Int32Array(n);
  for (let v = 0; v < n; v += 1) inblossom[v] = v;
  const blossomparent = new Int32Array(n2).fill(-1);
  const blossomchilds: (number[] | null)[] = new Array(n2).fill(null);
  const blossombase = new Int32Array(n2).fill(-1);
  for (let v = 0; v < n; v += 1) blossombase[v] = v;
  const blossomendps: (number[] | null)[] = new Array(n2).fill(null);
  const bestedge = new Int32Array(n2).fill(-1);
  const blossombestedges: (number[] | null)[] = new Array(n2).fill(null);
  const unusedblossoms: number[] = [];
  for (let b = n; b < n2; b += 1) unusedblossoms.push(b);
  const dualvar = new Float64Array(n2);
  for (let v = 0; v < n; v += 1) dualvar[v] = maxWeight;
  const allowedge = new Uint8Array(nEdge);
  const queue: number[] = [];
  const bestedgeto = new Int32Array(n2).fill(-1);

  const slack = (k: number) => dualvar[endpoint[2 * k]] + dualvar[endpoint[2 * k + 1]] - 2 * ew[k];

  // The leaf vertices of a blossom, in the order of its (nested) children.
  const leaves = (b: number, out: number[]): number[] => {
    if (b < n) out.push(b);
    else for (const c of blossomchilds[b]!) leaves(c, out);
    return out;
  };

  const assignLabel = (w: number, t: number, p: number): void => {
    for (;;) {
      const b = inblossom[w];
      label[w] = label[b] = t;
      labelend[w] = labelend[b] = p;
      bestedge[w] = bestedge[b] = -1;
      if (t === 1) {
        leaves(b, queue);
        return;
      }
      // A T-blossom: its base's mate becomes S.
      const base = blossombase[b];
      const mp = mate[base];
      w = endpoint[mp];
      t = 1;
      p = mp ^ 1;
    }
  };

  const path: number[] = [];
  const scanBlossom = (v: number, w: number): number => {
    path.length = 0;
    let base = -1;
    while (v !== -1 || w !== -1) {
      let b = inblossom[v];
      if (label[b] & 4) {
        base = blossombase[b];
        break;
      }
      path.push(b);
      label[b] = 5;
      if (labelend[b] === -1) {
        v = -1;
      } else {
        v = endpoint[labelend[b]];
        b = inblossom[v];
        v = endpoint[labelend[b]];
      }
      if (w !== -1) {
        const tmp = v;
        v = w;
        w = tmp;
      }
    }
    for (const b of path) label[b] = 1;
    return base;
  };

  const addBlossom = (base: number, k: number): void => {
    let v = endpoint[2 * k];
    let w = endpoint[2 * k + 1];
    const bb = inblossom[base];
    let bv = inblossom[v];
    let bw = inblossom[w];
    const b = unusedblossoms.pop()!;
    blossombase[b] = base;
    blossomparent[b] = -1;
    blossomparent[bb] = b;
    const childs: number[] = [];
    const endps: number[] = [];
    while (bv !== bb) {
      blossomparent[bv] = b;
      childs.push(bv);
      endps.push(labelend[bv]);
      v = endpoint[labelend[bv]];
      bv = inblossom[v];
    }
    childs.push(bb);
    childs.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw !== bb) {
      blossomparent[bw] = b;
      childs.push(bw);
      endps.push(labelend[bw] ^ 1);
      w = endpoint[labelend[bw]];
      bw = inblossom[w];
    }
    blossomchilds[b] = childs;
    blossomendps[b] = endps;
    label[b] = 1;
    labelend[b] = labelend[bb];
    dualvar[b] = 0;
    for (const x of leaves(b, [])) {
      if (label[inblossom[x]] === 2) queue.push(x);
      inblossom[x] = b;
    }
    // Least-slack edges from the new blossom to each neighbouring S-blossom.
    const touched: number[] = [];
    for (const sub of childs) {
      const consider = (kk: number) => {
        let j = endpoint[2 * kk + 1];
        if (inblossom[j] === b) j = endpoint[2 * kk];
        const bj = inblossom[j];
        if (bj !== b && label[bj] === 1 && (bestedgeto[bj] === -1 || slack(kk) < slack(bestedgeto[bj]))) {
          if (bestedgeto[bj] === -1) touched.push(bj);
          bestedgeto[bj] = kk;
        }
      };
      const list = blossombestedges[sub];
      if (list === null) {
        for (const x of leaves(sub, [])) {
          for (let q = neighStart[x]; q < neighStart[x + 1]; q += 1) consider(neighbend[q] >> 1);
        }
      } else {
        for (const kk of list) consider(kk);
      }
      blossombestedges[sub] = null;
      bestedge[sub] = -1;
    }
    const best: number[] = [];
    for (const bj of touched) {
      best.push(bestedgeto[bj]);
      bestedgeto[bj] = -1;
    }
    blossombestedges[b] = best;
    bestedge[b] = -1;
    for (const kk of best) if (bestedge[b] === -1 || slack(kk) < slack(bestedge[b])) bestedge[b] = kk;
  };

  const expandBlossom = (b: number, endStage: boolean): void => {
    const childs = blossomchilds[b]!;
    for (const s of childs) {
      blossomparent[s] = -1;
      if (s < n) inblossom[s] = s;
      else if (endStage && dualvar[s] === 0) expandBlossom(s, endStage);
      else for (const x of leaves(s, [])) inblossom[x] = s;
    }
    if (!endStage && label[b] === 2) {
      const endps = blossomendps[b]!;
      const len = childs.length;
      const at = (i: number) => (i < 0 ? i + len : i);
      const entrychild = inblossom[endpoint[labelend[b] ^ 1]];
      let j = childs.indexOf(entrychild);
      let jstep: number;
      let endptrick: number;
      if (j & 1) {
        j -= len;
        jstep = 1;
        endptrick = 0;
      } else {
        jstep = -1;
        endptrick = 1;
      }
      let p = labelend[b];
      while (j !== 0) {
        label[endpoint[p ^ 1]] = 0;
        label[endpoint[endps[at(j - endptrick)] ^ endptrick ^ 1]] = 0;
        assignLabel(endpoint[p ^ 1], 2, p);
        allowedge[endps[at(j - endptrick)] >> 1] = 1;
        j += jstep;
        p = endps[at(j - endptrick)] ^ endptrick;
        allowedge[p >> 1] = 1;
        j += jstep;
      }
      const bv = childs[at(j)];
      label[endpoint[p ^ 1]] = label[bv] = 2;
      labelend[endpoint[p ^ 1]] = labelend[bv] = p;
      bestedge[bv] = -1;
      j += jstep;
      while (childs[at(j)] !== entrychild) {
        const sub = childs[at(j)];
        if (label[sub] === 1) {
          j += jstep;
          continue;
        }
        let reached = -1;
        for (const x of leaves(sub, [])) {
          if (label[x] !== 0) {
            reached = x;
            break;
          }
        }
        if (reached !== -1) {
          label[reached] = 0;
          label[endpoint[mate[blossombase[sub]]]] = 0;
          assignLabel(reached, 2, labelend[reached]);
        }
        j += jstep;
      }
    }
    label[b] = -1;
    labelend[b] = -1;
    blossomchilds[b] = null;
    blossomendps[b] = null;
    blossombase[b] = -1;
    blossombestedges[b] = null;
    bestedge[b] = -1;
    unusedblossoms.push(b);
  };

  const augmentBlossom = (b: number, v: number): void => {
    let t = v;
    while (blossomparent[t] !== b) t = blossomparent[t];
    if (t >= n) augmentBlossom(t, v);
    const childs = blossomchilds[b]!;
    const endps = blossomendps[b]!;
    const len = childs.length;
    const at = (x: number) => (x < 0 ? x + len : x);
    const i = childs.indexOf(t);
    let j = i;
    let jstep: number;
    let endptrick: number;
    if (i & 1) {
      j -= len;
      jstep = 1;
      endptrick = 0;
    } else {
      jstep = -1;
      endptrick = 1;
    }
    while (j !== 0) {
      j += jstep;
      t = childs[at(j)];
      const p = endps[at(j - endptrick)] ^ endptrick;
      if (t >= n) augmentBlossom(t, endpoint[p]);
      j += jstep;
      t = childs[at(j)];
      if (t >= n) augmentBlossom(t, endpoint[p ^ 1]);
      mate[endpoint[p]] = p ^ 1;
      mate[endpoint[p ^ 1]] = p;
    }
    blossomchilds[b] = childs.slice(i).concat(childs.slice(0, i));
    blossomendps[b] = endps.slice(i).concat(endps.slice(0, i));
    blossombase[b] = blossombase[blossomchilds[b]![0]];
  };

  const augmentMatching = (k: number): void => {
    const ends: [number, number][] = [
      [endpoint[2 * k], 2 * k + 1],
      [endpoint[2 * k + 1], 2 * k],
    ];
    for (let [s, p] of ends) {
      for (;;) {
        const bs = inblossom[s];
        if (bs >= n) augmentBlossom(bs, s);
        mate[s] = p;
        if (labelend[bs] === -1) break;
        const t = endpoint[labelend[bs]];
        const bt = inblossom[t];
        s = endpoint[labelend[bt]];
        const j = endpoint[labelend[bt] ^ 1];
        if (bt >= n) augmentBlossom(bt, j);
        mate[j] = labelend[bt];
        p = labelend[bt] ^ 1;
      }
    }
  };

  for (let stage = 0; stage < n && stage < maxEdges; stage += 1) {
    label.fill(0);
    bestedge.fill(-1);
    for (let b = n; b < n2; b += 1) blossombestedges[b] = null;
    allowedge.fill(0);
    queue.length = 0;
    for (let v = 0; v < n; v += 1) if (mate[v] === -1 && label[inblossom[v]] === 0) assignLabel(v, 1, -1);

    let augmented = false;
    for (;;) {
      while (queue.length > 0 && !augmented) {
        const v = queue.pop()!;
        for (let q = neighStart[v]; q < neighStart[v + 1]; q += 1) {
          const p = neighbend[q];
          const k = p >> 1;
          const w = endpoint[p];
          if (inblossom[v] === inblossom[w]) continue;
          let kslack = 0;
          if (!allowedge[k]) {
            kslack = slack(k);
            if (kslack <= 0) allowedge[k] = 1;
          }
          if (allowedge[k]) {
            if (label[inblossom[w]] === 0) {
              assignLabel(w, 2, p ^ 1);
            } else if (label[inblossom[w]] === 1) {
              const base = scanBlossom(v, w);
              if (base >= 0) {
                addBlossom(base, k);
              } else {
                augmentMatching(k);
                augmented = true;
                break;
              }
            } else if (label[w] === 0) {
              label[w] = 2;
              labelend[w] = p ^ 1;
            }
          } else if (label[inblossom[w]] === 1) {
            const b = inblossom[v];
            if (bestedge[b] === -1 || kslack < slack(bestedge[b])) bestedge[b] = k;
          } else if (label[w] === 0) {
            if (bestedge[w] === -1 || kslack < slack(bestedge[w])) bestedge[w] = k;
          }
        }
      }
      if (augmented) break;

      // No augmenting path with the current duals: move the duals by the least delta.
      let deltatype = 1;
      let delta = Infinity;
      let deltaedge = -1;
      let deltablossom = -1;
      for (let v = 0; v < n; v += 1) if (dualvar[v] < delta) delta = dualvar[v];
      for (let v = 0; v < n; v += 1) {
        if (label[inblossom[v]] === 0 && bestedge[v] !== -1) {
          const d = slack(bestedge[v]);
          if (d < delta) {
            delta = d;
            deltatype = 2;
            deltaedge = bestedge[v];
          }
        }
      }
      for (let b = 0; b < n2; b += 1) {
        if (blossomparent[b] === -1 && label[b] === 1 && bestedge[b] !== -1) {
          const d = slack(bestedge[b]) / 2;
          if (d < delta) {
            delta = d;
            deltatype = 3;
            deltaedge = bestedge[b];
          }
        }
      }
      for (let b = n; b < n2; b += 1) {
        if (blossombase[b] >= 0 && blossomparent[b] === -1 && label[b] === 2 && dualvar[b] < delta) {
          delta = dualvar[b];
          deltatype = 4;
          deltablossom = b;
        }
      }
      for (let v = 0; v < n; v += 1) {
        const l = label[inblossom[v]];
        if (l === 1) dualvar[v] -= delta;
        else if (l === 2) dualvar[v] += delta;
      }
      for (let b = n; b < n2; b += 1) {
        if (blossombase[b] >= 0 && blossomparent[b] === -1) {
          if (label[b] === 1) dualvar[b] += delta;
          else if (label[b] === 2) dualvar[b] -= delta;
        }
      }
      if (deltatype === 1) break;
      if (deltatype === 2) {
        allowedge[deltaedge] = 1;
        let i = endpoint[2 * deltaedge];
        if (label[inblossom[i]] === 0) i = endpoint[2 * deltaedge + 1];
        queue.push(i);
      } else if (deltatype === 3) {
        allowedge[deltaedge] = 1;
        queue.push(endpoint[2 * deltaedge]);
      } else {
        expandBlossom(deltablossom, false);
      }
    }
    if (!augmented) break;
    for (let b = n; b < n2; b += 1) {
      if (blossomparent[b] === -1 && blossombase[b] >= 0 && label[b] === 1 && dualvar[b] === 0) expandBlossom(b, true);
    }
  }
  for (let v = 0; v < n; v += 1) if (mate[v] >= 0) mateOut[v] = endpoint[mate[v]];
  return mateOut;
}

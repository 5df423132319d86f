import fc from 'fast-check';
import { maxWeightBipartiteMatching } from '../../server/domain/matchmaking/scheduler/bipartite-matching';
import { maxWeightMatching } from '../../server/domain/matchmaking/scheduler/blossom';
import { maxWeightGeneralMatching } from '../../server/domain/matchmaking/scheduler/general-matching';

// The npm port of the same algorithm, kept as an independent reference.
const referenceBlossom = require('edmonds-blossom-fixed') as (edges: [number, number, number][]) => number[];

/** Heaviest matching of at most `cap` edges by trying every subset of edges. */
function bruteForce(us: number[], vs: number[], ws: number[], cap: number): number {
  let best = 0;
  const used = new Set<number>();
  const walk = (k: number, size: number, total: number) => {
    if (total > best) best = total;
    if (k === ws.length || size === cap) return;
    walk(k + 1, size, total);
    if (ws[k] > 0 && !used.has(us[k]) && !used.has(vs[k])) {
      used.add(us[k]);
      used.add(vs[k]);
      walk(k + 1, size + 1, total + ws[k]);
      used.delete(us[k]);
      used.delete(vs[k]);
    }
  };
  walk(0, 0, 0);
  return best;
}

function checkMatching(chosen: number[], us: number[], vs: number[], ws: number[], cap: number, sameSide: boolean): number {
  expect(chosen.length).toBeLessThanOrEqual(cap);
  const seen = new Set<string>();
  let total = 0;
  for (const k of chosen) {
    expect(ws[k]).toBeGreaterThan(0);
    for (const end of [sameSide ? `v${us[k]}` : `l${us[k]}`, `v${vs[k]}`]) {
      expect(seen.has(end)).toBe(false);
      seen.add(end);
    }
    total += ws[k];
  }
  return total;
}

const edgeList = (maxLeft: number, maxRight: number, maxEdges: number) =>
  fc.array(fc.tuple(fc.nat(maxLeft - 1), fc.nat(maxRight - 1), fc.integer({ min: -3, max: 40 })), { maxLength: maxEdges });

describe('maxWeightBipartiteMatching', () => {
  it('finds the heaviest matching of at most cap edges (brute force on small graphs)', () => {
    fc.assert(
      fc.property(edgeList(5, 6, 12), fc.integer({ min: 0, max: 5 }), (edges, cap) => {
        // One edge per cell: the dense solver keeps the heaviest of parallel edges, the brute
        // force would too, but distinct cells keep the comparison simple.
        const cells = new Map<string, [number, number, number]>();
        for (const e of edges) cells.set(`${e[0]}|${e[1]}`, e);
        const list = [...cells.values()];
        const us = list.map((e) => e[0]);
        const vs = list.map((e) => e[1]);
        const ws = list.map((e) => e[2]);
        const chosen = maxWeightBipartiteMatching(5, 6, us, vs, ws, cap);
        // Left and right are separate node sets here.
        expect(checkMatching(chosen, us, vs.map((v) => v + 100), ws, cap, true)).toBe(bruteForce(us, vs.map((v) => v + 100), ws, cap));
      }),
      { numRuns: 1500 },
    );
  });

  it('stops at the cap on a complete graph and keeps the heaviest edges', () => {
    const us: number[] = [];
    const vs: number[] = [];
    const ws: number[] = [];
    for (let i = 0; i < 4; i += 1) for (let j = 0; j < 4; j += 1) {
      us.push(i);
      vs.push(j);
      ws.push(i === j ? 100 + i : 1);
    }
    const chosen = maxWeightBipartiteMatching(4, 4, us, vs, ws, 2);
    expect(chosen.map((k) => ws[k]).sort()).toEqual([102, 103]);
  });
});

describe('maxWeightGeneralMatching', () => {
  it('finds the heaviest matching of at most cap edges (brute force on small graphs, odd cycles included)', () => {
    fc.assert(
      fc.property(edgeList(8, 8, 14), fc.integer({ min: 0, max: 4 }), (edges, cap) => {
        const cells = new Map<string, [number, number, number]>();
        for (const [u, v, w] of edges) if (u !== v) cells.set(u < v ? `${u}|${v}` : `${v}|${u}`, [u, v, w]);
        const list = [...cells.values()];
        const us = list.map((e) => e[0]);
        const vs = list.map((e) => e[1]);
        const ws = list.map((e) => e[2]);
        const chosen = maxWeightGeneralMatching(us, vs, ws, cap);
        expect(checkMatching(chosen, us, vs, ws, cap, true)).toBe(bruteForce(us, vs, ws, cap));
      }),
      { numRuns: 1500 },
    );
  });

  it('prefers two light edges to one heavy edge on a path when their sum is larger', () => {
    // Path 0-1-2-3: the middle edge (10) loses to the two ends (6 + 6).
    expect(maxWeightGeneralMatching([0, 1, 2], [1, 2, 3], [6, 10, 6], 5).sort()).toEqual([0, 2]);
    expect(maxWeightGeneralMatching([0, 1, 2], [1, 2, 3], [6, 10, 6], 1)).toEqual([1]);
  });
});

describe('maxWeightMatching (blossom)', () => {
  const mateOf = (edges: [number, number, number][]) => {
    const n = edges.reduce((m, [u, v]) => Math.max(m, u + 1, v + 1), 0);
    return Array.from(maxWeightMatching(n, edges.map((e) => e[0]), edges.map((e) => e[1]), edges.map((e) => e[2])));
  };

  // The reference cases of Van Rantwijk's mwmatching.py, each built to reach one branch of the
  // algorithm (S-blossoms, T-blossoms, nested blossoms, expansions).
  it.each<[string, [number, number, number][], number[]]>([
    ['single edge', [[0, 1, 1]], [1, 0]],
    ['path', [[1, 2, 10], [2, 3, 11]], [-1, -1, 3, 2]],
    ['path of three', [[1, 2, 5], [2, 3, 11], [3, 4, 5]], [-1, -1, 3, 2, -1]],
    ['S-blossom', [[1, 2, 8], [1, 3, 9], [2, 3, 10], [3, 4, 7]], [-1, 2, 1, 4, 3]],
    ['S-blossom augment', [[1, 2, 8], [1, 3, 9], [2, 3, 10], [3, 4, 7], [1, 6, 5], [4, 5, 6]], [-1, 6, 3, 2, 5, 4, 1]],
    ['T-blossom', [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 4], [1, 6, 3]], [-1, 6, 3, 2, 5, 4, 1]],
    ['T-blossom 2', [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 3], [1, 6, 4]], [-1, 6, 3, 2, 5, 4, 1]],
    ['T-blossom 3', [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 3], [3, 6, 4]], [-1, 2, 1, 6, 5, 4, 3]],
    ['nested S', [[1, 2, 9], [1, 3, 9], [2, 3, 10], [2, 4, 8], [3, 5, 8], [4, 5, 10], [5, 6, 6]], [-1, 3, 4, 1, 2, 6, 5]],
    ['S relabel nest', [[1, 2, 10], [1, 7, 10], [2, 3, 12], [3, 4, 20], [3, 5, 20], [4, 5, 25], [5, 6, 10], [6, 7, 10], [7, 8, 8]], [-1, 2, 1, 4, 3, 6, 5, 8, 7]],
    ['nested S expand', [[1, 2, 8], [1, 3, 8], [2, 3, 10], [2, 4, 12], [3, 5, 12], [4, 5, 14], [4, 6, 12], [5, 7, 12], [6, 7, 14], [7, 8, 12]], [-1, 2, 1, 5, 6, 3, 4, 8, 7]],
    ['S, T expand', [[1, 2, 23], [1, 5, 22], [1, 6, 15], [2, 3, 25], [3, 4, 22], [4, 5, 25], [4, 8, 14], [5, 7, 13]], [-1, 6, 3, 2, 8, 7, 1, 5, 4]],
    ['nested S, T expand', [[1, 2, 19], [1, 3, 20], [1, 8, 8], [2, 3, 25], [2, 4, 18], [3, 5, 18], [4, 5, 13], [4, 7, 7], [5, 6, 7]], [-1, 8, 3, 2, 7, 6, 5, 4, 1]],
    ['T nasty expand', [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 35], [5, 7, 26], [9, 10, 5]], [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9]],
    ['T nasty 2', [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 26], [5, 7, 40], [9, 10, 5]], [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9]],
    ['T expand least slack', [[1, 2, 45], [1, 5, 45], [2, 3, 50], [3, 4, 45], [4, 5, 50], [1, 6, 30], [3, 9, 35], [4, 8, 28], [5, 7, 26], [9, 10, 5]], [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9]],
    ['nested T nasty', [[1, 2, 45], [1, 7, 45], [2, 3, 50], [3, 4, 45], [4, 5, 95], [4, 6, 94], [5, 6, 94], [6, 7, 50], [1, 8, 30], [3, 11, 35], [5, 9, 36], [7, 10, 26], [11, 12, 5]], [-1, 8, 3, 2, 6, 9, 4, 10, 1, 5, 7, 12, 11]],
    ['nested relabel expand', [[1, 2, 40], [1, 3, 40], [2, 3, 60], [2, 4, 55], [3, 5, 55], [4, 5, 50], [1, 8, 15], [5, 7, 30], [7, 6, 10], [8, 10, 10], [4, 9, 30]], [-1, 2, 1, 5, 9, 3, 7, 6, 10, 4, 8]],
  ])('%s', (_, edges, mate) => {
    expect(mateOf(edges)).toEqual(mate);
  });

  it('weighs as much as the npm reference port on random dense graphs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.double({ min: 0.1, max: 1, noNaN: true }), fc.integer(), (n, density, seed) => {
        let s = seed >>> 0;
        const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
        const edges: [number, number, number][] = [];
        for (let u = 0; u < n; u += 1) for (let v = u + 1; v < n; v += 1) if (next() < density) edges.push([u, v, 1 + Math.floor(next() * 50)]);
        if (edges.length === 0) return;
        const weightOf = (mate: ArrayLike<number>) => edges.reduce((t, [u, v, w]) => t + (mate[u] === v ? w : 0), 0);
        const mine = mateOf(edges);
        for (let v = 0; v < mine.length; v += 1) if (mine[v] !== -1) expect(mine[mine[v]]).toBe(v);
        expect(weightOf(mine)).toBe(weightOf(referenceBlossom(edges)));
      }),
      { numRuns: 300 },
    );
  });
});

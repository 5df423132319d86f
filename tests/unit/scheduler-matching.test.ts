import fc from 'fast-check';
import { maxWeightBipartiteMatching } from '../../server/domain/matchmaking/scheduler/bipartite-matching';
import { maxWeightGeneralMatching } from '../../server/domain/matchmaking/scheduler/general-matching';

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

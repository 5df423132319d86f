/**
 * Minimum-cost flow by successive shortest paths, for integer capacities and integer costs
 * (negative costs allowed as long as there is no negative cycle, see {@link MinCostFlow.run}).
 *
 * Dijkstra on reduced costs with node potentials finds the shortest path length; it stops as
 * soon as the sink is settled (nodes not settled then get the sink's distance, which keeps every
 * reduced cost non-negative). Then every path made of zero-reduced-cost arcs is a shortest path,
 * and a blocking flow on those arcs (Dinic) augments along all of them before the next Dijkstra:
 * with the many ties of the planner's costs, one Dijkstra serves several augmentations.
 */
export class MinCostFlow {
  private readonly headList: number[];
  private toList: number[] = [];
  private nextList: number[] = [];
  private capacityList: number[] = [];
  private costList: number[] = [];
  private residual: Float64Array | null = null;

  constructor(readonly nodes: number) {
    this.headList = new Array<number>(nodes).fill(-1);
  }

  /** Adds an arc and returns its id; its reverse arc is `id ^ 1`. Only before {@link run}. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const id = this.toList.length;
    this.toList.push(to, from);
    this.capacityList.push(capacity, 0);
    this.costList.push(cost, -cost);
    this.nextList.push(this.headList[from], this.headList[to]);
    this.headList[from] = id;
    this.headList[to] = id + 1;
    return id;
  }

  /** Units of flow on arc `id` (after {@link run}). */
  flow(id: number): number {
    return this.residual ? this.residual[id ^ 1] : 0;
  }

  /**
   * Sends flow from `source` to `sink`, cheapest paths first, until `maxFlow` units or until
   * the next path would not lower the cost (so with negative costs it finds the cheapest flow
   * of any value up to `maxFlow`, path costs being non-decreasing).
   *
   * Initial potentials come from Bellman–Ford (queue-based), so negative arc costs are fine as
   * long as the graph has no negative cycle.
   */
  run(source: number, sink: number, maxFlow: number): { flow: number; cost: number } {
    const n = this.nodes;
    // Typed copies: the loops below are the planner's hottest after the matchings.
    const head = Int32Array.from(this.headList);
    const to = Int32Array.from(this.toList);
    const next = Int32Array.from(this.nextList);
    const cost = Float64Array.from(this.costList);
    const capacity = Float64Array.from(this.capacityList);
    this.residual = capacity;
    const potential = bellmanFord(n, source, head, to, next, cost, capacity);
    const dist = new Float64Array(n);
    const settled = new Uint8Array(n);
    const level = new Int32Array(n);
    const cursor = new Int32Array(n);
    const queue = new Int32Array(n);
    const heap = new BinaryHeap(to.length + n + 1);
    let flow = 0;
    let totalCost = 0;

    // Blocking flow on admissible arcs (residual, reduced cost 0, one level further).
    const push = (u: number, limit: number): number => {
      if (u === sink) return limit;
      for (; cursor[u] !== -1; cursor[u] = next[cursor[u]]) {
        const a = cursor[u];
        const v = to[a];
        if (capacity[a] <= 0 || level[v] !== level[u] + 1 || cost[a] + potential[u] - potential[v] !== 0) continue;
        const sent = push(v, Math.min(limit, capacity[a]));
        if (sent > 0) {
          capacity[a] -= sent;
          capacity[a ^ 1] += sent;
          return sent;
        }
      }
      return 0;
    };

    while (flow < maxFlow) {
      dist.fill(Infinity);
      settled.fill(0);
      dist[source] = 0;
      heap.clear();
      heap.push(0, source);
      while (heap.size > 0) {
        const d = heap.topKey();
        const u = heap.pop();
        if (settled[u] || d > dist[u]) continue;
        settled[u] = 1;
        if (u === sink) break;
        const pu = potential[u];
        for (let a = head[u]; a !== -1; a = next[a]) {
          if (capacity[a] <= 0) continue;
          const v = to[a];
          if (settled[v]) continue;
          const nd = d + cost[a] + pu - potential[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            heap.push(nd, v);
          }
        }
      }
      if (!settled[sink]) break;
      const reach = dist[sink];
      const pathCost = reach + potential[sink] - potential[source];
      if (pathCost >= 0) break;
      for (let v = 0; v < n; v += 1) potential[v] += settled[v] ? dist[v] : reach;

      for (;;) {
        level.fill(-1);
        level[source] = 0;
        let tail = 0;
        queue[tail++] = source;
        for (let q = 0; q < tail && level[sink] === -1; q += 1) {
          const u = queue[q];
          for (let a = head[u]; a !== -1; a = next[a]) {
            const v = to[a];
            if (level[v] !== -1 || capacity[a] <= 0 || cost[a] + potential[u] - potential[v] !== 0) continue;
            level[v] = level[u] + 1;
            queue[tail++] = v;
          }
        }
        if (level[sink] === -1) break;
        cursor.set(head);
        let sent = 0;
        while (flow < maxFlow && (sent = push(source, maxFlow - flow)) > 0) {
          flow += sent;
          totalCost += sent * pathCost;
        }
        if (flow >= maxFlow) break;
      }
    }
    return { flow, cost: totalCost };
  }
}

function bellmanFord(
  n: number,
  source: number,
  head: Int32Array,
  to: Int32Array,
  next: Int32Array,
  cost: Float64Array,
  capacity: Float64Array,
): Float64Array {
  const dist = new Float64Array(n).fill(Infinity);
  const queued = new Uint8Array(n);
  dist[source] = 0;
  const queue = [source];
  queued[source] = 1;
  for (let q = 0; q < queue.length; q += 1) {
    const u = queue[q];
    queued[u] = 0;
    for (let a = head[u]; a !== -1; a = next[a]) {
      if (capacity[a] <= 0) continue;
      const v = to[a];
      if (dist[u] + cost[a] < dist[v]) {
        dist[v] = dist[u] + cost[a];
        if (!queued[v]) {
          queued[v] = 1;
          queue.push(v);
        }
      }
    }
  }
  // Unreachable nodes stay unreachable until flow opens an arc into them, which only happens
  // from reachable nodes; 0 is as good a potential as any for them.
  for (let v = 0; v < n; v += 1) if (dist[v] === Infinity) dist[v] = 0;
  return dist;
}

/** A binary min-heap of (key, value) pairs, at most `capacity` at a time. */
class BinaryHeap {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  push(key: number, value: number): void {
    const { keys, values } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes the smallest pair and returns its value. */
  pop(): number {
    const { keys, values } = this;
    const top = values[0];
    const n = --this.size;
    if (n > 0) {
      const lastKey = keys[n];
      const lastValue = values[n];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1] < keys[child]) child += 1;
        if (keys[child] >= lastKey) break;
        keys[i] = keys[child];
        values[i] = values[child];
        i = child;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}

/**
 * Minimum-cost flow by successive shortest paths, for integer capacities and integer costs
 * (negative costs allowed on an acyclic start, see {@link MinCostFlow.run}).
 *
 * Dijkstra on reduced costs with node potentials finds the shortest path length; it stops as
 * soon as the sink is settled (nodes not settled then get the sink's distance, which keeps every
 * reduced cost non-negative). Then every path made of zero-reduced-cost arcs is a shortest path,
 * and a blocking flow on those arcs (Dinic) augments along all of them before the next Dijkstra:
 * with the many ties of the planner's costs, one Dijkstra serves dozens of augmentations.
 */
export class MinCostFlow {
  private readonly head: number[];
  private to: number[] = [];
  private next: number[] = [];
  private capacity: number[] = [];
  private cost: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  /** Adds an arc and returns its id; its reverse arc is `id ^ 1`. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const id = this.to.length;
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.cost.push(cost, -cost);
    this.next.push(this.head[from], this.head[to]);
    this.head[from] = id;
    this.head[to] = id + 1;
    return id;
  }

  /** Units of flow on arc `id`. */
  flow(id: number): number {
    return this.capacity[id ^ 1];
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
    const potential = this.bellmanFord(source);
    const dist = new Float64Array(n);
    const settled = new Uint8Array(n);
    const level = new Int32Array(n);
    const cursor = new Int32Array(n);
    const queue = new Int32Array(n);
    const heap = new BinaryHeap();
    let flow = 0;
    let totalCost = 0;
    const reduced = (a: number, u: number) => this.cost[a] + potential[u] - potential[this.to[a]];

    // Sends flow along admissible arcs (residual, reduced cost 0) only, Dinic style: every such
    // path from source to sink is a shortest one, so one Dijkstra serves many augmentations.
    const push = (u: number, limit: number): number => {
      if (u === sink) return limit;
      for (; cursor[u] !== -1; cursor[u] = this.next[cursor[u]]) {
        const a = cursor[u];
        const v = this.to[a];
        if (this.capacity[a] <= 0 || level[v] !== level[u] + 1 || reduced(a, u) !== 0) continue;
        const sent = push(v, Math.min(limit, this.capacity[a]));
        if (sent > 0) {
          this.capacity[a] -= sent;
          this.capacity[a ^ 1] += sent;
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
        const [d, u] = heap.pop();
        if (settled[u] || d > dist[u]) continue;
        settled[u] = 1;
        if (u === sink) break;
        for (let a = this.head[u]; a !== -1; a = this.next[a]) {
          if (this.capacity[a] <= 0) continue;
          const v = this.to[a];
          if (settled[v]) continue;
          const nd = d + reduced(a, u);
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
          for (let a = this.head[u]; a !== -1; a = this.next[a]) {
            const v = this.to[a];
            if (level[v] !== -1 || this.capacity[a] <= 0 || reduced(a, u) !== 0) continue;
            level[v] = level[u] + 1;
            queue[tail++] = v;
          }
        }
        if (level[sink] === -1) break;
        for (let v = 0; v < n; v += 1) cursor[v] = this.head[v];
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

  private bellmanFord(source: number): Float64Array {
    const n = this.nodes;
    const dist = new Float64Array(n).fill(Infinity);
    const queued = new Uint8Array(n);
    dist[source] = 0;
    const queue = [source];
    queued[source] = 1;
    for (let q = 0; q < queue.length; q += 1) {
      const u = queue[q];
      queued[u] = 0;
      for (let a = this.head[u]; a !== -1; a = this.next[a]) {
        if (this.capacity[a] <= 0) continue;
        const v = this.to[a];
        if (dist[u] + this.cost[a] < dist[v]) {
          dist[v] = dist[u] + this.cost[a];
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
}

/** A binary min-heap of (key, value) pairs. */
class BinaryHeap {
  private keys: number[] = [];
  private values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  clear(): void {
    this.keys.length = 0;
    this.values.length = 0;
  }

  push(key: number, value: number): void {
    const { keys, values } = this;
    let i = keys.length;
    keys.push(key);
    values.push(value);
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

  pop(): [number, number] {
    const { keys, values } = this;
    const top: [number, number] = [keys[0], values[0]];
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    const n = keys.length;
    if (n > 0) {
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

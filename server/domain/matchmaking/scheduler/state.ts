import { Model } from './model';

/**
 * A schedule being built: which round each pair meets in (0: not at all), who is busy when,
 * and the objective kept up to date, in the model's integer scale.
 *
 * The state never checks hard rules on `add`: its callers only add edges they know to be free
 * (both sides present and idle in the round, pair not met yet, a table left), and
 * {@link ScheduleState.check} exists for tests.
 */
export class ScheduleState {
  readonly roundOf: Int16Array;
  /** busy[v * (rounds + 1) + r] = the edge v meets in during round r, or -1. */
  readonly busy: Int32Array;
  readonly count: Int32Array;
  /** Meetings per round. */
  readonly size: Int32Array;
  /** Σ scaled scores + bonus × Σ min(share, meetings). */
  value = 0;
  /**
   * Work done by the matchings so far, in edge visits (see `matchRound`): the local search
   * spends a fixed amount of it rather than a fixed time, so its result depends on the seed
   * only, never on the machine.
   */
  work = 0;

  constructor(readonly model: Model) {
    this.roundOf = new Int16Array(model.m);
    this.busy = new Int32Array(model.n * (model.rounds + 1)).fill(-1);
    this.count = new Int32Array(model.n);
    this.size = new Int32Array(model.rounds + 1);
  }

  /** What adding `e` would add to the objective now. */
  gain(e: number): number {
    const { model } = this;
    const a = model.ea[e];
    const b = model.eb[e];
    return (
      model.ew[e] +
      (this.count[a] < model.share[a] ? model.bonus : 0) +
      (this.count[b] < model.share[b] ? model.bonus : 0)
    );
  }

  isFree(v: number, r: number): boolean {
    return this.busy[v * (this.model.rounds + 1) + r] === -1;
  }

  add(e: number, r: number): void {
    const { model } = this;
    const stride = model.rounds + 1;
    this.value += this.gain(e);
    this.roundOf[e] = r;
    this.busy[model.ea[e] * stride + r] = e;
    this.busy[model.eb[e] * stride + r] = e;
    this.count[model.ea[e]] += 1;
    this.count[model.eb[e]] += 1;
    this.size[r] += 1;
  }

  remove(e: number): void {
    const { model } = this;
    const r = this.roundOf[e];
    if (r === 0) return;
    const stride = model.rounds + 1;
    this.roundOf[e] = 0;
    this.busy[model.ea[e] * stride + r] = -1;
    this.busy[model.eb[e] * stride + r] = -1;
    this.count[model.ea[e]] -= 1;
    this.count[model.eb[e]] -= 1;
    this.size[r] -= 1;
    this.value -= this.gain(e);
  }

  /**
   * Counts a meeting that is not one of the model's pairs (a kept meeting with someone who
   * left the problem): it still counts towards the other side's fair share, as in `objective`.
   */
  countOutsideMeeting(v: number): void {
    if (this.count[v] < this.model.share[v]) this.value += this.model.bonus;
    this.count[v] += 1;
  }

  /** Edges meeting in round r. */
  meetingsOf(r: number): number[] {
    const { model } = this;
    const stride = model.rounds + 1;
    const out: number[] = [];
    for (let v = 0; v < model.n; v += 1) {
      const e = this.busy[v * stride + r];
      if (e >= 0 && model.ea[e] === v) out.push(e);
    }
    return out;
  }

  /** Clears round r and returns its edges. */
  clearRound(r: number): number[] {
    const edges = this.meetingsOf(r);
    for (const e of edges) this.remove(e);
    return edges;
  }

  snapshot(): Int16Array {
    return this.roundOf.slice();
  }

  /** Goes back to a snapshot of this state (meetings from `countOutsideMeeting` stay). */
  restore(snapshot: Int16Array): void {
    for (let e = 0; e < this.model.m; e += 1) if (this.roundOf[e] !== 0 && snapshot[e] !== this.roundOf[e]) this.remove(e);
    for (let e = 0; e < this.model.m; e += 1) if (snapshot[e] !== 0 && this.roundOf[e] === 0) this.add(e, snapshot[e]);
  }
}

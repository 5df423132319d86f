import { Random } from './random';
import { matchRound, RoundMatchingOptions } from './round-matching';
import { ScheduleState } from './state';

/**
 * Drops round r's meetings (but the locked ones) and refills the freed seats with the best
 * matching given everything else.
 */
function resolveRound(state: ScheduleState, r: number, options?: RoundMatchingOptions, locked?: Uint8Array): void {
  for (const e of state.meetingsOf(r)) if (!locked?.[e]) state.remove(e);
  matchRound(state, r, options);
}

/** What {@link ascend} may touch. */
export interface AscentScope {
  /** Rounds to solve first (default: all); the others wait until another round improves. */
  dirty?: Uint8Array;
  /** Edges that must stay where they are (a replan's kept meetings). */
  locked?: Uint8Array;
  /** Rounds before this one are never touched (a replan's past). */
  firstRound?: number;
}

/**
 * Block-coordinate ascent over rounds: re-solve one round exactly (see {@link matchRound}),
 * keeping the others fixed, until no round can improve. Each step is exact for its round, so
 * the objective never goes down; a round is solved again only after another round improved
 * (a change of equal value does not count), which makes the loop end.
 */
export function ascend(state: ScheduleState, random: Random, scope: AscentScope = {}): void {
  const R = state.model.rounds;
  const first = Math.max(1, scope.firstRound ?? 1);
  const stale = scope.dirty ?? new Uint8Array(R + 1).fill(1);
  const order: number[] = [];
  for (let r = first; r <= R; r += 1) order.push(r);
  for (;;) {
    random.shuffle(order);
    let any = false;
    for (const r of order) {
      if (!stale[r]) continue;
      any = true;
      stale[r] = 0;
      const before = state.value;
      resolveRound(state, r, undefined, scope.locked);
      if (state.value > before) for (let q = first; q <= R; q += 1) if (q !== r) stale[q] = 1;
    }
    if (!any) return;
  }
}

/**
 * Iterated local search: perturb the best schedule found, ascend again, keep the result if it
 * is at least as good (equal moves let the search drift across plateaus), else go back.
 *
 * Perturbations, drawn from the seed:
 * - ruin a few participants: drop every meeting of 1..n/10 random participants, so their
 *   pairs can be rebuilt together (the move a round-by-round ascent cannot make: a pair
 *   leaving one round to free a better one elsewhere);
 * - a noisy sweep: re-solve every round once with weights jittered by ±25 %, then ascend;
 * - ruin two rounds: empty them, so the pairs they held may move.
 *
 * It stops after `budget` units of matching work (see `ScheduleState.work`), `maxIterations`
 * iterations, or `patience` iterations without a strict improvement, or as soon as the
 * schedule reaches `bound` (an upper bound on the objective: the schedule is then optimal).
 * No clock: the same seed gives the same schedule on any machine.
 */
export function improve(
  state: ScheduleState,
  random: Random,
  limits: { budget: number; maxIterations?: number; patience?: number; bound?: number },
): void {
  const { model } = state;
  const R = model.rounds;
  let best = state.snapshot();
  let bestValue = state.value;
  const stride = R + 1;
  const stopAt = state.work + limits.budget;
  const bound = limits.bound ?? Infinity;
  const maxIterations = limits.maxIterations ?? Infinity;
  const patience = limits.patience ?? Infinity;
  let lastImprovement = 0;
  for (let it = 0; it < maxIterations && it - lastImprovement < patience && state.work < stopAt && bestValue < bound; it += 1) {
    const kind = random.next();
    if (kind < 0.5) {
      const k = 1 + random.int(Math.max(2, Math.ceil(model.n / 10)));
      for (let x = 0; x < k; x += 1) {
        const v = random.int(model.n);
        for (let r = 1; r <= R; r += 1) {
          const e = state.busy[v * stride + r];
          if (e >= 0) state.remove(e);
        }
      }
    } else if (kind < 0.8) {
      const order = random.shuffle(Array.from({ length: R }, (_, i) => i + 1));
      for (const r of order) resolveRound(state, r, { reweigh: (_, gain) => Math.round(gain * (0.75 + 0.5 * random.next())) });
    } else {
      state.clearRound(1 + random.int(R));
      state.clearRound(1 + random.int(R));
    }
    // Every round may gain from what the perturbation freed, not only those it touched.
    ascend(state, random);
    if (state.value >= bestValue) {
      if (state.value > bestValue) lastImprovement = it;
      bestValue = state.value;
      best = state.snapshot();
    } else {
      state.restore(best);
    }
  }
}

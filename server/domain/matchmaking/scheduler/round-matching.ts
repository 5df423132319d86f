import { matchEdges } from './matching';
import { edgeAvailable } from './model';
import { ScheduleState } from './state';

/** Set-up cost of one call, in edge visits (see `ScheduleState.work`), measured. */
const CALL_COST = 5000;

export interface RoundMatchingOptions {
  /**
   * Changes an edge's weight (its gain to the objective, > 0) before matching; the perturbation
   * step uses it to explore. Must return an integer; ≤ 0 drops the edge.
   */
  reweigh?: (edge: number, gain: number) => number;
  /**
   * Match with the pairs that add nothing to the objective instead (score 0, both sides at
   * their fair share), as many as possible, least-met participants first: a meeting worth
   * nothing still beats an idle round, and it cannot cost the objective anything.
   */
  zeroGainOnly?: boolean;
}

/**
 * Adds to round `r` the best set of meetings among the participants still free in `r`: an exact
 * maximum-weight matching (bipartite or general) of the pairs not met in any round, weighted by
 * what each meeting adds to the objective given the meetings already in the schedule — its
 * score plus the fairness bonus for each side still below their fair share — within the
 * tables left. Meetings already in round `r` stay.
 *
 * One person sits in at most one meeting of a round, so the bonus of one edge never overlaps
 * another's: the sum of the edge weights is exactly what the objective gains.
 *
 * @returns the number of meetings added
 */
export function matchRound(state: ScheduleState, r: number, options: RoundMatchingOptions = {}): number {
  const { model } = state;
  const cap = model.tables - state.size[r];
  if (cap <= 0) return 0;
  const candidates: number[] = [];
  const weights: number[] = [];
  // Cardinality first, then who has met least: the tie-breaking term stays below one edge.
  const fillUnit = model.n * (model.rounds + 1) * 2 + 1;
  for (let e = 0; e < model.m; e += 1) {
    if (state.roundOf[e] !== 0 || !edgeAvailable(model, e, r)) continue;
    const a = model.ea[e];
    const b = model.eb[e];
    if (!state.isFree(a, r) || !state.isFree(b, r)) continue;
    const gain = state.gain(e);
    let w: number;
    if (options.zeroGainOnly) {
      if (gain !== 0 || model.ew[e] < 0) continue;
      w = fillUnit + 2 * (model.rounds + 1) - state.count[a] - state.count[b];
    } else {
      if (gain <= 0) continue;
      w = options.reweigh ? options.reweigh(e, gain) : gain;
    }
    if (w <= 0) continue;
    candidates.push(e);
    weights.push(w);
  }
  if (candidates.length === 0) {
    state.work += CALL_COST + model.m;
    return 0;
  }

  const chosen = matchEdges(model, candidates, weights, cap);
  for (const k of chosen) state.add(candidates[k], r);
  // Both matchings scan their edges about once per edge they add (one augmentation each); a
  // blossom stage costs about three times a bipartite augmentation per edge (measured).
  state.work += CALL_COST + model.m + candidates.length * (chosen.length + 1) * (model.bipartite ? 1 : 3);
  return chosen.length;
}

import { PlannedMeeting, PlanningProblem } from '../planning-problem';
import { assignRounds, relaxation } from './construction';
import { ascend, improve } from './local-search';
import { buildModel } from './model';
import { Random } from './random';
import { matchRound } from './round-matching';
import { ScheduleState } from './state';
import { numberTables } from './tables';

/** Knobs for experiments; the defaults are what the service uses. */
export interface PlanOptions {
  /** Start from the flow relaxation's pairs (default true); false starts from an empty schedule. */
  construct?: boolean;
  /** Matching work the local search may spend, in edge visits (default {@link SEARCH_BUDGET}). */
  budget?: number;
  /** At most this many perturbations (default: no limit but the budget). */
  iterations?: number;
  /** Stop after this many perturbations in a row without improvement (default {@link PATIENCE}). */
  patience?: number;
}

/**
 * Perturbations in a row without improvement before the search gives up. On the benchmark's
 * OPEN sessions about one perturbation in thirty to fifty improves the schedule, so 150
 * failures in a row mostly mean there is little left to find.
 */
export const PATIENCE = 150;

/**
 * The local search's work budget: about 0.4 s of one core of the benchmark machine on its
 * largest OPEN session (120 participants); more buys almost nothing there (measured). Sessions
 * that reach the upper bound, like the 300-participant BIPARTITE one, stop at once.
 */
export const SEARCH_BUDGET = 3e7;

/**
 * Plans a speed-meeting session: who meets whom in which round at which table.
 *
 * Never breaks a hard rule; maximises `objective(problem, meetings)` (total score plus the
 * fairness bonus); the same problem and seed always give the same schedule.
 *
 * Method:
 * 1. Construction: the best pairs ignoring rounds (a min-cost flow b-matching that models the
 *    fairness bonus exactly; on the bipartite double cover in OPEN mode), then rounds for them
 *    (round-by-round matchings that place the hardest pairs first).
 * 2. Block-coordinate ascent: each round re-solved exactly as a maximum-weight matching given
 *    the other rounds, until no round improves.
 * 3. Iterated local search from the seed (ruin and recreate, noisy sweeps) for a fixed amount
 *    of work, keeping the best schedule; it stops early when the schedule reaches an upper
 *    bound of the objective (the relaxation that forgets rounds), i.e. is provably optimal.
 * 4. Seats still free go to pairs worth nothing to the objective (score 0, both at their fair
 *    share): an idle round helps no one.
 * 5. Tables: hosts keep theirs in BIPARTITE mode.
 *
 * Meetings come sorted by round then table; BIPARTITE `a` is the HOST, OPEN `a` < `b`.
 */
export function planSchedule(problem: PlanningProblem, seed: number, options: PlanOptions = {}): PlannedMeeting[] {
  const model = buildModel(problem);
  const state = new ScheduleState(model);
  if (model.rounds === 0 || model.tables === 0 || model.m === 0) return [];
  const random = new Random(seed);
  const relaxed = relaxation(model);
  if (options.construct !== false) assignRounds(state, relaxed.edges);
  ascend(state, random);
  improve(state, random, {
    budget: options.budget ?? SEARCH_BUDGET,
    maxIterations: options.iterations,
    patience: options.patience ?? PATIENCE,
    bound: relaxed.bound,
  });
  for (let r = 1; r <= model.rounds; r += 1) matchRound(state, r, { zeroGainOnly: true });
  return numberTables(state);
}

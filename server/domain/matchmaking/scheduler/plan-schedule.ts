import { PlannedMeeting, PlanningProblem } from '../planning-problem';
import { assignRounds, chooseBipartitePairs } from './construction';
import { ascend, improve } from './local-search';
import { buildModel, Model } from './model';
import { Random } from './random';
import { matchRound } from './round-matching';
import { ScheduleState } from './state';
import { numberTables } from './tables';

/** Knobs for experiments; the defaults are what the service uses. */
export interface PlanOptions {
  /** Build BIPARTITE schedules from the flow relaxation (default true). */
  construct?: boolean;
  /** Perturbation iterations (default: from the instance size, see {@link defaultIterations}). */
  iterations?: number;
}

/**
 * Perturbation iterations for an instance: as many as a fixed amount of work allows, between
 * 20 and 400. The work of one iteration grows with the rounds and the pairs (each round solve
 * scans them). A count rather than a clock keeps the result the same on every machine.
 */
export function defaultIterations(model: Model): number {
  const work = model.rounds * (model.m + model.n);
  return Math.max(20, Math.min(400, Math.round(4e6 / Math.max(1, work))));
}

/**
 * Plans a speed-meeting session: who meets whom in which round at which table.
 *
 * Never breaks a hard rule; maximises `objective(problem, meetings)` (total score plus the
 * fairness bonus); the same problem and seed always give the same schedule.
 *
 * Method:
 * 1. BIPARTITE construction: the best pairs ignoring rounds (a min-cost flow b-matching that
 *    models the fairness bonus exactly), then rounds for them (round-by-round matchings that
 *    place the hardest pairs first); OPEN mode starts empty.
 * 2. Block-coordinate ascent: each round re-solved exactly as a maximum-weight matching given
 *    the other rounds, until no round improves.
 * 3. Iterated local search from the seed (ruin and recreate, noisy sweeps), a fixed number of
 *    iterations, keeping the best schedule.
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
  if (model.bipartite && options.construct !== false) assignRounds(state, chooseBipartitePairs(model).edges);
  ascend(state, random);
  improve(state, random, options.iterations ?? defaultIterations(model));
  for (let r = 1; r <= model.rounds; r += 1) matchRound(state, r, { zeroGainOnly: true });
  return numberTables(state);
}

import { PlannedMeeting, PlanningProblem } from '../planning-problem';
import { ascend } from './local-search';
import { buildModel, pairKey } from './model';
import { Random } from './random';
import { matchRound } from './round-matching';
import { ScheduleState } from './state';
import { numberTables } from './tables';

/**
 * Repairs a schedule after someone leaves, moving nothing that need not move.
 *
 * The caller has removed the absent participant's rounds from `fromRound` on (or removed them
 * altogether) in `problem`. Meetings before `fromRound` come back exactly as they were (to keep
 * them valid under `hardRuleViolations`, remove only the rounds from `fromRound` on). From
 * `fromRound` on, every previous meeting still valid (both sides present in its round, pair
 * still listed, table in range, nothing clashing with a meeting kept before it) keeps its round
 * and table; the others disappear. Then the free seats of each later round are filled among the
 * participants free in that round: an exact maximum-weight matching per round, weighted by score
 * plus the fairness bonus given everyone's meetings in the other rounds, never repeating a pair
 * met in any round, within the free tables. The filling rounds are then re-solved a few times
 * (moving only the new meetings) so that the order of the rounds does not decide who gets
 * which partner; the seed only orders those passes. Finally, seats left free go to pairs worth
 * nothing to the objective, as in `planSchedule`.
 *
 * Meetings come sorted by round then table.
 */
export function replanFrom(problem: PlanningProblem, previous: readonly PlannedMeeting[], fromRound: number, seed: number): PlannedMeeting[] {
  const model = buildModel(problem);
  const state = new ScheduleState(model);
  const R = model.rounds;
  const stride = R + 1;
  const past = previous.filter((m) => m.round < fromRound);
  const later = previous
    .filter((m) => m.round >= fromRound)
    .sort((x, y) => x.round - y.round || x.table - y.table);
  const locked = new Uint8Array(model.m);
  const fixed = new Map<number, number>();
  const tableTaken = new Set<string>();

  const edgeFor = (m: PlannedMeeting) => {
    const u = model.indexOf.get(m.a);
    const v = model.indexOf.get(m.b);
    return u === undefined || v === undefined || u === v ? undefined : model.edgeOf.get(pairKey(model, u, v));
  };
  const seatable = (e: number, r: number) =>
    Number.isInteger(r) && r >= 1 && r <= R && state.roundOf[e] === 0 && state.isFree(model.ea[e], r) && state.isFree(model.eb[e], r);

  // Past meetings only count (partners met, meetings towards fair shares): they never move.
  for (const m of past) {
    const e = edgeFor(m);
    if (e !== undefined && seatable(e, m.round)) {
      state.add(e, m.round);
      locked[e] = 1;
    } else {
      for (const id of [m.a, m.b]) {
        const v = model.indexOf.get(id);
        if (v !== undefined) state.countOutsideMeeting(v);
      }
    }
  }
  for (const m of later) {
    const e = edgeFor(m);
    if (e === undefined || !seatable(e, m.round)) continue;
    if (!model.avail[model.ea[e] * stride + m.round] || !model.avail[model.eb[e] * stride + m.round]) continue;
    if (!Number.isInteger(m.table) || m.table < 1 || m.table > model.tables || tableTaken.has(`${m.round}|${m.table}`)) continue;
    if (state.size[m.round] >= model.tables) continue;
    state.add(e, m.round);
    locked[e] = 1;
    fixed.set(e, m.table);
    tableTaken.add(`${m.round}|${m.table}`);
  }

  const random = new Random(seed);
  const first = Math.max(1, Math.ceil(fromRound));
  for (let r = first; r <= R; r += 1) matchRound(state, r);
  ascend(state, random, { locked, firstRound: first });
  for (let r = first; r <= R; r += 1) matchRound(state, r, { zeroGainOnly: true });

  // Past meetings are given their own tables so that hosts keep them; they are output as given.
  for (const m of past) {
    const e = edgeFor(m);
    if (e !== undefined && locked[e] && state.roundOf[e] === m.round) fixed.set(e, m.table);
  }
  const replanned = numberTables(state, fixed).filter((m) => m.round >= fromRound);
  return [...past.map((m) => ({ ...m })), ...replanned].sort((x, y) => x.round - y.round || x.table - y.table);
}

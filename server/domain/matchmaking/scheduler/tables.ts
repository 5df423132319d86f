import { PlannedMeeting } from '../planning-problem';
import { Model } from './model';
import { ScheduleState } from './state';

/**
 * Numbers the tables of a schedule and turns it into meetings, sorted by round then table.
 *
 * BIPARTITE: hosts stay put and pitchers move, so each host keeps one table for all its rounds
 * whenever it can. With at most as many hosts as tables every host gets its own table (in id
 * order). Otherwise hosts with the most rounds choose first, taking the lowest table free in
 * all their rounds; a host that finds none takes, repeatedly, the table free in most of its
 * remaining rounds. A round never holds more meetings than tables, so a table is always left.
 *
 * OPEN: a meeting takes, when free, a table one of its two participants sat at in the round
 * before (one person fewer to walk), else the lowest free table.
 *
 * @param fixed tables that must not change (meetings kept by a replan), by edge
 */
export function numberTables(state: ScheduleState, fixed: ReadonlyMap<number, number> = new Map()): PlannedMeeting[] {
  const { model } = state;
  const R = model.rounds;
  const T = model.tables;
  const tableOf = new Map<number, number>(fixed);
  const used = Array.from({ length: R + 1 }, () => new Uint8Array(T + 1));
  for (const [e, t] of fixed) used[state.roundOf[e]][t] = 1;
  const byRound = Array.from({ length: R + 1 }, (_, r) => (r === 0 ? [] : state.meetingsOf(r)));

  if (model.bipartite) numberHostTables(model, byRound, tableOf, used);
  else numberOpenTables(model, byRound, tableOf, used);

  const meetings: PlannedMeeting[] = [];
  for (let r = 1; r <= R; r += 1) {
    for (const e of byRound[r]) {
      meetings.push({ round: r, table: tableOf.get(e)!, a: model.ids[model.ea[e]], b: model.ids[model.eb[e]], score: model.score[e] });
    }
  }
  return meetings.sort((x, y) => x.round - y.round || x.table - y.table);
}

function numberHostTables(model: Model, byRound: number[][], tableOf: Map<number, number>, used: Uint8Array[]): void {
  const T = model.tables;
  // Per host: the rounds still without a table, and the table its fixed meetings use most.
  const open = new Map<number, { round: number; edge: number }[]>();
  const fixedCount = new Map<number, Map<number, number>>();
  for (let r = 1; r < byRound.length; r += 1) {
    for (const e of byRound[r]) {
      const h = model.ea[e];
      const t = tableOf.get(e);
      if (t === undefined) {
        if (!open.has(h)) open.set(h, []);
        open.get(h)!.push({ round: r, edge: e });
      } else {
        if (!fixedCount.has(h)) fixedCount.set(h, new Map());
        fixedCount.get(h)!.set(t, (fixedCount.get(h)!.get(t) ?? 0) + 1);
      }
    }
  }
  const home = new Map<number, number>();
  for (const [h, counts] of fixedCount) {
    let best = -1;
    let bestCount = 0;
    for (const [t, c] of counts) if (c > bestCount || (c === bestCount && t < best)) [best, bestCount] = [t, c];
    home.set(h, best);
  }
  const hosts = [...open.keys()];
  const assign = (h: number, t: number, slots: { round: number; edge: number }[]) => {
    for (const s of slots) {
      tableOf.set(s.edge, t);
      used[s.round][t] = 1;
    }
    if (!home.has(h)) home.set(h, t);
  };
  const freeInAll = (t: number, slots: { round: number }[]) => slots.every((s) => !used[s.round][t]);

  if (fixedCount.size === 0 && hosts.length <= T) {
    hosts.sort((x, y) => (model.ids[x] < model.ids[y] ? -1 : 1));
    hosts.forEach((h, i) => assign(h, i + 1, open.get(h)!));
    return;
  }
  hosts.sort((x, y) => open.get(y)!.length - open.get(x)!.length || (model.ids[x] < model.ids[y] ? -1 : 1));
  for (const h of hosts) {
    let slots = open.get(h)!;
    const preferred = home.get(h);
    if (preferred !== undefined && freeInAll(preferred, slots)) {
      assign(h, preferred, slots);
      continue;
    }
    let whole = -1;
    for (let t = 1; t <= T && whole === -1; t += 1) if (freeInAll(t, slots)) whole = t;
    if (whole !== -1) {
      assign(h, whole, slots);
      continue;
    }
    while (slots.length > 0) {
      let best = -1;
      let bestFree = 0;
      for (let t = 1; t <= T; t += 1) {
        const free = slots.reduce((c, s) => c + (used[s.round][t] ? 0 : 1), 0);
        if (free > bestFree || (free === bestFree && free > 0 && t === preferred)) [best, bestFree] = [t, free];
      }
      const taken = slots.filter((s) => !used[s.round][best]);
      assign(h, best, taken);
      slots = slots.filter((s) => tableOf.get(s.edge) === undefined);
    }
  }
}

function numberOpenTables(model: Model, byRound: number[][], tableOf: Map<number, number>, used: Uint8Array[]): void {
  const T = model.tables;
  let previous = new Map<number, number>();
  for (let r = 1; r < byRound.length; r += 1) {
    const seat = new Map<number, number>();
    for (const e of byRound[r]) {
      const t = tableOf.get(e);
      if (t !== undefined) {
        seat.set(model.ea[e], t);
        seat.set(model.eb[e], t);
      }
    }
    for (const e of byRound[r]) {
      if (tableOf.has(e)) continue;
      let t = -1;
      for (const v of [model.ea[e], model.eb[e]]) {
        const p = previous.get(v);
        if (t === -1 && p !== undefined && !used[r][p]) t = p;
      }
      for (let x = 1; x <= T && t === -1; x += 1) if (!used[r][x]) t = x;
      tableOf.set(e, t);
      used[r][t] = 1;
      seat.set(model.ea[e], t);
      seat.set(model.eb[e], t);
    }
    previous = seat;
  }
}

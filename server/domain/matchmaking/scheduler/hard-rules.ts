import { PlannedMeeting, PlanningParticipant, PlanningProblem } from '../planning-problem';

const pairId = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Every hard rule a schedule breaks, one English sentence per breach (empty: the schedule is
 * valid). Independent of the planner (it reads the problem as given), so tests, the benchmark
 * and the service can use it as a safety check on any schedule.
 *
 * Checks the six rules of `planning-problem.ts` and the meeting contract around them: rounds
 * and tables are integers in range, and meetings are oriented (BIPARTITE `a` is the HOST and
 * `b` the PITCHER; OPEN `a` < `b`). A meeting with someone absent from the problem breaks
 * rules 4 and 5 (they are present in no round, and no listed pair holds them).
 */
export function hardRuleViolations(problem: PlanningProblem, meetings: readonly PlannedMeeting[]): string[] {
  const out: string[] = [];
  const people = new Map<string, PlanningParticipant>();
  for (const p of problem.participants) if (!people.has(p.id)) people.set(p.id, p);
  const available = new Map<string, Set<number>>();
  for (const p of people.values()) available.set(p.id, new Set(p.availableRounds));
  const listed = new Set(problem.pairs.map((p) => pairId(p.a, p.b)));

  const seated = new Map<string, number>();
  const met = new Map<string, number>();
  const tableUsed = new Set<string>();
  const perRound = new Map<number, number>();

  meetings.forEach((m, index) => {
    const what = `meeting #${index + 1} (round ${m.round}, table ${m.table}, ${m.a} – ${m.b})`;
    const roundOk = Number.isInteger(m.round) && m.round >= 1 && m.round <= problem.rounds;
    if (!roundOk) out.push(`rule 4: ${what} is in round ${m.round}, which is not a round of the session (1..${problem.rounds})`);
    if (!Number.isInteger(m.table) || m.table < 1 || m.table > problem.tables) {
      out.push(`rule 3: ${what} uses table ${m.table}, outside 1..${problem.tables}`);
    } else if (tableUsed.has(`${m.round}|${m.table}`)) {
      out.push(`rule 3: ${what} uses table ${m.table}, already taken in round ${m.round}`);
    } else {
      tableUsed.add(`${m.round}|${m.table}`);
    }
    const size = (perRound.get(m.round) ?? 0) + 1;
    perRound.set(m.round, size);
    if (size === problem.tables + 1) out.push(`rule 3: round ${m.round} holds more than ${problem.tables} meetings`);

    if (m.a === m.b) {
      out.push(`rule 5: ${what} seats ${m.a} with themself`);
      return;
    }
    for (const id of [m.a, m.b]) {
      if (!people.has(id)) {
        out.push(`rule 4: ${what} involves ${id}, who is not a participant`);
        continue;
      }
      if (roundOk && !available.get(id)!.has(m.round)) out.push(`rule 4: ${what}: ${id} is not available in round ${m.round}`);
      const seat = `${m.round}|${id}`;
      const other = seated.get(seat);
      if (other !== undefined) out.push(`rule 1: ${what}: ${id} already sits in meeting #${other + 1} of round ${m.round}`);
      else seated.set(seat, index);
    }
    const pair = pairId(m.a, m.b);
    const before = met.get(pair);
    if (before !== undefined) out.push(`rule 2: ${what}: ${m.a} and ${m.b} already meet in meeting #${before + 1}`);
    else met.set(pair, index);
    if (!listed.has(pair)) out.push(`rule 5: ${what}: ${m.a} and ${m.b} are not a pair the planner may seat together`);

    if (problem.mode === 'BIPARTITE') {
      const sa = people.get(m.a)?.side;
      const sb = people.get(m.b)?.side;
      if (sa !== undefined && sb !== undefined) {
        if (!((sa === 'HOST' && sb === 'PITCHER') || (sa === 'PITCHER' && sb === 'HOST'))) {
          out.push(`rule 6: ${what} pairs a ${sa ?? 'participant without side'} with a ${sb ?? 'participant without side'}, not a HOST with a PITCHER`);
        } else if (sa !== 'HOST') {
          out.push(`orientation: ${what} must name the HOST first (a = HOST, b = PITCHER)`);
        }
      }
    } else if (!(m.a < m.b)) {
      out.push(`orientation: ${what} must name its participants in id order (a < b) in OPEN mode`);
    }
  });
  return out;
}

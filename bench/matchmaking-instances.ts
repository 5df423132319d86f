import { PlanningParticipant, PlanningProblem, ScoredPair, SessionMode, WishKind } from '../server/domain/matchmaking/planning-problem';
import { WEIGHTS } from '../server/domain/matchmaking/pair-scores';

/**
 * Synthetic speed-meeting sessions for the scheduling benchmark, drawn from a seed so every run
 * measures the same problems. They imitate what registrations look like on the day:
 * - about one collectivité (HOST) for 3–4 companies (PITCHER), or an OPEN session;
 * - about 20 % of participants miss one or two rounds, by arriving late or leaving early
 *   (never a hole in the middle: nobody leaves for one round and comes back);
 * - each participant names 0–4 actors to meet, with a priority 1..3; wishes concentrate on a few
 *   popular participants (the regional council everyone wants to pitch to), and about a third of
 *   the wished participants wish back, which makes mutual wishes;
 * - a few "avoid" pairs (competitors, a dispute), which the pair builder leaves out;
 * - every other allowed pair is listed, scored on the scale of the real pair builder
 *   (`server/domain/matchmaking/pair-scores.ts`): one-sided wish of priority k → 3k, mutual wish
 *   → 3 × (ka + kb) + 6, plus what the graph suggests, here an "affinity" in 0..3 that is 0 for
 *   most pairs (two decimals, like the builder's graded evidence).
 */

/** What to draw: the shape of one session. */
export interface InstanceSpec {
  name: string;
  mode: SessionMode;
  /** BIPARTITE: hosts and pitchers; OPEN: `participants` only. */
  hosts?: number;
  pitchers?: number;
  participants?: number;
  rounds: number;
  tables: number;
  /** Share of participants who miss one or two rounds (default 0.2). */
  partialShare?: number;
  /** Number of avoid pairs (default: about one per 15 participants, at least 1). */
  avoidPairs?: number;
}

/** A named problem, with the counts the report shows. */
export interface Instance {
  name: string;
  seed: number;
  problem: PlanningProblem;
  wishes: number;
  mutualPairs: number;
  oneSidedPairs: number;
}

/**
 * Deterministic pseudo-random numbers in [0, 1) (mulberry32): small, fast, and the same sequence
 * on every machine, which is what a benchmark needs (not cryptographic quality).
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Picks an index with probability proportional to `weights[i]`. */
function pickWeighted(random: () => number, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = random() * total;
  for (let i = 0; i < weights.length; i += 1) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Draws one session from `spec` and `seed`. Same spec and seed, same problem, on any machine.
 * Pairs come as the pair builder gives them: `a` < `b`, best score first.
 */
export function generateInstance(spec: InstanceSpec, seed: number): Instance {
  // The name enters the seed so that two sessions drawn with the same seed are unrelated.
  const nameHash = [...spec.name].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const random = rng((Math.imul(seed, 0x9e3779b1) ^ nameHash) >>> 0);
  const { rounds } = spec;
  const people: PlanningParticipant[] = [];
  if (spec.mode === 'BIPARTITE') {
    const hosts = spec.hosts ?? 0;
    const pitchers = spec.pitchers ?? 0;
    const width = String(Math.max(hosts, pitchers)).length;
    for (let i = 1; i <= hosts; i += 1) people.push({ id: `h${pad(i, width)}`, side: 'HOST', availableRounds: [] });
    for (let i = 1; i <= pitchers; i += 1) people.push({ id: `p${pad(i, width)}`, side: 'PITCHER', availableRounds: [] });
  } else {
    const n = spec.participants ?? 0;
    const width = String(n).length;
    // In OPEN mode the side is ignored by the planner.
    for (let i = 1; i <= n; i += 1) people.push({ id: `o${pad(i, width)}`, side: null, availableRounds: [] });
  }
  const n = people.length;

  // Availability: late arrivals miss the first rounds, early departures the last ones.
  const partialShare = spec.partialShare ?? 0.2;
  const all = Array.from({ length: rounds }, (_, i) => i + 1);
  const available = people.map(() => all);
  for (let i = 0; i < n; i += 1) {
    if (random() >= partialShare) continue;
    const missed = random() < 0.6 ? 1 : 2;
    available[i] = random() < 0.5 ? all.slice(missed) : all.slice(0, rounds - missed);
  }

  // Who may meet whom (before avoids).
  const canMeet = (i: number, j: number) => i !== j && (spec.mode === 'OPEN' || people[i].side !== people[j].side);

  // Popularity: a few participants attract most wishes (Zipf-like weights over a shuffled order).
  const order = people.map((_, i) => ({ i, key: random() })).sort((x, y) => x.key - y.key);
  const popularity = new Array<number>(n).fill(0);
  order.forEach(({ i }, rank) => (popularity[i] = 1 / (rank + 1) ** 0.7));

  // Wishes: wish[i] maps a target to a priority.
  const wishes = people.map(() => new Map<number, number>());
  const wishCount = [0.25, 0.25, 0.2, 0.15, 0.15]; // 0..4 wishes
  for (let i = 0; i < n; i += 1) {
    const count = pickWeighted(random, wishCount);
    for (let tries = 0; wishes[i].size < count && tries < 50; tries += 1) {
      const weights = popularity.map((w, j) => (canMeet(i, j) && !wishes[i].has(j) ? w : 0));
      if (weights.every((w) => w === 0)) break;
      const j = pickWeighted(random, weights);
      wishes[i].set(j, 1 + Math.floor(random() * 3));
    }
  }
  // Reciprocity: about a third of the wished wish back (if they have room for one more wish).
  for (let i = 0; i < n; i += 1) {
    for (const j of wishes[i].keys()) {
      if (!wishes[j].has(i) && wishes[j].size < 4 && random() < 0.33) wishes[j].set(i, 1 + Math.floor(random() * 3));
    }
  }

  // Avoids: a participant avoids someone they did not wish (the registration refuses both).
  const avoid = new Set<string>();
  const avoidPairs = spec.avoidPairs ?? Math.max(1, Math.round(n / 15));
  for (let tries = 0; avoid.size < avoidPairs && tries < 1000; tries += 1) {
    const i = Math.floor(random() * n);
    const j = Math.floor(random() * n);
    if (!canMeet(i, j) || wishes[i].has(j)) continue;
    avoid.add(i < j ? `${i}|${j}` : `${j}|${i}`);
  }

  const pairs: ScoredPair[] = [];
  let mutualPairs = 0;
  let oneSidedPairs = 0;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      if (!canMeet(i, j) || avoid.has(`${i}|${j}`)) continue;
      const wi = wishes[i].get(j);
      const wj = wishes[j].get(i);
      let score = 0;
      let wish: WishKind | null = null;
      if (wi !== undefined && wj !== undefined) {
        wish = 'MUTUAL';
        score = WEIGHTS.wishPerPriority * (wi + wj) + WEIGHTS.mutualBonus;
        mutualPairs += 1;
      } else if (wi !== undefined || wj !== undefined) {
        wish = 'ONE_SIDED';
        score = WEIGHTS.wishPerPriority * (wi ?? wj ?? 0);
        oneSidedPairs += 1;
      }
      // Graph affinity: nothing known for most pairs, else a graded 0..3.
      const affinity = random() < 0.6 ? 0 : round2(3 * random());
      score = round2(score + affinity);
      const [a, b] = people[i].id < people[j].id ? [people[i].id, people[j].id] : [people[j].id, people[i].id];
      pairs.push({ a, b, score, wish });
    }
  }
  pairs.sort((p, q) => q.score - p.score || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
  return {
    name: spec.name,
    seed,
    problem: {
      mode: spec.mode,
      rounds,
      tables: spec.tables,
      participants: people.map((p, i) => ({ ...p, availableRounds: available[i] })),
      pairs,
    },
    wishes: wishes.reduce((s, w) => s + w.size, 0),
    mutualPairs,
    oneSidedPairs,
  };
}

/**
 * The small sessions, where the exact optimum is within reach: 12–40 participants, BIPARTITE
 * with one host for 3–4 pitchers (tables = hosts, or fewer when the venue is short of tables)
 * and a few OPEN ones.
 */
export const SMALL_SPECS: readonly InstanceSpec[] = [
  { name: 'B12', mode: 'BIPARTITE', hosts: 3, pitchers: 9, rounds: 5, tables: 3 },
  { name: 'B16', mode: 'BIPARTITE', hosts: 4, pitchers: 12, rounds: 5, tables: 4 },
  { name: 'B20', mode: 'BIPARTITE', hosts: 4, pitchers: 16, rounds: 6, tables: 4 },
  { name: 'B24', mode: 'BIPARTITE', hosts: 6, pitchers: 18, rounds: 6, tables: 5 },
  { name: 'B30', mode: 'BIPARTITE', hosts: 7, pitchers: 23, rounds: 6, tables: 7 },
  { name: 'B35', mode: 'BIPARTITE', hosts: 8, pitchers: 27, rounds: 6, tables: 6 },
  { name: 'B40', mode: 'BIPARTITE', hosts: 9, pitchers: 31, rounds: 6, tables: 9 },
  { name: 'O12', mode: 'OPEN', participants: 12, rounds: 5, tables: 5 },
  { name: 'O20', mode: 'OPEN', participants: 20, rounds: 6, tables: 8 },
  { name: 'O30', mode: 'OPEN', participants: 30, rounds: 6, tables: 12 },
];

/** The large sessions: a regional event (300 participants) and a big OPEN networking session. */
export const LARGE_SPECS: readonly InstanceSpec[] = [
  { name: 'B300', mode: 'BIPARTITE', hosts: 60, pitchers: 240, rounds: 6, tables: 60, avoidPairs: 15 },
  { name: 'O120', mode: 'OPEN', participants: 120, rounds: 6, tables: 30, avoidPairs: 8 },
];

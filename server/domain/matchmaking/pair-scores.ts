import { ActorKind } from '../model';
import { ScoredPair, SessionMode, WishKind } from './planning-problem';
import { ParticipantRecord, presentRounds } from './registration';
import { sidesMayMeet } from './session';

/**
 * What a meeting between two participants is worth, and why. Pure: the caller gathers the
 * evidence (synergies, complementarities, theme fit) from the graph.
 *
 * The scale, and why: wishes are what participants came for, so they weigh most — a mutual
 * wish always outweighs any one-sided wish, which always outweighs what the graph suggests.
 * - one-sided wish of priority p (1..3): 3p points;
 * - mutual wish: 3 × (pa + pb) + 6 (at least 12, above the 9 of the strongest one-sided wish);
 * - best substitution synergy between the two (score 0..1): up to 3 points;
 * - best complementarity (score 0..1): up to 2 points;
 * - fit between one's offers and the session theme's needs, when the other receives for the
 *   project (a HOST, or a collectivité in OPEN mode): up to 2 points;
 * - category or sector affinity when nothing else is known: up to 1 point.
 * Graph evidence (3 + 2 + 2 + 1 = 8) stays below a priority-3 one-sided wish (9).
 */

export const WEIGHTS = { wishPerPriority: 3, mutualBonus: 6, synergy: 3, complementarity: 2, theme: 2, affinity: 1 } as const;

/** A piece of evidence between two actors: a grade in 0..1 and its French reason. */
export interface Evidence {
  grade: number;
  reason: string;
}

/** What the graph says about the participants; keys of pair maps come from {@link pairKey}. */
export interface PairEvidence {
  synergies: ReadonlyMap<string, Evidence>;
  complementarities: ReadonlyMap<string, Evidence>;
  affinities: ReadonlyMap<string, Evidence>;
  /** Per actor: how well its offers meet the theme's needs. */
  themeFit: ReadonlyMap<string, Evidence>;
}

export interface PairScore extends ScoredPair {
  reasons: string[];
}

export interface PairParticipant extends Pick<ParticipantRecord, 'actorId' | 'side' | 'wishes' | 'avoid' | 'availableRounds' | 'absentFromRound'> {
  actorName: string;
  actorKind: ActorKind;
}

/** The key of an unordered pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function receivesForTheme(mode: SessionMode, participant: PairParticipant): boolean {
  return mode === 'BIPARTITE' ? participant.side === 'HOST' : participant.actorKind === 'LOCAL_AUTHORITY';
}

/**
 * Every pair of participants the planner may seat together, with its score and reasons.
 * Left out: pairs where either avoids the other, pairs the mode forbids (two pitchers or two
 * hosts in BIPARTITE mode), and participants present for no round.
 *
 * @returns pairs with `a` < `b`, sorted by score (best first), then ids
 */
export function buildPairScores(mode: SessionMode, participants: readonly PairParticipant[], evidence: PairEvidence): PairScore[] {
  const present = participants.filter((p) => presentRounds(p).length > 0);
  const pairs: PairScore[] = [];
  for (let i = 0; i < present.length; i += 1) {
    for (let j = i + 1; j < present.length; j += 1) {
      const [x, y] = present[i].actorId < present[j].actorId ? [present[i], present[j]] : [present[j], present[i]];
      if (!sidesMayMeet(mode, x.side, y.side)) continue;
      if (x.avoid.includes(y.actorId) || y.avoid.includes(x.actorId)) continue;
      pairs.push(scorePair(mode, x, y, evidence));
    }
  }
  return pairs.sort((p, q) => q.score - p.score || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}

function scorePair(mode: SessionMode, x: PairParticipant, y: PairParticipant, evidence: PairEvidence): PairScore {
  const reasons: string[] = [];
  let score = 0;
  let wish: WishKind | null = null;
  const xWish = x.wishes.find((w) => w.actorId === y.actorId);
  const yWish = y.wishes.find((w) => w.actorId === x.actorId);
  if (xWish && yWish) {
    wish = 'MUTUAL';
    score += WEIGHTS.wishPerPriority * (xWish.priority + yWish.priority) + WEIGHTS.mutualBonus;
    reasons.push(`Souhait mutuel : ${x.actorName} (priorité ${xWish.priority}) et ${y.actorName} (priorité ${yWish.priority})`);
  } else if (xWish || yWish) {
    wish = 'ONE_SIDED';
    const [who, whom, w] = xWish ? [x, y, xWish] : [y, x, yWish!];
    score += WEIGHTS.wishPerPriority * w.priority;
    reasons.push(`${who.actorName} souhaite rencontrer ${whom.actorName} (priorité ${w.priority})`);
  }
  const key = pairKey(x.actorId, y.actorId);
  const synergy = evidence.synergies.get(key);
  if (synergy) {
    score += WEIGHTS.synergy * synergy.grade;
    reasons.push(synergy.reason);
  }
  const complementarity = evidence.complementarities.get(key);
  if (complementarity) {
    score += WEIGHTS.complementarity * complementarity.grade;
    reasons.push(complementarity.reason);
  }
  for (const [giver, receiver] of [[x, y], [y, x]] as const) {
    const fit = evidence.themeFit.get(giver.actorId);
    if (fit && receivesForTheme(mode, receiver) && !receivesForTheme(mode, giver)) {
      score += WEIGHTS.theme * fit.grade;
      reasons.push(fit.reason);
    }
  }
  const affinity = evidence.affinities.get(key);
  if (affinity && !synergy && !complementarity) {
    score += WEIGHTS.affinity * affinity.grade;
    reasons.push(affinity.reason);
  }
  return { a: x.actorId, b: y.actorId, score: round2(score), wish, reasons };
}

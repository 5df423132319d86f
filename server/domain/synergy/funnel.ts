import { PIPELINE_STAGES, stageRank, SYNERGY_STATUSES, SynergyStatus } from './pipeline';

/**
 * The funnel of tracked synergies: how many leads reach each stage and how long they stay,
 * which is how EIT programmes judge themselves. Pure: computed from the status history alone.
 */

/** One entry of a synergy's history: when it entered a status. */
export interface StatusChange {
  /** ISO 8601 instant. */
  at: string;
  toStatus: SynergyStatus;
}

export interface FunnelStage {
  status: SynergyStatus;
  /**
   * Synergies that reached this stage at some point. For the forward stages a synergy that
   * skipped a stage (IDENTIFIED → IN_STUDY) counts as having reached the skipped one too, so
   * the counts never grow down the funnel. For ABANDONED: synergies ever abandoned, reopened or not.
   */
  reached: number;
  /** Synergies in this status now. */
  current: number;
  /** Median days of the stays in this status that ended (the synergy moved on); null when none. */
  medianDays: number | null;
  /** Median days the synergies now in this status have spent in it so far; null when none. */
  currentMedianDays: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Hundredths of a day (about a quarter of an hour): finer figures would only be noise.
const round = (days: number) => Math.round(days * 100) / 100;

/**
 * The median of a list of numbers (mean of the two middle values for an even count).
 *
 * @returns null for an empty list
 * @example median([4, 1, 3]) // 3
 */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Builds the funnel from the status histories of a set of synergies.
 *
 * A stay in a status runs from the change that entered it to the next change; the last stay
 * of a synergy is still running at `now`. Histories are sorted by time here, so callers may
 * pass them in any order; an empty history is ignored.
 *
 * @param histories one list of status changes per synergy, the first being its creation
 * @param now the instant ongoing stays are measured to
 * @returns one stage per status: the forward stages in order, then ABANDONED
 * @example funnel([[{ at: '2025-01-01T00:00:00Z', toStatus: 'IDENTIFIED' }, { at: '2025-01-11T00:00:00Z', toStatus: 'CONTACTED' }]], new Date('2025-01-21T00:00:00Z'))
 * // IDENTIFIED: reached 1, current 0, medianDays 10; CONTACTED: reached 1, current 1, currentMedianDays 10
 */
export function funnel(histories: StatusChange[][], now: Date): FunnelStage[] {
  const reached = new Map<SynergyStatus, number>(SYNERGY_STATUSES.map((s) => [s, 0]));
  const current = new Map<SynergyStatus, number>(SYNERGY_STATUSES.map((s) => [s, 0]));
  const endedStays = new Map<SynergyStatus, number[]>(SYNERGY_STATUSES.map((s) => [s, []]));
  const ongoingStays = new Map<SynergyStatus, number[]>(SYNERGY_STATUSES.map((s) => [s, []]));

  for (const history of histories) {
    if (history.length === 0) continue;
    const changes = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const furthest = Math.max(...changes.map((c) => stageRank(c.toStatus)));
    for (const stage of PIPELINE_STAGES) {
      if (stageRank(stage) <= furthest) reached.set(stage, reached.get(stage)! + 1);
    }
    if (changes.some((c) => c.toStatus === 'ABANDONED')) reached.set('ABANDONED', reached.get('ABANDONED')! + 1);

    changes.forEach((change, i) => {
      const next = changes[i + 1];
      const start = Date.parse(change.at);
      if (next) {
        endedStays.get(change.toStatus)!.push((Date.parse(next.at) - start) / DAY_MS);
      } else {
        current.set(change.toStatus, current.get(change.toStatus)! + 1);
        ongoingStays.get(change.toStatus)!.push(Math.max(0, now.getTime() - start) / DAY_MS);
      }
    });
  }

  return SYNERGY_STATUSES.map((status) => {
    const ended = median(endedStays.get(status)!);
    const ongoing = median(ongoingStays.get(status)!);
    return {
      status,
      reached: reached.get(status)!,
      current: current.get(status)!,
      medianDays: ended === null ? null : round(ended),
      currentMedianDays: ongoing === null ? null : round(ongoing),
    };
  });
}

/** Types of the API's answers for the sessions screens (a subset of schema.graphql). */
import type { ActorKind } from '../../api';

export type Side = 'HOST' | 'PITCHER';
export type Mode = 'BIPARTITE' | 'OPEN';
export interface Named { id: string; name: string }
export interface Meeting { id: string; round: number; table: number; startsAt: string; endsAt: string; score: number; reasons: string[]; a: Named; b: Named }
export interface Stats { meetingCount: number; minMeetings: number; meanMeetings: number; maxMeetings: number; belowFairShare: number; mutualWishesScheduled: number; oneSidedWishesScheduled: number }
export interface Schedule { meetings: Meeting[]; stats: Stats }
export interface Participant {
  actor: Named & { kind: ActorKind };
  side: Side | null;
  personName: string | null;
  personRole: string | null;
  availableRounds: number[];
  absentFromRound: number | null;
  checkedInAt: string | null;
  wishes: { priority: number; actor: Named }[];
  avoid: Named[];
}
export interface SessionSummary { id: string; title: string; startsAt: string; timeZone: string; rounds: number; tables: number; mode: Mode; scheduleStale: boolean; scheduledAt: string | null }
export interface SessionTheme { title: string; description: string | null; needs: { label: string }[] }
export interface SessionDetail extends SessionSummary {
  pitchMinutes: number; exchangeMinutes: number; changeoverMinutes: number; venueName: string | null; venueAddress: string | null;
  registrationDeadline: string | null; theme: SessionTheme | null;
  scheduleSeed: number | null; roundWindows: { round: number; startsAt: string; endsAt: string }[]; participants: Participant[]; schedule: Schedule | null;
}
export interface LiveView {
  at: string; currentRound: number | null; nextRound: number | null; phase: 'AFTER' | 'BEFORE' | 'CHANGEOVER' | 'EXCHANGE' | 'PITCH'; phaseEndsAt: string | null; secondsLeft: number;
  meetings: Meeting[]; notCheckedIn: { actor: Named; personName: string | null }[]; session: { id: string; title: string; rounds: number };
}

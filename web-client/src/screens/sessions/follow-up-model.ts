/** Types, French wording and small helpers shared by the parts of a session's follow-up view. */
import type { ComponentChildren } from 'preact';
import { ApiError, session as auth } from '../../api';

// ---- Types of the answers (a subset of schema.graphql) ----
export interface Named { id: string; name: string }
export type Stage = 'NO_FURTHER_CONTACT' | 'KNOWLEDGE_GAINED' | 'VALUABLE_CONTACT' | 'NEGOTIATION_STARTED' | 'AGREEMENT_REACHED';
export type ReminderStatus = 'CLOSED' | 'DONE' | 'DUE' | 'OVERDUE' | 'UPCOMING';
export interface Feedback { actor: { id: string }; interest: number; followUpWanted: boolean; note: string | null; recordedAt: string }
export interface Meeting { id: string; round: number; table: number; a: Named; b: Named; feedback: Feedback[] }
export interface StageEntry { stage: Stage; on: string; note: string | null; publicContract: boolean }
export interface Reminder { monthsAfter: number; dueOn: string; doneOn: string | null; note: string | null; status: ReminderStatus }
export interface Cooperation {
  id: string; meetingDate: string; createdOn: string; requestedBy: 'A' | 'B' | 'BOTH'; stage: Stage; stageLabel: string;
  a: Named; b: Named; history: StageEntry[]; reminders: Reminder[];
}
export interface DueReminder {
  monthsAfter: number; dueOn: string; status: 'DUE' | 'OVERDUE' | 'UPCOMING'; daysOverdue: number;
  cooperation: { id: string; meetingDate: string; a: { name: string }; b: { name: string } };
}
export interface Distribution { on: string; opened: number; publicContracts: number; stages: { stage: Stage; label: string; count: number }[] }
export interface Report {
  asOf: string;
  meetings: { planned: number; held: number; cancelledByAbsence: number };
  noShows: Named[];
  interest: { feedbackCount: number; bothSidesShare: number | null; levels: { level: number; label: string; count: number }[] };
  followUps: { requested: number; byBothSides: number };
  outcomes: { cooperations: number; current: Distribution; checkpoints: { monthsAfter: number; on: string; reached: boolean; distribution: Distribution | null }[] };
  warnings: string[];
}
export interface SessionData {
  id: string; title: string; startsAt: string; timeZone: string; rounds: number; mode: 'BIPARTITE' | 'OPEN';
  roundWindows: { round: number; startsAt: string }[];
  participants: { actor: { id: string }; absentFromRound: number | null }[];
  schedule: { meetings: Meeting[] } | null;
}
export interface FollowUpData {
  matchmakingSession: SessionData | null;
  cooperations: Cooperation[];
  dueCooperationReminders: DueReminder[];
  sessionReport: Report;
}

/** Reloads the view after a change, then says what changed in the status line. */
export type OnSaved = (message: ComponentChildren) => Promise<void>;

// ---- French wording ----
export const INTEREST_LABELS = ['Aucun intérêt', 'Intérêt faible', 'Intérêt réel', 'Intérêt fort'];

/** The scale, in the order of the board: the open stages first, then how a cooperation ends. */
export const STAGES: Stage[] = ['VALUABLE_CONTACT', 'NEGOTIATION_STARTED', 'AGREEMENT_REACHED', 'KNOWLEDGE_GAINED', 'NO_FURTHER_CONTACT'];
/** Used only until the report's labels (from the API) are loaded. */
export const STAGE_LABELS: Record<Stage, string> = {
  VALUABLE_CONTACT: 'Contact utile pour de futurs projets',
  NEGOTIATION_STARTED: 'Négociation engagée',
  AGREEMENT_REACHED: 'Accord conclu',
  KNOWLEDGE_GAINED: 'Pas de suite, mais des connaissances acquises',
  NO_FURTHER_CONTACT: 'Pas de suite',
};
export const PUBLIC_CONTRACT_LABEL = 'Accord conclu : marché public';
export const REMINDER_LABELS: Record<ReminderStatus, string> = { DONE: 'Fait', DUE: 'À faire', OVERDUE: 'En retard', UPCOMING: 'À venir', CLOSED: 'Sans objet' };

export const entryLabel = (labels: Record<Stage, string>, e: Pick<StageEntry, 'stage' | 'publicContract'>): string =>
  e.stage === 'AGREEMENT_REACHED' && e.publicContract ? PUBLIC_CONTRACT_LABEL : labels[e.stage];

export const requesterText = (c: Pick<Cooperation, 'requestedBy' | 'a' | 'b'>): string =>
  c.requestedBy === 'BOTH' ? 'Suite demandée par les deux' : `Suite demandée par ${c.requestedBy === 'A' ? c.a.name : c.b.name}`;

// ---- Dates ----
/** Today (YYYY-MM-DD) where the facilitators are: the server checks dates against the same calendar. */
export const todayIn = (timeZone = 'Europe/Paris'): string => dayOf(new Date().toISOString(), timeZone);
/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export const dayOf = (iso: string, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));
/** "2026-03-12" → "12 mars 2026" (noon UTC, so that no time zone moves the day). */
export const frDay = (day: string): string =>
  new Date(`${day.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const frTime = (iso: string, timeZone: string): string => new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone }).format(new Date(iso));
export const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`;

// ---- Errors ----
export const MAX_NOTE = 2000;

/** What a user can act on, in French, from an API error (some server messages are in English). */
export function errorFr(e: unknown, what = 'cet élément'): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const m = e.message;
  switch (e.code) {
    case 'NOT_FOUND': return `${what[0].toUpperCase()}${what.slice(1)} n’existe plus : rechargez la page.`;
    case 'FORBIDDEN': return 'Votre compte ne permet pas de faire cette modification.';
    case 'UNAUTHENTICATED': return 'Votre session a expiré : reconnectez-vous.';
    case 'CONFLICT':
      if (/not taken place yet/.test(m)) return 'Cette rencontre n’a pas encore eu lieu : l’avis se saisit une fois le tour commencé.';
      if (/did not take place/.test(m)) return 'Cette rencontre n’a pas eu lieu : l’un des deux participants était absent.';
      return m;
    case 'BAD_USER_INPUT': return 'Vérifiez les champs signalés.';
    default: return m;
  }
}

/** The input fields a BAD_USER_INPUT message blames ("input.on: …; input.note: …" → on, note). */
export function blamedFields(e: unknown): string[] {
  if (!(e instanceof ApiError) || e.code !== 'BAD_USER_INPUT') return [];
  return [...e.message.matchAll(/input\.(\w+):/g)].map((x) => x[1]);
}

/** Attributes tying an input to its message, when it has one. */
export const invalid = (id: string, error: string | undefined) =>
  error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

/**
 * Fetches a document with the token (the report names who met whom) and saves it under the
 * name the server gives, or `fallback`.
 */
export async function downloadDocument(path: string, fallback: string): Promise<void> {
  const token = auth.token();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(`Document indisponible (HTTP ${response.status}) : réessayez, ou reconnectez-vous.`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

import { GeoPoint } from '../model';
import { roundTimes } from './agenda/agenda-model';
import { ParticipantSide, SessionMode } from './planning-problem';

/**
 * A speed-meeting session (ecoCIRC format, seed 003): companies pitch for a few minutes to
 * collectivités, exchange, then rotate. Pure: the rules of a session's settings, no database.
 *
 * The rules, and why:
 * - `startsAt` and `registrationDeadline` are instants with an explicit offset ("Z" or
 *   "+01:00"): a bare "09:00" means a different instant in Paris and Papeete.
 * - The deadline, when given, is no later than the start: registering after the session began
 *   cannot be planned.
 * - Durations are whole minutes within bounds a real morning allows; a round lasts
 *   pitch + exchange, and rounds are separated by the changeover.
 * - `timeZone` (IANA, default Europe/Paris) is how times are shown on agendas.
 */

export const DEFAULTS = { pitchMinutes: 5, exchangeMinutes: 15, changeoverMinutes: 5, mode: 'BIPARTITE' as SessionMode, timeZone: 'Europe/Paris' };
export const LIMITS = {
  title: 200, rounds: 12, tables: 500, pitchMinutes: 60, exchangeMinutes: 120, changeoverMinutes: 60,
  themeNeeds: 30, text: 2000, wishes: 30, avoid: 50, personName: 200,
} as const;

/** A need a collectivité expressed for the public project the session is about. */
export interface ThemeNeed {
  label: string;
  /** Taxonomy category, given or suggested from the label; null when none fits. */
  categoryCode: string | null;
}

export interface SessionTheme {
  title: string;
  description: string | null;
  needs: ThemeNeed[];
}

export interface SessionSettings {
  title: string;
  /** ISO 8601 instant, normalised to UTC. */
  startsAt: string;
  timeZone: string;
  rounds: number;
  tables: number;
  pitchMinutes: number;
  exchangeMinutes: number;
  changeoverMinutes: number;
  mode: SessionMode;
  venueName: string | null;
  venueAddress: string | null;
  venueLocation: GeoPoint | null;
  /** ISO 8601 instant (UTC) or null: open until the start. */
  registrationDeadline: string | null;
  theme: SessionTheme | null;
}

export interface SessionRecord extends SessionSettings {
  id: string;
  createdAt: string;
  createdBy: string;
  /** Seed of the last generated schedule; null before any. */
  scheduleSeed: number | null;
  scheduledAt: string | null;
  /** A registration changed after the schedule was generated: generate it again. */
  scheduleStale: boolean;
}

export interface SessionProblem {
  field: string;
  message: string;
}

const OFFSET_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 instant with an explicit offset, as UTC; null with the problem when invalid.
 *
 * @example parseInstant('2026-03-12T09:00:00+01:00') // { value: '2026-03-12T08:00:00.000Z' }
 */
export function parseInstant(text: string): { value: string | null; problem: string | null } {
  const trimmed = text.trim();
  if (!OFFSET_INSTANT.test(trimmed)) {
    return { value: null, problem: `must be a date and time with its offset, e.g. "2026-03-12T09:00:00+01:00" (got "${text}")` };
  }
  const date = new Date(trimmed);
  // JavaScript rolls "2026-02-30" over to 2 March: the calendar date written must exist as such.
  const [year, month, day] = trimmed.slice(0, 10).split('-').map(Number);
  const written = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || written.getUTCMonth() !== month - 1 || written.getUTCDate() !== day) {
    return { value: null, problem: `must be a real date and time (got "${text}")` };
  }
  return { value: date.toISOString(), problem: null };
}

/** Whether the runtime knows this IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The settings as a caller gives them: absent optional fields take the defaults. */
export interface SessionSettingsInput {
  title: string;
  startsAt: string;
  timeZone?: string | null;
  rounds: number;
  tables: number;
  pitchMinutes?: number | null;
  exchangeMinutes?: number | null;
  changeoverMinutes?: number | null;
  mode?: SessionMode | null;
  venueName?: string | null;
  venueAddress?: string | null;
  venueLocation?: GeoPoint | null;
  registrationDeadline?: string | null;
  theme?: { title: string; description?: string | null; needs?: { label: string; categoryCode?: string | null }[] | null } | null;
}

const blankToNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

function checkWhole(problems: SessionProblem[], field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push({ field, message: `must be a whole number from ${min} to ${max} (got ${value})` });
  }
}

/**
 * Checks and normalises a session's settings. Theme needs keep the category the caller gave;
 * the service suggests one for those without.
 *
 * @returns the settings (meaningful only when `problems` is empty) and every problem found
 */
export function checkSessionSettings(input: SessionSettingsInput): { settings: SessionSettings; problems: SessionProblem[] } {
  const problems: SessionProblem[] = [];
  const title = input.title.trim();
  if (!title) problems.push({ field: 'title', message: 'must not be blank: name the session, e.g. "Rencontres ecoCIRC — école de Vitry"' });
  else if (title.length > LIMITS.title) problems.push({ field: 'title', message: `must have at most ${LIMITS.title} characters (got ${title.length})` });

  const start = parseInstant(input.startsAt);
  if (start.problem) problems.push({ field: 'startsAt', message: start.problem });
  let registrationDeadline: string | null = null;
  if (input.registrationDeadline?.trim()) {
    const deadline = parseInstant(input.registrationDeadline);
    if (deadline.problem) problems.push({ field: 'registrationDeadline', message: deadline.problem });
    else if (start.value && deadline.value! > start.value) {
      problems.push({ field: 'registrationDeadline', message: `must be no later than the start of the session (${input.startsAt})` });
    }
    registrationDeadline = deadline.value;
  }
  const timeZone = input.timeZone?.trim() || DEFAULTS.timeZone;
  if (!isTimeZone(timeZone)) problems.push({ field: 'timeZone', message: `must be an IANA time zone such as "Europe/Paris" (got "${timeZone}")` });

  const settings: SessionSettings = {
    title,
    startsAt: start.value ?? input.startsAt,
    timeZone,
    rounds: input.rounds,
    tables: input.tables,
    pitchMinutes: input.pitchMinutes ?? DEFAULTS.pitchMinutes,
    exchangeMinutes: input.exchangeMinutes ?? DEFAULTS.exchangeMinutes,
    changeoverMinutes: input.changeoverMinutes ?? DEFAULTS.changeoverMinutes,
    mode: input.mode ?? DEFAULTS.mode,
    venueName: blankToNull(input.venueName),
    venueAddress: blankToNull(input.venueAddress),
    venueLocation: input.venueLocation ?? null,
    registrationDeadline,
    theme: null,
  };
  checkWhole(problems, 'rounds', settings.rounds, 1, LIMITS.rounds);
  checkWhole(problems, 'tables', settings.tables, 1, LIMITS.tables);
  checkWhole(problems, 'pitchMinutes', settings.pitchMinutes, 1, LIMITS.pitchMinutes);
  checkWhole(problems, 'exchangeMinutes', settings.exchangeMinutes, 0, LIMITS.exchangeMinutes);
  checkWhole(problems, 'changeoverMinutes', settings.changeoverMinutes, 0, LIMITS.changeoverMinutes);
  for (const [field, text] of [['venueName', settings.venueName], ['venueAddress', settings.venueAddress]] as const) {
    if (text && text.length > LIMITS.title) problems.push({ field, message: `must have at most ${LIMITS.title} characters (got ${text.length})` });
  }
  const location = settings.venueLocation;
  if (location && !(Math.abs(location.lat) <= 90 && Math.abs(location.lon) <= 180)) {
    problems.push({ field: 'venueLocation', message: `must have a latitude within ±90 and a longitude within ±180 (got ${location.lat}, ${location.lon})` });
  }

  if (input.theme) {
    const themeTitle = input.theme.title.trim();
    if (!themeTitle) problems.push({ field: 'theme.title', message: 'must not be blank: name the public project, e.g. "Construction du groupe scolaire Jean-Jaurès"' });
    const description = blankToNull(input.theme.description);
    if (description && description.length > LIMITS.text) {
      problems.push({ field: 'theme.description', message: `must have at most ${LIMITS.text} characters (got ${description.length})` });
    }
    const needs = input.theme.needs ?? [];
    if (needs.length > LIMITS.themeNeeds) problems.push({ field: 'theme.needs', message: `at most ${LIMITS.themeNeeds} needs (got ${needs.length})` });
    needs.forEach((need, i) => {
      if (!need.label.trim()) problems.push({ field: `theme.needs[${i}].label`, message: 'must not be blank: say what the project needs, e.g. "isolation biosourcée"' });
      else if (need.label.trim().length > LIMITS.title) problems.push({ field: `theme.needs[${i}].label`, message: `must have at most ${LIMITS.title} characters` });
    });
    settings.theme = {
      title: themeTitle,
      description,
      needs: needs.map((n) => ({ label: n.label.trim(), categoryCode: blankToNull(n.categoryCode) })),
    };
  }
  return { settings, problems };
}

/**
 * Start and end of a round (1-based), as instants: the agendas' own {@link roundTimes}, so
 * that printed agendas, the live view and the API can never disagree.
 */
export const roundWindow: (session: Pick<SessionSettings, 'startsAt' | 'pitchMinutes' | 'exchangeMinutes' | 'changeoverMinutes'>, round: number) => { startsAt: string; endsAt: string } = roundTimes;

/** The side rule of a mode: whether two participants may meet at all. */
export function sidesMayMeet(mode: SessionMode, a: ParticipantSide | null, b: ParticipantSide | null): boolean {
  return mode === 'OPEN' || (a !== null && b !== null && a !== b);
}

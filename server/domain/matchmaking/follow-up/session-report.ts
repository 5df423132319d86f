/**
 * The report of a speed-meeting session: what was planned, what was held, what the participants
 * thought of it, and what became of the follow-ups months later. Pure: no GraphQL, no driver;
 * the caller loads the session and says which day the report is drawn up.
 *
 * Why the report goes on for a year: in ecoCIRC the sessions brought mutual knowledge and new
 * collaborations, but no economic value within the project's time frame, because public
 * procurement is slow. A report frozen on the evening of the session would show only the
 * promise; the outcomes 1, 3, 6 and 12 months later show what it was worth.
 *
 * Definitions, and why:
 * - A meeting is held when neither side was absent at its round; otherwise it is cancelled by
 *   absence. There is no other way for a planned meeting to fail on the day.
 * - Absences are recorded as "absent from round `fromRound`" (through `toRound`, by default to
 *   the end): a participant who leaves after round 3 is absent from round 4 on; one who arrives
 *   late is absent from round 1 through the round before arriving. A no-show is absent from
 *   round 1 to the end: the session happened without them. Other absences are partial.
 * - Feedback counts only on held meetings: feedback on a meeting recorded as cancelled, or on
 *   one that was never planned, means one of the two records is wrong; it is left out of the
 *   figures and listed in `warnings` so that the facilitator corrects it.
 * - Follow-ups are decided per held meeting by followUpDecision (one side asking is enough).
 * - The outcomes count the cooperations at each stage at the end of the day 1, 3, 6 and 12
 *   calendar months after the session (same dates as the reminders), from their stage
 *   histories, and on the report's day. A checkpoint after the report's day is not reached and
 *   has no figures: the current stage is not what the stage will be.
 */
import { addMonths, assertCalendarDate, calendarDateIn, DEFAULT_TIME_ZONE, isCalendarDate } from './calendar';
import { COOPERATION_STAGES, CooperationStage, Cooperation, stageLabel, stageOn } from './cooperation';
import {
  followUpDecision,
  FollowUpRequester,
  INTEREST_LABELS,
  INTEREST_LEVELS,
  InterestLevel,
  MeetingFeedback,
  MeetingSide,
} from './feedback';
import { REMINDER_MONTHS, ReminderMonths } from './reminders';

/** The session, as the report needs it. */
export interface ReportSession {
  id: string;
  title: string;
  /** ISO 8601 instant of the start (or a plain YYYY-MM-DD date). */
  startsAt: string;
  rounds: number;
  /** Time zone in which the session took place, to date it. Absent: Europe/Paris. */
  timeZone?: string;
}

/** A planned meeting: one table in one round. */
export interface ReportMeeting {
  round: number;
  table: number;
  /** Actor ids of the two sides, `a` and `b` as planned. */
  a: string;
  b: string;
}

/** An actor absent from round `fromRound` through `toRound` (both 1-based, inclusive). */
export interface ReportAbsence {
  actorId: string;
  fromRound: number;
  /** Absent or null: to the end of the session. */
  toRound?: number | null;
}

/** One side's feedback on the meeting at (`round`, `table`). */
export interface ReportFeedback {
  round: number;
  table: number;
  side: MeetingSide;
  feedback: MeetingFeedback;
}

/** Everything the report is drawn from. */
export interface SessionReportInput {
  session: ReportSession;
  meetings: readonly ReportMeeting[];
  absences: readonly ReportAbsence[];
  feedback: readonly ReportFeedback[];
  /** The cooperations opened from this session's meetings. */
  cooperations: readonly Pick<Cooperation, 'id' | 'history'>[];
  /** YYYY-MM-DD: the day the report is drawn up. */
  asOf: string;
  /** Display names by actor id; an actor without one is shown by id. */
  actorNames?: Readonly<Record<string, string>>;
}

/** An actor as the report shows it. */
export interface ReportActor {
  id: string;
  name: string;
}

/** Count of feedback at one interest level. */
export interface InterestCount {
  level: InterestLevel;
  label: string;
  count: number;
}

/** Count of cooperations at one stage. */
export interface StageCount {
  stage: CooperationStage;
  label: string;
  count: number;
}

/** Where the cooperations stood at the end of one day. */
export interface StageDistribution {
  /** YYYY-MM-DD. */
  on: string;
  /** Every stage, in the scale's order, zero counts included. */
  stages: StageCount[];
  /** Among AGREEMENT_REACHED, the agreements that are public contracts. */
  publicContracts: number;
  /** Cooperations opened by then. */
  opened: number;
  /** Cooperations opened later. */
  notYetOpened: number;
}

/** The outcomes some months after the session. */
export interface OutcomeCheckpoint {
  monthsAfter: ReminderMonths;
  /** YYYY-MM-DD. */
  on: string;
  /** Whether the day is on or before the report's day. */
  reached: boolean;
  /** Null when not reached. */
  distribution: StageDistribution | null;
}

/** A held meeting after which at least one side asked for a follow-up. */
export interface FollowUpRequest {
  round: number;
  table: number;
  a: ReportActor;
  b: ReportActor;
  requestedBy: FollowUpRequester;
}

/** The report. */
export interface SessionReport {
  session: { id: string; title: string; /** YYYY-MM-DD */ date: string; rounds: number };
  /** YYYY-MM-DD. */
  asOf: string;
  meetings: { planned: number; held: number; cancelledByAbsence: number };
  /** Absent from the whole session, sorted by name. */
  noShows: { count: number; actors: ReportActor[] };
  /** Absent from some rounds only, sorted by name. */
  partialAbsences: { actor: ReportActor; rounds: number[] }[];
  interest: {
    /** Levels 0 to 3, over all feedback on held meetings. */
    levels: InterestCount[];
    feedbackCount: number;
    meetingsWithBothSides: number;
    meetingsWithOneSide: number;
    meetingsWithoutFeedback: number;
    /** Share (0..1) of held meetings with feedback from both sides; null when none was held. */
    bothSidesShare: number | null;
  };
  followUps: {
    requested: number;
    bySideAOnly: number;
    bySideBOnly: number;
    byBothSides: number;
    /** In round then table order. */
    requests: FollowUpRequest[];
  };
  outcomes: { checkpoints: OutcomeCheckpoint[]; current: StageDistribution; cooperations: number };
  /** Inconsistencies in the data, in French, for the facilitator to correct. */
  warnings: string[];
}

const meetingKey = (round: number, table: number) => `${round}:${table}`;

/**
 * The calendar day of the session in its time zone: a session starting at 9:00 in Paris is on
 * that day, even though it is 8:00 or 7:00 UTC, and one in Nouméa is not on the previous day.
 */
export function sessionDate(session: Pick<ReportSession, 'startsAt' | 'timeZone'>): string {
  if (isCalendarDate(session.startsAt)) return session.startsAt;
  const start = new Date(session.startsAt);
  if (Number.isNaN(start.getTime())) throw new RangeError(`startsAt must be an ISO 8601 date and time (got "${session.startsAt}")`);
  return calendarDateIn(start, session.timeZone ?? DEFAULT_TIME_ZONE);
}

/**
 * How many cooperations stood at each stage at the end of `on`, from their histories.
 *
 * @example stageDistribution(cooperations, '2025-06-10').stages[3] // { stage: 'NEGOTIATION_STARTED', label: 'Négociation engagée', count: 2 }
 */
export function stageDistribution(cooperations: readonly Pick<Cooperation, 'history'>[], on: string): StageDistribution {
  const counts = new Map<CooperationStage, number>(COOPERATION_STAGES.map((s) => [s, 0]));
  let publicContracts = 0;
  let notYetOpened = 0;
  for (const cooperation of cooperations) {
    const entry = stageOn(cooperation.history, on);
    if (!entry) {
      notYetOpened += 1;
      continue;
    }
    counts.set(entry.stage, (counts.get(entry.stage) ?? 0) + 1);
    if (entry.stage === 'AGREEMENT_REACHED' && entry.publicContract) publicContracts += 1;
  }
  return {
    on,
    stages: COOPERATION_STAGES.map((stage) => ({ stage, label: stageLabel(stage), count: counts.get(stage) ?? 0 })),
    publicContracts,
    opened: cooperations.length - notYetOpened,
    notYetOpened,
  };
}

/**
 * Builds the report of a session as of `input.asOf`, following the definitions above.
 *
 * @throws RangeError when `asOf` or the session's start is not a date: they come from the program
 */
export function buildSessionReport(input: SessionReportInput): SessionReport {
  assertCalendarDate(input.asOf, 'asOf');
  const { session } = input;
  const date = sessionDate(session);
  const names = input.actorNames ?? {};
  const actor = (id: string): ReportActor => ({ id, name: names[id] ?? id });
  const byName = (x: ReportActor, y: ReportActor) => x.name.localeCompare(y.name, 'fr') || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const warnings: string[] = [];

  // Absent rounds per actor, clamped to the session.
  const absentRounds = new Map<string, Set<number>>();
  for (const absence of input.absences) {
    const from = Math.max(1, absence.fromRound);
    const to = Math.min(session.rounds, absence.toRound ?? session.rounds);
    if (!Number.isInteger(absence.fromRound) || from > to) {
      warnings.push(`Absence de ${actor(absence.actorId).name} incohérente (tours ${absence.fromRound} à ${absence.toRound ?? 'la fin'}) : ignorée.`);
      continue;
    }
    const rounds = absentRounds.get(absence.actorId) ?? new Set<number>();
    for (let r = from; r <= to; r += 1) rounds.add(r);
    absentRounds.set(absence.actorId, rounds);
  }
  const isAbsent = (actorId: string, round: number) => absentRounds.get(actorId)?.has(round) ?? false;
  const noShows: ReportActor[] = [];
  const partialAbsences: { actor: ReportActor; rounds: number[] }[] = [];
  for (const [actorId, rounds] of absentRounds) {
    if (rounds.size >= session.rounds) noShows.push(actor(actorId));
    else partialAbsences.push({ actor: actor(actorId), rounds: [...rounds].sort((x, y) => x - y) });
  }
  noShows.sort(byName);
  partialAbsences.sort((x, y) => byName(x.actor, y.actor));

  // Planned and held meetings, one per (round, table).
  const planned = new Map<string, ReportMeeting & { held: boolean }>();
  for (const meeting of input.meetings) {
    const key = meetingKey(meeting.round, meeting.table);
    if (planned.has(key)) {
      warnings.push(`Deux rencontres prévues au tour ${meeting.round}, table ${meeting.table} : seule la première est comptée.`);
      continue;
    }
    planned.set(key, { ...meeting, held: !isAbsent(meeting.a, meeting.round) && !isAbsent(meeting.b, meeting.round) });
  }
  const meetings = [...planned.values()].sort((x, y) => x.round - y.round || x.table - y.table);
  const held = meetings.filter((m) => m.held);

  // Feedback per held meeting and side; the last recorded wins.
  const feedbackBySide = new Map<string, { A: MeetingFeedback | null; B: MeetingFeedback | null }>();
  for (const m of held) feedbackBySide.set(meetingKey(m.round, m.table), { A: null, B: null });
  for (const f of input.feedback) {
    const key = meetingKey(f.round, f.table);
    const meeting = planned.get(key);
    const where = `tour ${f.round}, table ${f.table}`;
    if (!meeting) {
      warnings.push(`Avis enregistré pour une rencontre non prévue (${where}) : ignoré.`);
      continue;
    }
    if (!meeting.held) {
      warnings.push(`Avis enregistré pour la rencontre ${where}, annulée pour absence : ignoré. Corrigez l'avis ou l'absence.`);
      continue;
    }
    const sides = feedbackBySide.get(key)!;
    if (sides[f.side] !== null) {
      warnings.push(`Deux avis du côté ${f.side} pour la rencontre ${where} : seul le dernier est compté.`);
    }
    sides[f.side] = f.feedback;
  }

  const interestCounts = new Map<InterestLevel, number>(INTEREST_LEVELS.map((l) => [l, 0]));
  let feedbackCount = 0;
  let withBoth = 0;
  let withOne = 0;
  const requests: FollowUpRequest[] = [];
  for (const m of held) {
    const sides = feedbackBySide.get(meetingKey(m.round, m.table))!;
    for (const f of [sides.A, sides.B]) {
      if (!f) continue;
      feedbackCount += 1;
      interestCounts.set(f.interest, (interestCounts.get(f.interest) ?? 0) + 1);
    }
    if (sides.A && sides.B) withBoth += 1;
    else if (sides.A || sides.B) withOne += 1;
    const decision = followUpDecision(sides.A, sides.B);
    if (decision.requestedBy) {
      requests.push({ round: m.round, table: m.table, a: actor(m.a), b: actor(m.b), requestedBy: decision.requestedBy });
    }
  }

  for (const cooperation of input.cooperations) {
    if (cooperation.history.length === 0) {
      warnings.push(`La coopération ${cooperation.id} n'a pas d'historique : elle est comptée comme pas encore ouverte.`);
    }
  }
  const checkpoints: OutcomeCheckpoint[] = REMINDER_MONTHS.map((monthsAfter) => {
    const on = addMonths(date, monthsAfter);
    const reached = on <= input.asOf;
    return { monthsAfter, on, reached, distribution: reached ? stageDistribution(input.cooperations, on) : null };
  });

  return {
    session: { id: session.id, title: session.title, date, rounds: session.rounds },
    asOf: input.asOf,
    meetings: { planned: meetings.length, held: held.length, cancelledByAbsence: meetings.length - held.length },
    noShows: { count: noShows.length, actors: noShows },
    partialAbsences,
    interest: {
      levels: INTEREST_LEVELS.map((level) => ({ level, label: INTEREST_LABELS[level], count: interestCounts.get(level) ?? 0 })),
      feedbackCount,
      meetingsWithBothSides: withBoth,
      meetingsWithOneSide: withOne,
      meetingsWithoutFeedback: held.length - withBoth - withOne,
      bothSidesShare: held.length === 0 ? null : withBoth / held.length,
    },
    followUps: {
      requested: requests.length,
      bySideAOnly: requests.filter((r) => r.requestedBy === 'A').length,
      bySideBOnly: requests.filter((r) => r.requestedBy === 'B').length,
      byBothSides: requests.filter((r) => r.requestedBy === 'BOTH').length,
      requests,
    },
    outcomes: {
      checkpoints,
      current: stageDistribution(input.cooperations, input.asOf),
      cooperations: input.cooperations.length,
    },
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// CSV export

/** French wording of who asked for a follow-up. */
export const REQUESTER_LABELS: { readonly [R in FollowUpRequester]: string } = {
  A: 'Participant A',
  B: 'Participant B',
  BOTH: 'Les deux',
};

type Cell = string | number | null;

/**
 * One CSV field, RFC 4180: quoted when it holds a comma, a double quote, a carriage return or a
 * line feed, with inner quotes doubled. Text that a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or carriage return) is prefixed with an apostrophe: a session title or an
 * actor name is typed by users, and opening the export must not run what they typed.
 *
 * @example csvField('Dupont, "la" SCIC') // '"Dupont, ""la"" SCIC"'
 * @example csvField('=1+1') // "'=1+1"
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function percent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 100);
}

function roundsText(rounds: readonly number[]): string {
  return rounds.length === 1 ? `Tour ${rounds[0]}` : `Tours ${rounds.join(', ')}`;
}

/**
 * The report as CSV, for a spreadsheet: one section per block (title line, header line, rows),
 * sections separated by an empty line, headers in French.
 *
 * Separator `,` as RFC 4180 says (not the `;` French Excel guesses: the file is also read by
 * scripts); every line padded to the same number of fields so that strict parsers accept it;
 * CRLF line ends; a UTF-8 byte-order mark first, without which Excel reads the file as
 * Windows-1252 and mangles every accent. Dates YYYY-MM-DD, shares as whole percentages (a
 * decimal point would be misread where the decimal separator is a comma).
 */
export function sessionReportCsv(report: SessionReport): string {
  const rows: Cell[][] = [];
  const section = (title: string, header: Cell[], body: Cell[][]) => {
    if (rows.length > 0) rows.push([]);
    rows.push([title], header, ...body);
  };

  section('Session', ['Champ', 'Valeur'], [
    ['Titre', report.session.title],
    ['Identifiant', report.session.id],
    ['Date', report.session.date],
    ['Tours', report.session.rounds],
    ['Bilan arrêté au', report.asOf],
  ]);
  section('Rencontres', ['Indicateur', 'Nombre'], [
    ['Rencontres prévues', report.meetings.planned],
    ['Rencontres tenues', report.meetings.held],
    ['Rencontres annulées pour absence', report.meetings.cancelledByAbsence],
  ]);
  section('Absences', ['Participant', 'Identifiant', 'Absence'], [
    ...report.noShows.actors.map((a): Cell[] => [a.name, a.id, 'Absent toute la session']),
    ...report.partialAbsences.map((p): Cell[] => [p.actor.name, p.actor.id, roundsText(p.rounds)]),
  ]);
  section('Intérêt exprimé', ['Niveau', 'Libellé', "Nombre d'avis"], report.interest.levels.map((l) => [l.level, l.label, l.count]));
  section('Avis par rencontre tenue', ['Indicateur', 'Nombre'], [
    ['Avis recueillis', report.interest.feedbackCount],
    ['Rencontres avec les avis des deux côtés', report.interest.meetingsWithBothSides],
    ["Rencontres avec l'avis d'un seul côté", report.interest.meetingsWithOneSide],
    ['Rencontres sans avis', report.interest.meetingsWithoutFeedback],
    ['Part des rencontres tenues avec les avis des deux côtés (%)', percent(report.interest.bothSidesShare)],
  ]);
  section('Suites demandées', ['Indicateur', 'Nombre'], [
    ['Rencontres appelant une suite', report.followUps.requested],
    ['Demandées par les deux côtés', report.followUps.byBothSides],
    ['Demandées par le participant A seul', report.followUps.bySideAOnly],
    ['Demandées par le participant B seul', report.followUps.bySideBOnly],
  ]);
  section(
    'Rencontres appelant une suite',
    ['Tour', 'Table', 'Participant A', 'Participant B', 'Demandée par'],
    report.followUps.requests.map((r) => [r.round, r.table, r.a.name, r.b.name, REQUESTER_LABELS[r.requestedBy]]),
  );
  const { checkpoints, current } = report.outcomes;
  const column = (d: StageDistribution | null, pick: (d: StageDistribution) => number): Cell => (d ? pick(d) : null);
  const outcomeRow = (label: string, pick: (d: StageDistribution) => number): Cell[] => [
    label,
    ...checkpoints.map((c) => column(c.distribution, pick)),
    pick(current),
  ];
  section(
    'Suites des coopérations',
    ['Étape', ...checkpoints.map((c) => `${c.monthsAfter} mois (${c.on})`), `Au ${current.on}`],
    [
      ...current.stages.map((s, i) => outcomeRow(s.label, (d) => d.stages[i]!.count)),
      ['dont marché public', ...checkpoints.map((c) => column(c.distribution, (d) => d.publicContracts)), current.publicContracts],
      ['Pas encore ouvertes', ...checkpoints.map((c) => column(c.distribution, (d) => d.notYetOpened)), current.notYetOpened],
      outcomeRow('Total des coopérations', (d) => d.opened + d.notYetOpened),
    ],
  );
  if (report.warnings.length > 0) section('À vérifier', ['Avertissement'], report.warnings.map((w) => [w]));

  const width = Math.max(...rows.map((r) => r.length));
  const lines = rows.map((r) => [...r, ...Array<Cell>(width - r.length).fill(null)].map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown summary

/** Beyond this many follow-up requests the summary refers to the CSV: an email is not a table. */
export const MARKDOWN_REQUEST_LIMIT = 20;

const FRENCH_MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

/**
 * A date as a French sentence writes it, with "1er" for the first of the month.
 *
 * @example frenchDate('2025-03-01') // '1er mars 2025'
 */
export function frenchDate(date: string): string {
  const day = Number(date.slice(8, 10));
  return `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** French plural: singular for 0 and 1, as French grammar has it. */
function count(n: number, singular: string, plural: string): string {
  return `${n} ${n < 2 ? singular : plural}`;
}

/** User text made inert in Markdown, on one line: a name must not turn into a link or bold. */
function md(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([\\`*_[\]<>])/g, '\\$1');
}

function names(actors: readonly ReportActor[]): string {
  return actors.map((a) => md(a.name)).join(', ');
}

function roundsPhrase(rounds: readonly number[]): string {
  if (rounds.length === 1) return `au tour ${rounds[0]}`;
  return `aux tours ${rounds.slice(0, -1).join(', ')} et ${rounds[rounds.length - 1]}`;
}

function distributionPhrase(d: StageDistribution): string {
  if (d.opened === 0) return 'aucune coopération ouverte';
  const parts = d.stages
    .filter((s) => s.count > 0)
    .map((s) => {
      const contracts = s.stage === 'AGREEMENT_REACHED' && d.publicContracts > 0 ? `, dont ${count(d.publicContracts, 'marché public', 'marchés publics')}` : '';
      return `${s.label.toLowerCase()} (${s.count}${contracts})`;
    });
  return parts.join(' ; ');
}

/**
 * The report as a short French summary in Markdown, for a facilitator to paste into an email to
 * the participants and funders. Plain sentences and lists, no tables (most mail clients show
 * Markdown as plain text, where a table is unreadable); user-typed names are escaped so they
 * cannot turn into links or formatting.
 */
export function sessionReportMarkdown(report: SessionReport): string {
  const lines: string[] = [];
  const { meetings, interest, followUps, outcomes } = report;
  lines.push(`# Bilan du speed meeting « ${md(report.session.title)} »`, '');
  lines.push(
    `Session du ${frenchDate(report.session.date)}, en ${count(report.session.rounds, 'tour', 'tours')}. Bilan arrêté au ${frenchDate(report.asOf)}.`,
    '',
  );

  lines.push('## Rencontres', '');
  lines.push(
    `- ${count(meetings.planned, 'rencontre prévue', 'rencontres prévues')}, ${count(meetings.held, 'tenue', 'tenues')}, ${count(meetings.cancelledByAbsence, 'annulée', 'annulées')} pour absence.`,
  );
  if (report.noShows.count === 0) lines.push('- Aucun participant absent de toute la session.');
  else {
    lines.push(
      `- ${count(report.noShows.count, 'participant absent', 'participants absents')} de toute la session : ${names(report.noShows.actors)}.`,
    );
  }
  for (const p of report.partialAbsences) lines.push(`- ${md(p.actor.name)} : absent ${roundsPhrase(p.rounds)}.`);
  lines.push('');

  lines.push('## Avis des participants', '');
  if (interest.feedbackCount === 0) {
    lines.push('- Aucun avis recueilli pour l’instant.');
  } else {
    const share = interest.bothSidesShare === null ? '' : ` (${Math.round(interest.bothSidesShare * 100)}\u00a0%)`;
    lines.push(
      `- ${count(interest.feedbackCount, 'avis recueilli', 'avis recueillis')} ; avis des deux côtés pour ${interest.meetingsWithBothSides} ${interest.meetingsWithBothSides < 2 ? 'rencontre tenue' : 'rencontres tenues'} sur ${meetings.held}${share}.`,
    );
    for (const level of [...interest.levels].reverse()) lines.push(`- ${level.label} : ${level.count}`);
  }
  lines.push('');

  lines.push('## Suites demandées', '');
  if (followUps.requested === 0) {
    lines.push('- Aucune suite demandée.');
  } else {
    lines.push(
      `- ${count(followUps.requested, 'rencontre appelle', 'rencontres appellent')} une suite : ${followUps.byBothSides} à la demande des deux côtés, ${followUps.bySideAOnly + followUps.bySideBOnly} d’un seul côté.`,
    );
    for (const r of followUps.requests.slice(0, MARKDOWN_REQUEST_LIMIT)) {
      const by = r.requestedBy === 'BOTH' ? 'les deux' : md(r.requestedBy === 'A' ? r.a.name : r.b.name);
      lines.push(`  - ${md(r.a.name)} et ${md(r.b.name)} (tour ${r.round}, table ${r.table}) : demandée par ${by}`);
    }
    const more = followUps.requested - MARKDOWN_REQUEST_LIMIT;
    if (more > 0) lines.push(`  - … et ${count(more, 'autre', 'autres')} (voir l’export CSV)`);
  }
  lines.push('');

  lines.push('## Suites des coopérations', '');
  if (outcomes.cooperations === 0) {
    lines.push('- Aucune coopération ouverte à la suite de la session.');
  } else {
    for (const c of outcomes.checkpoints) {
      const when = `À ${c.monthsAfter} mois (${frenchDate(c.on)})`;
      lines.push(c.distribution ? `- ${when} : ${distributionPhrase(c.distribution)}.` : `- ${when} : pas encore atteint.`);
    }
    lines.push(`- Au ${frenchDate(outcomes.current.on)} : ${distributionPhrase(outcomes.current)}.`);
  }

  if (report.warnings.length > 0) {
    lines.push('', '## À vérifier', '');
    for (const w of report.warnings) lines.push(`- ${md(w)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * What changed, in one French line: the entries of a group's activity feed and the audit of its
 * actions. Each function compares a record before and after a change and returns the `kind`,
 * the `summary` and the `changes` (field → [before, after]) of a {@link ChangeRecord}, with its
 * subject; the caller adds the id, the group, who and when. Pure.
 *
 * Why a summary written here rather than by the web page: the feed is read as a log ("Statut :
 * En cours → Bloquée (attente du financement ADEME)"), the same line in the page, an e-mail digest
 * and an export, and the wording of statuses and roles must be one. Summaries say what changed,
 * not to what: the feed shows each line under its action, meeting or member. Creations and
 * membership lines name their subject, because a newcomer or a new action is the news itself.
 *
 * `changes` keeps the values as stored, JSON-serialisable, except long texts (minutes,
 * descriptions) which are cut to {@link MAX_AUDIT_TEXT} characters: the feed records that the
 * minutes changed, it is not a second copy of them.
 */
import { DEFAULT_TIME_ZONE } from '../matchmaking/follow-up/calendar';
import { oneLine, peopleById, personName } from './common';
import { dateFr, dateTimeFr, dayOf, MODE_LABELS_FR, quantityFr, ROLE_LABELS_FR, STATUS_LABELS_FR } from './labels';
import {
  ChangeRecord,
  GroupActionRecord,
  GroupMeetingRecord,
  IndicatorRecord,
  IndicatorValue,
  MembershipRecord,
  PersonRecord,
  WorkingGroupRecord,
} from './model';

export { ATTENDANCE_LABELS_FR, MODE_LABELS_FR, ROLE_LABELS_FR, STATUS_LABELS_FR } from './labels';

/** A change to record: a {@link ChangeRecord} but for its id, group, author and time. */
export type ChangeDraft = Pick<ChangeRecord, 'subject' | 'subjectId' | 'kind' | 'summary' | 'changes'>;

/** Longest text kept whole in `changes`. */
export const MAX_AUDIT_TEXT = 500;
/** Longest summary: one line of a feed. */
export const MAX_SUMMARY = 400;
/** Longest quoted title inside a summary. */
const MAX_QUOTED = 80;

type Changes = Record<string, [unknown, unknown]>;


function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** A user's text quoted the French way, on one line, cut when long. */
function quote(text: string): string {
  return `«\u00a0${cut(oneLine(text), MAX_QUOTED)}\u00a0»`;
}

function auditValue(value: unknown): unknown {
  return typeof value === 'string' ? cut(value, MAX_AUDIT_TEXT) : value;
}

function summaryOf(parts: string[]): string {
  return cut(oneLine(parts.join(' ; ')), MAX_SUMMARY);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** "+a, +b, −c": what a list gained and lost, in the order of each list. */
function listDelta(before: readonly string[], after: readonly string[], name: (x: string) => string = (x) => x): string {
  const added = after.filter((x) => !before.includes(x)).map((x) => `+${name(x)}`);
  const removed = before.filter((x) => !after.includes(x)).map((x) => `\u2212${name(x)}`);
  return [...added, ...removed].join(', ');
}

const optionalDateFr = (date: string | null) => (date === null ? 'aucune' : dateFr(date));
const optionalTextFr = (text: string | null) => (text === null ? 'aucun' : quote(text));

// ---- groups ---------------------------------------------------------------------------------

/** The entry of a group's creation: "Groupe créé : GT6A Réemploi & réutilisation (Espace ressource)". */
export function groupCreatedChange(group: WorkingGroupRecord): ChangeDraft {
  const plan = group.planActionCodes.length > 0 ? `, actions du plan ${group.planActionCodes.join(', ')}` : '';
  return {
    subject: 'GROUP',
    subjectId: group.id,
    kind: 'group.created',
    summary: summaryOf([`Groupe créé : ${group.code} ${quote(group.name)} (${MODE_LABELS_FR[group.mode]}${plan})`]),
    changes: {
      code: [null, group.code],
      name: [null, group.name],
      mode: [null, group.mode],
      description: [null, auditValue(group.description)],
      territoryKey: [null, group.territoryKey],
      planActionCodes: [null, [...group.planActionCodes]],
    },
  };
}

/**
 * The entry of a group's update, e.g. "Mode : Espace ressource → Maître d'ouvrage ; actions du
 * plan : +6.3". Members have their own entries ({@link memberChange}).
 *
 * @returns null when nothing the entry covers changed (the caller records nothing)
 */
export function groupUpdatedChange(before: WorkingGroupRecord, after: WorkingGroupRecord): ChangeDraft | null {
  const parts: string[] = [];
  const changes: Changes = {};
  if (before.code !== after.code) {
    parts.push(`Code : ${before.code} → ${after.code}`);
    changes.code = [before.code, after.code];
  }
  if (before.name !== after.name) {
    parts.push(`Nom : ${quote(before.name)} → ${quote(after.name)}`);
    changes.name = [before.name, after.name];
  }
  if (before.mode !== after.mode) {
    parts.push(`Mode : ${MODE_LABELS_FR[before.mode]} → ${MODE_LABELS_FR[after.mode]}`);
    changes.mode = [before.mode, after.mode];
  }
  if (before.description !== after.description) {
    parts.push(after.description === null ? 'Description supprimée' : 'Description modifiée');
    changes.description = [auditValue(before.description), auditValue(after.description)];
  }
  if (before.territoryKey !== after.territoryKey) {
    parts.push(`Territoire : ${before.territoryKey ?? 'aucun'} → ${after.territoryKey ?? 'aucun'}`);
    changes.territoryKey = [before.territoryKey, after.territoryKey];
  }
  const codesBefore = [...before.planActionCodes].sort();
  const codesAfter = [...after.planActionCodes].sort();
  if (!sameList(codesBefore, codesAfter)) {
    parts.push(`Actions du plan : ${listDelta(codesBefore, codesAfter)}`);
    changes.planActionCodes = [codesBefore, codesAfter];
  }
  if (parts.length === 0) return null;
  return { subject: 'GROUP', subjectId: after.id, kind: 'group.updated', summary: summaryOf(parts), changes };
}

// ---- members --------------------------------------------------------------------------------

/**
 * The entry of a membership change: someone joins, leaves, comes back, changes role, or has a
 * date corrected. Kinds: member.joined, member.left, member.role, member.updated (the first
 * that applies, in that order; the summary lists every change).
 *
 * @param before the person's membership before (null when they join for the first time)
 * @returns null when nothing changed
 * @example memberChange(lead, { ...lead, role: 'MEMBER' }, people)?.summary // 'Rôle de Marie Dupont : Pilote → Membre'
 */
export function memberChange(before: MembershipRecord | null, after: MembershipRecord, people: readonly PersonRecord[]): ChangeDraft | null {
  const name = personName(peopleById(people), after.personId);
  const role = ROLE_LABELS_FR[after.role];
  const changes: Changes = {};
  const parts: string[] = [];
  let kind = 'member.updated';
  if (before === null) {
    kind = 'member.joined';
    parts.push(`${name} rejoint le groupe (${role}) le ${dateFr(after.joinedOn)}${after.leftOn ? ` et l'a quitté le ${dateFr(after.leftOn)}` : ''}`);
    changes.role = [null, after.role];
    changes.joinedOn = [null, after.joinedOn];
    changes.leftOn = [null, after.leftOn];
    return { subject: 'MEMBER', subjectId: after.personId, kind, summary: summaryOf(parts), changes };
  }
  if (before.leftOn === null && after.leftOn !== null) {
    kind = 'member.left';
    parts.push(`${name} quitte le groupe le ${dateFr(after.leftOn)}`);
  } else if (before.leftOn !== null && after.leftOn === null) {
    kind = 'member.joined';
    parts.push(`${name} rejoint de nouveau le groupe (${role})`);
  } else if (before.leftOn !== after.leftOn) {
    parts.push(`Date de départ de ${name} : ${optionalDateFr(before.leftOn)} → ${optionalDateFr(after.leftOn)}`);
  }
  if (before.leftOn !== after.leftOn) changes.leftOn = [before.leftOn, after.leftOn];
  if (before.role !== after.role) {
    if (kind === 'member.updated') kind = 'member.role';
    parts.push(`Rôle de ${name} : ${ROLE_LABELS_FR[before.role]} → ${role}`);
    changes.role = [before.role, after.role];
  }
  if (before.joinedOn !== after.joinedOn) {
    parts.push(`Date d'arrivée de ${name} : ${dateFr(before.joinedOn)} → ${dateFr(after.joinedOn)}`);
    changes.joinedOn = [before.joinedOn, after.joinedOn];
  }
  if (parts.length === 0) return null;
  return { subject: 'MEMBER', subjectId: after.personId, kind, summary: summaryOf(parts), changes };
}

// ---- meetings -------------------------------------------------------------------------------

function meetingWhere(meeting: Pick<GroupMeetingRecord, 'place' | 'videoLink'>): string {
  if (meeting.place && meeting.videoLink) return `${oneLine(meeting.place)} et en visioconférence`;
  if (meeting.place) return oneLine(meeting.place);
  return 'en visioconférence';
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** "5 présents, 1 excusé, 2 absents" (empty groups left out). */
function attendanceCounts(attendees: GroupMeetingRecord['attendees']): string {
  const count = (a: string) => attendees.filter((x) => x.attendance === a).length;
  const parts = [
    [count('PRESENT'), 'présent', 'présents'],
    [count('EXCUSED'), 'excusé', 'excusés'],
    [count('ABSENT'), 'absent', 'absents'],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, one, many]) => plural(n, one, many)).join(', ');
  return text || 'liste vide';
}

/**
 * The entry of a new meeting: "Réunion du jeudi 12 mars 2026 à 14 h 00 programmée (Hôtel de
 * Région)", with the minutes and decisions when it is recorded after the fact.
 */
export function meetingCreatedChange(meeting: GroupMeetingRecord, timeZone: string = DEFAULT_TIME_ZONE): ChangeDraft {
  const extras: string[] = [];
  if (meeting.minutes) extras.push('compte rendu rédigé');
  if (meeting.decisions.length > 0) extras.push(plural(meeting.decisions.length, 'décision', 'décisions'));
  return {
    subject: 'MEETING',
    subjectId: meeting.id,
    kind: 'meeting.created',
    summary: summaryOf([`Réunion du ${dateTimeFr(meeting.startsAt, timeZone)} programmée (${meetingWhere(meeting)})`, ...extras]),
    changes: {
      startsAt: [null, meeting.startsAt],
      place: [null, meeting.place],
      videoLink: [null, meeting.videoLink],
      agenda: [null, [...meeting.agenda]],
      attendees: [null, meeting.attendees.map((a) => ({ ...a }))],
      minutes: [null, auditValue(meeting.minutes)],
      decisions: [null, [...meeting.decisions]],
      nextMeetingOn: [null, meeting.nextMeetingOn],
    },
  };
}

/**
 * The entry of a meeting's update, prefixed with its day: "Réunion du 12 mars 2026 : compte
 * rendu rédigé ; décisions ajoutées : « … »". Kinds: meeting.minutes when the minutes changed,
 * else meeting.decisions when decisions did, else meeting.updated.
 *
 * @returns null when nothing changed
 */
export function meetingUpdatedChange(before: GroupMeetingRecord, after: GroupMeetingRecord, timeZone: string = DEFAULT_TIME_ZONE): ChangeDraft | null {
  const parts: string[] = [];
  const changes: Changes = {};
  let kind = 'meeting.updated';
  if (before.startsAt !== after.startsAt && Date.parse(before.startsAt) !== Date.parse(after.startsAt)) {
    parts.push(`date : ${dateTimeFr(before.startsAt, timeZone)} → ${dateTimeFr(after.startsAt, timeZone)}`);
    changes.startsAt = [before.startsAt, after.startsAt];
  }
  if (before.place !== after.place) {
    parts.push(`lieu : ${before.place === null ? 'aucun' : oneLine(before.place)} → ${after.place === null ? 'aucun' : oneLine(after.place)}`);
    changes.place = [before.place, after.place];
  }
  if (before.videoLink !== after.videoLink) {
    parts.push(after.videoLink === null ? 'lien de visioconférence retiré' : before.videoLink === null ? 'lien de visioconférence ajouté' : 'lien de visioconférence modifié');
    changes.videoLink = [before.videoLink, after.videoLink];
  }
  if (!sameList(before.agenda, after.agenda)) {
    parts.push(`ordre du jour modifié (${plural(after.agenda.length, 'point', 'points')})`);
    changes.agenda = [[...before.agenda], [...after.agenda]];
  }
  const attendanceKey = (m: GroupMeetingRecord) => m.attendees.map((a) => `${a.personId}:${a.attendance}`).sort().join('|');
  if (attendanceKey(before) !== attendanceKey(after)) {
    parts.push(`présences : ${attendanceCounts(after.attendees)}`);
    changes.attendees = [before.attendees.map((a) => ({ ...a })), after.attendees.map((a) => ({ ...a }))];
  }
  if (before.minutes !== after.minutes) {
    kind = 'meeting.minutes';
    parts.push(before.minutes === null ? 'compte rendu rédigé' : after.minutes === null ? 'compte rendu supprimé' : 'compte rendu modifié');
    changes.minutes = [auditValue(before.minutes), auditValue(after.minutes)];
  }
  if (!sameList(before.decisions, after.decisions)) {
    if (kind === 'meeting.updated') kind = 'meeting.decisions';
    const added = after.decisions.filter((d) => !before.decisions.includes(d));
    const removed = before.decisions.filter((d) => !after.decisions.includes(d));
    if (added.length > 0) parts.push(`${added.length > 1 ? 'décisions ajoutées' : 'décision ajoutée'} : ${added.map(quote).join(', ')}`);
    if (removed.length > 0) parts.push(`${plural(removed.length, 'décision retirée', 'décisions retirées')}`);
    if (added.length === 0 && removed.length === 0) parts.push('décisions réordonnées');
    changes.decisions = [[...before.decisions], [...after.decisions]];
  }
  if (before.nextMeetingOn !== after.nextMeetingOn) {
    parts.push(`prochaine réunion : ${after.nextMeetingOn === null ? 'non fixée' : dateFr(after.nextMeetingOn)}`);
    changes.nextMeetingOn = [before.nextMeetingOn, after.nextMeetingOn];
  }
  if (parts.length === 0) return null;
  return {
    subject: 'MEETING',
    subjectId: after.id,
    kind,
    summary: summaryOf([`Réunion du ${dateFr(dayOf(after.startsAt, timeZone))} : ${parts.join(' ; ')}`]),
    changes,
  };
}

// ---- actions --------------------------------------------------------------------------------

/**
 * The entry of a new action: "Action créée : « Recenser les recycleries » — responsable Marie
 * Dupont, échéance 30 juin 2026, action du plan 6.2".
 */
export function actionCreatedChange(action: GroupActionRecord, people: readonly PersonRecord[]): ChangeDraft {
  const byId = peopleById(people);
  const details = [`responsable ${personName(byId, action.ownerPersonId)}`];
  if (action.dueOn) details.push(`échéance ${dateFr(action.dueOn)}`);
  if (action.planActionCode) details.push(`action du plan ${action.planActionCode}`);
  if (action.status !== 'PLANNED') details.push(`statut ${STATUS_LABELS_FR[action.status]}${action.statusReason ? ` (${oneLine(action.statusReason)})` : ''}`);
  return {
    subject: 'ACTION',
    subjectId: action.id,
    kind: 'action.created',
    summary: summaryOf([`Action créée : ${quote(action.title)} \u2014 ${details.join(', ')}`]),
    changes: {
      title: [null, action.title],
      description: [null, auditValue(action.description)],
      planActionCode: [null, action.planActionCode],
      ownerPersonId: [null, action.ownerPersonId],
      ownerActorId: [null, action.ownerActorId],
      contributorPersonIds: [null, [...action.contributorPersonIds]],
      status: [null, action.status],
      statusReason: [null, action.statusReason],
      startOn: [null, action.startOn],
      dueOn: [null, action.dueOn],
    },
  };
}

type IndicatorDefinition = Pick<IndicatorRecord, 'id' | 'name' | 'unit' | 'baseline' | 'target'>;
const definitionOf = (i: IndicatorRecord): IndicatorDefinition => ({ id: i.id, name: i.name, unit: i.unit, baseline: i.baseline, target: i.target });

/**
 * The entry of an action's update, e.g. "Statut : En cours → Bloquée (attente du financement
 * ADEME)". A DONE or DROPPED action set back to work reads "Statut : Terminée → En cours, action
 * rouverte (…)". Kinds, the first that applies: action.reopened, action.status, action.owner,
 * action.due, action.updated. Indicator definitions are covered; their values have
 * {@link indicatorValueChange}.
 *
 * @returns null when nothing the entry covers changed
 */
export function actionUpdatedChange(before: GroupActionRecord, after: GroupActionRecord, people: readonly PersonRecord[]): ChangeDraft | null {
  const byId = peopleById(people);
  const name = (id: string) => personName(byId, id);
  const parts: string[] = [];
  const changes: Changes = {};
  const kinds: string[] = [];
  if (before.status !== after.status) {
    const reopened = (before.status === 'DONE' || before.status === 'DROPPED') && (after.status === 'IN_PROGRESS' || after.status === 'PLANNED');
    const reason = after.statusReason ? ` (${oneLine(after.statusReason)})` : '';
    parts.push(`Statut : ${STATUS_LABELS_FR[before.status]} → ${STATUS_LABELS_FR[after.status]}${reopened ? ', action rouverte' : ''}${reason}`);
    kinds.push(reopened ? 'action.reopened' : 'action.status');
    changes.status = [before.status, after.status];
    if (before.statusReason !== after.statusReason) changes.statusReason = [before.statusReason, after.statusReason];
  } else if (before.statusReason !== after.statusReason) {
    parts.push(`Motif : ${optionalTextFr(after.statusReason)}`);
    changes.statusReason = [before.statusReason, after.statusReason];
  }
  if (before.ownerPersonId !== after.ownerPersonId) {
    parts.push(`Responsable : ${name(before.ownerPersonId)} → ${name(after.ownerPersonId)}`);
    kinds.push('action.owner');
    changes.ownerPersonId = [before.ownerPersonId, after.ownerPersonId];
  }
  if (before.ownerActorId !== after.ownerActorId) {
    if (before.ownerPersonId === after.ownerPersonId) parts.push('Organisation du responsable modifiée');
    changes.ownerActorId = [before.ownerActorId, after.ownerActorId];
  }
  if (before.dueOn !== after.dueOn) {
    parts.push(`Échéance : ${optionalDateFr(before.dueOn)} → ${optionalDateFr(after.dueOn)}`);
    kinds.push('action.due');
    changes.dueOn = [before.dueOn, after.dueOn];
  }
  if (before.startOn !== after.startOn) {
    parts.push(`Début : ${optionalDateFr(before.startOn)} → ${optionalDateFr(after.startOn)}`);
    changes.startOn = [before.startOn, after.startOn];
  }
  if (before.title !== after.title) {
    parts.push(`Titre : ${quote(before.title)} → ${quote(after.title)}`);
    changes.title = [before.title, after.title];
  }
  if (before.description !== after.description) {
    parts.push(after.description === null ? 'Description supprimée' : 'Description modifiée');
    changes.description = [auditValue(before.description), auditValue(after.description)];
  }
  if (before.planActionCode !== after.planActionCode) {
    parts.push(`Action du plan : ${before.planActionCode ?? 'aucune'} → ${after.planActionCode ?? 'aucune'}`);
    changes.planActionCode = [before.planActionCode, after.planActionCode];
  }
  if (!sameList([...before.contributorPersonIds].sort(), [...after.contributorPersonIds].sort())) {
    parts.push(`Contributeurs : ${listDelta(before.contributorPersonIds, after.contributorPersonIds, name)}`);
    changes.contributorPersonIds = [[...before.contributorPersonIds], [...after.contributorPersonIds]];
  }
  const defsBefore = before.indicators.map(definitionOf);
  const defsAfter = after.indicators.map(definitionOf);
  if (JSON.stringify(defsBefore) !== JSON.stringify(defsAfter)) {
    for (const def of defsAfter) {
      const old = defsBefore.find((d) => d.id === def.id);
      if (!old) parts.push(`Indicateur ajouté : ${quote(def.name)} (${def.unit}${def.target !== null ? `, cible ${quantityFr(def.target, def.unit)}` : ''})`);
      else if (JSON.stringify(old) !== JSON.stringify(def)) {
        const what: string[] = [];
        if (old.name !== def.name) what.push(`nom ${quote(def.name)}`);
        if (old.unit !== def.unit) what.push(`unité ${def.unit}`);
        if (old.baseline !== def.baseline) what.push(`référence ${def.baseline === null ? 'aucune' : quantityFr(def.baseline, def.unit)}`);
        if (old.target !== def.target) what.push(`cible ${def.target === null ? 'aucune' : quantityFr(def.target, def.unit)}`);
        parts.push(`Indicateur ${quote(old.name)} : ${what.join(', ')}`);
      }
    }
    for (const def of defsBefore) if (!defsAfter.some((d) => d.id === def.id)) parts.push(`Indicateur retiré : ${quote(def.name)}`);
    changes.indicators = [defsBefore, defsAfter];
  }
  const linkKey = (a: GroupActionRecord) => a.links.map((l) => `${l.kind}:${l.targetId}`).sort();
  if (!sameList(linkKey(before), linkKey(after))) {
    const added = linkKey(after).filter((k) => !linkKey(before).includes(k)).length;
    const removed = linkKey(before).filter((k) => !linkKey(after).includes(k)).length;
    parts.push(`Liens : ${[added > 0 ? `${plural(added, 'ajouté', 'ajoutés')}` : '', removed > 0 ? `${plural(removed, 'retiré', 'retirés')}` : ''].filter(Boolean).join(', ')}`);
    changes.links = [before.links.map((l) => ({ ...l })), after.links.map((l) => ({ ...l }))];
  }
  if (parts.length === 0) return null;
  return { subject: 'ACTION', subjectId: after.id, kind: kinds[0] ?? 'action.updated', summary: summaryOf(parts), changes };
}

/**
 * The entry of a measured value: "« Tonnes réemployées » : 120 t/an au 31 mars 2026 (cible
 * 500 t/an)", saying ", remplace 100 t/an" when it corrects the value of the same day.
 *
 * @param recorded the entry and the value it replaces, as checkIndicatorValue returns them
 */
export function indicatorValueChange(
  indicator: Pick<IndicatorRecord, 'id' | 'name' | 'unit' | 'target'>,
  recorded: { entry: IndicatorValue; replaced: IndicatorValue | null },
): ChangeDraft {
  const { entry, replaced } = recorded;
  const target = indicator.target !== null ? ` (cible ${quantityFr(indicator.target, indicator.unit)})` : '';
  const replaces = replaced ? `, remplace ${quantityFr(replaced.value, indicator.unit)}` : '';
  const note = entry.note ? ` \u2014 ${oneLine(entry.note)}` : '';
  return {
    subject: 'INDICATOR',
    subjectId: indicator.id,
    kind: 'indicator.value',
    summary: summaryOf([`${quote(indicator.name)} : ${quantityFr(entry.value, indicator.unit)} au ${dateFr(entry.on)}${target}${replaces}${note}`]),
    changes: {
      on: [replaced?.on ?? null, entry.on],
      value: [replaced?.value ?? null, entry.value],
      note: [replaced?.note ?? null, entry.note],
    },
  };
}

import {
  actionCreatedChange,
  actionUpdatedChange,
  groupCreatedChange,
  groupUpdatedChange,
  indicatorValueChange,
  MAX_AUDIT_TEXT,
  meetingCreatedChange,
  meetingUpdatedChange,
  memberChange,
  MODE_LABELS_FR,
  ROLE_LABELS_FR,
  STATUS_LABELS_FR,
} from '../../server/domain/working-groups/changes';
import { dateFr, dateTimeFr, longDateFr, numberFr, timeFr } from '../../server/domain/working-groups/labels';
import {
  ACTION_STATUSES,
  GROUP_MODES,
  GroupActionRecord,
  GroupMeetingRecord,
  MEMBER_ROLES,
  MembershipRecord,
  PersonRecord,
  WorkingGroupRecord,
} from '../../server/domain/working-groups/model';

const people: PersonRecord[] = [
  { id: 'p-lead', name: 'Marie Dupont', email: 'marie@cress.example', actorId: 'a-cress' },
  { id: 'p-member', name: 'Jean Martin', email: null, actorId: null },
  { id: 'p-other', name: 'Awa Diallo', email: null, actorId: null },
];

const group: WorkingGroupRecord = {
  id: 'g1',
  planId: 'plan-1',
  code: 'GT6A',
  name: 'Réemploi & réutilisation',
  mode: 'RESOURCE_SPACE',
  description: null,
  territoryKey: 'REGION:76',
  planActionCodes: ['6.1', '6.2'],
  members: [],
  createdAt: '2025-01-10T09:00:00.000Z',
};

const action: GroupActionRecord = {
  id: 'act-1',
  groupId: 'g1',
  title: 'Recenser les recycleries',
  description: null,
  planActionCode: '6.2',
  ownerPersonId: 'p-lead',
  ownerActorId: 'a-cress',
  contributorPersonIds: ['p-member'],
  status: 'IN_PROGRESS',
  statusReason: null,
  startOn: '2026-01-15',
  dueOn: '2026-06-30',
  indicators: [],
  links: [],
  createdAt: '2026-01-15T09:00:00.000Z',
  updatedAt: '2026-01-15T09:00:00.000Z',
};

const meeting: GroupMeetingRecord = {
  id: 'm1',
  groupId: 'g1',
  startsAt: '2026-03-12T13:00:00Z',
  place: 'Hôtel de Région, Toulouse',
  videoLink: null,
  agenda: ['Tour de table'],
  attendees: [],
  minutes: null,
  decisions: [],
  nextMeetingOn: null,
};

describe('French labels and dates', () => {
  it('labels every status, role and mode', () => {
    expect(ACTION_STATUSES.map((s) => STATUS_LABELS_FR[s])).toEqual(['Prévue', 'En cours', 'Bloquée', 'Terminée', 'Abandonnée']);
    expect(MEMBER_ROLES.map((r) => ROLE_LABELS_FR[r])).toEqual(['Pilote', 'Copilote', 'Membre', 'Observateur']);
    expect(GROUP_MODES.map((m) => MODE_LABELS_FR[m])).toEqual(['Espace ressource', "Maître d'ouvrage", "Maître d'œuvre"]);
  });

  it('writes dates and times in French words, in Paris time', () => {
    expect(longDateFr('2026-03-12')).toBe('jeudi 12 mars 2026');
    expect(dateFr('2026-05-01')).toBe('1er mai 2026');
    expect(timeFr('2026-03-12T13:00:00Z')).toBe('14 h 00');
    expect(timeFr('2026-07-02T07:05:00Z')).toBe('09 h 05');
    expect(dateTimeFr('2026-03-11T23:30:00Z')).toBe('jeudi 12 mars 2026 à 00 h 30');
    expect(numberFr(1234.5)).toBe('1\u202f234,5');
  });
});

describe('group changes', () => {
  it('records a creation', () => {
    const change = groupCreatedChange(group);
    expect(change).toMatchObject({ subject: 'GROUP', subjectId: 'g1', kind: 'group.created' });
    expect(change.summary).toBe('Groupe créé : GT6A «\u00a0Réemploi & réutilisation\u00a0» (Espace ressource, actions du plan 6.1, 6.2)');
  });

  it('lists what changed in one line, and nothing when nothing did', () => {
    const after = { ...group, mode: 'PROJECT_OWNER' as const, planActionCodes: ['6.2', '6.3'], description: 'Nouveau texte\nsur deux lignes' };
    const change = groupUpdatedChange(group, after)!;
    expect(change.kind).toBe('group.updated');
    expect(change.summary).toBe("Mode : Espace ressource → Maître d'ouvrage ; Description modifiée ; Actions du plan : +6.3, \u22126.1");
    expect(change.changes).toEqual({
      mode: ['RESOURCE_SPACE', 'PROJECT_OWNER'],
      description: [null, 'Nouveau texte\nsur deux lignes'],
      planActionCodes: [['6.1', '6.2'], ['6.2', '6.3']],
    });
    expect(groupUpdatedChange(group, { ...group, planActionCodes: ['6.2', '6.1'] })).toBeNull();
  });
});

describe('memberChange', () => {
  const lead: MembershipRecord = { personId: 'p-lead', role: 'LEAD', joinedOn: '2025-01-10', leftOn: null };

  it('says who joins, with which role and when', () => {
    expect(memberChange(null, { personId: 'p-member', role: 'MEMBER', joinedOn: '2026-03-12', leftOn: null }, people)).toEqual({
      subject: 'MEMBER',
      subjectId: 'p-member',
      kind: 'member.joined',
      summary: 'Jean Martin rejoint le groupe (Membre) le 12 mars 2026',
      changes: { role: [null, 'MEMBER'], joinedOn: [null, '2026-03-12'], leftOn: [null, null] },
    });
  });

  it('says who leaves, who changes role, who comes back, and corrected dates', () => {
    expect(memberChange(lead, { ...lead, leftOn: '2026-03-12' }, people)?.summary).toBe('Marie Dupont quitte le groupe le 12 mars 2026');
    expect(memberChange(lead, { ...lead, leftOn: '2026-03-12' }, people)?.kind).toBe('member.left');
    expect(memberChange(lead, { ...lead, role: 'CO_LEAD' }, people)).toMatchObject({ kind: 'member.role', summary: 'Rôle de Marie Dupont : Pilote → Copilote' });
    expect(memberChange({ ...lead, leftOn: '2025-06-30' }, lead, people)).toMatchObject({ kind: 'member.joined', summary: 'Marie Dupont rejoint de nouveau le groupe (Pilote)' });
    expect(memberChange(lead, { ...lead, joinedOn: '2025-01-03' }, people)).toMatchObject({
      kind: 'member.updated',
      summary: "Date d'arrivée de Marie Dupont : 10 janvier 2025 → 3 janvier 2025",
    });
    expect(memberChange(lead, { ...lead }, people)).toBeNull();
  });

  it('names an unknown person by id rather than failing', () => {
    expect(memberChange(null, { personId: 'p-x', role: 'OBSERVER', joinedOn: '2026-03-01', leftOn: null }, [])?.summary).toBe(
      'p-x rejoint le groupe (Observateur) le 1er mars 2026',
    );
  });
});

describe('meeting changes', () => {
  it('records a scheduled meeting with its date in words and its place', () => {
    expect(meetingCreatedChange(meeting)).toMatchObject({
      subject: 'MEETING',
      subjectId: 'm1',
      kind: 'meeting.created',
      summary: 'Réunion du jeudi 12 mars 2026 à 14 h 00 programmée (Hôtel de Région, Toulouse)',
    });
    expect(meetingCreatedChange({ ...meeting, place: null, videoLink: 'https://visio.example.org/x' }).summary).toBe(
      'Réunion du jeudi 12 mars 2026 à 14 h 00 programmée (en visioconférence)',
    );
  });

  it('says the minutes were written and which decisions were added', () => {
    const after = { ...meeting, minutes: '# CR\n' + 'x'.repeat(1000), decisions: ['Lancer le recensement', 'Inviter la CMA'] };
    const change = meetingUpdatedChange(meeting, after)!;
    expect(change.kind).toBe('meeting.minutes');
    expect(change.summary).toBe(
      'Réunion du 12 mars 2026 : compte rendu rédigé ; décisions ajoutées : «\u00a0Lancer le recensement\u00a0», «\u00a0Inviter la CMA\u00a0»',
    );
    // Long texts are cut in the audit: the feed is not a second copy of the minutes.
    expect((change.changes.minutes[1] as string).length).toBe(MAX_AUDIT_TEXT);
    expect(change.changes.decisions).toEqual([[], ['Lancer le recensement', 'Inviter la CMA']]);
  });

  it('records a decision added on its own as meeting.decisions, and attendance as counts', () => {
    expect(meetingUpdatedChange(meeting, { ...meeting, decisions: ['Adopter la charte'] })).toMatchObject({
      kind: 'meeting.decisions',
      summary: 'Réunion du 12 mars 2026 : décision ajoutée : «\u00a0Adopter la charte\u00a0»',
    });
    const attended = {
      ...meeting,
      attendees: [
        { personId: 'p-lead', attendance: 'PRESENT' as const },
        { personId: 'p-member', attendance: 'PRESENT' as const },
        { personId: 'p-other', attendance: 'EXCUSED' as const },
      ],
      nextMeetingOn: '2026-04-09',
    };
    expect(meetingUpdatedChange(meeting, attended)).toMatchObject({
      kind: 'meeting.updated',
      summary: 'Réunion du 12 mars 2026 : présences : 2 présents, 1 excusé ; prochaine réunion : 9 avril 2026',
    });
    expect(meetingUpdatedChange(meeting, { ...meeting })).toBeNull();
  });
});

describe('action changes', () => {
  it('records a creation with the person in charge, the due date and the plan action', () => {
    expect(actionCreatedChange(action, people).summary).toBe(
      'Action créée : «\u00a0Recenser les recycleries\u00a0» \u2014 responsable Marie Dupont, échéance 30 juin 2026, action du plan 6.2, statut En cours',
    );
  });

  it('writes a status change with its reason', () => {
    const change = actionUpdatedChange(action, { ...action, status: 'BLOCKED', statusReason: 'attente du financement ADEME' }, people)!;
    expect(change).toEqual({
      subject: 'ACTION',
      subjectId: 'act-1',
      kind: 'action.status',
      summary: 'Statut : En cours → Bloquée (attente du financement ADEME)',
      changes: { status: ['IN_PROGRESS', 'BLOCKED'], statusReason: [null, 'attente du financement ADEME'] },
    });
  });

  it('says so when a finished action is reopened', () => {
    const done = { ...action, status: 'DONE' as const };
    expect(actionUpdatedChange(done, { ...done, status: 'IN_PROGRESS', statusReason: 'seconde phase' }, people)).toMatchObject({
      kind: 'action.reopened',
      summary: 'Statut : Terminée → En cours, action rouverte (seconde phase)',
    });
  });

  it('lists a new owner, due date, contributors and indicators', () => {
    const after: GroupActionRecord = {
      ...action,
      ownerPersonId: 'p-other',
      dueOn: '2026-09-15',
      contributorPersonIds: ['p-lead'],
      indicators: [{ id: 'i1', name: 'Structures recensées', unit: 'structures', baseline: 0, target: 40, history: [] }],
    };
    const change = actionUpdatedChange(action, after, people)!;
    expect(change.kind).toBe('action.owner');
    expect(change.summary).toBe(
      'Responsable : Marie Dupont → Awa Diallo ; Échéance : 30 juin 2026 → 15 septembre 2026 ; Contributeurs : +Marie Dupont, \u2212Jean Martin ; Indicateur ajouté : «\u00a0Structures recensées\u00a0» (structures, cible 40\u00a0structures)',
    );
    expect(change.changes.dueOn).toEqual(['2026-06-30', '2026-09-15']);
    expect(actionUpdatedChange(action, { ...action, dueOn: null }, people)).toMatchObject({ kind: 'action.due', summary: 'Échéance : 30 juin 2026 → aucune' });
    expect(actionUpdatedChange(action, { ...action, updatedAt: '2026-03-12T00:00:00Z' }, people)).toBeNull();
  });

  it('keeps a summary on one line even when a title has line breaks', () => {
    const summary = actionUpdatedChange(action, { ...action, title: 'Recenser\nles recycleries\n\ndu Gers' }, people)!.summary;
    expect(summary).toBe('Titre : «\u00a0Recenser les recycleries\u00a0» → «\u00a0Recenser les recycleries du Gers\u00a0»');
    expect(summary).not.toMatch(/\n/);
  });
});

describe('indicatorValueChange', () => {
  const indicator = { id: 'i1', name: 'Tonnes réemployées', unit: 't/an', target: 500 };

  it('states the value, its day and the target', () => {
    expect(indicatorValueChange(indicator, { entry: { on: '2026-03-31', value: 120, note: null }, replaced: null })).toEqual({
      subject: 'INDICATOR',
      subjectId: 'i1',
      kind: 'indicator.value',
      summary: '«\u00a0Tonnes réemployées\u00a0» : 120\u00a0t/an au 31 mars 2026 (cible 500\u00a0t/an)',
      changes: { on: [null, '2026-03-31'], value: [null, 120], note: [null, null] },
    });
  });

  it('says which value it replaces', () => {
    const change = indicatorValueChange(indicator, {
      entry: { on: '2026-03-31', value: 125.5, note: 'pesée corrigée' },
      replaced: { on: '2026-03-31', value: 120, note: null },
    });
    expect(change.summary).toBe('«\u00a0Tonnes réemployées\u00a0» : 125,5\u00a0t/an au 31 mars 2026 (cible 500\u00a0t/an), remplace 120\u00a0t/an \u2014 pesée corrigée');
    expect(change.changes.value).toEqual([120, 125.5]);
  });
});
